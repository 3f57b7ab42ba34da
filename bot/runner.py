"""Running the bot for real: long polling, or webhook mode when WEBHOOK_URL is set (bot/webhook.py).

Long polling starts before the bot is loaded. Importing this bot's modules (the knowledge base, the understanding
and breach modules, pymorphy3, numpy), reading its start-up cache and connecting the database take a second on top
of aiogram's own start, and many seconds when a changed file makes the start-up cache build again. So `run` makes
the Bot (bot/client.py imports little) and polls at once; the first getUpdates starts `Loading`, which imports
bot/app.py in a worker thread and builds the services and the dispatcher there (bot/app.py is still the one place
they are made), and runs the dispatcher's start-up hooks. Until it is done no update is taken: the first answer
from Telegram is held (`Loading.hold_updates`), so an update that arrives meanwhile is handled as soon as the bot is
loaded, and none is confirmed to Telegram before then. A load that fails stops polling, confirming nothing (the
next start gets those updates again), and the process exits with the error, as a failed start always did. Webhook
mode loads first, then sets the webhook.

Both stop gracefully on SIGTERM or SIGINT: no new updates are taken, the ones in progress finish, the
dispatcher's shutdown hooks stop the outbox sender after its current message, then the Bot session and the
database are closed."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import Update

from bot.aiogram_compat import polling_update_tasks, run_first_on_shutdown
from bot.client import create_bot
from bot.config import Settings
from bot.logs import setup_logging

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)

# The update types the bot's routes handle: what `create_dispatcher(...).resolve_used_update_types()` says, written
# out because long polling asks for them before the routes are loaded (tests/test_update_path.py checks the two
# agree).
ALLOWED_UPDATES = ["callback_query", "channel_post", "inline_query", "message", "my_chat_member"]


async def run(settings: Settings) -> int:
    setup_logging(settings.log_level, settings.bot_token.get_secret_value(),
                  settings.webhook_secret.get_secret_value())
    bot = create_bot(settings)
    try:
        if settings.webhook_url:
            return await run_webhook(bot, settings)
        return await run_polling(bot, settings)
    finally:
        await bot.session.close()
        log.info("stopped")


async def run_webhook(bot: Bot, settings: Settings) -> int:
    from bot.app import create_dispatcher, create_services, freeze_long_lived
    from bot.webhook import run_webhook as serve  # here: aiohttp's server is imported only in webhook mode

    collect_again()
    services = await create_services(settings)  # loaded first: the webhook is set once the bot can answer
    try:
        dp = create_dispatcher(services)
        freeze_long_lived()
        return await serve(bot, dp, settings)
    finally:
        await services.db.close()


class Loading:
    """The bot's own services and dispatcher (bot/app.py), made once long polling has started; see the module's
    docstring."""

    def __init__(self, bot: Bot, settings: Settings) -> None:
        self.bot, self.settings = bot, settings
        self.services: Services | None = None
        self._task: asyncio.Task[Dispatcher] | None = None
        self._stop_polling: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def start(self) -> asyncio.Task[Dispatcher]:
        if self._task is None:
            collect_again()
            self._task = asyncio.create_task(self._load(), name="loading the bot")
            self._task.add_done_callback(self._loaded)
        return self._task

    async def _load(self) -> Dispatcher:
        app = await asyncio.to_thread(_import_app)
        self.services = await app.create_services(self.settings)
        dp = app.create_dispatcher(self.services)
        await dp.emit_startup(bot=self.bot, dispatcher=dp, bots=(self.bot,), **dp.workflow_data)
        app.freeze_long_lived()
        log.info("loaded: handling updates (garbage collector %s)", "on" if gc.isenabled() else "OFF")
        return dp

    def _loaded(self, task: asyncio.Task[Dispatcher]) -> None:
        if not task.cancelled() and task.exception() is not None and not self._stop_polling.done():
            self._stop_polling.set_result(None)  # polling stops; `run_polling` raises the error

    async def dispatcher(self) -> Dispatcher:
        return await asyncio.shield(self.start())

    def failure(self) -> BaseException | None:
        task = self._task
        return task.exception() if task is not None and task.done() and not task.cancelled() else None

    async def hold_updates(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                           method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        """A session middleware: the first getUpdates starts loading, and every answer to getUpdates waits until the
        bot is loaded (its updates are confirmed to Telegram only by the next getUpdates). After a failed load it
        waits for polling to be stopped."""
        if not isinstance(method, GetUpdates):
            return await make_request(bot, method)
        task = self.start()
        response = await make_request(bot, method)
        if not task.done():
            with contextlib.suppress(Exception):
                await asyncio.shield(task)
        if self.failure() is not None:
            await asyncio.Future()  # never: polling is being stopped (`_loaded`), which cancels this request
        return response

    async def stop(self) -> None:
        """A shutdown hook: a load under way is waited for (its worker thread cannot be interrupted, and the
        process would wait for it anyway); then the dispatcher's own shutdown hooks run and the database closes."""
        if self._task is None:
            return
        with contextlib.suppress(Exception):
            dp = await asyncio.shield(self._task)
            await dp.emit_shutdown(bot=self.bot, dispatcher=dp, bots=(self.bot,), **dp.workflow_data)
        if self.services is not None:
            await self.services.db.close()

    async def stopped_by_failure(self, front: Dispatcher) -> None:
        await self._stop_polling
        await front.stop_polling()


class PollingFront(Dispatcher):
    """The dispatcher that polls: it has no routes of its own and hands every update to the bot's dispatcher, once
    `Loading` has made it."""

    def __init__(self, loading: Loading) -> None:
        super().__init__()
        self.loading = loading

    async def feed_update(self, bot: Bot, update: Update, **kwargs: Any) -> Any:
        dp = await self.loading.dispatcher()
        kwargs.pop("dispatcher", None)  # the handlers' dispatcher is the bot's own
        return await dp.feed_update(bot, update, **kwargs)


def collect_again() -> None:
    """Once the bot polls (or, with a webhook, before it loads): what the start made so far is frozen out of the
    garbage collector's sight (it lives as long as the process, and a few thousand objects of garbage among it are
    kept too), and the collector, paused by bot/__main__.py, runs again: loading builds and drops plenty."""
    gc.freeze()
    gc.enable()


def _import_app() -> Any:
    import bot.app

    return bot.app


async def run_polling(bot: Bot, settings: Settings) -> int:
    """aiogram's long polling; its signal handlers stop it on SIGTERM/SIGINT. It does not wait for the updates
    it started handling, so the first shutdown hook does, before the bot's own shutdown hooks stop the outbox
    sender."""
    loading = Loading(bot, settings)
    front = PollingFront(loading)
    bot.session.middleware(loading.hold_updates)

    async def finish_updates() -> None:
        from bot.webhook import finish_in_flight  # at shutdown: a polling start does without aiohttp's server

        await finish_in_flight(polling_update_tasks(front))

    front.shutdown.register(loading.stop)
    run_first_on_shutdown(front, finish_updates)
    watch = asyncio.create_task(loading.stopped_by_failure(front))
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await front.start_polling(bot, allowed_updates=ALLOWED_UPDATES, handle_signals=True, close_bot_session=False)
    finally:
        watch.cancel()
    failure = loading.failure()
    if failure is not None:
        raise failure
    return 0
