"""/start, /help, /lang."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.filters import Claims
from bot.i18n import t
from bot.storage.users import SUPPORTED_LANGUAGES, Users


async def start(message: Message, lang: str) -> None:
    await message.answer(t("start", lang))


async def help_(message: Message, lang: str, bot: Bot) -> None:
    me = await bot.me()
    await message.answer(t("help", lang, bot=me.username or "bot"))


async def set_language(message: Message, command: CommandObject, lang: str, users: Users) -> None:
    choice = (command.args or "").strip().lower()
    if choice not in SUPPORTED_LANGUAGES:
        await message.answer(t("lang_usage", lang))
        return
    await users.set_language(message.chat.id, choice)
    await message.answer(t("lang_set", choice))


def router() -> Router:
    r = Router(name="start")
    r.message.filter(Claims("start", "help", "lang"))
    r.message.register(start, CommandStart())
    r.message.register(help_, Command("help"))
    r.message.register(set_language, Command("lang"))
    return r
