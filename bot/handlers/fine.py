"""/fine: the leak-fine wizard on buttons (the law, the data, how much leaked, a repeat, the offender, the revenue),
or at once for a described leak (`/fine 50 тысяч записей, ООО`). The work is in bot/legal/estimator.py."""

from __future__ import annotations

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.filters import NOT_COMMAND, PRIVATE_CHAT, TEXT, Claims
from bot.handlers.steps import await_input, button, edit, rows, typed_answer
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.legal import estimator as E
from bot.legal.intents import extract_case, quantities
from bot.legal.render import render_estimate

_CATEGORY = {"o": E.ORDINARY, "s": E.SPECIAL, "b": E.BIOMETRIC}
_OFFENDER = {"l": E.LEGAL, "o": E.OFFICIAL, "c": E.CITIZEN}
# The count buttons: (kind, value standing for the band, label). Parts 12-14 are decided by these values.
_COUNT_BANDS = [("s", 1, "👤 < 1 000"), ("s", 1_000, "👤 1 000–10 000"), ("s", 10_001, "👤 10 001–100 000"),
                ("s", 100_001, "👤 > 100 000"), ("i", 1, "🆔 < 10 000"), ("i", 10_000, "🆔 10 000–100 000"),
                ("i", 100_001, "🆔 100 001–1 000 000"), ("i", 1_000_001, "🆔 > 1 000 000")]


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


class FineInput(StatesGroup):
    count = State()
    revenue = State()


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


def _again(lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[button(t("btn_again", lang), FineStep())]])


def _question(step: FineStep, lang: str) -> tuple[str, InlineKeyboardMarkup | None, str | None]:
    """(text, keyboard, FSM state to wait in) for the wizard's next question, or the estimate when none is left."""
    ask = E.next_question(_answers(step))
    pick = step.model_copy

    def buttons(field: str, options: list[tuple[str, object]], width: int = 1) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(inline_keyboard=rows(
            [button(t(key, lang), pick(update={field: value})) for key, value in options], width))

    if ask == "regime":
        return t("fw_regime", lang), buttons("r", [("btn_ru", E.RU), ("btn_gdpr", E.GDPR), ("btn_dpdp", E.DPDP)]), None
    if ask == "category":
        return t("fw_category", lang), buttons("c", [("btn_ordinary", "o"), ("btn_special", "s"),
                                                     ("btn_biometric", "b")]), None
    if ask == "count":
        bands = [button(label, pick(update={"k": kind, "n": value, "b": 1})) for kind, value, label in _COUNT_BANDS]
        markup = rows(bands, 2) + [[button(t("btn_unknown", lang), pick(update={"k": "u"}))]]
        return t("fw_count", lang), InlineKeyboardMarkup(inline_keyboard=markup), FineInput.count.state
    if ask == "repeat":
        return t("fw_repeat", lang), buttons("p", [("btn_first", 0), ("btn_repeat", 1)], 2), None
    if ask == "offender":
        options = ([("btn_undertaking", "l"), ("btn_not_undertaking", "c")] if step.r == E.GDPR
                   else [("btn_legal", "l"), ("btn_official", "o"), ("btn_citizen", "c")])
        return t("fw_offender", lang), buttons("e", options), None
    if ask == "revenue":
        markup = buttons("v", [("btn_unknown", -1)])
        return t("fw_revenue_gdpr" if step.r == E.GDPR else "fw_revenue_ru", lang), markup, FineInput.revenue.state
    label = next((lbl for kind, value, lbl in _COUNT_BANDS if step.b and kind == step.k and value == step.n), None)
    return render_estimate(E.estimate(_case(step)), lang, count_label=label), _again(lang), None


async def _show_step(step: FineStep, lang: str, state: FSMContext, *, query: CallbackQuery | None = None,
                     message: Message | None = None) -> None:
    text, markup, waiting = _question(step, lang)
    chat = query.message.chat if query is not None and query.message is not None else (
        message.chat if message is not None else None)
    if waiting:
        await await_input(state, waiting, chat is not None and chat.type == "private", fw=step.pack())
    else:
        await state.clear()
    if query is not None:
        await edit(query, text, markup)
    elif message is not None:
        await message.answer(text, reply_markup=markup)


async def fine_command(message: Message, command: CommandObject, lang: str, state: FSMContext) -> None:
    if command.args and command.args.strip():
        found = extract_case(command.args, lang)
        notes = [*found.notes, *([] if found.offender_named else ["offender_assumed"])]
        await message.answer(render_estimate(E.estimate(found.case), lang, notes=notes), reply_markup=_again(lang))
        return
    await _show_step(FineStep(), lang, state, message=message)


async def fine_step(query: CallbackQuery, callback_data: FineStep, lang: str, state: FSMContext) -> None:
    if not _valid(callback_data):
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    await _show_step(callback_data, lang, state, query=query)
    await query.answer()


async def fine_number(message: Message, lang: str, state: FSMContext, kb: KnowledgeBase) -> None:
    data = await typed_answer(message, state, kb)
    waiting = await state.get_state()
    try:
        step = FineStep.unpack(str(data.get("fw", "")))
    except (TypeError, ValueError):
        await state.clear()
        raise SkipHandler() from None
    numbers = quantities(message.text or "")
    if not numbers:
        if any(ch.isdigit() for ch in message.text or ""):
            await message.answer(t("fw_bad_number", lang))
            return
        await state.clear()   # not an answer to the wizard: a question like any other
        raise SkipHandler()
    number = numbers[0]
    if waiting == FineInput.count.state:
        step = step.model_copy(update={"k": "i" if number.kind == "identifiers" else "s", "n": number.value, "b": 0})
    else:
        step = step.model_copy(update={"v": number.value})
    if not _valid(step):
        await message.answer(t("fw_bad_number", lang))
        return
    await _show_step(step, lang, state, message=message)


def router() -> Router:
    """The typed-number steps come before `ask`, which would otherwise read them as questions."""
    r = Router(name="fine")
    r.message.filter(Claims("fine", states=(FineInput.count, FineInput.revenue)))
    r.message.register(fine_command, Command("fine"))
    r.callback_query.register(fine_step, FineStep.filter())
    r.message.register(fine_number, StateFilter(FineInput.count, FineInput.revenue), PRIVATE_CHAT, TEXT, NOT_COMMAND)
    return r
