"""Webhook mode: Telegram POSTs updates to an aiohttp server instead of the bot polling for them.

`build_app` makes the aiohttp application (testable on any port): aiogram's `SimpleRequestHandler` at
WEBHOOK_PATH checks the `X-Telegram-Bot-Api-Secret-Token` header (a wrong or missing secret gets 401 and nothing
is processed), handles the update and only then answers Telegram (`handle_in_background=False`). Telegram sends a
chat's next update only after the previous one was answered, and sends an unanswered update again, so with several
replicas behind a balancer one chat's updates are handled in order even when they land on different replicas, and
an update whose replica dies half-way is handled by another (bot/shared_state.py's journal keeps it to once).
Handlers therefore stay short: slow work (fan-outs, channel posts) goes to the outbox. aiogram answers anyway
after 55 s and finishes the update in the background. `setup_application` runs the dispatcher's startup hooks,
then the webhook is set. `run_webhook` serves it until SIGTERM or SIGINT and then shuts down in order: stop
listening, finish the updates in progress, the dispatcher's shutdown hooks (the outbox sender stops after its
current message), close the Bot session. The caller closes the database."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.config import Settings

if TYPE_CHECKING:  # aiogram takes seconds to import: `python -m bot` checks the settings before it does
    from aiogram import Bot, Dispatcher

log = logging.getLogger(__name__)

# Seconds the updates in progress get to finish at shutdown before they are cancelled.
SHUTDOWN_GRACE = 20.0
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as secret_token


def config_problem(settings: Settings) -> str | None:
    """Why webhook mode must not start with these settings (one line), or None if it may."""
    secret = settings.webhook_secret.get_secret_value()
    if not secret:
        return ("WEBHOOK_SECRET is not set: webhook mode needs a secret so that only Telegram can post updates; "
                "put WEBHOOK_SECRET=<random letters, digits, _ or -> in .env (e.g. `openssl rand -hex 32`).")
    if not SECRET_RE.fullmatch(secret):
        return "WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters), as Telegram requires."
    parts = urlsplit(settings.webhook_url)
    if parts.scheme != "https" and not (parts.scheme == "http" and (parts.hostname or "") in LOCAL_HOSTS):
        return (f"WEBHOOK_URL must start with https:// (Telegram posts updates only over TLS), "
                f"got {settings.webhook_url!r}; plain http:// is allowed only for localhost.")
    if not settings.webhook_path.startswith("/"):
        return f"WEBHOOK_PATH must start with /, got {settings.webhook_path!r}."
    return None


def webhook_url(settings: Settings) -> str:
    """The URL Telegram posts to: WEBHOOK_URL (the public base) + WEBHOOK_PATH."""
    return settings.webhook_url.rstrip("/") + settings.webhook_path


async def finish_in_flight(tasks: Iterable[asyncio.Task[Any]], timeout: float = SHUTDOWN_GRACE) -> None:  # noqa: ASYNC109
    """Wait for update tasks still running (new ones may start while waiting); cancel what is left after `timeout`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while pending := {task for task in tasks if not task.done()}:
        remaining = deadline - loop.time()
        if remaining <= 0:
            log.warning("shutdown: %d updates still running after %.0f s, cancelling them", len(pending), timeout)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            return
        log.info("shutdown: waiting for %d updates in progress", len(pending))
        await asyncio.wait(pending, timeout=remaining)


class RequestsInProgress:
    """Counts webhook requests in progress (an aiohttp middleware), so shutdown waits for every update being
    handled: Telegram gets its answer, and does not send the update again, once it is handled."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @web.middleware
    async def middleware(self, request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        self.count += 1
        self._idle.clear()
        try:
            return await handler(request)
        finally:
            self.count -= 1
            if not self.count:
                self._idle.set()

    async def wait_idle(self, timeout: float) -> None:  # noqa: ASYNC109
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout)


def build_app(bot: Bot, dp: Dispatcher, settings: Settings) -> web.Application:
    """The webhook server for this bot and dispatcher: POST WEBHOOK_PATH. Startup runs the dispatcher's startup
    hooks, then setWebhook; shutdown finishes the updates in progress, runs the shutdown hooks, closes the
    Bot session."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    secret = settings.webhook_secret.get_secret_value()
    # Answered once handled (see the module's docstring): order per chat across replicas, redelivery after a crash.
    handler = SimpleRequestHandler(dp, bot, secret_token=secret or None, handle_in_background=False)
    requests = RequestsInProgress()
    app = web.Application(middlewares=[requests.middleware])

    async def finish_updates(_app: web.Application) -> None:
        # aiohttp runs on_shutdown once it stops listening, while handlers still run: they finish before the
        # dispatcher's shutdown hooks close what they use. One still running after SHUTDOWN_GRACE is cancelled by
        # aiohttp later; Telegram, which got no answer for it, sends it again (to another replica, or to this one).
        await requests.wait_idle(SHUTDOWN_GRACE)

    async def set_webhook(_app: web.Application) -> None:
        await bot.set_webhook(
            url=webhook_url(settings),
            secret_token=secret or None,
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        log.info("webhook set: Telegram posts updates to %s", settings.webhook_path)

    # on_shutdown runs in this order: finish updates, dispatcher shutdown hooks, close the session
    app.on_shutdown.append(finish_updates)
    setup_application(app, dp, bot=bot)
    handler.register(app, path=settings.webhook_path)
    app.on_startup.append(set_webhook)  # after the dispatcher's startup hooks
    return app


async def run_webhook(bot: Bot, dp: Dispatcher, settings: Settings) -> int:
    """Serve the webhook on WEBHOOK_HOST:WEBHOOK_PORT until SIGTERM or SIGINT, then shut down gracefully."""
    from aiogram.exceptions import TelegramAPIError, TelegramNetworkError

    app = build_app(bot, dp, settings)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal(sig: signal.Signals) -> None:
        log.info("received %s: stopping", sig.name)
        stop.set()

    signals = (signal.SIGTERM, signal.SIGINT)
    for sig in signals:
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
            loop.add_signal_handler(sig, on_signal, sig)
    try:
        try:
            await runner.setup()
        except (TelegramAPIError, TelegramNetworkError) as exc:
            log.error("could not start webhook mode: %s: %s", type(exc).__name__, exc)
            await shutdown_after_failed_start(app)
            return 1
        except BaseException:
            await shutdown_after_failed_start(app)
            raise
        site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
        try:
            await site.start()
        except OSError as exc:
            log.error("could not listen on %s:%s: %s", settings.webhook_host, settings.webhook_port, exc)
            return 1
        log.info("webhook mode: listening on %s:%s%s", settings.webhook_host, settings.webhook_port,
                 settings.webhook_path)
        await stop.wait()
    finally:
        for sig in signals:
            with contextlib.suppress(NotImplementedError):
                loop.remove_signal_handler(sig)
        await runner.cleanup()
    log.info("webhook mode stopped")
    return 0


async def shutdown_after_failed_start(app: web.Application) -> None:
    """Run the shutdown hooks after a startup hook failed, to stop what the earlier startup hooks started."""
    app.freeze()  # aiohttp sends the shutdown signal only once the app is frozen, which a failed startup skips
    await app.shutdown()
