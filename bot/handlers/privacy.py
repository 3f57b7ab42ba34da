"""The user's rights over their data: /mydata shows everything stored about the chat, /forget deletes it after a
confirmation. Blocking the bot (or removing it from a group) marks the chat inactive; the daily purge in
`bot.jobs` deletes inactive chats after INACTIVE_RETENTION_DAYS."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ChatMemberUpdated, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.filters import IN_PRIVATE_CHAT, NOT_PRIVATE_CHAT, Claims
from bot.i18n import t
from bot.storage.users import Users

# Columns /mydata describes in words; any other column of `users` is listed as name: value.
_DESCRIBED = {"chat_id", "language", "language_fixed", "started_at", "active", "inactive_since"}
_SENT = "sent"
_QUEUED = {"pending", "sending"}
_MAX_WATCH_NAMES = 2500  # characters of watch names listed; the rest is in /watchlist


class Forget(CallbackData, prefix="forget"):
    action: str  # yes, no


def _day(value: object) -> str:
    return str(value or "")[:10]


def render_mydata(data: dict[str, Any] | None, lang: str, retention_days: int) -> str:
    if data is None:
        return t("mydata_none", lang)
    user = data["user"]
    lines = [
        t("mydata_chat", lang, value=user["chat_id"]),
        t("mydata_language", lang, value=user["language"]) + " ("
        + t("mydata_language_fixed" if user["language_fixed"] else "mydata_language_auto", lang) + ")",
        t("mydata_started", lang, value=_day(user["started_at"])),
        t("mydata_active", lang) if user["active"] else t("mydata_inactive", lang, value=_day(user["inactive_since"])),
    ]
    lines += [t("mydata_other", lang, name=name, value=value) for name, value in user.items()
              if name not in _DESCRIBED and value is not None]
    watches = [w["service_name"] for w in data["watches"]]
    if watches:
        names = ", ".join(watches)
        if len(names) > _MAX_WATCH_NAMES:
            names = names[:_MAX_WATCH_NAMES].rsplit(", ", 1)[0] + ", … /watchlist"
        lines.append(t("mydata_watches", lang, count=len(watches), value=names))
    else:
        lines.append(t("mydata_no_watches", lang))
    sent = [m for m in data["messages"] if m["status"] == _SENT]
    if sent:
        last = max(_day(m["sent_at"]) for m in sent)
        lines.append(t("mydata_alerts", lang, count=len(sent), last=last))
    else:
        lines.append(t("mydata_no_alerts", lang))
    queued = sum(1 for m in data["messages"] if m["status"] in _QUEUED)
    if queued:
        lines.append(t("mydata_queued", lang, count=queued))
    return (t("mydata_title", lang) + "\n" + "\n".join(f"• {line}" for line in lines) + "\n\n"
            + t("mydata_footer", lang, days=retention_days))


def forget_keyboard(lang: str) -> InlineKeyboardMarkup:
    yes, no = t("forget_buttons", lang).split("|")
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=yes, callback_data=Forget(action="yes").pack()),
        InlineKeyboardButton(text=no, callback_data=Forget(action="no").pack()),
    ]])


async def private_only(message: Message, lang: str) -> None:
    await message.answer(t("private_only", lang))


async def mydata(message: Message, lang: str, users: Users, settings: Settings) -> None:
    data = await users.export(message.chat.id)
    await message.answer(render_mydata(data, lang, settings.inactive_retention_days))


async def forget(message: Message, lang: str, users: Users) -> None:
    data = await users.export(message.chat.id)
    watches = len(data["watches"]) if data else 0
    await message.answer(t("forget_confirm", lang, watches=watches), reply_markup=forget_keyboard(lang))


async def forget_answer(query: CallbackQuery, callback_data: Forget, lang: str, users: Users,
                        state: FSMContext) -> None:
    chat_id = query.message.chat.id  # type: ignore[union-attr]
    if callback_data.action == "yes":
        await users.forget(chat_id)
        await state.clear()
        text = t("forget_done", lang)
    else:
        text = t("forget_cancelled", lang)
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=None)
    else:  # the confirmation is too old to edit
        await query.bot.send_message(chat_id, text)  # type: ignore[union-attr]
    await query.answer()


async def membership_changed(update: ChatMemberUpdated, users: Users) -> None:
    """A user blocked the bot, or it was removed from a group: stop sending and start the retention clock.
    Unblocked or added back: reachable again."""
    status = update.new_chat_member.status
    if status in ("kicked", "left"):
        await users.mark_inactive(update.chat.id)
    elif status in ("member", "administrator", "creator"):
        await users.reactivate(update.chat.id)


def router() -> Router:
    r = Router(name="privacy")
    r.message.filter(Claims("mydata", "forget"))
    r.message.register(private_only, Command("mydata", "forget"), NOT_PRIVATE_CHAT)
    r.message.register(mydata, Command("mydata"))
    r.message.register(forget, Command("forget"))
    r.callback_query.register(forget_answer, Forget.filter(), IN_PRIVATE_CHAT)
    r.my_chat_member.register(membership_changed)
    return r
