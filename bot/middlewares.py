"""Per-update work: which language to answer in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.storage.users import Users, language_from_code


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
