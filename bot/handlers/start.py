"""/start, /help, /lang."""

from __future__ import annotations

from aiogram import Bot
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.handlers.routing import Routes
from bot.storage.users import SUPPORTED_LANGUAGES, Users
from bot.texts import t

router = Routes("start")


@router.message(CommandStart())
async def start(message: Message, lang: str) -> None:
    await message.answer(t("start", lang))


@router.message(Command("help"))
async def help_(message: Message, lang: str, bot: Bot) -> None:
    me = await bot.me()
    await message.answer(t("help", lang, bot=me.username or "bot"))


@router.message(Command("lang"))
async def set_language(message: Message, command: CommandObject, lang: str, users: Users) -> None:
    choice = (command.args or "").strip().lower()
    if choice not in SUPPORTED_LANGUAGES:
        await message.answer(t("lang_usage", lang))
        return
    await users.set_language(message.chat.id, choice)
    await message.answer(t("lang_set", choice))
