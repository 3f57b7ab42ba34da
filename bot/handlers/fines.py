"""/fines: a paged list of the GDPR fines data with filters (country, year, sector, amount, cookie fines), sorting,
the fines themselves a button away, and charts sent as photos. The work is in bot/legal/explorer.py."""

from __future__ import annotations

import asyncio
import re
from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.filters import Claims
from bot.handlers.steps import button, edit, rows
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.kb.countries import COUNTRIES, country_label
from bot.keyboards import entries_keyboard
from bot.legal.answers import explorer_of
from bot.legal.chart import fines_chart
from bot.legal.explorer import AMOUNT_STEPS, FinesExplorer, FinesFilter
from bot.legal.render import amount_step_label, filter_label, render_fines_page
from bot.render import fines_notes

_SAFE_WORD = re.compile(r"[^\w.&-]")


class FinesView(CallbackData, prefix="fx"):
    c: str = ""     # country code
    a: int = -1     # authority (index into the explorer's authorities)
    q: str = ""     # company word
    r: str = ""     # article
    y: int = 0      # year
    s: int = -1     # sector (index into the explorer's sectors)
    m: int = 0      # minimum amount (index into AMOUNT_STEPS)
    e: int = -1     # ePrivacy fines: -1 default, 0 out, 1 in
    o: str = "a"    # sort: a amount, d date
    p: int = 0      # page
    v: str = ""     # "" the list; c/y/s/m a chooser; gy/gc a chart


def _to_filter(view: FinesView, explorer: FinesExplorer) -> FinesFilter | None:
    authorities = list(explorer.authorities)
    if (view.c and view.c not in COUNTRIES) or not -1 <= view.a < len(authorities) \
            or not -1 <= view.s < len(explorer.sectors) or not 0 <= view.m < len(AMOUNT_STEPS) \
            or view.e not in (-1, 0, 1) or view.o not in ("a", "d") or view.p < 0 \
            or view.v not in ("", "c", "y", "s", "m", "gy", "gc") or (view.r and not view.r.isdigit()):
        return None
    return FinesFilter(
        country=view.c or None, authority=authorities[view.a] if view.a >= 0 else None, company=view.q or None,
        article=view.r or None, year=view.y or None, sector=explorer.sectors[view.s] if view.s >= 0 else None,
        min_amount=AMOUNT_STEPS[view.m], eprivacy=None if view.e < 0 else bool(view.e),
        sort="date" if view.o == "d" else "amount")


def _to_view(f: FinesFilter, explorer: FinesExplorer, page: int = 0) -> FinesView:
    company = _SAFE_WORD.sub("", f.company or "")
    while len(company.encode()) > 16:
        company = company[:-1]
    authorities = list(explorer.authorities)
    return FinesView(
        c=f.country or "", a=authorities.index(f.authority) if f.authority in authorities else -1, q=company,
        r=f.article or "", y=f.year or 0, s=explorer.sectors.index(f.sector) if f.sector in explorer.sectors else -1,
        m=AMOUNT_STEPS.index(f.min_amount) if f.min_amount in AMOUNT_STEPS else 0,
        e=-1 if f.eprivacy is None else int(f.eprivacy), o="d" if f.sort == "date" else "a", p=page)


