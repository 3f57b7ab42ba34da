"""Validation helpers of ``FakeTelegram``: the checks Telegram applies to the bot's requests.

Chat resolution and blocking, flood slots, text/entity parsing, reply markup, reply targets, new
bot messages, editable-message lookup and input files.
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Any

from tg_sandbox.entities import _strip_text, _u16
from tg_sandbox.errors import CHAT_NOT_FOUND, WRONG_FILE, TelegramAPIError, _bad
from tg_sandbox.html_entities import parse_html
from tg_sandbox.limits import MAX_BUTTONS, MAX_CALLBACK_DATA, MAX_PHOTO_BYTES, _Window
from tg_sandbox.models import UploadedFile, _image_size, _MessageMeta, _StoredFile
from tg_sandbox.protocol import _INLINE_BUTTON_ACTIONS


class ValidationMixin:
    """Request validation helpers of :class:`~tg_sandbox.server.FakeTelegram`."""

    # ------------------------------------------------------------------ validation helpers

    def _resolve_chat(self, chat_id: Any) -> dict[str, Any]:
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        if isinstance(chat_id, str):
            name = chat_id.lstrip("@").lower()
            if chat_id.startswith("@"):
                for chat in self._chats.values():
                    if str(chat.get("username", "")).lower() == name and chat.get("type") != "private":
                        return chat
            raise TelegramAPIError(400, CHAT_NOT_FOUND)
        if not isinstance(chat_id, int):
            raise TelegramAPIError(400, CHAT_NOT_FOUND)
        if chat_id > 0:
            return self._private_chat(chat_id)
        chat = self._chats.get(chat_id)
        if chat is None:
            raise TelegramAPIError(400, CHAT_NOT_FOUND)
        return chat

    def _check_can_send(self, chat: dict[str, Any]) -> None:
        chat_id = chat["id"]
        if chat_id == self.bot_id or (chat_id > 0 and self._users.get(chat_id, {}).get("is_bot")):
            raise TelegramAPIError(403, "Forbidden: bot can't send messages to bots")
        if chat_id in self._blocked:
            kind = chat.get("type")
            if kind == "private":
                description = "Forbidden: bot was blocked by the user"
            elif kind == "channel":
                description = "Forbidden: bot is not a member of the channel chat"
            else:
                description = f"Forbidden: bot was kicked from the {kind} chat"
            raise TelegramAPIError(403, description)

    def _take_flood_slot(self, chat_id: int) -> None:
        """Raise 429 if a flood window is full; otherwise use up a slot in each window."""
        limits = self._limits
        if limits is None:
            return
        now = self._clock()
        windows: list[tuple[deque[float], _Window]] = []
        if limits.global_window is not None:
            windows.append((self._global_hits, limits.global_window))
        chat_window = limits.private_window if chat_id > 0 else limits.group_window
        if chat_window is not None:
            windows.append((self._chat_hits.setdefault(chat_id, deque()), chat_window))
        wait = 0.0
        full = False
        for hits, window in windows:
            while hits and hits[0] <= now - window.period:
                hits.popleft()
            if len(hits) >= window.capacity:
                full = True
                wait = max(wait, hits[-window.capacity] + window.period - now)
        if full:
            retry_after = max(1, math.ceil(wait - 1e-9))
            raise TelegramAPIError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)
        for hits, _ in windows:
            hits.append(now)

    def _parse_text(
        self,
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        limit: int,
        caption: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]:
        """Apply parse_mode (or explicit entities), strip, and check length/emptiness.

        Only HTML is parsed: the bot sends HTML, so a Markdown parse_mode is refused rather than half-checked."""
        if text is None:
            text = ""
        if not isinstance(text, str):
            text = str(text)
        mode = (parse_mode or "").lower() if isinstance(parse_mode, str) else ""
        if entities:
            if not isinstance(entities, list) or not all(
                isinstance(e, dict) and {"type", "offset", "length"} <= e.keys() for e in entities
            ):
                raise _bad("can't parse entities JSON object")
            plain, parsed = text, [dict(e) for e in entities]
        elif mode == "html":
            plain, parsed = parse_html(text, strict_ampersand=self.strict_ampersand)
        elif mode:
            raise _bad(f"unsupported parse_mode {parse_mode!r}: the sandbox checks HTML only")
        else:
            plain, parsed = text, []
        plain, parsed = _strip_text(plain, parsed)
        if not caption and not plain:
            raise _bad("message text is empty")
        if _u16(plain) > limit:
            raise _bad("message caption is too long" if caption else "message is too long")
        return plain, parsed

    @staticmethod
    def _check_markup(markup: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Validate reply_markup; returns (inline markup for the Message, reply keyboard/other)."""
        if markup is None or markup == "":
            return None, None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            if not any(k in markup for k in ("keyboard", "remove_keyboard", "force_reply")):
                raise _bad("can't parse reply keyboard markup JSON object")
            keyboard = markup.get("keyboard")
            if keyboard is not None and (
                not isinstance(keyboard, list) or not all(isinstance(row, list) for row in keyboard)
            ):
                raise _bad('can\'t parse reply keyboard markup JSON object: Field "keyboard" must be an Array')
            return None, markup
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad('can\'t parse inline keyboard markup JSON object: Field "inline_keyboard" must be an Array')
        total = 0
        for row in rows:
            for button in row:
                total += 1
                if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                    raise _bad('can\'t parse inline keyboard button: Field "text" must be of type String')
                if not button["text"].strip():
                    raise _bad("BUTTON_TEXT_INVALID")
                if not any(k in button for k in _INLINE_BUTTON_ACTIONS):
                    raise _bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not data or len(data.encode()) > MAX_CALLBACK_DATA:
                        raise _bad("BUTTON_DATA_INVALID")
                if "url" in button:
                    url = button["url"]
                    if not isinstance(url, str) or not url or any(ch.isspace() for ch in url):
                        raise _bad("BUTTON_URL_INVALID")
        if total > MAX_BUTTONS:
            raise _bad("reply markup is too long")
        if total == 0:
            return None, None
        return {"inline_keyboard": rows}, None

    def _reply_target(self, chat: dict[str, Any], params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict) and reply.get("message_id") is not None:
            mid = reply["message_id"]
            allow = bool(reply.get("allow_sending_without_reply"))
            if reply.get("chat_id") not in (None, chat["id"]):
                chat = self._resolve_chat(reply["chat_id"])
        elif params.get("reply_to_message_id") is not None:
            mid = params["reply_to_message_id"]
            allow = bool(params.get("allow_sending_without_reply"))
        else:
            return None
        target = self._messages.get(chat["id"], {}).get(mid)
        if target is None:
            if allow:
                return None
            raise _bad("message to be replied not found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _new_bot_message(
        self,
        chat: dict[str, Any],
        params: dict[str, Any],
        body: dict[str, Any],
        meta: _MessageMeta,
        inline_markup: dict[str, Any] | None,
        reply_to: dict[str, Any] | None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {"message_id": self._next_id(chat["id"])}
        if chat.get("type") == "channel":
            message["sender_chat"] = chat
        else:
            message["from"] = self._bot_user
        message["chat"] = chat
        message["date"] = int(time.time())
        if params.get("message_thread_id"):
            message["message_thread_id"] = params["message_thread_id"]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(body)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        if params.get("protect_content"):
            message["has_protected_content"] = True
        self._store(message)
        self._bot_message_ids.setdefault(chat["id"], []).append(message["message_id"])
        self._meta[(chat["id"], message["message_id"])] = meta
        return message

    def _find_editable(self, params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(chat, message) for edit methods; ``None`` for inline_message_id edits."""
        if params.get("inline_message_id"):
            return None
        if params.get("message_id") is None:
            raise _bad("message identifier is not specified")
        chat = self._resolve_chat(params.get("chat_id"))
        message = self._messages.get(chat["id"], {}).get(params["message_id"])
        if message is None:
            raise _bad("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id and message.get("sender_chat") is None:
            raise _bad("message can't be edited")
        if chat["id"] in self._blocked:
            self._check_can_send(chat)
        return chat, message

    def _replace_message(self, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
        new["edit_date"] = max(int(time.time()), old.get("date", 0))
        self._store(new)
        return new

    def _resolve_input_file(self, value: Any) -> tuple[_StoredFile, bool]:
        """(stored file, is_new_upload) for a photo parameter: an upload, a known file_id or a URL."""
        if isinstance(value, UploadedFile):
            if not value.data:
                raise _bad("file must be non-empty")
            if value.size > MAX_PHOTO_BYTES:
                raise TelegramAPIError(413, "Request Entity Too Large")
            size = _image_size(value.data)
            if size is None:
                raise _bad("IMAGE_PROCESS_FAILED")
            width, height = size
            if width + height > 10000 or min(width, height) == 0 or max(width, height) / min(width, height) > 20:
                raise _bad("PHOTO_INVALID_DIMENSIONS")
            n = next(self._file_seq)
            stored = _StoredFile(f"AgACsandbox{n:06d}", f"AQAD{n:06d}", value, width, height)
            return stored, True
        if isinstance(value, str) and value:
            known = self._stored_files.get(value)
            if known is not None:
                return known, False
            if value.startswith(("http://", "https://")):
                n = next(self._file_seq)
                name = value.rsplit("/", 1)[-1] or "file"
                stored = _StoredFile(f"URLsandbox{n:06d}", f"AQAD{n:06d}", UploadedFile(name, None, b""), 0, 0)
                return stored, True
        raise _bad(WRONG_FILE.removeprefix("Bad Request: "))
