"""Admin commands: /stats, /reload (the knowledge base), /breach <text>, forwarded posts as breach drafts with
publish / edit / cancel.

/reload reaches every replica: the replica that got it reloads, answers the admin, and on PostgreSQL NOTIFYs
KNOWLEDGE_CHANNEL; every other replica hears it on the database's LISTEN connection (`Database.listen`, the one
the users' settings cache uses) and loads the same files itself. A replica whose copy of the files fails the check
keeps its base and logs why."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import uuid
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path

from aiogram import Dispatcher, Router
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
from bot.storage.db import Database
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches

log = logging.getLogger(__name__)
KNOWLEDGE_CHANNEL = "privacy_bot_knowledge"  # NOTIFY'd after a /reload: every other replica reloads too


class KnowledgeReloads:
    """The knowledge base of this replica, reloaded on /reload here or in any other replica on the same PostgreSQL
    database. Made by the dispatcher's startup (`follow_reloads`), once per bot; on SQLite (one process) a reload is
    this process's alone."""

    def __init__(self, db: Database, kb: KnowledgeBase, directory: Path):
        self.db, self.kb, self.directory = db, kb, directory
        self.origin = uuid.uuid4().hex  # on this replica's notices: its own, heard too, are not reloaded twice
        self.heard = 0  # other replicas' reloads carried out here (tests, logs)
        self.changed = asyncio.Event()  # set after each reload heard from another replica (tests wait on it)
        self._reloading: set[asyncio.Task[None]] = set()
        if db.dialect == "postgresql":
            db.listen(KNOWLEDGE_CHANNEL, self._hear, lambda: None)  # a notice missed meanwhile: /reload again

    async def reload(self) -> tuple[int, list[str]]:
        """Load the files again and swap them in if they pass `kb check`: (entries now, []) or (entries kept,
        problems)."""
        fresh, problems = await asyncio.to_thread(KnowledgeBase.load_checked, self.directory)
        if fresh is None:
            return len(self.kb.entries), problems
        self.kb.replace(fresh)
        return len(self.kb.entries), []

    def announce(self) -> None:
        """Tell the other replicas (after a reload here succeeded)."""
        if self.db.dialect == "postgresql":
            self.db.notify(KNOWLEDGE_CHANNEL, self.origin)

    def _hear(self, origin: str) -> None:
        if origin == self.origin:
            return
        task = asyncio.get_running_loop().create_task(self._reload_heard())
        self._reloading.add(task)
        task.add_done_callback(self._reloading.discard)

    async def _reload_heard(self) -> None:
        before = len(self.kb.entries)
        entries, problems = await self.reload()
        if problems:
            log.error("knowledge base: another replica reloaded it, but the files here fail the check (%d "
                      "problems, first: %s); keeping the running base", len(problems), problems[0][:300])
        else:
            log.info("knowledge base reloaded after another replica's /reload: %d entries (was %d)", entries, before)
        self.heard += 1
        self.changed.set()


async def follow_reloads(dispatcher: Dispatcher, kb: KnowledgeBase, settings: Settings, users: Users) -> None:
    """The dispatcher's startup: this bot hears other replicas' reloads from now on, and /reload finds its
    `KnowledgeReloads` in the workflow data. (The database is the repositories': `users.db`.)"""
    dispatcher["knowledge_reloads"] = KnowledgeReloads(users.db, kb, settings.knowledge_dir)


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


async def reload_knowledge(message: Message, lang: str, knowledge_reloads: KnowledgeReloads) -> None:
    """Load `knowledge/` again and swap it in if it passes `kb check`, here and in every other replica; otherwise
    keep the running base and say why."""
    before = len(knowledge_reloads.kb.entries)
    entries, problems = await knowledge_reloads.reload()
    if problems:
        head = t("reload_failed", lang, problems=len(problems), before=before)
        shown = "\n".join(f"• {escape(problem[:300], quote=False)}" for problem in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        await message.answer(head + "\n" + shown + (f"\n… +{more}" if more > 0 else ""))
        return
    knowledge_reloads.announce()
    await message.answer(t("reload_done", lang, entries=entries, before=before))


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
    r.startup.register(follow_reloads)
    r.message.filter(IsAdmin())
    r.callback_query.filter(IsAdmin())
    r.message.register(stats, Command("stats"))
    r.message.register(reload_knowledge, Command("reload"))
    r.message.register(breach_command, Command("breach"))
    r.message.register(forwarded_post, FORWARDED, PRIVATE_CHAT)
    r.callback_query.register(draft_action, DraftAction.filter())
    r.message.register(edit_fields, StateFilter(EditDraft.fields), TEXT)
    return r
