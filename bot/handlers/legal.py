"""The legal tools: /fine (a leak-fine wizard on buttons), /deadline (notification deadlines), /tz (the user's time
zone), /fines (a paged, filterable list of fines with charts), and deadline questions typed in a private chat
(they need the user's time zone). The work is in bot/legal/*; this module only talks to Telegram."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from contextlib import suppress

from aiogram import F
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.handlers.routing import Routes
from bot.kb import KnowledgeBase
from bot.kb.countries import COUNTRIES, country_label
from bot.keyboards import OpenEntry
from bot.legal import estimator as E
from bot.legal.answers import explorer_for
from bot.legal.chart import fines_chart
from bot.legal.deadlines import DEFAULT_TZ, deadlines, parse_moment, resolve_timezone, tzinfo_for
from bot.legal.explorer import AMOUNT_STEPS, FinesExplorer, FinesFilter
from bot.legal.intents import deadline_intent, extract_case, may_ask_deadline, quantities, regime_of
from bot.legal.render import (
    amount_step_label,
    data_note,
    filter_label,
    render_deadlines,
    render_estimate,
    render_fines_page,
    zone_label,
)
from bot.legal.texts import lt
from bot.render import button_title
from bot.storage.users import Users
from bot.texts import t

router = Routes("legal")

_CATEGORY = {"o": E.ORDINARY, "s": E.SPECIAL, "b": E.BIOMETRIC}
_OFFENDER = {"l": E.LEGAL, "o": E.OFFICIAL, "c": E.CITIZEN}
# The count buttons: (kind, value standing for the band, label). Parts 12-14 are decided by these values.
_COUNT_BANDS = [("s", 1, "👤 < 1 000"), ("s", 1_000, "👤 1 000–10 000"), ("s", 10_001, "👤 10 001–100 000"),
                ("s", 100_001, "👤 > 100 000"), ("i", 1, "🆔 < 10 000"), ("i", 10_000, "🆔 10 000–100 000"),
                ("i", 100_001, "🆔 100 001–1 000 000"), ("i", 1_000_001, "🆔 > 1 000 000")]
_TZ_CHOICES = ["Europe/Moscow", "Europe/Kaliningrad", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Novosibirsk",
               "Asia/Vladivostok", "Asia/Kolkata", "Europe/Berlin", "Europe/London", "UTC"]
_SAFE_WORD = re.compile(r"[^\w.&-]")
INPUT_TTL = 15 * 60   # seconds a typed answer (a count, the revenue, a moment) is waited for


class FineStep(CallbackData, prefix="fw"):
    """The /fine wizard's answers so far; every button carries all of them, so the wizard needs no server state."""
    r: str | None = None   # regime: ru, gdpr, dpdp
    c: str | None = None   # category: o, s, b
    k: str | None = None   # counted: s (people), i (identifiers), u (unknown)
    n: int | None = None   # the count
    b: int = 0             # 1: n stands for a band chosen with a button
    p: int | None = None   # repeat: 0, 1
    e: str | None = None   # offender: l, o, c
    v: int | None = None   # revenue / turnover; -1 unknown


class DeadlineView(CallbackData, prefix="dl"):
    r: str    # regime ("" = by the user's language)
    t: int    # moment of discovery, unix seconds (0 = now)


class TzPick(CallbackData, prefix="tz"):
    z: str


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


class LegalInput(StatesGroup):
    count = State()
    revenue = State()
    moment = State()


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def _rows(buttons: list[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i:i + width] for i in range(0, len(buttons), width)]


async def _await_input(state: FSMContext, waiting: str, private: bool, **data: object) -> None:
    """Wait for a typed answer, in private chats only (in a group a typed line is chatter: buttons suffice)."""
    if not private:
        await state.clear()
        return
    await state.set_state(waiting)
    await state.set_data({**data, "at": time.time()})


