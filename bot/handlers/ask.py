"""Questions: free text in private chats, /ask and mentions in groups, "see also" buttons. Registered last:
it is the catch-all for text nothing else claimed."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.answers import Answer, answer_entry, answer_question
from bot.config import Settings
from bot.handlers.routing import Routes
from bot.kb import KnowledgeBase
from bot.keyboards import OpenEntry, entries_keyboard
from bot.texts import t

router = Routes("ask")


async def reply(message: Message, answer: Answer, lang: str) -> None:
    await message.answer(answer.text, reply_markup=entries_keyboard(answer.buttons, lang, numbered=answer.numbered))


@router.message(Command("ask"))
async def ask_command(message: Message, command: CommandObject, lang: str, kb: KnowledgeBase, settings: Settings):
    question = (command.args or "").strip()
    if not question:
        await message.answer(t("ask_usage", lang))
        return
    await reply(message, answer_question(kb, question, lang, max_length=settings.max_text_length), lang)


@router.message(F.text.startswith("/"))
async def unknown_command(message: Message, lang: str) -> None:
    if message.chat.type == "private" or _addressed_to_me(message, await message.bot.me() if message.bot else None):
        await message.answer(t("unknown_command", lang))


@router.message(F.chat.type == "private", F.text)
async def ask_private(message: Message, lang: str, kb: KnowledgeBase, settings: Settings) -> None:
    await reply(message, answer_question(kb, message.text or "", lang, max_length=settings.max_text_length), lang)


@router.message(F.chat.type.in_({"group", "supergroup"}), F.text)
async def ask_in_group(message: Message, lang: str, kb: KnowledgeBase, settings: Settings, bot: Bot) -> None:
    me = await bot.me()
    mention = f"@{me.username}".lower() if me.username else None
    text = message.text or ""
    if mention and mention in text.lower():
        question = text.replace(f"@{me.username}", " ").strip()
    elif message.reply_to_message and message.reply_to_message.from_user and \
            message.reply_to_message.from_user.id == me.id:
        question = text
    else:
        return  # group chatter not addressed to the bot: deliberate silence
    if not question:
        await message.answer(t("ask_usage", lang))
        return
    await reply(message, answer_question(kb, question, lang, max_length=settings.max_text_length), lang)


@router.message(F.chat.type == "private")
async def not_text(message: Message, lang: str) -> None:
    """Stickers, photos, voice: say what the bot can read instead of staying silent."""
    await message.answer(t("not_text", lang))


@router.callback_query(OpenEntry.filter())
async def open_entry(query: CallbackQuery, callback_data: OpenEntry, lang: str, kb: KnowledgeBase) -> None:
    entry = kb.get(callback_data.id)
    if entry is None or query.message is None:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    answer = answer_entry(kb, entry, lang)
    await query.message.answer(answer.text, reply_markup=entries_keyboard(answer.buttons, lang))
    await query.answer()


@router.callback_query()
async def unknown_button(query: CallbackQuery, lang: str) -> None:
    """Callback data nobody claimed (a button from an old version, forged data, an admin's button pressed by
    someone else): answered like any stale button, so the client's spinner stops and nothing is revealed."""
    await query.answer(t("stale_button", lang), show_alert=True)


def _addressed_to_me(message: Message, me) -> bool:
    if me is None or not me.username or not message.text:
        return False
    first = message.text.split()[0]
    return first.lower().endswith(f"@{me.username.lower()}")
