"""The Bot API method implementations of ``FakeTelegram`` (except update delivery).

getMe, sending and editing messages, photos, deletions, callback and inline answers, commands, chats and
members: the methods the bot calls, no more (a method the bot starts to call is added here with its checks).
"""

from __future__ import annotations

import re
from typing import Any

from aiogram import types as tg

from tg_sandbox.errors import NOT_MODIFIED, QUERY_TOO_OLD, TelegramAPIError, _bad
from tg_sandbox.limits import (
    MAX_CALLBACK_ANSWER,
    MAX_CAPTION_LENGTH,
    MAX_COMMANDS,
    MAX_INLINE_RESULT_ID,
    MAX_INLINE_RESULTS,
    MAX_TEXT_LENGTH,
)
from tg_sandbox.models import _complete, _MessageMeta
from tg_sandbox.protocol import _COMMAND_SCOPES, _INLINE_RESULT_TYPES, _INT_RE


class MethodsMixin:
    """Bot API methods of :class:`~tg_sandbox.server.FakeTelegram`."""

    # ------------------------------------------------------------------ methods

    def _m_get_me(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self._bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _m_send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        raw_text = params.get("text")
        text, entities = self._parse_text(
            raw_text, params.get("parse_mode"), params.get("entities"), limit=MAX_TEXT_LENGTH
        )
        inline, other = self._check_markup(params.get("reply_markup"))
        reply_to = self._reply_target(chat, params)
        self._check_can_send(chat)
        self._take_flood_slot(chat["id"])
        body: dict[str, Any] = {"text": text}
        if entities:
            body["entities"] = entities
        if isinstance(params.get("link_preview_options"), dict) and params["link_preview_options"]:
            body["link_preview_options"] = params["link_preview_options"]
        meta = _MessageMeta(raw=raw_text if isinstance(raw_text, str) else text, reply_keyboard=other)
        return self._new_bot_message(chat, params, body, meta, inline, reply_to)

    def _m_send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        value = params.get("photo")
        if value is None or value == "":
            raise _bad("there is no photo in the request")
        raw_caption = params.get("caption")
        caption, entities = self._parse_text(
            raw_caption,
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=MAX_CAPTION_LENGTH,
            caption=True,
        )
        inline, other = self._check_markup(params.get("reply_markup"))
        reply_to = self._reply_target(chat, params)
        stored, is_new = self._resolve_input_file(value)
        self._check_can_send(chat)
        self._take_flood_slot(chat["id"])
        if is_new:
            self._stored_files[stored.file_id] = stored
        upload = stored.upload
        size: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "width": stored.width,
            "height": stored.height,
        }
        if upload is not None and upload.data:
            size["file_size"] = upload.size
        body: dict[str, Any] = {"photo": [size]}
        if caption:
            body["caption"] = caption
            if entities:
                body["caption_entities"] = entities
        if params.get("has_spoiler"):
            body["has_media_spoiler"] = True
        meta = _MessageMeta(
            raw=raw_caption if isinstance(raw_caption, str) else caption,
            reply_keyboard=other,
            file=upload if upload is not None and upload.data else None,
        )
        return self._new_bot_message(chat, params, body, meta, inline, reply_to)

    def _m_edit_message_text(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        raw_text = params.get("text")
        text, entities = self._parse_text(
            raw_text, params.get("parse_mode"), params.get("entities"), limit=MAX_TEXT_LENGTH
        )
        inline, _ = self._check_markup(params.get("reply_markup"))
        found = self._find_editable(params)
        if found is None:
            return True
        chat, old = found
        if "text" not in old:
            raise _bad("there is no text in the message to edit")
        if old["text"] == text and old.get("entities", []) == entities and old.get("reply_markup") == inline:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        new = {k: v for k, v in old.items() if k not in ("entities", "reply_markup", "link_preview_options")}
        new["text"] = text
        if entities:
            new["entities"] = entities
        if inline is not None:
            new["reply_markup"] = inline
        meta = self._meta.get((chat["id"], old["message_id"]))
        if meta is not None:
            meta.raw = raw_text if isinstance(raw_text, str) else text
        return self._replace_message(old, new)

    def _m_edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        inline, _ = self._check_markup(params.get("reply_markup"))
        found = self._find_editable(params)
        if found is None:
            return True
        chat, old = found
        if old.get("reply_markup") == inline:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        if inline is not None:
            new["reply_markup"] = inline
        return self._replace_message(old, new)

    def _m_delete_message(self, params: dict[str, Any]) -> bool:
        chat = self._resolve_chat(params.get("chat_id"))
        if params.get("message_id") is None:
            raise _bad("message identifier is not specified")
        store = self._messages.get(chat["id"], {})
        if store.pop(params["message_id"], None) is None:
            raise _bad("message to delete not found")
        self._meta.pop((chat["id"], params["message_id"]), None)
        return True

    def _m_answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_callbacks:
            raise TelegramAPIError(400, QUERY_TOO_OLD)
        text = params.get("text")
        if isinstance(text, str) and len(text) > MAX_CALLBACK_ANSWER:
            raise _bad("MESSAGE_TOO_LONG")
        self._open_callbacks.discard(query_id)
        self.callback_answers[query_id] = {k: v for k, v in params.items() if k != "callback_query_id"}
        return True

    def _m_answer_inline_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._open_inline:
            raise TelegramAPIError(400, QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("can't parse results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict):
                raise _bad("can't parse results JSON object")
            result_id = result.get("id")
            if not isinstance(result_id, str) or not result_id or len(result_id.encode()) > MAX_INLINE_RESULT_ID:
                raise _bad("RESULT_ID_INVALID")
            if result_id in seen:
                raise _bad("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            if result.get("type") not in _INLINE_RESULT_TYPES:
                raise _bad("RESULT_TYPE_INVALID")
            if result["type"] == "article":
                if not isinstance(result.get("title"), str) or not result["title"]:
                    raise _bad('Field "title" must be of type String')
                if not isinstance(result.get("input_message_content"), dict):
                    raise _bad('Field "input_message_content" must be of type Object')
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._parse_text(
                    content.get("message_text"),
                    content.get("parse_mode"),
                    content.get("entities"),
                    limit=MAX_TEXT_LENGTH,
                )
            self._check_markup(result.get("reply_markup"))
        self._open_inline.discard(query_id)
        self.inline_answers[query_id] = {k: v for k, v in params.items() if k != "inline_query_id"}
        return True

    def _command_key(self, params: dict[str, Any]) -> tuple[str, int | None, int | None, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
            raise _bad("wrong parameter scope type")
        kind = scope["type"]
        chat_id: int | None = None
        user_id: int | None = None
        if kind in ("chat", "chat_administrators", "chat_member"):
            raw_chat = scope.get("chat_id")
            if isinstance(raw_chat, str) and _INT_RE.fullmatch(raw_chat):
                raw_chat = int(raw_chat)
            chat_id = self._resolve_chat(raw_chat)["id"]
        if kind == "chat_member":
            if scope.get("user_id") is None:
                raise _bad("user_id is empty")
            user_id = int(scope["user_id"])
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise _bad("LANG_CODE_INVALID")
        return kind, chat_id, user_id, str(language)

    def _m_set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise _bad("too many commands")
        for command in commands:
            if not isinstance(command, dict):
                raise _bad("can't parse BotCommand")
            name = command.get("command")
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad("BOT_COMMAND_INVALID")
            description = command.get("description")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._command_key(params)
        if commands:
            self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        else:
            self._commands.pop(key, None)
        return True

    def _m_get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        info = dict(chat)
        info.setdefault("accent_color_id", 0)
        info.setdefault("max_reaction_count", 11)
        return _complete(tg.ChatFullInfo, info)

    def _m_get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        user_id = params.get("user_id")
        if not isinstance(user_id, int):
            raise _bad("user not found")
        user = self._user(user_id)
        member = self._members.get((chat["id"], user_id))
        if member is None:
            if chat["type"] == "private":
                member = {"status": "member"} if user_id in (chat["id"], self.bot_id) else {"status": "left"}
            elif user_id == self.bot_id:
                if chat["type"] == "channel":
                    member = {
                        "status": "administrator",
                        "can_manage_chat": True,
                        "can_post_messages": True,
                        "can_edit_messages": True,
                        "can_delete_messages": True,
                    }
                else:
                    member = {"status": "member"}
            else:
                member = {"status": "left"}
        return self._member_object(member, user)