def _fines_view(explorer: FinesExplorer, f: FinesFilter, page_no: int, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    page = explorer.page(f, page_no)
    view = _to_view(f, explorer, page.number)
    move = view.model_copy
    items = entries_keyboard(page.items, lang, numbered=True, start=page.number * page.size + 1)
    markup = list(items.inline_keyboard) if items else []
    nav = []
    if page.number > 0:
        nav.append(button("◀", move(update={"p": page.number - 1})))
    if page.number + 1 < page.pages:
        nav.append(button("▶", move(update={"p": page.number + 1})))
    if nav:
        markup.append(nav)
    markup.append([button(t(key, lang), move(update={"v": v})) for key, v in
                   (("btn_country", "c"), ("btn_year", "y"), ("btn_sector", "s"), ("btn_amount", "m"))])
    keeps_cookies = explorer.keeps_eprivacy(f)
    markup.append([button(t("btn_sort_amount" if f.sort == "date" else "btn_sort_date", lang),
                          move(update={"o": "a" if f.sort == "date" else "d", "p": 0})),
                   button(t("btn_cookies_off" if keeps_cookies else "btn_cookies_on", lang),
                          move(update={"e": 0 if keeps_cookies else 1, "p": 0}))])
    markup.append([button(t("btn_chart_year", lang), move(update={"v": "gy"})),
                   button(t("btn_chart_country", lang), move(update={"v": "gc"}))])
    if not f.empty:
        markup.append([button(t("btn_reset", lang), FinesView(o=view.o))])
    return render_fines_page(explorer, f, page, lang), InlineKeyboardMarkup(inline_keyboard=markup)


def _chooser(view: FinesView, explorer: FinesExplorer, lang: str) -> InlineKeyboardMarkup:
    back = view.model_copy(update={"v": ""})
    pick = back.model_copy
    if view.v == "c":
        options = [(country_label(code, lang), pick(update={"c": code, "p": 0})) for code, _ in explorer.countries()]
        any_, width = pick(update={"c": "", "p": 0}), 3
    elif view.v == "y":
        options = [(str(year), pick(update={"y": year, "p": 0})) for year in explorer.years()]
        any_, width = pick(update={"y": 0, "p": 0}), 4
    elif view.v == "s":
        options = [(name, pick(update={"s": i, "p": 0})) for i, name in enumerate(explorer.sectors)]
        any_, width = pick(update={"s": -1, "p": 0}), 1
    else:
        options = [(amount_step_label(i, lang), pick(update={"m": i, "p": 0})) for i in range(1, len(AMOUNT_STEPS))]
        any_, width = pick(update={"m": 0, "p": 0}), 3
    markup = [[button(t("btn_any", lang), any_), button(t("btn_back", lang), back)]]
    markup += rows([button(label, data) for label, data in options], width)
    return InlineKeyboardMarkup(inline_keyboard=markup)


async def _send_chart(message: Message, explorer: FinesExplorer, f: FinesFilter, kind: str, lang: str) -> None:
    series = explorer.by_year(f) if kind == "year" else explorer.by_country(f)
    label = filter_label(explorer, f, lang)
    data = re.sub(r"<[^>]+>", "", fines_notes(explorer.fines, lang, eprivacy_left_out=False))
    png = await asyncio.to_thread(fines_chart, kind, series, lang, (label + ". " if label else "") + data[:150])
    caption = t("chart_caption", lang, title=t("btn_chart_year" if kind == "year" else "btn_chart_country", lang),
                label=f": {label}" if label else "", data=data)
    await message.answer_photo(BufferedInputFile(png, filename=f"fines_by_{kind}.png"), caption=caption[:1000])


async def fines_command(message: Message, command: CommandObject, lang: str, kb: KnowledgeBase) -> None:
    explorer = explorer_of(kb)
    text, markup = _fines_view(explorer, explorer.parse((command.args or "")[:200]), 0, lang)
    await message.answer(text, reply_markup=markup)


async def fines_button(query: CallbackQuery, callback_data: FinesView, lang: str, kb: KnowledgeBase) -> None:
    explorer = explorer_of(kb)
    f = _to_filter(callback_data, explorer)
    if f is None or not isinstance(query.message, Message):
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    if callback_data.v in ("gy", "gc"):
        await query.answer()
        await _send_chart(query.message, explorer, f, "year" if callback_data.v == "gy" else "country", lang)
        return
    if callback_data.v:
        with suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=_chooser(callback_data, explorer, lang))
    else:
        await edit(query, *_fines_view(explorer, f, callback_data.p, lang))
    await query.answer()


def router() -> Router:
    r = Router(name="fines")
    r.message.filter(Claims("fines"))
    r.message.register(fines_command, Command("fines"))
    r.callback_query.register(fines_button, FinesView.filter())
    return r
