"""Filters shared by routers. Every one is async: aiogram runs a synchronous filter (a bare `F.…` magic filter, a
`State`) in a worker thread, one thread hop per filter checked per update, while these are attribute reads that
cost microseconds on the event loop. `tests/test_update_path.py` fails if a synchronous filter or handler creeps in."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.filters import BaseFilter, Filter
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.utils.magic_filter import MagicFilter

from bot.config import Settings


class Magic(Filter):
    """A magic filter (`F.…`) checked on the event loop, with aiogram's own semantics: falsy rejects, a dict
    (`.as_(name)`) is passed on to the handler."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"Magic({self.magic!r})"


PRIVATE_CHAT = Magic(F.chat.type == "private")
GROUP_CHAT = Magic(F.chat.type.in_({"group", "supergroup"}))
NOT_PRIVATE_CHAT = Magic(F.chat.type != "private")
TEXT = Magic(F.text)
COMMAND = Magic(F.text.startswith("/"))
NOT_COMMAND = Magic(~F.text.startswith("/"))
FORWARDED = Magic(F.forward_origin)
HAS_MESSAGE = Magic(F.message)  # a button under a message (not an inline-mode result)
IN_PRIVATE_CHAT = Magic(F.message.chat.type == "private")  # a button under a message in a private chat


class IsAdmin(BaseFilter):
    """True for ADMIN_IDS. Admin routers use it as a router filter, so for anyone else their commands fall
    through to the unknown-command answer and reveal nothing."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        return user is not None and settings.is_admin(user.id)
