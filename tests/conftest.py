"""The test harness: the real bot (real Dispatcher, real aiohttp session with the request limiter, real SQLite file)
driven over HTTP through the project's local Bot API stand-in, the way Telegram drives it.

Waiting is on signals, never on fixed sleeps: `BotHarness.idle()` returns once every update the sandbox queued was
taken, none is being handled, and the outbox has nothing due or in flight."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import GetUpdates
from aiogram.types import TelegramObject

from bot.app import Services, create_bot, create_dispatcher, create_limiter, create_services
from bot.config import Settings
from bot.delivery.limiter import RequestLimiter
from bot.kb import KnowledgeBase
from bot.resources import knowledge_dir
from tg_sandbox.server import FakeTelegram, SandboxSession

ADMIN_ID = 900
SOURCE_CHANNEL = -1001000000001


@pytest.fixture(scope="session", autouse=True)
def _knowledge_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The built knowledge base (bot/kb/cache.py) is cached in this run's temporary folder, never in the user's
    ~/.cache: a run leaves nothing behind and never reads what an earlier one wrote (bots started as child processes
    inherit the variable)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    """The curated knowledge base, loaded once for the whole run."""
    return KnowledgeBase.load(knowledge_dir())


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    await server.start()
    server.add_chat({"id": SOURCE_CHANNEL, "type": "channel", "title": "Утечки информации", "username": "dataleak"})
    yield server
    await server.stop()


@pytest.fixture
def settings(tmp_path: Path, telegram: FakeTelegram) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=telegram.token,
        telegram_api_url=telegram.base_url,
        database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        admin_ids=[ADMIN_ID],
        source_channel_ids=[SOURCE_CHANNEL],
        # Pacing is on only where a test asks for it (the flood-limit tests set Telegram's limits on the sandbox
        # and these two to match): a conversation of ten steps in one chat must not take ten seconds, nor every
        # start-up a fifth of a second of command-menu calls. Every request still passes the limiter.
        send_rate=1000,
        private_chat_interval=0,
    )


class UpdatesInFlight:
    """How many updates the bot has received and not finished: counted from the getUpdates response (a session
    middleware), not from when the dispatcher starts on one, because polling hands each update to a task of its own
    that a loaded machine may start only later; finished when `Dispatcher.feed_update` returns, which also counts
    an update an outer middleware drops (another bot's message, a throttled user).
    A webhook's update is handled within its request, so there (`polling=False`, as an outer middleware on the
    update) it counts from the middleware."""

    def __init__(self, *, polling: bool = True) -> None:
        self.polling = polling
        self.received = 0
        self.finished = 0

    @property
    def count(self) -> int:
        return self.received - self.finished

    def track(self, bot: Any, dp: Any) -> None:
        """Polling: count what getUpdates hands over and what the dispatcher has finished with."""
        bot.session.middleware(self._on_request)
        feed_update = dp.feed_update

        async def counted(*args: Any, **kwargs: Any) -> Any:
            try:
                return await feed_update(*args, **kwargs)
            finally:
                self.finished += 1

        dp.feed_update = counted  # an instance attribute: polling calls self.feed_update for every update

    async def _on_request(self, make_request: Callable[..., Awaitable[Any]], bot: Any, method: Any) -> Any:
        response = await make_request(bot, method)
        if isinstance(method, GetUpdates):
            self.received += len(response)
        return response

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        self.received += 1
        try:
            return await handler(event, data)
        finally:
            self.finished += 1


class BotHarness:
    """A running bot and helpers to talk to it like a user would."""

    def __init__(self, telegram: FakeTelegram, services: Services, limiter: RequestLimiter,
                 in_flight: UpdatesInFlight):
        self.telegram = telegram
        self.services = services
        self.limiter = limiter
        self.in_flight = in_flight

    async def say(self, text: str | None, *, user_id: int = 1001, language_code: str | None = "ru",
                  timeout: float = 30.0, **kwargs) -> dict:  # noqa: ASYNC109
        """Send a message and return the bot's reply to that chat."""
        chat_id = kwargs.get("chat_id") or user_id
        before = len(self.telegram.messages(chat_id))
        self.telegram.send_user_message(text, user_id=user_id, language_code=language_code, **kwargs)
        messages = await self.telegram.wait_for_messages(chat_id, before + 1, timeout=timeout)
        return messages[before]

    async def press(self, message: dict, number: int, *, user_id: int = 1001, timeout: float = 30.0) -> str:  # noqa: ASYNC109
        """Press the n-th (1-based) inline button of a bot message; returns the callback query id."""
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        query_id = self.telegram.press_button(message, buttons[number - 1]["callback_data"], user_id=user_id)
        await self.telegram.wait_until(lambda: query_id in self.telegram.callback_answers, timeout=timeout)
        return query_id

    async def idle(self, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has nothing left to do: every queued update taken and handled, no request waiting
        in the limiter, nothing due or in flight in the outbox. Seen twice in a row, 5 ms apart, so that work
        handed from one to the other (a handler queueing alerts, the sender claiming them) is never missed."""
        await self.telegram.wait_for_updates_consumed(timeout)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        calm = 0
        while calm < 2:
            busy = (self.in_flight.count or self.limiter.waiting or self.telegram.pending_updates
                    or await self.services.outbox.open_now())
            calm = 0 if busy else calm + 1
            if loop.time() > deadline:
                raise TimeoutError(f"the bot is still busy after {timeout} s: {self.in_flight.count} updates, "
                                   f"{self.limiter.waiting} requests waiting, "
                                   f"{await self.services.outbox.open_now()} outbox rows open")
            await asyncio.sleep(0.005)


@contextlib.asynccontextmanager
async def running_bot(telegram: FakeTelegram, settings: Settings, kb: KnowledgeBase | None = None):
    services = await create_services(settings, kb=kb)
    limiter = create_limiter(settings)
    bot = create_bot(settings, limiter=limiter, session_class=SandboxSession)
    dp = create_dispatcher(services)
    in_flight = UpdatesInFlight()
    in_flight.track(bot, dp)
    # Ready once this bot polls (its startup hooks have run by then): a getUpdates recorded after this point, since
    # a test may start several bots over one sandbox in turn and the earlier ones' calls are still on record.
    seen = len(telegram.requests)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        await telegram.wait_until(lambda: any(r.method == "getUpdates" for r in telegram.requests[seen:]))
        yield BotHarness(telegram, services, limiter, in_flight)
    finally:
        with contextlib.suppress(RuntimeError):
            await dp.stop_polling()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(polling, timeout=10)
        await bot.session.close()
        await services.db.close()


@pytest.fixture
async def harness(telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase) -> AsyncIterator[BotHarness]:
    async with running_bot(telegram, settings, real_kb) as running:
        yield running
