"""Posts in trusted source channels (SOURCE_CHANNEL_IDS) become breaches when they describe one."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message

from bot.alerts import AlertService
from bot.breaches.models import Breach
from bot.breaches.parser import BreachParser
from bot.breaches.render import render_alert, render_unsure_note
from bot.config import Settings
from bot.handlers.admin import draft_keyboard
from bot.storage.users import Users

log = logging.getLogger(__name__)


async def source_post(message: Message, settings: Settings, breach_parser: BreachParser,
                      alerts: AlertService, users: Users) -> None:
    if message.chat.id not in settings.source_channel_ids:
        return  # a channel we are in but do not trust: deliberate silence
    text = message.text or message.caption or ""
    source_url = f"https://t.me/{message.chat.username}/{message.message_id}" if message.chat.username else None
    breach, why = breach_parser.analyse(text, posted_at=message.date or datetime.now(UTC), origin="channel",
                                        source_name=message.chat.title, source_url=source_url)
    if breach is None:
        log.info("channel %s post %s: not a breach report (%s)", message.chat.id, message.message_id, why)
        return
    if why != "breach":  # unsure is not silent: the admins decide
        await _ask_admins(message, breach, why, alerts, settings, users)
        return
    result = await alerts.publish(breach)  # a draft an earlier unsure post left is published by this sure one
    log.info("channel %s post %s: breach %s (new: %s, alerts queued: %s)", message.chat.id, message.message_id,
             result.breach_id, result.created, result.queued)


async def _ask_admins(message: Message, breach: Breach, why: str, alerts: AlertService, settings: Settings,
                      users: Users) -> None:
    """Keep the best reading as a draft and show it to each admin with publish / edit / cancel."""
    breach_id, created = await alerts.draft(breach)
    log.info("channel %s post %s: unsure (%s), draft %s (new: %s)", message.chat.id, message.message_id, why,
             breach_id, created)
    if not created or message.bot is None:
        return
    for admin_id in settings.admin_ids:
        lang = await users.language(admin_id)
        text = render_unsure_note(why, lang) + "\n\n" + render_alert(breach, lang)
        try:
            await message.bot.send_message(admin_id, text, reply_markup=draft_keyboard(breach_id, lang))
        except TelegramAPIError as exc:  # e.g. an admin who never opened the bot: the draft stays stored
            log.warning("admin %s: draft %s not shown: %s", admin_id, breach_id, exc.message)


def router() -> Router:
    r = Router(name="sources")
    r.channel_post.register(source_post)
    return r
