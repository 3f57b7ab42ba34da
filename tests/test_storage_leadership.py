"""Leadership on PostgreSQL (the real server): of three replicas exactly one leads; when it stops, loses its
connection or is killed with `kill -9`, a standby takes over, and the old leader has stepped down. In the bot:
only the leader runs the outbox sender and the scheduler, a standby's NOTIFY wakes it, and a standby sends once the
leader is gone."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator

import asyncpg
from aiogram import Bot

from bot.app import Services, create_bot, create_services
from bot.breaches.models import Breach
from bot.config import PROJECT_ROOT, Settings
from bot.kb import KnowledgeBase
from bot.leader import Leadership
from bot.storage import Database
from tests import backends
from tests.backends import PgSchema
from tests.waiting import until
from tg_sandbox.server import FakeTelegram, SandboxSession

pg_schema = backends.pg_schema
FAST = {"retry": 0.05, "check": 0.05}


class Candidate:
    """A Leadership whose hooks record what happened and signal it."""

    def __init__(self, url: str, name: str):
        self.log: list[str] = []
        self.changed = asyncio.Event()
        self.leadership = Leadership(url, self._elected, self._deposed, name=name, **FAST)
        self.task: asyncio.Task[None] | None = None

    async def _elected(self) -> None:
        self.log.append("elected")
        self.changed.set()

    async def _deposed(self) -> None:
        self.log.append("deposed")
        self.changed.set()

    def start(self) -> Candidate:
        self.task = asyncio.create_task(self.leadership.run())
        return self

    async def stop(self) -> None:
        self.leadership.stop()
        if self.task is not None:
            await asyncio.wait_for(self.task, 10)


@contextlib.asynccontextmanager
async def candidates(url: str, count: int) -> AsyncIterator[list[Candidate]]:
    started = [Candidate(url, f"replica-{n}").start() for n in range(count)]
    try:
        yield started
    finally:
        for candidate in started:
            await candidate.stop()


def leaders(group: list[Candidate]) -> list[Candidate]:
    return [c for c in group if c.leadership.is_leader]


async def test_one_of_three_leads_and_a_standby_takes_over_when_it_stops(pg_schema: PgSchema) -> None:
    async with candidates(pg_schema.url, 3) as group:
        await until(lambda: len(leaders(group)) == 1)
        [leader] = leaders(group)
        standbys = [c for c in group if c is not leader]
        # the standbys keep asking and keep being refused
        asked = {id(c): c.leadership.attempts for c in standbys}
        await until(lambda: all(c.leadership.attempts >= asked[id(c)] + 3 for c in standbys))
        assert leaders(group) == [leader]

        await leader.stop()
        assert leader.log == ["elected", "deposed"]
        await until(lambda: len(leaders(standbys)) == 1)
        assert sum(c.log.count("elected") for c in standbys) == 1


async def test_a_leader_that_loses_its_connection_steps_down_and_a_standby_leads(pg_schema: PgSchema) -> None:
    async with candidates(pg_schema.url, 2) as group:
        await until(lambda: len(leaders(group)) == 1)
        [leader] = leaders(group)
        [standby] = [c for c in group if c is not leader]
        conn = await asyncpg.connect(backends.PG_URL)
        try:  # what a database restart or a network cut does to the lock's session
            assert await conn.fetchval("SELECT pg_terminate_backend($1)", leader.leadership.backend_pid)
        finally:
            await conn.close()
        await until(lambda: "deposed" in leader.log and standby.leadership.is_leader)
        assert leader.log[:2] == ["elected", "deposed"]
        assert standby.log == ["elected"]


async def test_a_notification_reaches_every_replica_and_only_the_leader_acts_on_it(pg_schema: PgSchema) -> None:
    """Through each replica's own database and its one LISTEN connection (`Database.listen`), as the bot wires it."""
    channel = f"test_wake_{uuid.uuid4().hex[:12]}"  # notifications are database-wide: a channel of this test's own
    woken = [asyncio.Event(), asyncio.Event()]
    heard = [asyncio.Event(), asyncio.Event()]  # registered after the leadership's: set once it has had its turn
    dbs = [await Database(pg_schema.url).connect() for _ in range(2)]
    group = []
    try:
        for n, db in enumerate(dbs):
            candidate = Candidate(pg_schema.url, f"replica-{n}")
            candidate.leadership = Leadership(pg_schema.url, candidate._elected, candidate._deposed, db=db,
                                              listen={channel: woken[n].set}, **FAST)
            group.append(candidate.start())
            db.listen(channel, lambda _payload, e=heard[n]: e.set(), lambda: None)
        await until(lambda: len(leaders(group)) == 1 and all(db.listening for db in dbs))
        [leader] = leaders(group)
        standby = 1 - group.index(leader)
        dbs[standby].notify(channel, "rows queued")  # a standby's NOTIFY, as publishing sends it
        await asyncio.wait_for(asyncio.gather(*(event.wait() for event in (*heard, woken[1 - standby]))), 10)
        assert not woken[standby].is_set()  # heard there too, and left to the leader
        assert leader.leadership.notifications == 1
    finally:
        for candidate in group:
            await candidate.stop()
        for db in dbs:
            await db.close()


