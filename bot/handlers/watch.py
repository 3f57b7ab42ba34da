"""/watch, /unwatch, /watchlist: which services' breaches a chat hears about."""

from __future__ import annotations

import hashlib
import re
from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.breaches.names import ServiceDirectory, split_watch_terms
from bot.breaches.render import render_history_line
from bot.config import Settings
from bot.filters import HAS_MESSAGE, Claims
from bot.i18n import t
from bot.storage.breaches import Breaches
from bot.storage.users import Users
from bot.storage.watches import Watches

MAX_TERMS_PER_COMMAND = 10
# A service name or a domain: letters, digits, spaces and a little punctuation. Paths, URLs with queries,
# and markup are refused rather than stored.
_PLAUSIBLE = re.compile(r"^[\w .&+'’!-]{1,64}$", re.UNICODE)


class Unwatch(CallbackData, prefix="uw"):
    id: str  # watch_id(key): keys reach 64 characters, more than callback data (64 bytes) can carry


def watch_id(key: str) -> str:
    """A short stable id for a watched key (12 hex digits): matched against the chat's own watches when pressed."""
    return hashlib.blake2s(key.encode("utf-8"), digest_size=6).hexdigest()


def _plausible(term: str) -> bool:
    bare = re.sub(r"^https?://", "", term.strip(), flags=re.IGNORECASE).rstrip("/")
    return bool(_PLAUSIBLE.match(bare)) and not bare.startswith((".", "-")) and ".." not in bare


async def watch(message: Message, command: CommandObject, lang: str, directory: ServiceDirectory,
                watches: Watches, breaches: Breaches, users: Users, settings: Settings) -> None:
    terms = split_watch_terms((command.args or "")[:settings.max_text_length])
    if not terms:
        await message.answer(t("watch_usage", lang))
        return
    await users.ensure(message.chat.id, lang)
    parts: list[str] = []
    for term in terms[:MAX_TERMS_PER_COMMAND]:
        service = directory.resolve(term) if _plausible(term) else None
        if service is None or not service.key:  # "!!!", "&", "ß": nothing left to match breaches by
            parts.append(t("watch_bad_term", lang, term=term[:64]))
            continue
        status = await watches.add(message.chat.id, service.key, service.name(lang), limit=settings.max_watches)
        if status == "limit":
            parts.append(t("watch_limit", lang, limit=settings.max_watches))
            break
        domains = f" ({', '.join(service.domains[:2])})" if service.domains else ""
        head = t("watch_exists" if status == "exists" else "watch_added", lang, name=service.name(lang),
                 domains=domains)
        known = await breaches.for_keys({service.key})
        if known:
            lines = [f"• {render_history_line(b, lang)}" for b in known]
            parts.append(head + "\n" + t("watch_history", lang) + "\n" + "\n".join(lines))
        elif not service.known:
            parts.append(head + "\n" + t("watch_unknown", lang))
        else:
            parts.append(head + "\n" + t("watch_nothing_known", lang))
    await message.answer("\n\n".join(parts))


async def unwatch(message: Message, command: CommandObject, lang: str, directory: ServiceDirectory,
                  watches: Watches, settings: Settings) -> None:
    terms = split_watch_terms((command.args or "")[:settings.max_text_length])
    if not terms:
        await message.answer(t("unwatch_usage", lang))
        return
    parts = []
    for term in terms[:MAX_TERMS_PER_COMMAND]:
        service = directory.resolve(term)
        if await watches.remove(message.chat.id, service.key):
            parts.append(t("unwatch_done", lang, name=service.name(lang)))
        else:
            parts.append(t("unwatch_missing", lang, name=term[:64]))
    await message.answer("\n".join(parts))


def watchlist_view(items: list[tuple[str, str]], lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    if not items:
        return t("watchlist_empty", lang), None
    text = t("watchlist_title", lang, count=len(items)) + "\n" + "\n".join(
        f"• {escape(name, quote=False)}" for _, name in items
    )
    rows = [
        [InlineKeyboardButton(text=f"✖ {name[:40]}", callback_data=Unwatch(id=watch_id(key)).pack())]
        for key, name in items
    ]
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def watchlist(message: Message, lang: str, watches: Watches) -> None:
    text, keyboard = watchlist_view(await watches.list(message.chat.id), lang)
    await message.answer(text, reply_markup=keyboard)


async def unwatch_button(query: CallbackQuery, callback_data: Unwatch, lang: str, watches: Watches) -> None:
    chat_id = query.message.chat.id  # type: ignore[union-attr]
    key = next((key for key, _ in await watches.list(chat_id) if watch_id(key) == callback_data.id), None)
    removed = key is not None and await watches.remove(chat_id, key)
    text, keyboard = watchlist_view(await watches.list(chat_id), lang)
    if removed:
        await query.message.edit_text(text, reply_markup=keyboard)  # type: ignore[union-attr]
        await query.answer()
    else:  # a button from an old list: the service was already removed
        await query.answer(t("stale_button", lang))


def router() -> Router:
    r = Router(name="watch")
    r.message.filter(Claims("watch", "unwatch", "watchlist"))
    r.message.register(watch, Command("watch"))
    r.message.register(unwatch, Command("unwatch"))
    r.message.register(watchlist, Command("watchlist"))
    r.callback_query.register(unwatch_button, Unwatch.filter(), HAS_MESSAGE)
    return r
