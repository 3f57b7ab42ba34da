"""Publishing a breach is one transaction: storing it (which makes it "known"), queueing its alerts and journalling
its channel post. A failure, or a kill -9, between the steps of the old code path (breach committed, alerts not yet
queued) leaves nothing behind, so the next arrival of the same breach alerts everyone. No aiogram is imported here:
the child process that is killed starts in a moment."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from bot.alerts import AlertService
from bot.breaches.models import Breach
from bot.breaches.names import default_directory
from bot.channel.poster import ChannelPoster
from bot.config import PROJECT_ROOT
from bot.kb import KnowledgeBase
from bot.storage import Database
from bot.storage.breaches import Breaches
from bot.storage.channel_posts import ChannelJournal
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches

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


BREACH = Breach(service="Литрес", domain="litres.ru", record_count=3_083_408, data_classes=["Email addresses"])
CHANNEL = -1002000000002


async def alert_service(db_path: Path) -> tuple[Database, AlertService]:
    """The publishing half of the bot (no aiogram, so that a child process starts in a moment)."""
    db = await Database(db_path).connect()
    await db.migrate()
    breaches, watches, outbox = Breaches(db), Watches(db), Outbox(db)
    channel = ChannelPoster(ChannelJournal(db, outbox), breaches, watches, KnowledgeBase.from_entries([]),
                            chat_id=CHANNEL)
    return db, AlertService(breaches, watches, outbox, default_directory(), on_published=channel.post_breach_in)


async def published_state(db_path: Path) -> tuple[int, int, int]:
    """(breaches, alert rows, channel posts) in the database."""
    db = await Database(db_path).connect()
    try:
        return (await db.fetchval("SELECT COUNT(*) FROM breaches"),
                await db.fetchval("SELECT COUNT(*) FROM outbox WHERE kind = 'alert'"),
                await db.fetchval("SELECT COUNT(*) FROM channel_posts"))
    finally:
        await db.close()


async def publish_again(db_path: Path) -> int:
    db, alerts = await alert_service(db_path)
    try:
        return (await alerts.publish(BREACH)).queued
    finally:
        await db.close()


async def test_a_failure_between_storing_a_breach_and_queueing_its_alerts_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)

    async def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError("disk full")  # after the breach's INSERT, before its alerts are queued

    db, alerts = await alert_service(db_path)
    monkeypatch.setattr(alerts.watches, "queue_for_watchers_in", broken)
    try:
        with pytest.raises(OSError):
            await alerts.publish(BREACH)
    finally:
        await db.close()
    assert await published_state(db_path) == (0, 0, 0)  # not "known" without its alerts
    monkeypatch.undo()
    assert await publish_again(db_path) == len(WATCHERS)  # the next arrival alerts everyone
    assert await published_state(db_path) == (1, len(WATCHERS), 1)


KILL_AFTER_STORING = """
import asyncio, os, signal, sys
from pathlib import Path
from tests.test_publishing import BREACH, alert_service

async def main():
    _, alerts = await alert_service(Path(sys.argv[1]))

    async def die(*args, **kwargs):  # the old code path had committed the breach by this point
        os.kill(os.getpid(), signal.SIGKILL)

    alerts.watches.queue_for_watchers_in = die
    await alerts.publish(BREACH)

asyncio.run(main())
"""


async def test_kill_9_between_storing_a_breach_and_queueing_its_alerts_loses_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", KILL_AFTER_STORING, str(db_path),
                                                 cwd=PROJECT_ROOT, stderr=asyncio.subprocess.PIPE)
    _, stderr = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == -signal.SIGKILL, stderr.decode()
    assert await published_state(db_path) == (0, 0, 0)
    assert await publish_again(db_path) == len(WATCHERS)
    assert await published_state(db_path) == (1, len(WATCHERS), 1)
