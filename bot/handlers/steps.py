"""What the step-by-step tools (/fine, /deadline, /tz, /fines) share: buttons from callback data, the next step shown
by editing the tool's own message, and waiting for a typed answer to a step's question. Not a router."""

from __future__ import annotations

import time
from contextlib import suppress

from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.kb import KnowledgeBase

INPUT_TTL = 15 * 60   # seconds a typed answer (a count, the revenue, a moment) is waited for


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def rows(buttons: list[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i:i + width] for i in range(0, len(buttons), width)]


async def edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    if not isinstance(query.message, Message):
        return
    with suppress(TelegramBadRequest):  # "message is not modified" when the same button is pressed twice
        await query.message.edit_text(text, reply_markup=markup)


async def await_input(state: FSMContext, waiting: str, private: bool, **data: object) -> None:
    """Wait for a typed answer, in private chats only (in a group a typed line is chatter: buttons suffice)."""
    if not private:
        await state.clear()
        return
    await state.set_state(waiting)
    await state.set_data({**data, "at": time.time()})


async def typed_answer(message: Message, state: FSMContext, kb: KnowledgeBase) -> dict:
    """The wait's data when the message can be its answer. A stale wait, or a message that reads as a question of
    its own ("top 10 GDPR fines"), ends the wait and goes on to the other handlers."""
    data = await state.get_data()
    text = message.text or ""
    if time.time() - float(data.get("at", 0)) > INPUT_TTL or len(text.split()) > 5 or kb.fines.parse(text):
        await state.clear()
        raise SkipHandler()
    return data
