"""Outbox claims under a lease, on SQLite and on the real PostgreSQL (tests/backends.py): what lets several replicas
share one outbox. A living sender's rows are never taken, however long its requests take; a dead sender's come back
when its lease ends; a sender that lost its lease cannot overwrite the new owner's result; two senders racing over
one outbox deliver each message once. Time is the outbox's fake clock, moved by hand: nothing here waits for it."""

from __future__ import annotations

import asyncio
import shutil
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery.sender import Outcome, Sender, Status
from bot.storage import Database
from bot.storage.db import MIGRATIONS_DIR, migration_files
from bot.storage.outbox import Outbox, OutboxRow
from bot.storage.users import Users
from tests import backends
from tests.test_migrations import open_backend
from tests.test_outbox_sender import FakeClock
from tests.waiting import until

database = backends.database
CHATS = range(100, 104)


@pytest.fixture
async def second(database: Database) -> AsyncIterator[Database]:
    """Another connection to the same database: another replica's."""
    other = await Database(database.url if database.dialect == "postgresql" else database.path).connect()
    yield other
    await other.close()


async def queued(database: Database, clock: FakeClock, chats: range = CHATS) -> Outbox:
    for chat_id in chats:
        await Users(database).ensure(chat_id, "ru")
    outbox = Outbox(database, clock=clock)
    await outbox.enqueue("alert", "lease", [(chat_id, f"alert {chat_id}") for chat_id in chats])
    return outbox


async def status_of(database: Database, row: OutboxRow) -> tuple[str, str]:
    found = await database.fetchone("SELECT status, claimed_by FROM outbox WHERE id = ?", (row.id,))
    return found[0], found[1]


async def test_a_claim_holds_its_rows_until_its_lease_ends_and_renewing_extends_it(
        database: Database, second: Database) -> None:
    clock = FakeClock()
    mine, theirs = await queued(database, clock), Outbox(second, clock=clock)
    held = await mine.claim(10)
    assert [row.chat_id for row in held] == list(CHATS)

    clock.now += timedelta(seconds=mine.lease - 0.01)
    assert await theirs.claim(10) == [], "a living claim's rows are never taken"
    assert await mine.renew({held[0].claim}) == len(CHATS)
    clock.now += timedelta(seconds=mine.lease - 0.01)  # past the first lease, within the renewed one
    assert await theirs.claim(10) == []

    clock.now += timedelta(seconds=0.02)  # the renewed lease ran out: the claimer is taken for dead
    taken = await theirs.claim(10)
    assert [row.id for row in taken] == [row.id for row in held]
    assert taken[0].claim != held[0].claim
    assert await mine.renew({held[0].claim}) == 0, "the old claim renews nothing it lost"
    assert await theirs.claim(10) == [], "the new claim holds them in turn"


async def test_a_stale_senders_late_outcome_does_not_overwrite_the_new_owners(
        database: Database, second: Database) -> None:
    clock = FakeClock()
    stale_outbox, new_outbox = await queued(database, clock, range(100, 102)), Outbox(second, clock=clock)
    stale = await stale_outbox.claim(10)
    clock.now += timedelta(seconds=stale_outbox.lease + 1)
    new = await new_outbox.claim(10)
    assert [row.id for row in new] == [row.id for row in stale]

    # The new owner has sent the first row; the stale sender's request then fails late: the row stays sent.
    assert await new_outbox.mark_sent(new[0])
    assert not await stale_outbox.retry_later(stale[0], 0, "timeout")
    assert not await stale_outbox.mark_failed(stale[0], "Bad Request")
    assert await stale_outbox.skip_chat(stale[0].chat_id, "blocked", stale[0].claim) == 0
    assert await status_of(database, new[0]) == ("sent", new[0].claim)

    # The second row is still in flight with the new owner: the stale sender's word changes nothing, the owner's counts.
    assert not await stale_outbox.mark_sent(stale[1])
    assert not await stale_outbox.retry_later(stale[1], 60, "429")
    assert await status_of(database, new[1]) == ("sending", new[1].claim)
    assert await new_outbox.mark_failed(new[1], "Bad Request: chat not found")
    assert await new_outbox.counts(ref="lease") == {"pending": 0, "sending": 0, "sent": 1, "failed": 1, "skipped": 0}


class HeldTransport:
    """Sends at once, except to `hold`: that request waits until `release` is set (a slow request, a long 429)."""

    def __init__(self, hold: int | None = None, outcome: Outcome = Outcome(Status.SENT, message_id=1)):
        self.hold = hold
        self.outcome = outcome
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.delivered: Counter[int] = Counter()

    async def __call__(self, chat_id: int, text: str) -> Outcome:
        if chat_id == self.hold:
            self.started.set()
            await self.release.wait()
            if self.outcome.status is not Status.SENT:
                return self.outcome
        self.delivered[chat_id] += 1
        return Outcome(Status.SENT, message_id=1)


