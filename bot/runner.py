"""Running the bot for real: long polling, or webhook mode when WEBHOOK_URL is set (bot/webhook.py).

Both stop gracefully on SIGTERM or SIGINT: no new updates are taken, the ones in progress finish, the
dispatcher's shutdown hooks stop the outbox sender after its current message, then the Bot session and the
database are closed."""

from __future__ import annotations

import gc
import logging

from aiogram import Bot, Dispatcher

from bot.aiogram_compat import polling_update_tasks, run_first_on_shutdown
from bot.app import create_bot, create_dispatcher, create_services, freeze_long_lived
from bot.config import Settings
from bot.logs import setup_logging

log = logging.getLogger(__name__)


async def run(settings: Settings) -> int:
    # The imports are done: what they made lives as long as the process. It is frozen out of the garbage collector's
    # sight, and the collector, paused by bot/__main__.py while they ran, runs again (loading builds and drops plenty).
    gc.freeze()
    gc.enable()
    setup_logging(settings.log_level, settings.bot_token.get_secret_value(),
                  settings.webhook_secret.get_secret_value())
    services = await create_services(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    freeze_long_lived()
    log.info("loaded: handling updates (garbage collector %s)", "on" if gc.isenabled() else "OFF")
    try:
        if settings.webhook_url:
            from bot.webhook import run_webhook  # here: aiohttp's server is imported only in webhook mode

            return await run_webhook(bot, dp, settings)
        return await run_polling(bot, dp)
    finally:
        await bot.session.close()
        await services.db.close()
        log.info("stopped")


async def run_polling(bot: Bot, dp: Dispatcher) -> int:
    """aiogram's long polling; its signal handlers stop it on SIGTERM/SIGINT. It does not wait for the updates
    it started handling, so the first shutdown hook does, before the outbox sender is stopped."""

    async def finish_updates() -> None:
        from bot.webhook import finish_in_flight  # at shutdown: a polling start does without aiohttp's server

        await finish_in_flight(polling_update_tasks(dp))

    run_first_on_shutdown(dp, finish_updates)
    await bot.delete_webhook(drop_pending_updates=False)
    await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types(), handle_signals=True)
    return 0