async def _typed_answer(message: Message, state: FSMContext, kb: KnowledgeBase) -> dict:
    """The wait's data when the message can be its answer. A stale wait, or a message that reads as a question of
    its own ("top 10 GDPR fines"), ends the wait and goes on to the other handlers."""
    data = await state.get_data()
    text = message.text or ""
    if time.time() - float(data.get("at", 0)) > INPUT_TTL or len(text.split()) > 5 or kb.fines.parse(text):
        await state.clear()
        raise SkipHandler()
    return data


async def _edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    if not isinstance(query.message, Message):
        return
    with suppress(TelegramBadRequest):  # "message is not modified" when the same button is pressed twice
        await query.message.edit_text(text, reply_markup=markup)


# ============================================================================================= /fine

def _answers(step: FineStep) -> dict[str, object]:
    return {"regime": step.r, "category": _CATEGORY.get(step.c or ""), "count": step.k,
            "repeat": None if step.p is None else bool(step.p), "offender": _OFFENDER.get(step.e or ""),
            "revenue": step.v}


def _case(step: FineStep) -> E.LeakCase:
    return E.LeakCase(
        regime=step.r or E.RU, category=_CATEGORY.get(step.c or "o", E.ORDINARY),
        subjects=step.n if step.k == "s" else None, identifiers=step.n if step.k == "i" else None,
        repeat=bool(step.p), offender=_OFFENDER.get(step.e or "l", E.LEGAL),
        revenue=step.v if step.v is not None and step.v >= 0 else None)


def _valid(step: FineStep) -> bool:
    return (step.r in (None, *E.REGIMES) and step.c in (None, *_CATEGORY) and step.k in (None, "s", "i", "u")
            and step.e in (None, *_OFFENDER) and step.p in (None, 0, 1) and (step.n is None or 0 <= step.n < 10**12)
            and (step.v is None or -1 <= step.v < 10**16))


def _question(step: FineStep, lang: str) -> tuple[str, InlineKeyboardMarkup | None, str | None]:
    """(text, keyboard, FSM state to wait in) for the wizard's next question, or the estimate when none is left."""
    ask = E.next_question(_answers(step))
    pick = step.model_copy

    def buttons(field: str, options: list[tuple[str, object]], width: int = 1) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(inline_keyboard=_rows(
            [_button(lt(key, lang), pick(update={field: value})) for key, value in options], width))

    if ask == "regime":
        return lt("fw_regime", lang), buttons("r", [("btn_ru", E.RU), ("btn_gdpr", E.GDPR), ("btn_dpdp", E.DPDP)]), None
    if ask == "category":
        return lt("fw_category", lang), buttons("c", [("btn_ordinary", "o"), ("btn_special", "s"),
                                                      ("btn_biometric", "b")]), None
    if ask == "count":
        bands = [_button(label, pick(update={"k": kind, "n": value, "b": 1})) for kind, value, label in _COUNT_BANDS]
        rows = _rows(bands, 2) + [[_button(lt("btn_unknown", lang), pick(update={"k": "u"}))]]
        return lt("fw_count", lang), InlineKeyboardMarkup(inline_keyboard=rows), LegalInput.count.state
    if ask == "repeat":
        return lt("fw_repeat", lang), buttons("p", [("btn_first", 0), ("btn_repeat", 1)], 2), None
    if ask == "offender":
        options = ([("btn_undertaking", "l"), ("btn_not_undertaking", "c")] if step.r == E.GDPR
                   else [("btn_legal", "l"), ("btn_official", "o"), ("btn_citizen", "c")])
        return lt("fw_offender", lang), buttons("e", options), None
    if ask == "revenue":
        markup = buttons("v", [("btn_unknown", -1)])
        return lt("fw_revenue_gdpr" if step.r == E.GDPR else "fw_revenue_ru", lang), markup, LegalInput.revenue.state
    label = next((lbl for kind, value, lbl in _COUNT_BANDS if step.b and kind == step.k and value == step.n), None)
    text = render_estimate(E.estimate(_case(step)), lang, count_label=label)
    again = InlineKeyboardMarkup(inline_keyboard=[[_button(lt("btn_again", lang), FineStep())]])
    return text, again, None


