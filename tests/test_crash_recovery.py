"""`kill -9` in the middle of a fan-out: the real `python -m bot` process is killed while alerts go out, started
again over the same database, and every watcher gets the alert; only messages in flight at the kill repeat.
And publishing a breach is one transaction: a failure or a kill -9 between storing the breach and queueing its
alerts leaves nothing behind, so the next arrival of the same breach alerts everyone."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.app import create_services
from bot.breaches.models import Breach
from bot.config import PROJECT_ROOT, Settings
from bot.delivery.sender import CONCURRENCY
from bot.kb import KnowledgeBase
from bot.sandbox.server import FakeTelegram
from bot.storage import Database
from bot.storage.users import Users
from bot.storage.watches import Watches
from tests.botprocess import BotProcess
from tests.conftest import SOURCE_CHANNEL
from tests.test_e2e_alerts import LITRES_POST

WATCHERS = range(30_000, 30_300)


async def seed_watchers(db_path: Path) -> None:
    db = await Database(db_path).connect()
    try:
        await db.migrate()
        users, watches = Users(db), Watches(db)
        for chat_id in WATCHERS:
            await users.ensure(chat_id, "ru")
            await watches.add(chat_id, "litres", "Литрес", limit=50)
    finally:
        await db.close()


def alerts_delivered(telegram: FakeTelegram) -> Counter[int]:
    return Counter(r.params["chat_id"] for r in telegram.calls("sendMessage")
                   if r.status == 200 and r.params["chat_id"] in WATCHERS)


def outbox_status(db_path: Path) -> Counter[str]:
    with sqlite3.connect(db_path) as conn:
        return Counter(dict(conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall()))


async def test_a_fan_out_killed_midway_finishes_after_restart_without_losing_or_repeating(
        telegram: FakeTelegram, tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)
    # Telegram's shape of limits at a higher rate, so that the test takes seconds, not minutes
    telegram.enforce_limits(global_per_second=100, private_per_second=1)
    env = {"SOURCE_CHANNEL_IDS": str(SOURCE_CHANNEL), "SEND_RATE": "100"}

    first = await BotProcess(telegram, tmp_path, **env).start()
    try:
        await first.wait_polling()
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await first.wait_until(lambda: len(alerts_delivered(telegram)) >= 100)
        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
    finally:
        await first.close()
    at_kill = outbox_status(db_path)
    delivered_before = len(alerts_delivered(telegram))
    assert at_kill["pending"] + at_kill["sending"] > 0, "the kill came too late to test anything"
    assert delivered_before < len(WATCHERS)
    limited_before = telegram.count_429

    second = await BotProcess(telegram, tmp_path, **env).start()
    try:
        await second.wait_until(lambda: set(alerts_delivered(telegram)) == set(WATCHERS), timeout=60)
        await second.wait_until(lambda: outbox_status(db_path)["sent"] == len(WATCHERS), timeout=30)
        assert await second.stop() == 0
    finally:
        await second.close()

    delivered = alerts_delivered(telegram)
    repeated = sum(count - 1 for count in delivered.values())
    # Only a message whose request was out when the process died can go twice: the rows it had claimed
    # ("sending") and at most one batch of concurrent sends.
    assert repeated <= min(at_kill["sending"], CONCURRENCY), (repeated, at_kill)
    assert telegram.count_429 - limited_before <= 2  # the restarted bot paces itself from its first message
    assert "Traceback" not in second.stderr


# --- publishing is one transaction ---------------------------------------------------------------------------

BREACH = Breach(service="Литрес", domain="litres.ru", record_count=3_083_408, data_classes=["Email addresses"])
CHANNEL = -1002000000002


def settings_for(db_path: Path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite:///{db_path}", channel_id=str(CHANNEL))


async def published_state(db_path: Path) -> tuple[int, int, int]:
    """(breaches, alert rows, channel posts) in the database."""
    db = await Database(db_path).connect()
    try:
        return (await db.fetchval("SELECT COUNT(*) FROM breaches"),
                await db.fetchval("SELECT COUNT(*) FROM outbox WHERE kind = 'alert'"),
                await db.fetchval("SELECT COUNT(*) FROM channel_posts"))
    finally:
        await db.close()


async def publish_again(db_path: Path, kb: KnowledgeBase) -> int:
    services = await create_services(settings_for(db_path), kb=kb)
    services.channel.chat_id = CHANNEL
    try:
        return (await services.alerts.publish(BREACH)).queued
    finally:
        await services.db.close()


@pytest.fixture
def small_kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries([])


async def test_a_failure_between_storing_a_breach_and_queueing_its_alerts_leaves_nothing(
        tmp_path: Path, small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)

    async def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError("disk full")  # after the breach's INSERT, before its alerts are queued

    services = await create_services(settings_for(db_path), kb=small_kb)
    services.channel.chat_id = CHANNEL
    monkeypatch.setattr(services.watches, "queue_for_watchers_in", broken)
    try:
        with pytest.raises(OSError):
            await services.alerts.publish(BREACH)
    finally:
        await services.db.close()
    assert await published_state(db_path) == (0, 0, 0)  # not "known" without its alerts
    monkeypatch.undo()
    assert await publish_again(db_path, small_kb) == len(WATCHERS)  # the next arrival alerts everyone
    assert await published_state(db_path) == (1, len(WATCHERS), 1)


KILL_AFTER_STORING = """
import asyncio, os, signal, sys
from bot.alerts import AlertService
from bot.app import create_services
from bot.kb import KnowledgeBase
from tests.test_crash_recovery import BREACH, CHANNEL, settings_for
from pathlib import Path

async def main():
    services = await create_services(settings_for(Path(sys.argv[1])), kb=KnowledgeBase.from_entries([]))
    services.channel.chat_id = CHANNEL

    async def die(*args, **kwargs):  # the old code path committed the breach before this point
        os.kill(os.getpid(), signal.SIGKILL)

    services.watches.queue_for_watchers_in = die
    await services.alerts.publish(BREACH)

asyncio.run(main())
"""


async def test_kill_9_between_storing_a_breach_and_queueing_its_alerts_loses_nothing(
        tmp_path: Path, small_kb: KnowledgeBase) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", KILL_AFTER_STORING, str(db_path),
                                                 cwd=PROJECT_ROOT, stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == -signal.SIGKILL, stderr.decode()
    assert await published_state(db_path) == (0, 0, 0)
    assert await publish_again(db_path, small_kb) == len(WATCHERS)
    assert await published_state(db_path) == (1, len(WATCHERS), 1)
