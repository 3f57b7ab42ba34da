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
    labels = {"ru": ("✅ Опубликовать", "✏️ Исправить", "✖ Отмена"), "en": ("✅ Publish", "✏️ Edit", "✖ Cancel")}
    publish, edit, cancel = labels.get(lang, labels["en"])
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=publish, callback_data=DraftAction(action="publish", id=breach_id).pack()),
        InlineKeyboardButton(text=edit, callback_data=DraftAction(action="edit", id=breach_id).pack()),
        InlineKeyboardButton(text=cancel, callback_data=DraftAction(action="cancel", id=breach_id).pack()),
    ]])


async def stats(message: Message, users: Users, watches: Watches, breaches: Breaches, outbox: Outbox) -> None:
    total_users, active = await users.count()
    watch_rows, watchers = await watches.total()
    counts = await outbox.counts()
    await message.answer(
        "<b>Stats</b>\n"
        f"users: {total_users} ({active} active)\n"
        f"watchers: {watchers} ({watch_rows} watches)\n"
        f"breaches: {await breaches.count()}\n"
        f"outbox: queued {counts['pending'] + counts['sending']}, sent {counts['sent']}, "
        f"failed {counts['failed']}, skipped {counts['skipped']}"
    )


MAX_PROBLEMS_SHOWN = 10


async def reload_knowledge(message: Message, lang: str, kb: KnowledgeBase, settings: Settings) -> None:
    """Load `knowledge/` again and swap it in if it passes `kb check`; otherwise keep the running base and say why."""
    before = len(kb.entries)
    fresh, problems = await asyncio.to_thread(KnowledgeBase.load_checked, settings.knowledge_dir)
    if fresh is None:
        head = (f"Не перезагрузил: в файлах базы проблем: {len(problems)}. Работаю со старой базой ({before} записей)."
                if lang == "ru" else
                f"Not reloaded: the knowledge files have {len(problems)} problem(s). "
                f"The old base ({before} entries) stays in use.")
        shown = "\n".join(f"• {escape(problem[:300], quote=False)}" for problem in problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        await message.answer(head + "\n" + shown + (f"\n… +{more}" if more > 0 else ""))
        return
    kb.replace(fresh)
    await message.answer(f"База знаний перезагружена: {len(kb.entries)} записей (было {before})." if lang == "ru"
                         else f"Knowledge base reloaded: {len(kb.entries)} entries (was {before}).")


async def _draft_from_text(message: Message, text: str, lang: str, parser: BreachParser,
                           alerts: AlertService) -> None:
    # An admin's text is a draft either way: an unsure reading is still worth showing for confirmation.
    breach, _why = parser.analyse(text, posted_at=message.date or datetime.now(UTC), origin="admin",
                                  source_name="admin")
    if breach is None:
        await message.answer(
            "Не нашёл в тексте утечки одного сервиса: нужно название сервиса и что утекло."
            if lang == "ru" else
            "I found no breach of one service in that text: it needs the service and what leaked."
        )
        return
    breach_id, created = await alerts.draft(breach)
    if not created:
        await message.answer(("Эта утечка уже известна (№{id})." if lang == "ru" else
                              "This breach is already known (#{id}).").format(id=breach_id))
        return
    preview = render_alert(breach, lang)
    await message.answer(preview, reply_markup=draft_keyboard(breach_id, lang))


async def breach_command(message: Message, command: CommandObject, lang: str, breach_parser: BreachParser,
                         alerts: AlertService) -> None:
    if not command.args:
        await message.answer("/breach &lt;текст поста об утечке&gt;" if lang == "ru" else "/breach &lt;post text&gt;")
        return
    await _draft_from_text(message, command.args, lang, breach_parser, alerts)


async def forwarded_post(message: Message, lang: str, breach_parser: BreachParser, alerts: AlertService) -> None:
    await _draft_from_text(message, message.text or message.caption or "", lang, breach_parser, alerts)


async def draft_action(query: CallbackQuery, callback_data: DraftAction, lang: str, alerts: AlertService,
                       breaches: Breaches, state: FSMContext) -> None:
    stored = await breaches.get(callback_data.id)
    if stored is None or stored.status != "draft" or query.message is None:
        await query.answer("Устарело" if lang == "ru" else "Out of date", show_alert=True)
        return
    if callback_data.action == "publish":
        result = await alerts.confirm(callback_data.id)
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(
            f"Опубликовано. Оповещений в очереди: {result.queued}." if lang == "ru"
             else f"Published. Alerts queued: {result.queued}."
        )
    elif callback_data.action == "cancel":
        await breaches.set_status(callback_data.id, "cancelled")
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer("Отменено." if lang == "ru" else "Cancelled.")
    else:
        await state.set_state(EditDraft.fields)
        await state.update_data(breach_id=callback_data.id)
        await query.message.answer(
            "Пришлите исправления строками <code>поле: значение</code>. Поля: service, domain, records, "
            "date (ГГГГ-ММ-ДД)." if lang == "ru" else
            "Send corrections as <code>field: value</code> lines. Fields: service, domain, records, "
            "date (YYYY-MM-DD)."
        )
    await query.answer()


_FIELD = re.compile(r"^\s*(service|domain|records|date)\s*[:=]\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


async def edit_fields(message: Message, lang: str, state: FSMContext, breaches: Breaches) -> None:
    data = await state.get_data()
    stored = await breaches.get(int(data.get("breach_id", 0)))
    await state.clear()
    if stored is None or stored.status != "draft":
        await message.answer("Черновик не найден." if lang == "ru" else "Draft not found.")
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