async def _show_step(step: FineStep, lang: str, state: FSMContext, *, query: CallbackQuery | None = None,
                     message: Message | None = None) -> None:
    text, markup, waiting = _question(step, lang)
    chat = query.message.chat if query is not None and query.message is not None else (
        message.chat if message is not None else None)
    if waiting:
        await _await_input(state, waiting, chat is not None and chat.type == "private", fw=step.pack())
    else:
        await state.clear()
    if query is not None:
        await _edit(query, text, markup)
    elif message is not None:
        await message.answer(text, reply_markup=markup)


@router.message(Command("fine"))
async def fine_command(message: Message, command: CommandObject, lang: str, state: FSMContext) -> None:
    if command.args and command.args.strip():
        found = extract_case(command.args, lang)
        notes = [*found.notes, *([] if found.offender_named else ["offender_assumed"])]
        again = InlineKeyboardMarkup(inline_keyboard=[[_button(lt("btn_again", lang), FineStep())]])
        await message.answer(render_estimate(E.estimate(found.case), lang, notes=notes), reply_markup=again)
        return
    await _show_step(FineStep(), lang, state, message=message)


@router.callback_query(FineStep.filter())
async def fine_step(query: CallbackQuery, callback_data: FineStep, lang: str, state: FSMContext) -> None:
    if not _valid(callback_data):
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    await _show_step(callback_data, lang, state, query=query)
    await query.answer()


@router.message(StateFilter(LegalInput.count, LegalInput.revenue), F.chat.type == "private", F.text,
                ~F.text.startswith("/"))
async def fine_number(message: Message, lang: str, state: FSMContext, kb: KnowledgeBase) -> None:
    data = await _typed_answer(message, state, kb)
    waiting = await state.get_state()
    try:
        step = FineStep.unpack(str(data.get("fw", "")))
    except (TypeError, ValueError):
        await state.clear()
        raise SkipHandler() from None
    numbers = quantities(message.text or "")
    if not numbers:
        if any(ch.isdigit() for ch in message.text or ""):
            await message.answer(lt("fw_bad_number", lang))
            return
        await state.clear()   # not an answer to the wizard: a question like any other
        raise SkipHandler()
    number = numbers[0]
    if waiting == LegalInput.count.state:
        step = step.model_copy(update={"k": "i" if number.kind == "identifiers" else "s", "n": number.value, "b": 0})
    else:
        step = step.model_copy(update={"v": number.value})
    if not _valid(step):
        await message.answer(lt("fw_bad_number", lang))
        return
    await _show_step(step, lang, state, message=message)


# ============================================================================================= /deadline and /tz

async def _zone(users: Users, chat_id: int) -> str:
    return await users.timezone(chat_id) or DEFAULT_TZ


def _regime_keyboard(current: str, moment: dt.datetime, lang: str) -> InlineKeyboardMarkup:
    stamp = int(moment.timestamp())
    choices = [(E.RU, "btn_ru"), (E.GDPR, "btn_gdpr"), (E.DPDP, "btn_dpdp")]
    return InlineKeyboardMarkup(inline_keyboard=[[
        _button(("✓ " if regime == current else "") + lt(key, lang), DeadlineView(r=regime, t=stamp))
        for regime, key in choices]])


