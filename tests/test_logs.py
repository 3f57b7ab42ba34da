"""Secrets and logs, through the real `python -m bot` and its stderr: one line per update with its id and handling
time, no message texts unless LOG_MESSAGE_TEXT=true, and the token (and the webhook secret) never printed, not
even in a traceback or a crash."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.i18n import t
from tests.botprocess import BotProcess, free_port
from tg_sandbox.server import FakeTelegram

# Shaped like a real token, so a leak would look like one.
TOKEN = "7012345678:AAFq3Xk9_Zt-ExampleSecretPart0123456"
TOKEN_SECRET_PART = TOKEN.split(":", 1)[1]
QUESTION = "какой штраф за утечку персональных данных? Zebra417"


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(token=TOKEN)
    await server.start()
    yield server
    await server.stop()


def update_id_of(telegram: FakeTelegram, text: str) -> int:
    for call in telegram.calls("getUpdates"):
        for update in call.result or []:
            if update.get("message", {}).get("text") == text:
                return update["update_id"]
    raise AssertionError(f"no update with {text!r} was delivered")


async def ask_and_stop(telegram: FakeTelegram, tmp_path: Path, **env: str) -> tuple[BotProcess, int]:
    """Start the bot, ask QUESTION, wait for the reply, SIGTERM; returns the stopped process and the update id."""
    process = BotProcess(telegram, tmp_path, **env)
    await process.start()
    try:
        await process.wait_polling()
        telegram.send_user_message(QUESTION, user_id=1001)
        await telegram.wait_for_messages(1001, 1, timeout=30)
        assert await process.stop() == 0
    finally:
        await process.close()
    return process, update_id_of(telegram, QUESTION)


async def test_each_update_is_logged_with_its_id_and_duration_but_not_its_text(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    process, update_id = await ask_and_stop(telegram, tmp_path)
    assert re.search(rf"Update id={update_id} is handled\. Duration \d+ ms", process.stderr), process.stderr
    assert "Zebra417" not in process.stderr and "утечку" not in process.stderr
    assert TOKEN_SECRET_PART not in process.stderr


async def test_message_texts_are_logged_only_with_log_message_text(telegram: FakeTelegram, tmp_path: Path) -> None:
    process, update_id = await ask_and_stop(telegram, tmp_path, LOG_MESSAGE_TEXT="true")
    assert f"update {update_id} text: {QUESTION!r}" in process.stderr, process.stderr


async def test_the_token_is_redacted_from_a_logged_traceback(telegram: FakeTelegram, tmp_path: Path) -> None:
    # Telegram's error echoes the request URL, token and all; the handler fails and the error is logged with its
    # traceback, then the user is told something went wrong.
    telegram.fail_next("sendMessage", code=400,
                       description=f"Bad Request: wrong url https://api.telegram.org/bot{TOKEN}/sendMessage")
    process = BotProcess(telegram, tmp_path)
    await process.start()
    try:
        await process.wait_polling()
        telegram.send_user_message(QUESTION, user_id=1001)
        [apology] = await telegram.wait_for_messages(1001, 1, timeout=30)
        assert apology["html"] == t("error", "ru")
        assert await process.stop() == 0
    finally:
        await process.close()
    assert "Traceback" in process.stderr and "TelegramBadRequest" in process.stderr
    assert "wrong url https://api.telegram.org/bot<redacted>/sendMessage" in process.stderr
    assert TOKEN_SECRET_PART not in process.stderr


async def test_the_token_is_redacted_from_a_crash(telegram: FakeTelegram, tmp_path: Path) -> None:
    telegram.fail_next("deleteWebhook", code=400, description=f"Bad Request: invalid bot{TOKEN} in the URL")
    process = BotProcess(telegram, tmp_path)
    await process.start()
    try:
        assert await process.stop(sig=None) == 1  # the bot stops by itself
    finally:
        await process.close()
    assert "unhandled error" in process.stderr and "Traceback" in process.stderr
    assert "invalid bot<redacted> in the URL" in process.stderr
    assert TOKEN_SECRET_PART not in process.stderr


async def test_a_failed_webhook_start_prints_neither_token_nor_secret(telegram: FakeTelegram, tmp_path: Path) -> None:
    secret = "webhook-Secret_98765"
    telegram.fail_next("setWebhook", code=400,
                       description=f"Bad Request: bad webhook: bot{TOKEN} secret {secret} rejected")
    port = free_port()
    process = BotProcess(telegram, tmp_path, WEBHOOK_URL=f"http://127.0.0.1:{port}", WEBHOOK_SECRET=secret,
                         WEBHOOK_HOST="127.0.0.1", WEBHOOK_PORT=str(port))
    await process.start()
    try:
        assert await process.stop(sig=None) == 1
    finally:
        await process.close()
    assert "could not start webhook mode" in process.stderr and "Traceback" not in process.stderr, process.stderr
    assert "bot<redacted> secret <redacted> rejected" in process.stderr
    assert TOKEN_SECRET_PART not in process.stderr and secret not in process.stderr


def test_env_is_git_ignored() -> None:
    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("needs git and the project's repository")
    result = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 0, ".env must be git-ignored"


def test_env_example_has_no_real_secrets() -> None:
    values = {}
    for line in (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    assert values["BOT_TOKEN"] == "" and values["WEBHOOK_SECRET"] == ""
    assert values["ADMIN_IDS"] == ""
    assert not any(re.search(r"\d{5,}:[A-Za-z0-9_-]{20,}", value) for value in values.values())