async def test_a_living_sender_keeps_its_rows_however_long_a_request_takes(
        database: Database, second: Database) -> None:
    clock = FakeClock()
    outbox = await queued(database, clock, range(100, 101))
    transport = HeldTransport(hold=100)
    sender = Sender(outbox, transport, sleep=clock.sleep, renew_every=0.001)
    draining = asyncio.create_task(sender.drain(timeout=30))
    await asyncio.wait_for(transport.started.wait(), 10)
    other = Outbox(second, clock=clock)
    for _ in range(4):  # two leases' time, half a lease at a step: each step the sender renews
        clock.now += timedelta(seconds=outbox.lease / 2)
        renewals = sender.stats.renewals
        await until(lambda renewals=renewals: sender.stats.renewals > renewals, every=0.001)
        assert await other.claim(10) == [], "a second claimer took a living sender's row"
    transport.release.set()
    await draining
    assert transport.delivered == Counter({100: 1})
    assert sender.stats.lease_lost == 0
    assert (await outbox.counts())["sent"] == 1


async def test_a_hung_senders_row_goes_to_another_and_its_late_failure_does_not_send_it_again(
        database: Database, second: Database) -> None:
    clock = FakeClock()
    outbox = await queued(database, clock, range(100, 101))
    hung = HeldTransport(hold=100, outcome=Outcome(Status.TEMPORARY, error="ServerDisconnectedError"))
    stalled = Sender(outbox, hung, sleep=clock.sleep, renew_every=3600)  # it renews nothing in this test's time
    draining = asyncio.create_task(stalled.drain(timeout=30))
    await asyncio.wait_for(hung.started.wait(), 10)

    clock.now += timedelta(seconds=outbox.lease + 1)
    taker = HeldTransport()
    await Sender(Outbox(second, clock=clock), taker, sleep=clock.sleep).drain(timeout=30)
    assert taker.delivered == Counter({100: 1})

    hung.release.set()  # the hung request fails at last: the row is the new owner's, sent, and stays so
    await draining
    assert stalled.stats.lease_lost == 1
    assert await outbox.counts() == {"pending": 0, "sending": 0, "sent": 1, "failed": 0, "skipped": 0}
    assert await outbox.next_due_in() is None, "nothing will be sent again"


async def test_two_senders_racing_over_one_outbox_deliver_each_message_once(
        database: Database, second: Database) -> None:
    chats = range(1000, 1300)
    first_outbox = await queued(database, FakeClock(), chats)
    transports = [HeldTransport(), HeldTransport()]
    senders = [Sender(first_outbox, transports[0], concurrency=4),
               Sender(Outbox(second, clock=first_outbox.clock), transports[1], concurrency=4)]
    await asyncio.gather(*(sender.drain(timeout=60) for sender in senders))
    delivered = transports[0].delivered + transports[1].delivered
    assert set(delivered) == set(chats) and max(delivered.values()) == 1
    assert all(sender.stats.sent > 0 for sender in senders), "both senders took part"
    assert (await first_outbox.counts())["sent"] == len(chats)


@pytest.mark.parametrize("backend", backends.BACKENDS)
async def test_rows_an_older_version_left_in_flight_are_claimed_after_the_upgrade(backend: str, tmp_path: Path) -> None:
    """Before leases, a restart put 'sending' rows back in the queue; the migration gives them a lease that has
    ended, so the first claim takes them instead of leaving them in flight for ever."""
    db, schema = await open_backend(backend, tmp_path, "old")
    try:
        old_dir = tmp_path / "old_migrations"
        (old_dir / backend).mkdir(parents=True)
        for _version, path in migration_files(dialect=backend):
            if "lease" not in path.name:
                shutil.copy(path, old_dir / path.relative_to(MIGRATIONS_DIR))
        await db.migrate(old_dir)
        await Users(db).ensure(100, "ru")
        await db.execute("INSERT INTO outbox (kind, ref, chat_id, text, status, next_attempt_at, created_at) "
                         "VALUES ('alert', 'old', 100, 'x', 'sending', ?, ?)",
                         ("2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"))
        assert await db.migrate() != []
        clock = FakeClock()  # 2026-01-01, the moment the row was queued
        [row] = await Outbox(db, clock=clock).claim(10)
        assert row.ref == "old" and row.claim
    finally:
        await db.close()
        if schema is not None:
            await schema.drop()
