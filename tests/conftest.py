"""The test harness: the real bot (real Dispatcher, real aiohttp session, real SQLite file) driven over HTTP
through the project's local Bot API stand-in, the way Telegram drives it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import Services, create_bot, create_dispatcher, create_services
from bot.config import PROJECT_ROOT, Settings
from bot.kb import KnowledgeBase
from bot.sandbox.server import FakeTelegram

ADMIN_ID = 900
SOURCE_CHANNEL = -1001000000001


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    """The curated knowledge base, loaded once for the whole run."""
    return KnowledgeBase.load(PROJECT_ROOT / "knowledge")


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
        send_rate=30,
    )


class BotHarness:
    """A running bot and helpers to talk to it like a user would."""

    def __init__(self, telegram: FakeTelegram, services: Services):
        self.telegram = telegram
        self.services = services

    async def say(self, text: str | None, *, user_id: int = 1001, language_code: str | None = "ru",
                  timeout: float = 5.0, **kwargs) -> dict:  # noqa: ASYNC109
        """Send a message and return the bot's reply to that chat."""
        chat_id = kwargs.get("chat_id") or user_id
        before = len(self.telegram.messages(chat_id))
        self.telegram.send_user_message(text, user_id=user_id, language_code=language_code, **kwargs)
        messages = await self.telegram.wait_for_messages(chat_id, before + 1, timeout=timeout)
        return messages[before]

    async def press(self, message: dict, number: int, *, user_id: int = 1001, timeout: float = 5.0) -> str:  # noqa: ASYNC109
        """Press the n-th (1-based) inline button of a bot message; returns the callback query id."""
        buttons = [b for row in message["reply_markup"]["inline_keyboard"] for b in row]
        query_id = self.telegram.press_button(message, buttons[number - 1]["callback_data"], user_id=user_id)
        await self.telegram.wait_until(lambda: query_id in self.telegram.callback_answers, timeout=timeout)
        return query_id

    async def settle(self, seconds: float = 0.3) -> None:
        await self.telegram.wait_for_updates_consumed()
        await asyncio.sleep(seconds)


@contextlib.asynccontextmanager
async def running_bot(telegram: FakeTelegram, settings: Settings, kb: KnowledgeBase | None = None):
    services = await create_services(settings, kb=kb)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        await telegram.wait_until(lambda: any(r.method == "getUpdates" for r in telegram.requests), timeout=10)
        yield BotHarness(telegram, services)
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
