"""Webhook mode through real HTTP: the bot's aiohttp server on a localhost port, updates POSTed to it the way
Telegram posts them (and by the sandbox itself), replies read back from the sandbox; and `python -m bot`
stopping cleanly on SIGTERM in both modes."""

from __future__ import annotations

import contextlib
import signal
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.app import Services, create_bot, create_dispatcher, create_services
from bot.config import Settings
from bot.kb import KnowledgeBase
from bot.webhook import build_app, config_problem, webhook_url
from tests.botprocess import BotProcess, free_port
from tests.conftest import UpdatesInFlight
from tg_sandbox.server import FakeTelegram, SandboxSession

SECRET = "s3cret_Webhook-token"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
QUESTION = "какой штраф за утечку персональных данных?"


@dataclass
class Served:
    url: str
    services: Services
    http: aiohttp.ClientSession
    in_flight: UpdatesInFlight

    async def post(self, update: dict, secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with self.http.post(self.url, json=update, headers=headers) as response:
            await response.read()
            return response.status


@contextlib.asynccontextmanager
async def serving_webhook(settings: Settings, kb: KnowledgeBase) -> AsyncIterator[Served]:
    """The bot in webhook mode on a free localhost port: build_app + AppRunner, shut down like run_webhook."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}",
                                           "webhook_secret": SecretStr(SECRET)})
    services = await create_services(settings, kb=kb)
    bot = create_bot(settings, session_class=SandboxSession)
    dp = create_dispatcher(services)
    in_flight = UpdatesInFlight(polling=False)
    dp.update.outer_middleware(in_flight)
    runner = web.AppRunner(build_app(bot, dp, settings), access_log=None)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    try:
        async with aiohttp.ClientSession() as http:
            yield Served(webhook_url(settings), services, http, in_flight)
    finally:
        await runner.cleanup()
        await bot.session.close()
        await services.db.close()


@pytest.fixture
async def served(telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase) -> AsyncIterator[Served]:
    async with serving_webhook(settings, real_kb) as running:
        yield running


def private_message(update_id: int, text: str, user_id: int = 1001, language_code: str = "ru") -> dict:
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Alice"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Alice", "language_code": language_code},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def test_the_webhook_is_set_at_start_with_the_secret(telegram: FakeTelegram, served: Served) -> None:
    assert telegram.webhook is not None
    assert telegram.webhook["url"] == served.url
    assert served.url.endswith("/telegram/webhook")
    assert telegram.webhook["secret_token"] == SECRET
    [call] = telegram.calls("setWebhook")
    assert {"message", "callback_query", "inline_query"} <= set(call.params["allowed_updates"])
    assert not call.params.get("drop_pending_updates")
    # the dispatcher's startup hooks ran too: the command menu is registered
    assert any(c["command"] == "watch" for c in telegram.commands(language_code="ru"))


async def test_a_question_posted_with_the_secret_is_answered(telegram: FakeTelegram, served: Served) -> None:
    assert await served.post(private_message(10, QUESTION)) == 200
    [reply] = await telegram.wait_for_messages(1001, 1)
    assert "13.11" in reply["text"] and "Источник" in reply["text"]


async def test_a_wrong_or_missing_secret_gets_401_and_nothing_is_processed(
    telegram: FakeTelegram, served: Served
) -> None:
    assert await served.post(private_message(20, QUESTION, user_id=2002), secret="wrong-secret") == 401
    assert await served.post(private_message(21, QUESTION, user_id=2002), secret=None) == 401
    assert await served.post(private_message(22, "/start", user_id=2002)) == 200
    [greeting] = await telegram.wait_for_messages(2002, 1)
    assert "Привет" in greeting["text"]
    # Had a refused update reached the dispatcher, it would be in progress or answered by now.
    await telegram.wait_until(lambda: served.in_flight.count == 0)
    assert [m["text"] for m in telegram.messages(2002)] == [greeting["text"]]  # the question was never answered


async def test_start_over_the_webhook_as_the_sandbox_delivers_it(telegram: FakeTelegram, served: Served) -> None:
    telegram.send_user_message("/start", user_id=3003, language_code="en")
    [greeting] = await telegram.wait_for_messages(3003, 1)
    assert "Hi!" in greeting["text"] and "store only" in greeting["text"]
    # the update counts as delivered once the bot answered the POST, which it does after handling it
    await telegram.wait_until(lambda: bool(telegram.webhook_deliveries))
    assert "message" in telegram.webhook_deliveries[-1]


async def test_an_update_is_answered_only_once_it_is_handled(telegram: FakeTelegram, served: Served) -> None:
    # Telegram sends a chat's next update after this answer and resends an unanswered one: answering first would
    # let a chat's updates overtake each other on two replicas, and lose this one if the replica died now.
    telegram.delay("sendMessage", 0.5)  # a slow reply: answered at once, the POST would return well before it
    assert await served.post(private_message(15, "/start", user_id=1501)) == 200
    [greeting] = telegram.messages(1501)  # already there, not awaited
    assert "Привет" in greeting["text"]


def sending_to(telegram: FakeTelegram, chat_id: int, count: int = 1) -> bool:
    """The bot has called sendMessage for `chat_id` at least `count` times (answered or not yet)."""
    calls = [r for r in telegram.calls("sendMessage") if str(r.params.get("chat_id")) == str(chat_id)]
    return len(calls) >= count


async def test_shutdown_finishes_an_update_already_accepted(
    telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase
) -> None:
    telegram.delay("sendMessage", 1.0)  # the reply is still on its way when the shutdown begins
    async with serving_webhook(settings, real_kb) as served:
        assert await served.post(private_message(30, QUESTION, user_id=4004)) == 200
        await telegram.wait_until(lambda: sending_to(telegram, 4004))
        services = served.services
    # the server is shut down: the reply to the accepted update was delivered before it went away ...
    [reply] = telegram.messages(4004)
    assert "13.11" in reply["text"]
    # ... and the outbox sender stopped with the dispatcher's shutdown hooks
    assert services.background.tasks and all(task.done() for task in services.background.tasks)


@pytest.mark.parametrize(("url", "secret", "expected"), [
    ("https://bot.example.org", "", "WEBHOOK_SECRET is not set"),
    ("http://bot.example.org", SECRET, "https://"),
    ("https://bot.example.org", "has spaces!", "WEBHOOK_SECRET may hold only"),
    ("https://bot.example.org", SECRET, None),
    ("http://localhost:8080", SECRET, None),
    ("http://127.0.0.1:8443", SECRET, None),
])
def test_webhook_settings_are_checked(url: str, secret: str, expected: str | None) -> None:
    problem = config_problem(Settings(_env_file=None, webhook_url=url, webhook_secret=secret))
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem


@pytest.mark.parametrize(("url", "secret", "expected"), [
    ("https://bot.example.org", "", "WEBHOOK_SECRET is not set"),
    ("http://bot.example.org", SECRET, "WEBHOOK_URL must start with https://"),
])
async def test_python_m_bot_refuses_an_unsafe_webhook_with_one_line(
    telegram: FakeTelegram, tmp_path: Path, url: str, secret: str, expected: str
) -> None:
    process = BotProcess(telegram, tmp_path, WEBHOOK_URL=url, WEBHOOK_SECRET=secret)
    await process.start()
    try:
        assert await process.stop(sig=None) == 2  # it exits by itself
    finally:
        await process.close()
    assert process.stderr.strip().count("\n") == 0 and expected in process.stderr
    assert not telegram.requests  # it never talked to Telegram


async def test_polling_bot_stops_cleanly_on_sigterm(telegram: FakeTelegram, tmp_path: Path) -> None:
    process = BotProcess(telegram, tmp_path)
    await process.start()
    try:
        await process.wait_polling()
        telegram.send_user_message(QUESTION, user_id=5005)
        [reply] = await telegram.wait_for_messages(5005, 1, timeout=30)
        assert "13.11" in reply["text"]
        # a second question is being answered (slowly) when SIGTERM comes: the answer still arrives
        telegram.delay("sendMessage", 1.0)
        telegram.send_user_message("/start", user_id=5005)
        await process.wait_until(lambda: sending_to(telegram, 5005, 2))
        assert await process.stop(signal.SIGTERM) == 0
    finally:
        await process.close()
    assert "Traceback" not in process.stderr, process.stderr
    assert "Привет" in telegram.messages(5005)[1]["text"]
    assert process.stderr.splitlines()[-1].endswith("stopped")


async def test_webhook_bot_stops_cleanly_on_sigterm(telegram: FakeTelegram, tmp_path: Path) -> None:
    port = free_port()
    process = BotProcess(telegram, tmp_path, WEBHOOK_URL=f"http://127.0.0.1:{port}", WEBHOOK_SECRET=SECRET,
                         WEBHOOK_HOST="127.0.0.1", WEBHOOK_PORT=str(port))
    await process.start()
    try:
        await process.wait_until(lambda: telegram.webhook is not None)
        assert telegram.webhook["url"] == f"http://127.0.0.1:{port}/telegram/webhook"
        assert telegram.webhook["secret_token"] == SECRET
        telegram.send_user_message(QUESTION, user_id=6006)  # the sandbox posts it to the bot's server
        [reply] = await telegram.wait_for_messages(6006, 1, timeout=30)
        assert "13.11" in reply["text"]
        telegram.delay("sendMessage", 1.0)
        telegram.send_user_message("/start", user_id=6006)
        await process.wait_until(lambda: sending_to(telegram, 6006, 2))
        assert await process.stop(signal.SIGTERM) == 0
    finally:
        await process.close()
    assert "Traceback" not in process.stderr, process.stderr
    assert "Привет" in telegram.messages(6006)[1]["text"]
    assert "webhook mode stopped" in process.stderr
