"""Questions: free text in private chats, /ask and mentions in groups, "see also" buttons. Registered last:
it is the catch-all for text nothing else claimed. Every question is read in the asker's time zone (a deadline
question counts from a moment the asker names), so no earlier router has to guess which questions are those."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.answers import Answer, answer_entry, cached_answer
from bot.config import Settings
from bot.filters import COMMAND, GROUP_CHAT, PRIVATE_CHAT, TEXT, PlainPrivateText
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.keyboards import OpenEntry, entries_keyboard
from bot.storage.users import Users
from bot.understanding import intents as I

# The question an "answer with the other tool" button answers again (callback data cannot hold it).
OFFERED_QUESTION = "offered_question"
_OFFER_LABEL = {I.ESTIMATE: "offer_estimate", I.DEADLINE: "offer_deadline", I.FINES_STATS: "offer_stats",
                I.FINES_LIST: "offer_list"}


class OtherTool(CallbackData, prefix="ot"):
    intent: str


def keyboard(answer: Answer, lang: str) -> InlineKeyboardMarkup | None:
    markup = entries_keyboard(answer.buttons, lang, numbered=answer.numbered)
    if answer.offer not in _OFFER_LABEL:
        return markup
    row = [InlineKeyboardButton(text=t(_OFFER_LABEL[answer.offer], lang),
                                callback_data=OtherTool(intent=answer.offer).pack())]
    return InlineKeyboardMarkup(inline_keyboard=[*(markup.inline_keyboard if markup else []), row])


async def reply(message: Message, answer: Answer, lang: str, *, state: FSMContext | None = None,
                question: str | None = None) -> None:
    """The answer with its buttons; when another tool fits the question too, a button answers with that one."""
    if answer.offer and (state is None or not question):
        answer.offer = None
    if answer.offer and state is not None:
        await state.update_data({OFFERED_QUESTION: question})
    await message.answer(answer.text, reply_markup=keyboard(answer, lang))


async def _zone(users: Users, message: Message) -> str | None:
    """The asker's time zone (/tz): in a group, the one they chose in their private chat."""
    return await users.timezone(message.from_user.id if message.from_user else message.chat.id)


async def ask_command(message: Message, command: CommandObject, lang: str, kb: KnowledgeBase, settings: Settings,
                      state: FSMContext, users: Users):
    question = (command.args or "").strip()
    if not question:
        await message.answer(t("ask_usage", lang))
        return
    zone = await _zone(users, message)
    answer = cached_answer(kb, question, lang, max_length=settings.max_text_length, tz_name=zone)
    await reply(message, answer, lang, state=state, question=question)


async def unknown_command(message: Message, lang: str) -> None:
    if message.chat.type == "private" or _addressed_to_me(message, await message.bot.me() if message.bot else None):
        await message.answer(t("unknown_command", lang))


async def ask_private(message: Message, lang: str, kb: KnowledgeBase, settings: Settings, state: FSMContext,
                      users: Users) -> None:
    question = message.text or ""
    zone = await _zone(users, message)
    answer = cached_answer(kb, question, lang, max_length=settings.max_text_length, tz_name=zone)
    await reply(message, answer, lang, state=state, question=question)


async def ask_in_group(message: Message, lang: str, kb: KnowledgeBase, settings: Settings, bot: Bot,
                       state: FSMContext, users: Users) -> None:
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
    zone = await _zone(users, message)
    answer = cached_answer(kb, question, lang, max_length=settings.max_text_length, tz_name=zone)
    await reply(message, answer, lang, state=state, question=question)


async def not_text(message: Message, lang: str) -> None:
    """Stickers, photos, voice: say what the bot can read instead of staying silent."""
    await message.answer(t("not_text", lang))


async def open_entry(query: CallbackQuery, callback_data: OpenEntry, lang: str, kb: KnowledgeBase) -> None:
    entry = kb.get(callback_data.id)
    if entry is None or query.message is None:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    answer = answer_entry(kb, entry, lang)
    await query.message.answer(answer.text, reply_markup=entries_keyboard(answer.buttons, lang))
    await query.answer()


async def other_tool(query: CallbackQuery, callback_data: OtherTool, lang: str, kb: KnowledgeBase, settings: Settings,
                     state: FSMContext, users: Users) -> None:
    """The same question answered by the other tool that fits it (an estimate beside a deadline, or back)."""
    question = (await state.get_data()).get(OFFERED_QUESTION)
    if not isinstance(question, str) or not question or query.message is None:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    zone = await users.timezone(query.message.chat.id)
    answer = cached_answer(kb, question, lang, max_length=settings.max_text_length, tz_name=zone,
                           intent=callback_data.intent)
    answer.offer = None
    await query.message.answer(answer.text, reply_markup=keyboard(answer, lang))
    await query.answer()


async def unknown_button(query: CallbackQuery, lang: str) -> None:
    """Callback data nobody claimed (a button from an old version, forged data, an admin's button pressed by
    someone else): answered like any stale button, so the client's spinner stops and nothing is revealed."""
    await query.answer(t("stale_button", lang), show_alert=True)


def _addressed_to_me(message: Message, me) -> bool:
    if me is None or not me.username or not message.text:
        return False
    first = message.text.split()[0]
    return first.lower().endswith(f"@{me.username.lower()}")


def router() -> Router:
    """Included last: the catch-all for text, commands and buttons nothing else claimed."""
    r = Router(name="ask")
    # Most updates: a question typed in a private chat, taken in one check. The same handler comes again below, in
    # its place after the command handlers, for text that only looks like a command (" /x": a space first).
    r.message.register(ask_private, PlainPrivateText())
    r.message.register(ask_command, Command("ask"))
    r.message.register(unknown_command, COMMAND)
    r.message.register(ask_private, PRIVATE_CHAT, TEXT)
    r.message.register(ask_in_group, GROUP_CHAT, TEXT)
    r.message.register(not_text, PRIVATE_CHAT)
    r.callback_query.register(open_entry, OpenEntry.filter())
    r.callback_query.register(other_tool, OtherTool.filter())
    r.callback_query.register(unknown_button)
    return r
