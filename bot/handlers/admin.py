"""Admin commands: /stats, /reload (the knowledge base), /breach <text>, forwarded posts as breach drafts with
publish / edit / cancel."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import UTC, date, datetime
from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.alerts import AlertService
from bot.breaches.parser import BreachParser
from bot.breaches.render import render_alert
from bot.config import Settings
from bot.filters import FORWARDED, PRIVATE_CHAT, TEXT, IsAdmin
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.storage.breaches import Breaches
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches


class DraftAction(CallbackData, prefix="bd"):
    action: str  # publish, edit, cancel
    id: int


class EditDraft(StatesGroup):
    fields = State()


def draft_keyboard(breach_id: int, lang: str) -> InlineKeyboardMarkup:
    publish, edit, cancel = (t(key, lang) for key in ("draft_publish", "draft_edit", "draft_cancel"))
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=publish, callback_data=DraftAction(action="publish", id=breach_id).pack()),
        InlineKeyboardButton(text=edit, callback_data=DraftAction(action="edit", id=breach_id).pack()),
        InlineKeyboardButton(text=cancel, callback_data=DraftAction(action="cancel", id=breach_id).pack()),
    ]])


async def stats(message: Message, lang: str, users: Users, watches: Watches, breaches: Breaches,
                outbox: Outbox) -> None:
    total_users, active = await users.count()
    watch_rows, watchers = await watches.total()
    counts = await outbox.counts()
    await message.answer(t("admin_stats", lang, users=total_users, active=active, watchers=watchers,
                           watches=watch_rows, breaches=await breaches.count(),
                           queued=counts["pending"] + counts["sending"], sent=counts["sent"],
                           failed=counts["failed"], skipped=counts["skipped"]))


MAX_PROBLEMS_SHOWN = 10


async def reload_knowledge(message: Message, lang: str, kb: KnowledgeBase, settings: Settings) -> None:
    """Load `knowledge/` again and swap it in if it passes `kb check`; otherwise keep the running base and say why."""
    before = len(kb.entries)
    fresh, problems = await asyncio.to_thread(KnowledgeBase.load_checked, settings.knowledge_dir)
    if fresh is None:
        head = t("reload_failed", lang, problems=len(problems), before=before)
        shown = "\n".join(f"• {escape(problem[:300], quote=False)}" for problem in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        await message.answer(head + "\n" + shown + (f"\n… +{more}" if more > 0 else ""))
        return
    kb.replace(fresh)
    await message.answer(t("reload_done", lang, entries=len(kb.entries), before=before))


async def _draft_from_text(message: Message, text: str, lang: str, parser: BreachParser,
                           alerts: AlertService) -> None:
    # An admin's text is a draft either way: an unsure reading is still worth showing for confirmation.
    breach, _why = parser.analyse(text, posted_at=message.date or datetime.now(UTC), origin="admin",
                                  source_name="admin")
    if breach is None:
        await message.answer(t("draft_no_breach", lang))
        return
    breach_id, created = await alerts.draft(breach)
    if not created:
        await message.answer(t("draft_known", lang, id=breach_id))
        return
    preview = render_alert(breach, lang)
    await message.answer(preview, reply_markup=draft_keyboard(breach_id, lang))


async def breach_command(message: Message, command: CommandObject, lang: str, breach_parser: BreachParser,
                         alerts: AlertService) -> None:
    if not command.args:
        await message.answer(t("breach_usage", lang))
        return
    await _draft_from_text(message, command.args, lang, breach_parser, alerts)


async def forwarded_post(message: Message, lang: str, breach_parser: BreachParser, alerts: AlertService) -> None:
    await _draft_from_text(message, message.text or message.caption or "", lang, breach_parser, alerts)


async def draft_action(query: CallbackQuery, callback_data: DraftAction, lang: str, alerts: AlertService,
                       breaches: Breaches, state: FSMContext) -> None:
    stored = await breaches.get(callback_data.id)
    if stored is None or stored.status != "draft" or query.message is None:
        await query.answer(t("draft_stale", lang), show_alert=True)
        return
    if callback_data.action == "publish":
        result = await alerts.confirm(callback_data.id)
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(t("draft_published", lang, queued=result.queued))
    elif callback_data.action == "cancel":
        await breaches.set_status(callback_data.id, "cancelled")
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(t("draft_cancelled", lang))
    else:
        await state.set_state(EditDraft.fields)
        await state.update_data(breach_id=callback_data.id)
        await query.message.answer(t("draft_edit_prompt", lang))
    await query.answer()


_FIELD = re.compile(r"^\s*(service|domain|records|date)\s*[:=]\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


async def edit_fields(message: Message, lang: str, state: FSMContext, breaches: Breaches) -> None:
    data = await state.get_data()
    stored = await breaches.get(int(data.get("breach_id", 0)))
    await state.clear()
    if stored is None or stored.status != "draft":
        await message.answer(t("draft_not_found", lang))
        return
    changes: dict[str, object] = {}
    for name, value in _FIELD.findall(message.text or ""):
        name = name.lower()
        try:
            if name == "records":
                changes["record_count"] = int(re.sub(r"\D", "", value))
            elif name == "date":
                changes["breach_date"] = date.fromisoformat(value)
            else:
                changes[name] = value[:100]
        except ValueError:
            await message.answer(f"{escape(name)}: ?")
            return
    breach = dataclasses.replace(stored.breach, **changes)
    await breaches.set_status(stored.id, "draft", breach)
    await message.answer(render_alert(breach, lang), reply_markup=draft_keyboard(stored.id, lang))


def router() -> Router:
    """Admins only (a router filter): for anyone else these commands fall through to `ask`'s unknown-command answer."""
    r = Router(name="admin")
    r.message.filter(IsAdmin())
    r.callback_query.filter(IsAdmin())
    r.message.register(stats, Command("stats"))
    r.message.register(reload_knowledge, Command("reload"))
    r.message.register(breach_command, Command("breach"))
    r.message.register(forwarded_post, FORWARDED, PRIVATE_CHAT)
    r.callback_query.register(draft_action, DraftAction.filter())
    r.message.register(edit_fields, StateFilter(EditDraft.fields), TEXT)
    return r