LEADER_PROCESS = """
import asyncio, sys
from bot.leader import Leadership

async def main():
    async def on_elected():
        print("elected", flush=True)
    async def on_deposed():
        pass
    await Leadership(sys.argv[1], on_elected, on_deposed, retry=0.05, check=0.05).run()

asyncio.run(main())
"""


async def test_a_standby_takes_over_from_a_leader_killed_with_sigkill(pg_schema: PgSchema) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", LEADER_PROCESS, pg_schema.url, cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        assert await asyncio.wait_for(process.stdout.readline(), 30) == b"elected\n"
        async with candidates(pg_schema.url, 1) as [standby]:
            await until(lambda: standby.leadership.attempts >= 3)
            assert not standby.leadership.is_leader
            process.send_signal(signal.SIGKILL)
            await process.wait()
            await until(lambda: standby.leadership.is_leader)
            assert standby.log == ["elected"]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


# --- the bot itself: two replicas' background on one PostgreSQL schema ------------------------------------------

@contextlib.asynccontextmanager
async def bot_replica(settings: Settings, kb: KnowledgeBase) -> AsyncIterator[tuple[Services, Bot]]:
    services = await create_services(settings, kb=kb)
    bot = create_bot(settings, session_class=SandboxSession)
    try:
        await services.background.start(bot)  # the dispatcher's startup hook, without polling
        yield services, bot
    finally:
        await services.background.stop()
        await bot.session.close()
        await services.db.close()


def sent_to(telegram: FakeTelegram) -> Counter[int]:
    return Counter(int(r.params["chat_id"]) for r in telegram.calls("sendMessage") if r.status == 200)


async def queue_alerts(services: Services, ref: str, chats: range) -> None:
    for chat_id in chats:
        await services.users.ensure(chat_id, "ru")
    await services.outbox.enqueue("alert", ref, [(chat_id, f"alert {ref}") for chat_id in chats])


async def test_only_the_leader_sends_and_a_standby_sends_once_it_is_gone(
    telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase, pg_schema: PgSchema
) -> None:
    settings = settings.model_copy(update={"database_url": pg_schema.url})
    async with bot_replica(settings, real_kb) as (first, _), bot_replica(settings, real_kb) as (second, _):
        replicas = [first, second]
        # Elected is not yet running: the leader's hook starts the sender, then the scheduler.
        await until(lambda: sum(bool(s.leadership and s.leadership.is_leader and s.scheduler) for s in replicas) == 1)
        [leader] = [s for s in replicas if s.leadership and s.leadership.is_leader]
        [standby] = [s for s in replicas if s is not leader]
        assert leader.scheduler is not None and standby.scheduler is None and standby.sender is None

        await until(lambda: leader.leadership is not None and leader.leadership.listening)
        await queue_alerts(standby, "1", range(30_000, 30_030))  # queued by either replica, sent by the leader
        standby.alerts.wake()  # what publishing does after its commit: NOTIFY, heard by the leader's LISTEN
        await until(lambda: leader.leadership is not None and leader.leadership.notifications >= 1)
        await until(lambda: len(sent_to(telegram)) == 30)
        assert set(sent_to(telegram).values()) == {1}

        await leader.background.stop()
        await until(lambda: bool(standby.leadership and standby.leadership.is_leader and standby.scheduler))
        await queue_alerts(standby, "2", range(30_100, 30_110))
        await until(lambda: len(sent_to(telegram)) == 40)
        assert set(sent_to(telegram).values()) == {1}


async def test_a_fan_out_published_on_a_standby_gets_one_progress_message_from_the_leader(
    telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase, pg_schema: PgSchema
) -> None:
    admin = 77_001
    settings = settings.model_copy(update={"database_url": pg_schema.url, "admin_ids": [admin], "send_rate": 100})
    async with bot_replica(settings, real_kb) as (first, _), bot_replica(settings, real_kb) as (second, _):
        replicas = [first, second]
        await until(lambda: sum(bool(s.leadership and s.leadership.is_leader and s.scheduler) for s in replicas) == 1)
        [leader] = [s for s in replicas if s.leadership and s.leadership.is_leader]
        [standby] = [s for s in replicas if s is not leader]
        assert leader.progress is not None and standby.progress is None
        await until(lambda: leader.leadership is not None and leader.leadership.listening)
        leader.progress.interval = 0.2
        for chat_id in range(31_000, 31_060):  # more than the progress message's 50
            await standby.users.ensure(chat_id, "ru")
            await standby.watches.add(chat_id, "litres", "Литрес", limit=50)

        published = await standby.alerts.publish(Breach(service="Литрес", domain="litres.ru", origin="admin"))
        assert published.queued == 60
        await until(lambda: len(sent_to(telegram)) == 61 and "Готово" in (telegram.messages(admin) or [{}])[-1].get(
            "text", ""), timeout=30)
        # one message, from the leader: a standby reporting too would have sent a second one
        [progress] = telegram.messages(admin)
        assert "Литрес" in progress["text"] and "60 / 60" in progress["text"]
        assert sent_to(telegram)[admin] == 1