def _deadline_reply(regime: str, moment: dt.datetime, zone: str, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    now = dt.datetime.now(tzinfo_for(zone))
    plan = deadlines(regime, moment.astimezone(tzinfo_for(zone)), now)
    return render_deadlines(plan, zone, lang), _regime_keyboard(regime, moment, lang)


@router.message(Command("deadline"))
async def deadline_command(message: Message, command: CommandObject, lang: str, users: Users,
                           state: FSMContext) -> None:
    zone = await _zone(users, message.chat.id)
    args = (command.args or "").strip()
    if not args:
        await _await_input(state, LegalInput.moment.state, message.chat.type == "private")
        now_button = InlineKeyboardMarkup(inline_keyboard=[[_button(lt("btn_now", lang), DeadlineView(r="", t=0))]])
        await message.answer(lt("dl_prompt", lang, zone=zone), reply_markup=now_button)
        return
    await _answer_moment(message, args, lang, zone, state)


async def _answer_moment(message: Message, text: str, lang: str, zone: str, state: FSMContext) -> bool:
    tz = tzinfo_for(zone)
    moment = parse_moment(text, now=dt.datetime.now(tz), tz=tz)
    if moment is None:
        await message.answer(lt("dl_not_understood", lang, text=text[:100]))
        return False
    await state.clear()
    reply, markup = _deadline_reply(regime_of(text, lang)[0], moment, zone, lang)
    await message.answer(reply, reply_markup=markup)
    return True


@router.message(StateFilter(LegalInput.moment), F.chat.type == "private", F.text, ~F.text.startswith("/"))
async def deadline_moment(message: Message, lang: str, users: Users, state: FSMContext, kb: KnowledgeBase) -> None:
    await _typed_answer(message, state, kb)
    await _answer_moment(message, message.text or "", lang, await _zone(users, message.chat.id), state)


@router.callback_query(DeadlineView.filter())
async def deadline_button(query: CallbackQuery, callback_data: DeadlineView, lang: str, users: Users,
                          state: FSMContext) -> None:
    if callback_data.r not in ("", *E.REGIMES) or not 0 <= callback_data.t < 2**33:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    zone = await _zone(users, query.message.chat.id if query.message else query.from_user.id)
    moment = (dt.datetime.fromtimestamp(callback_data.t, dt.UTC) if callback_data.t
              else dt.datetime.now(dt.UTC).replace(second=0, microsecond=0))
    regime = callback_data.r or (E.RU if lang == "ru" else E.GDPR)
    await state.clear()
    await _edit(query, *_deadline_reply(regime, moment, zone, lang))
    await query.answer()


async def _deadline_question(message: Message, lang: str, users: Users) -> dict | bool:
    """A filter: a deadline question typed in a private chat, read in the user's time zone."""
    text = message.text or ""
    if message.chat.type != "private" or text.startswith("/") or not may_ask_deadline(text):
        return False
    zone = await _zone(users, message.chat.id)
    tz = tzinfo_for(zone)
    intent = deadline_intent(text, lang, now=dt.datetime.now(tz), tz=tz)
    return {"intent": intent, "zone": zone} if intent is not None else False


@router.message(F.text, _deadline_question)
async def deadline_question(message: Message, lang: str, intent, zone: str) -> None:
    reply, markup = _deadline_reply(intent.regime, intent.discovered, zone, lang)
    await message.answer(reply, reply_markup=markup)


def _tz_keyboard(lang: str) -> InlineKeyboardMarkup:
    now = dt.datetime.now(dt.UTC)
    buttons = [_button(zone_label(name, now.astimezone(tzinfo_for(name))), TzPick(z=name)) for name in _TZ_CHOICES]
    return InlineKeyboardMarkup(inline_keyboard=_rows(buttons, 2))


def _local_time(zone: str, lang: str) -> str:
    return dt.datetime.now(tzinfo_for(zone)).strftime("%H:%M")


@router.message(Command("tz"))
async def tz_command(message: Message, command: CommandObject, lang: str, users: Users) -> None:
    args = (command.args or "").strip()
    if not args:
        zone = await _zone(users, message.chat.id)
        await message.answer(lt("tz_current", lang, zone=zone, time=_local_time(zone, lang)),
                             reply_markup=_tz_keyboard(lang))
        return
    zone = resolve_timezone(args)
    if zone is None:
        await message.answer(lt("tz_unknown", lang, text=args[:64]))
        return
    await users.set_timezone(message.chat.id, zone, lang)
    await message.answer(lt("tz_set", lang, zone=zone, time=_local_time(zone, lang)))


@router.callback_query(TzPick.filter())
async def tz_button(query: CallbackQuery, callback_data: TzPick, lang: str, users: Users) -> None:
    zone = resolve_timezone(callback_data.z)
    if zone is None or query.message is None:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    await users.set_timezone(query.message.chat.id, zone, lang)
    await _edit(query, lt("tz_set", lang, zone=zone, time=_local_time(zone, lang)), None)
    await query.answer()


# ============================================================================================= /fines

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
    rows = [[InlineKeyboardButton(text=f"{page.number * page.size + i + 1}. " + button_title(entry, lang, 50),
                                  callback_data=OpenEntry(id=entry.id).pack())] for i, entry in enumerate(page.items)]
    nav = []
    if page.number > 0:
        nav.append(_button("◀", move(update={"p": page.number - 1})))
    if page.number + 1 < page.pages:
        nav.append(_button("▶", move(update={"p": page.number + 1})))
    if nav:
        rows.append(nav)
    rows.append([_button(lt(key, lang), move(update={"v": v})) for key, v in
                 (("btn_country", "c"), ("btn_year", "y"), ("btn_sector", "s"), ("btn_amount", "m"))])
    keeps_cookies = f.eprivacy if f.eprivacy is not None else bool(f.company)
    rows.append([_button(lt("btn_sort_amount" if f.sort == "date" else "btn_sort_date", lang),
                         move(update={"o": "a" if f.sort == "date" else "d", "p": 0})),
                 _button(lt("btn_cookies_off" if keeps_cookies else "btn_cookies_on", lang),
                         move(update={"e": 0 if keeps_cookies else 1, "p": 0}))])
    rows.append([_button(lt("btn_chart_year", lang), move(update={"v": "gy"})),
                 _button(lt("btn_chart_country", lang), move(update={"v": "gc"}))])
    if not f.empty:
        rows.append([_button(lt("btn_reset", lang), FinesView(o=view.o))])
    return render_fines_page(explorer, f, page, lang), InlineKeyboardMarkup(inline_keyboard=rows)


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
    rows = [[_button(lt("btn_any", lang), any_), _button(lt("btn_back", lang), back)]]
    rows += _rows([_button(label, data) for label, data in options], width)
    return InlineKeyboardMarkup(inline_keyboard=rows)


@router.message(Command("fines"))
async def fines_command(message: Message, command: CommandObject, lang: str, kb: KnowledgeBase) -> None:
    explorer = explorer_for(kb.fines)
    text, markup = _fines_view(explorer, explorer.parse((command.args or "")[:200]), 0, lang)
    await message.answer(text, reply_markup=markup)


@router.callback_query(FinesView.filter())
async def fines_button(query: CallbackQuery, callback_data: FinesView, lang: str, kb: KnowledgeBase) -> None:
    explorer = explorer_for(kb.fines)
    f = _to_filter(callback_data, explorer)
    if f is None or not isinstance(query.message, Message):
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    if callback_data.v in ("gy", "gc"):
        await query.answer()
        kind = "year" if callback_data.v == "gy" else "country"
        rows = explorer.by_year(f) if kind == "year" else explorer.by_country(f)
        label = filter_label(explorer, f, lang)
        subtitle = re.sub(r"<[^>]+>", "", data_note(explorer, lang))
        png = await asyncio.to_thread(fines_chart, kind, rows, lang, (label + ". " if label else "") + subtitle[:150])
        caption = lt("chart_caption", lang, title=lt("btn_chart_year" if kind == "year" else "btn_chart_country",
                                                      lang), label=f": {label}" if label else "", data=subtitle)
        await query.message.answer_photo(BufferedInputFile(png, filename=f"fines_by_{kind}.png"),
                                         caption=caption[:1000])
        return
    if callback_data.v:
        with suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=_chooser(callback_data, explorer, lang))
    else:
        await _edit(query, *_fines_view(explorer, f, callback_data.p, lang))
    await query.answer()


@router.callback_query(F.data.regexp(r"^(fw|dl|tz|fx):"))
async def stale_legal_button(query: CallbackQuery, lang: str) -> None:
    """A button of these tools whose data does not parse (an old version, forged data)."""
    await query.answer(t("stale_button", lang), show_alert=True)
