"""Inline keyboards and their callback data. Callback data carries ids only (Telegram allows 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.kb.models import Entry
from bot.render import button_title


class OpenEntry(CallbackData, prefix="e"):
    id: str


def entries_keyboard(entries: list[Entry], lang: str, *, numbered: bool = False,
                     start: int = 1) -> InlineKeyboardMarkup | None:
    """A button per entry that opens it; `numbered` from `start` (a later page of a list goes on counting)."""
    if not entries:
        return None
    rows = [
        [
            InlineKeyboardButton(
                text=(f"{n}. " if numbered else "") + button_title(entry, lang),
                callback_data=OpenEntry(id=entry.id).pack(),
            )
        ]
        for n, entry in enumerate(entries, start=start)
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)
