"""The user side of ``FakeTelegram``: simulation knobs and update factories.

Flood limits, blocking, injected failures, chats and members, and the updates a user or Telegram
would produce (messages, edits, channel posts, button presses, inline queries, membership changes).
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from tg_sandbox.entities import detect_entities
from tg_sandbox.errors import _Failure
from tg_sandbox.limits import _Limits, _Window
from tg_sandbox.models import _MEMBER_MODELS


class SimulationMixin:
    """Knobs and update factories of :class:`~tg_sandbox.server.FakeTelegram`."""

    # ------------------------------------------------------------------ knobs

    def enforce_limits(
        self,
        *,
        global_per_second: float | None = 30,
        private_per_second: float | None = 1,
        group_per_minute: int | None = 20,
        private_burst: int = 1,
    ) -> None:
        """Turn on flood control for message-sending methods (``send*`` except sendChatAction).

        Each limit is a sliding window: overall ``global_per_second`` per second; per private chat
        ``private_burst`` messages per ``private_burst / private_per_second`` seconds; per group or
        channel ``group_per_minute`` per 60 s.  ``None`` disables that limit.  Excess calls get
        ``429 Too Many Requests: retry after N`` and do not use up a slot.
        """
        self._limits = _Limits(
            global_window=_Window.per_second(global_per_second, max(1, int(global_per_second)))
            if global_per_second
            else None,
            private_window=_Window.per_second(private_per_second, private_burst) if private_per_second else None,
            group_window=_Window(group_per_minute, 60.0) if group_per_minute else None,
        )
        self._global_hits.clear()
        self._chat_hits.clear()

    def disable_limits(self) -> None:
        self._limits = None
        self._global_hits.clear()
        self._chat_hits.clear()

    def block(self, chat_id: int) -> None:
        """The user blocked the bot (or, for a group/channel id, the bot was removed): sends get 403."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self._blocked.discard(chat_id)

    def fail_next(
        self, method: str, *, code: int, description: str, retry_after: int | None = None, times: int = 1
    ) -> None:
        """The next ``times`` calls of ``method`` fail with this error before doing anything.

        Several calls queue up in order.  ``method`` is case-insensitive (``"sendMessage"``).
        """
        if times < 1:
            raise ValueError("times must be >= 1")
        self._failures.setdefault(method.lower(), deque()).append(_Failure(code, description, retry_after, times))

    def delay(self, method: str, seconds: float) -> None:
        """Answer every call of ``method`` only after ``seconds`` (a slow Telegram); 0 turns it off.

        The call is recorded on arrival, its effect (e.g. the message sent) happens after the delay.
        """
        if seconds < 0:
            raise ValueError("seconds must be >= 0")
        if seconds:
            self._delays[method.lower()] = seconds
        else:
            self._delays.pop(method.lower(), None)

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Register a group, supergroup or channel (``id``, ``type``, ``title``, ``username``...)."""
        if "id" not in chat or "type" not in chat:
            raise ValueError("a chat needs at least 'id' and 'type'")
        stored = dict(chat)
        if stored["type"] != "private":
            stored.setdefault("title", f"Chat {stored['id']}")
        self._chats[int(stored["id"])] = stored

    def set_chat_member(self, chat_id: int, user_id: int, member: dict[str, Any]) -> None:
        """What getChatMember(chat_id, user_id) answers, e.g. ``{"status": "administrator",
        "can_post_messages": True}``; missing required fields are filled with False/0."""
        if "status" not in member:
            raise ValueError("a chat member needs a 'status'")
        if member["status"] not in _MEMBER_MODELS:
            raise ValueError(f"unknown chat member status {member['status']!r}")
        self._members[(chat_id, user_id)] = dict(member)

    def clear_requests(self) -> None:
        """Forget recorded requests and the 429/403 counters (e.g. between benchmark phases)."""
        self.requests.clear()
        self.count_429 = 0
        self.count_403 = 0

    # ------------------------------------------------------------------ update factories

    def send_user_message(
        self,
        text: str | None,
        *,
        user_id: int = 1001,
        first_name: str = "Alice",
        language_code: str | None = "ru",
        chat_id: int | None = None,
        chat_type: str = "private",
        chat_title: str | None = None,
        username: str | None = None,
        is_bot: bool = False,
        forward_origin: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue a ``message`` update from a user and return the Message dict.

        bot_command, mention and url entities are detected like Telegram does.  For groups pass a
        negative ``chat_id`` and ``chat_type="group"``/``"supergroup"`` (the chat is registered).
        ``reply_to`` is a message dict (e.g. from :meth:`messages`) to reply to; ``extra`` is merged
        into the message last (e.g. ``{"document": {...}}``).
        """
        user = self._remember_user(user_id, first_name, username, language_code, is_bot)
        if chat_type == "private":
            chat = self._private_chat(user_id if chat_id is None else chat_id)
        else:
            if chat_id is None:
                raise ValueError("group messages need a chat_id")
            known = self._chats.get(chat_id) or {}
            chat = {**known, "id": chat_id, "type": chat_type}
            chat["title"] = chat_title or known.get("title") or f"Chat {chat_id}"
            if chat != known:
                self._chats[chat_id] = chat
            else:
                chat = known
        message: dict[str, Any] = {
            "message_id": self._next_id(chat["id"]),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
        }
        if forward_origin is not None:
            message["forward_origin"] = forward_origin
        if reply_to is not None:
            message["reply_to_message"] = self._clean(reply_to)
        if text is not None:
            message["text"] = text
            entities = detect_entities(text)
            if entities:
                message["entities"] = entities
        if extra:
            message.update(extra)
        self._store(message)
        self._enqueue({"message": message})
        return message

    def send_edited_message(self, message: dict[str, Any], new_text: str) -> dict[str, Any]:
        """The user edited ``message`` (as returned by send_user_message); queue ``edited_message``."""
        chat_id = message["chat"]["id"]
        current = self._messages.get(chat_id, {}).get(message["message_id"], self._clean(message))
        edited = {k: v for k, v in current.items() if k != "entities"}
        edited["text"] = new_text
        edited["edit_date"] = max(int(time.time()), current.get("date", 0))
        entities = detect_entities(new_text)
        if entities:
            edited["entities"] = entities
        self._store(edited)
        kind = "edited_channel_post" if edited["chat"].get("type") == "channel" else "edited_message"
        self._enqueue({kind: edited})
        return edited

    def send_channel_post(
        self,
        text: str,
        *,
        chat_id: int = -1001000000001,
        title: str = "Source channel",
        username: str | None = None,
    ) -> dict[str, Any]:
        """Queue a ``channel_post`` update in a channel (registered on the fly) and return it."""
        chat = {"id": chat_id, "type": "channel", "title": title}
        if username:
            chat["username"] = username.lstrip("@")
        known = self._chats.get(chat_id)
        if known is not None:
            chat = {**known, **chat}
        self._chats[chat_id] = chat
        message: dict[str, Any] = {
            "message_id": self._next_id(chat_id),
            "sender_chat": chat,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        entities = detect_entities(text)
        if entities:
            message["entities"] = entities
        self._store(message)
        self._enqueue({"channel_post": message})
        return message

    def press_button(
        self, message: dict[str, Any], callback_data: str, *, user_id: int | None = None, strict: bool = True
    ) -> str:
        """A user pressed the inline button with ``callback_data`` under ``message``; returns the
        callback_query id.  With ``strict`` the button must exist on the message's *current*
        inline keyboard (ValueError otherwise)."""
        chat = message["chat"]
        current = self._messages.get(chat["id"], {}).get(message["message_id"])
        if strict:
            if current is None:
                raise ValueError(f"message {message['message_id']} in chat {chat['id']} does not exist (deleted?)")
            available = [
                button.get("callback_data")
                for row in (current.get("reply_markup") or {}).get("inline_keyboard", [])
                for button in row
                if "callback_data" in button
            ]
            if callback_data not in available:
                raise ValueError(f"no button with callback_data={callback_data!r}; the message has {available}")
        if user_id is None:
            user_id = chat["id"] if chat.get("type") == "private" else 1001
        query_id = str(next(self._query_seq))
        self._open_callbacks.add(query_id)
        query = {
            "id": query_id,
            "from": self._user(user_id),
            "message": current if current is not None else self._clean(message),
            "chat_instance": str((chat["id"] * 7919) % (2**62)),
            "data": callback_data,
        }
        self._enqueue({"callback_query": query})
        return query_id

    def send_inline_query(
        self, query: str, *, user_id: int = 1001, language_code: str | None = "ru", offset: str = ""
    ) -> str:
        """Queue an ``inline_query`` update; returns its id (see :attr:`inline_answers`)."""
        user = dict(self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": "Alice"})
        if language_code:
            user["language_code"] = language_code
        else:
            user.pop("language_code", None)
        self._users[user_id] = user
        query_id = str(next(self._query_seq))
        self._open_inline.add(query_id)
        self._enqueue(
            {"inline_query": {"id": query_id, "from": user, "query": query, "offset": offset, "chat_type": "sender"}}
        )
        return query_id

    def send_my_chat_member(
        self, chat_id: int, *, old_status: str, new_status: str, user_id: int | None = None
    ) -> None:
        """Queue a ``my_chat_member`` update (the bot's status in ``chat_id`` changed).

        Side effects mirror Telegram: a private chat whose new status is ``kicked`` is blocked
        (``member`` unblocks it); in groups/channels the bot's membership is updated and
        ``left``/``kicked`` makes sends fail with 403.
        """
        for status in (old_status, new_status):
            if status not in _MEMBER_MODELS:
                raise ValueError(f"unknown chat member status {status!r}")
        if chat_id > 0:
            chat = self._private_chat(chat_id)
        else:
            chat = self._chats.get(chat_id)
            if chat is None:
                chat = {
                    "id": chat_id,
                    "type": "supergroup" if str(chat_id).startswith("-100") else "group",
                    "title": f"Chat {chat_id}",
                }
                self._chats[chat_id] = chat
            self._members[(chat_id, self.bot_id)] = {"status": new_status}
        if user_id is None:
            user_id = chat_id if chat_id > 0 else 1001
        if new_status in ("left", "kicked"):
            self._blocked.add(chat_id)
        elif new_status in ("member", "administrator", "creator", "restricted"):
            self._blocked.discard(chat_id)
        self._enqueue(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": self._user(user_id),
                    "date": int(time.time()),
                    "old_chat_member": self._member_object({"status": old_status}, self._bot_user),
                    "new_chat_member": self._member_object({"status": new_status}, self._bot_user),
                }
            }
        )

    def add_update(self, update: dict[str, Any]) -> None:
        """Queue a raw update (``update_id`` is assigned when missing)."""
        update = dict(update)
        if "update_id" in update:
            self._last_update_id = max(self._last_update_id, int(update["update_id"]))
            self._updates.append(update)
            self._notify_update()
        else:
            self._enqueue(update)
