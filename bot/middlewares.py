"""Per-update work: which language to answer in; the message text in the log when LOG_MESSAGE_TEXT=true."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.storage.users import Users, language_from_code

text_log = logging.getLogger("bot.updates")


class LanguageMiddleware(BaseMiddleware):
    """Puts `lang` ("ru"/"en") into handler data: the user's /lang choice, else Telegram's language_code.
    Private chats are remembered on first contact (chat id, language, start date: nothing else)."""

    def __init__(self, users: Users):
        self.users = users

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat = data.get("event_chat")
        code = user.language_code if user else None
        if chat is not None and chat.type == "private" and user is not None and not user.is_bot:
            data["lang"] = await self.users.touch(chat.id, code)
        elif user is not None:
            data["lang"] = await self.users.language(user.id, default=language_from_code(code))
        else:
            data["lang"] = "ru"
        return await handler(event, data)


class MessageTextLogMiddleware(BaseMiddleware):
    """An outer middleware on `dp.update`: with LOG_MESSAGE_TEXT=true logs what the user sent (message text or
    caption, button data, inline query) with the update id. Off by default: then logs carry only update ids and
    timings (aiogram's "Update id=… is handled. Duration … ms")."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if self.enabled and isinstance(event, Update):
            try:
                inner = event.event
            except LookupError:  # an update type aiogram does not know
                inner = None
            text = (getattr(inner, "text", None) or getattr(inner, "caption", None) or getattr(inner, "data", None)
                    or getattr(inner, "query", None))
            if isinstance(text, str):
                text_log.info("update %s text: %r", event.update_id, text[:1000])
        return await handler(event, data)
