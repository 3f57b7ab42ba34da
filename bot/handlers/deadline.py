"""/deadline (the notification deadlines of a leak, with buttons to switch the law) and /tz (the user's time zone).
A deadline question typed as free text is answered by `ask`, which reads every question in the asker's time zone.
The work is in bot/legal/deadlines.py."""

from __future__ import annotations

import datetime as dt

from aiogram import Router
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
from bot.legal.deadlines import DEFAULT_TZ, deadlines, resolve_timezone, tzinfo_for
from bot.legal.intents import moment_in, regime_of
from bot.legal.render import render_deadlines, zone_label
from bot.storage.users import Users
from bot.understanding.vocabulary import default_regime

_TZ_CHOICES = ["Europe/Moscow", "Europe/Kaliningrad", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Novosibirsk",
               "Asia/Vladivostok", "Asia/Kolkata", "Europe/Berlin", "Europe/London", "UTC"]


class DeadlineView(CallbackData, prefix="dl"):
    r: str    # regime ("" = by the user's language)
    t: int    # moment of discovery, unix seconds (0 = now)


class TzPick(CallbackData, prefix="tz"):
    z: str


class DeadlineInput(StatesGroup):
    moment = State()


async def _zone(users: Users, chat_id: int) -> str:
    return await users.timezone(chat_id) or DEFAULT_TZ


def _regime_keyboard(current: str, moment: dt.datetime, lang: str) -> InlineKeyboardMarkup:
    stamp = int(moment.timestamp())
    choices = [(E.RU, "btn_ru"), (E.GDPR, "btn_gdpr"), (E.DPDP, "btn_dpdp")]
    return InlineKeyboardMarkup(inline_keyboard=[[
        button(("✓ " if regime == current else "") + t(key, lang), DeadlineView(r=regime, t=stamp))
        for regime, key in choices]])


def _deadline_reply(regime: str, moment: dt.datetime, zone: str, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    now = dt.datetime.now(tzinfo_for(zone))
    plan = deadlines(regime, moment.astimezone(tzinfo_for(zone)), now)
    return render_deadlines(plan, zone, lang), _regime_keyboard(regime, moment, lang)


async def deadline_command(message: Message, command: CommandObject, lang: str, users: Users,
                           state: FSMContext) -> None:
    zone = await _zone(users, message.chat.id)
    args = (command.args or "").strip()
    if not args:
        await await_input(state, DeadlineInput.moment.state, message.chat.type == "private")
        now_button = InlineKeyboardMarkup(inline_keyboard=[[button(t("btn_now", lang), DeadlineView(r="", t=0))]])
        await message.answer(t("dl_prompt", lang, zone=zone), reply_markup=now_button)
        return
    await _answer_moment(message, args, lang, zone, state)


async def _answer_moment(message: Message, text: str, lang: str, zone: str, state: FSMContext) -> None:
    tz = tzinfo_for(zone)
    moment = moment_in(text, now=dt.datetime.now(tz), tz=tz)
    if moment is None:
        await message.answer(t("dl_not_understood", lang, text=text[:100]))
        return
    await state.clear()
    answer, markup = _deadline_reply(regime_of(text, lang), moment, zone, lang)
    await message.answer(answer, reply_markup=markup)


async def deadline_moment(message: Message, lang: str, users: Users, state: FSMContext, kb: KnowledgeBase) -> None:
    await typed_answer(message, state, kb)
    await _answer_moment(message, message.text or "", lang, await _zone(users, message.chat.id), state)


async def deadline_button(query: CallbackQuery, callback_data: DeadlineView, lang: str, users: Users,
                          state: FSMContext) -> None:
    if callback_data.r not in ("", *E.REGIMES) or not 0 <= callback_data.t < 2**33:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    zone = await _zone(users, query.message.chat.id if query.message else query.from_user.id)
    moment = (dt.datetime.fromtimestamp(callback_data.t, dt.UTC) if callback_data.t
              else dt.datetime.now(dt.UTC).replace(second=0, microsecond=0))
    regime = callback_data.r or default_regime(lang)
    await state.clear()
    await edit(query, *_deadline_reply(regime, moment, zone, lang))
    await query.answer()


# --------------------------------------------------------------------------------------------- /tz

def _tz_keyboard() -> InlineKeyboardMarkup:
    now = dt.datetime.now(dt.UTC)
    buttons = [button(zone_label(name, now.astimezone(tzinfo_for(name))), TzPick(z=name)) for name in _TZ_CHOICES]
    return InlineKeyboardMarkup(inline_keyboard=rows(buttons, 2))


def _local_time(zone: str) -> str:
    return dt.datetime.now(tzinfo_for(zone)).strftime("%H:%M")


async def tz_command(message: Message, command: CommandObject, lang: str, users: Users) -> None:
    args = (command.args or "").strip()
    if not args:
        zone = await _zone(users, message.chat.id)
        await message.answer(t("tz_current", lang, zone=zone, time=_local_time(zone)), reply_markup=_tz_keyboard())
        return
    zone = resolve_timezone(args)
    if zone is None:
        await message.answer(t("tz_unknown", lang, text=args[:64]))
        return
    await users.set_timezone(message.chat.id, zone, lang)
    await message.answer(t("tz_set", lang, zone=zone, time=_local_time(zone)))


async def tz_button(query: CallbackQuery, callback_data: TzPick, lang: str, users: Users) -> None:
    zone = resolve_timezone(callback_data.z)
    if zone is None or query.message is None:
        await query.answer(t("stale_button", lang), show_alert=True)
        return
    await users.set_timezone(query.message.chat.id, zone, lang)
    await edit(query, t("tz_set", lang, zone=zone, time=_local_time(zone)), None)
    await query.answer()


def router() -> Router:
    """The typed-moment step comes before `ask`, which would otherwise read it as a question."""
    r = Router(name="deadline")
    r.message.filter(Claims("deadline", "tz", states=(DeadlineInput.moment,)))
    r.message.register(deadline_command, Command("deadline"))
    r.message.register(deadline_moment, StateFilter(DeadlineInput.moment), PRIVATE_CHAT, TEXT, NOT_COMMAND)
    r.callback_query.register(deadline_button, DeadlineView.filter())
    r.message.register(tz_command, Command("tz"))
    r.callback_query.register(tz_button, TzPick.filter())
    return r
