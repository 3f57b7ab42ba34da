"""Running the bot for real: long polling (webhook mode comes with WEBHOOK_URL)."""

from __future__ import annotations

import logging

from bot.app import create_bot, create_dispatcher, create_services
from bot.config import Settings
from bot.logs import setup_logging

log = logging.getLogger(__name__)


async def run(settings: Settings) -> int:
    setup_logging(settings.log_level, settings.bot_token.get_secret_value())
    services = await create_services(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types())
    finally:
        await bot.session.close()
        await services.db.close()
    return 0
