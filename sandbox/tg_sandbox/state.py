"""Chat state of ``FakeTelegram``: what the bot did, and how users, chats and messages are stored.

Read-back and wait helpers (``messages``, ``wait_for_messages`` ...), the update queue and the
bookkeeping of users, chats, stored messages and members.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

from tg_sandbox.models import _MEMBER_MODELS, Recorded, _complete

# How long a wait for the bot gives up after. Waits end on a signal (a message, a call), so this limit only decides
# how long a failing test takes; it is generous because a loaded 2-core CI machine can take seconds per update.
WAIT_LIMIT = 30.0


class StateMixin:
    """Observation and state helpers of :class:`~tg_sandbox.server.FakeTelegram`."""

    # ------------------------------------------------------------------ what the bot did

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages the bot sent to ``chat_id`` (current state, deleted ones left out), oldest first.

        Each is the Telegram Message plus ``"html"`` (text/caption exactly as the bot sent it) and
        ``"text"`` (plain text; for media the plain caption), and when applicable
        ``"reply_keyboard"`` (a reply keyboard sent along) and ``"file"`` (the :class:`UploadedFile`).
        The dicts share nested objects with the sandbox's state: do not mutate them.
        """
        store = self._messages.get(chat_id)
        if not store:
            return []
        return [self._view(chat_id, store[mid]) for mid in self._bot_message_ids.get(chat_id, ()) if mid in store]

    def chats_with_messages(self) -> list[int]:
        """Ids of the chats the bot has sent at least one (not deleted) message to."""
        return [chat_id for chat_id in self._bot_message_ids if self._live_bot_ids(chat_id)]

    def last_message(self, chat_id: int) -> dict[str, Any] | None:
        store = self._messages.get(chat_id)
        if store:
            for mid in reversed(self._bot_message_ids.get(chat_id, ())):
                if mid in store:
                    return self._view(chat_id, store[mid])
        return None

    def commands(
        self,
        *,
        scope_type: str = "default",
        chat_id: int | None = None,
        language_code: str = "",
        user_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Commands set with setMyCommands for exactly this scope and language."""
        return list(self._commands.get((scope_type, chat_id, user_id, language_code), []))

    def calls(self, method: str) -> list[Recorded]:
        """Recorded calls of one method (case-insensitive)."""
        method = method.lower()
        return [r for r in self.requests if r.method.lower() == method]

    @property
    def errors(self) -> list[Recorded]:
        """Recorded calls that got an error answer."""
        return [r for r in self.requests if r.status != 200]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = WAIT_LIMIT) -> None:  # noqa: ASYNC109
        """Wait until ``predicate()`` is true; it is re-checked after every API call and update
        (and every 20 ms).  Raises TimeoutError."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"condition not met within {timeout} s{self._diagnostics()}")
            event = self._change_event
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.02))

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int = 1,
        timeout: float = WAIT_LIMIT,  # noqa: ASYNC109 - part of the public API
    ) -> list[dict[str, Any]]:
        """Wait until the bot has sent at least ``count`` (not deleted) messages to ``chat_id`` in
        total and return them all (see :meth:`messages`)."""
        try:
            await self.wait_until(lambda: len(self._live_bot_ids(chat_id)) >= count, timeout)
        except TimeoutError:
            got = self.messages(chat_id)
            texts = [m.get("text", "")[:80] for m in got]
            raise TimeoutError(
                f"expected >= {count} bot message(s) in chat {chat_id} within {timeout} s, "
                f"got {len(got)}: {texts}{self._diagnostics()}"
            ) from None
        return self.messages(chat_id)

    async def wait_for_updates_consumed(self, timeout: float = WAIT_LIMIT) -> None:  # noqa: ASYNC109
        """Wait until every queued update was confirmed (getUpdates with a higher offset) or
        delivered to the webhook."""
        try:
            await self.wait_until(lambda: not self._updates, timeout)
        except TimeoutError:
            raise TimeoutError(
                f"{len(self._updates)} update(s) still pending after {timeout} s "
                f"(ids {[u['update_id'] for u in list(self._updates)[:10]]}){self._diagnostics()}"
            ) from None

    def _diagnostics(self) -> str:
        lines = []
        errors = self.errors[-5:]
        if errors:
            lines.append("recent API errors: " + "; ".join(f"{r.method} -> {r.description}" for r in errors))
        lines.append(f"pending updates: {len(self._updates)}; polling now: {self.is_polling}")
        if self._webhook:
            lines.append(f"webhook: {self._webhook['url']} last error: {self._webhook_error}")
        last = [r.method for r in self.requests[-8:]]
        lines.append(f"last calls: {last}")
        return "\n  " + "\n  ".join(lines)

    # ------------------------------------------------------------------ state helpers

    def _notify_change(self) -> None:
        event = self._change_event
        self._change_event = asyncio.Event()
        event.set()

    def _notify_update(self) -> None:
        self._wake_pollers()
        self._notify_change()

    def _wake_pollers(self) -> None:
        event = self._update_event
        self._update_event = asyncio.Event()
        event.set()

    def _enqueue(self, payload: dict[str, Any]) -> int:
        self._last_update_id += 1
        update = {"update_id": self._last_update_id, **payload}
        self._updates.append(update)
        self._notify_update()
        return self._last_update_id

    def _remember_user(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        language_code: str | None,
        is_bot: bool = False,
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
        if username:
            user["username"] = username.lstrip("@")
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        chat = self._chats.get(user_id)
        if chat is None or chat.get("first_name") != first_name or chat.get("username") != user.get("username"):
            chat = {"id": user_id, "type": "private", "first_name": first_name}
            if "username" in user:
                chat["username"] = user["username"]
            self._chats[user_id] = chat
        return user

    def _user(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            return self._bot_user
        user = self._users.get(user_id)
        if user is None:
            user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
            self._users[user_id] = user
        return user

    def _private_chat(self, chat_id: int) -> dict[str, Any]:
        chat = self._chats.get(chat_id)
        if chat is None:
            user = self._user(chat_id)
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
            self._chats[chat_id] = chat
        return chat

    def _next_id(self, chat_id: int) -> int:
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _store(self, message: dict[str, Any]) -> None:
        self._messages.setdefault(message["chat"]["id"], {})[message["message_id"]] = message

    @staticmethod
    def _clean(message: dict[str, Any]) -> dict[str, Any]:
        """A Message dict without the sandbox's extra keys (see :meth:`messages`) and nested reply."""
        clean = {k: v for k, v in message.items() if k not in ("html", "reply_keyboard", "file", "reply_to_message")}
        if "photo" in clean or "document" in clean:
            clean.pop("text", None)  # messages() adds the caption as "text" for convenience
        return clean

    def _view(self, chat_id: int, message: dict[str, Any]) -> dict[str, Any]:
        view = dict(message)
        meta = self._meta.get((chat_id, message["message_id"]))
        plain = message.get("text", message.get("caption", ""))
        view["text"] = plain
        view["html"] = meta.raw if meta is not None and meta.raw is not None else plain
        if meta is not None:
            if meta.reply_keyboard is not None:
                view["reply_keyboard"] = meta.reply_keyboard
            if meta.file is not None:
                view["file"] = meta.file
        return view

    def _live_bot_ids(self, chat_id: int) -> list[int]:
        store = self._messages.get(chat_id, {})
        return [mid for mid in self._bot_message_ids.get(chat_id, ()) if mid in store]

    def _member_object(self, member: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
        data = dict(member)
        data.setdefault("user", user)
        if data["status"] in ("kicked", "restricted"):
            data.setdefault("until_date", 0)
        if data["status"] == "restricted":
            data.setdefault("is_member", True)
        return _complete(_MEMBER_MODELS[data["status"]], data)
