"""Failover, end to end: three real `python -m bot` processes in webhook mode on one PostgreSQL and one Redis, 1,500
alerts queued, the leader (the one sending) killed with `kill -9` half-way. Every alert arrives; only the rows the
leader had in flight may arrive twice; the sandbox's flood limits are never hit (0 × 429); a standby is sending
again within the issue's 30 s (measured on the sandbox's clock); and the three processes migrated the empty database
together without a conflict."""

from __future__ import annotations

import signal
import time
from collections import Counter
from pathlib import Path

import asyncpg

from bot.sandbox.server import FakeTelegram
from bot.storage import Database
from tests import backends
from tests.backends import PgSchema
from tests.botprocess import BotProcess, free_port

pg_schema = backends.pg_schema
redis_prefix = backends.redis_prefix

WATCHERS = range(40_000, 41_500)
RATE = 100  # Telegram's shape of limits at a higher rate, so that the test takes seconds, not minutes


def delivered(telegram: FakeTelegram) -> Counter[int]:
    return Counter(int(r.params["chat_id"]) for r in telegram.calls("sendMessage")
                   if r.status == 200 and int(r.params["chat_id"]) in WATCHERS)


async def queue_alerts(url: str) -> None:
    """1,500 users and one alert each, as a fan-out leaves them: pending rows in the outbox."""
    db = await Database(url).connect()
    try:
        await db.migrate()
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO users (chat_id, language, started_at) "
                "SELECT g, 'ru', '2026-01-01T00:00:00+00:00' FROM generate_series(?::bigint, ?::bigint) g",
                (WATCHERS.start, WATCHERS.stop - 1))
            await conn.execute(
                "INSERT INTO outbox (kind, ref, chat_id, text, next_attempt_at, created_at) "
                "SELECT 'alert', 'failover', g, 'Утечка: проверьте пароль', '2000-01-01T00:00:00+00:00', "
                "'2026-01-01T00:00:00+00:00' FROM generate_series(?::bigint, ?::bigint) g",
                (WATCHERS.start, WATCHERS.stop - 1))
    finally:
        await db.close()


async def in_flight(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'sending'")
    finally:
        await conn.close()


def elected(process: BotProcess) -> int:
    return process.stderr.count("elected; this replica runs the sender")


async def test_the_leader_killed_mid_fan_out_loses_nothing_and_a_standby_takes_over(
    telegram: FakeTelegram, tmp_path: Path, pg_schema: PgSchema, redis_prefix: tuple[str, str]
) -> None:
    redis_url, prefix = redis_prefix
    telegram.enforce_limits(global_per_second=RATE, private_per_second=1)
    replicas = []
    for n in range(3):
        home = tmp_path / f"replica-{n}"
        home.mkdir()
        port = free_port()
        replicas.append(BotProcess(
            telegram, home, DATABASE_URL=pg_schema.url, REDIS_URL=redis_url, REDIS_PREFIX=prefix,
            SEND_RATE=str(RATE), WEBHOOK_URL=f"http://127.0.0.1:{port}", WEBHOOK_PORT=str(port),
            WEBHOOK_HOST="127.0.0.1", WEBHOOK_SECRET="failover-secret", LOG_LEVEL="INFO"))
    try:
        for replica in replicas:  # all three start on the empty database at once: each migration applied once
            await replica.start()
        await replicas[0].wait_until(lambda: sum(elected(r) for r in replicas) == 1, timeout=60)
        for replica in replicas:
            await replica.wait_until(lambda r=replica: "webhook mode: listening" in r.stderr, timeout=60)
        [leader] = [r for r in replicas if elected(r)]
        standbys = [r for r in replicas if r is not leader]

        await queue_alerts(pg_schema.url)
        await leader.wait_until(lambda: len(delivered(telegram)) >= len(WATCHERS) // 2, timeout=60)
        assert await leader.stop(signal.SIGKILL) == -signal.SIGKILL
        killed_at = time.monotonic()
        sending_at_kill = await in_flight(pg_schema.url)
        sent_before_kill = sum(delivered(telegram).values())
        assert sent_before_kill < len(WATCHERS), "the kill came too late to test anything"

        await standbys[0].wait_until(lambda: set(delivered(telegram)) == set(WATCHERS), timeout=90)
        counts = delivered(telegram)
        repeats = sum(counts.values()) - len(WATCHERS)
        assert repeats <= sending_at_kill, f"{repeats} repeats, {sending_at_kill} rows were in flight at the kill"
        assert telegram.count_429 == 0
        after_kill = [r.time for r in telegram.calls("sendMessage") if r.time > killed_at and r.status == 200]
        assert after_kill and after_kill[0] - killed_at < 30, "a standby took over within 30 s"
        assert sum(elected(r) for r in standbys) == 1, "exactly one standby took over"

        schema = await Database(pg_schema.url).connect()
        try:
            versions = [row[0] for row in await schema.fetchall("SELECT version FROM schema_migrations")]
            assert len(versions) == len(set(versions)) and await schema.migrate() == []
        finally:
            await schema.close()
        print(f"\nfailover: {sent_before_kill} sent before the kill, {sending_at_kill} in flight, {repeats} repeated, "
              f"standby sending {after_kill[0] - killed_at:.1f} s after the kill")
    finally:
        for replica in replicas:
            await replica.close()
