"""Posts in trusted source channels (SOURCE_CHANNEL_IDS) become breaches when they describe one."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from aiogram.types import Message

from bot.alerts import AlertService
from bot.breaches.parser import BreachParser
from bot.config import Settings
from bot.handlers.routing import Routes

router = Routes("sources")
log = logging.getLogger(__name__)


@router.channel_post()
async def source_post(message: Message, settings: Settings, breach_parser: BreachParser,
                      alerts: AlertService) -> None:
    if message.chat.id not in settings.source_channel_ids:
        return  # a channel we are in but do not trust: deliberate silence
    text = message.text or message.caption or ""
    source_url = f"https://t.me/{message.chat.username}/{message.message_id}" if message.chat.username else None
    breach = breach_parser.parse(text, posted_at=message.date or datetime.now(UTC), origin="channel",
                                 source_name=message.chat.title, source_url=source_url)
    if breach is None:
        log.info("channel %s post %s: not a breach report", message.chat.id, message.message_id)
        return
    result = await alerts.publish(breach)
    log.info("channel %s post %s: breach %s (new: %s, alerts queued: %s)", message.chat.id, message.message_id,
             result.breach_id, result.created, result.queued)
