"""Inline keyboards and their callback data. Callback data carries ids only (Telegram allows 64 bytes)."""

from __future__ import annotations

from functools import lru_cache

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
    rows = [[_open_button((f"{n}. " if numbered else "") + button_title(entry, lang), entry.id)]
            for n, entry in enumerate(entries, start=start)]
    return InlineKeyboardMarkup(inline_keyboard=rows)


@lru_cache(maxsize=4096)
def _open_button(text: str, entry_id: str) -> InlineKeyboardButton:
    """The button opening one entry, made once per label: most replies show the same few entries, and a button
    (two pydantic models, the callback data packed) cost more than the rest of a reply's keyboard. Keyed by the
    label itself, so a reloaded knowledge base with a new title gets a new button. Shared by every keyboard that
    shows it: nothing changes a button once made."""
    return InlineKeyboardButton(text=text, callback_data=OpenEntry(id=entry_id).pack())
