"""The outbox and sender as plain modules: a real SQLite file, a scripted transport (no Telegram)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.delivery.limits import RateLimiter
from bot.delivery.sender import Outcome, Sender, Status
from bot.storage import Database
from bot.storage.outbox import Outbox


@pytest.fixture
async def outbox(tmp_path: Path):
    db = await Database(tmp_path / "bot.sqlite3").connect()
    await db.migrate()
    yield Outbox(db)
    await db.close()


class ScriptedTransport:
    def __init__(self, script: dict[int, list[Outcome]] | None = None):
        self.script = script or {}
        self.delivered: Counter[int] = Counter()
        self.calls: list[int] = []

    async def __call__(self, chat_id: int, text: str) -> Outcome:
        self.calls.append(chat_id)
        planned = self.script.get(chat_id)
        if planned:
            return planned.pop(0)
        self.delivered[chat_id] += 1
        return Outcome(Status.SENT, message_id=1)


async def test_enqueueing_the_same_alert_twice_queues_it_once(outbox: Outbox) -> None:
    assert await outbox.enqueue("alert", "7", [(1, "a"), (2, "a")]) == 2
    assert await outbox.enqueue("alert", "7", [(1, "a"), (2, "a"), (3, "a")]) == 1
    assert (await outbox.counts(ref="7"))["pending"] == 3


async def test_every_message_is_delivered_once(outbox: Outbox) -> None:
    await outbox.enqueue("alert", "1", [(chat, f"hi {chat}") for chat in range(1, 101)])
    transport = ScriptedTransport()
    await Sender(outbox, transport, rate=1000).drain(timeout=20)
    assert set(transport.delivered) == set(range(1, 101))
    assert max(transport.delivered.values()) == 1
    assert (await outbox.counts())["sent"] == 100


async def test_429_pauses_and_retries_without_losing_the_message(outbox: Outbox) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x")])
    transport = ScriptedTransport({1: [Outcome(Status.RETRY_AFTER, retry_after=1, error="429")]})
    sender = Sender(outbox, transport, rate=1000)
    await sender.drain(timeout=20)
    assert transport.delivered == Counter({1: 1, 2: 1})
    assert sender.stats.rate_limited == 1


async def test_a_blocked_chat_is_skipped_and_reported(outbox: Outbox) -> None:
    gone: list[int] = []

    async def on_gone(chat_id: int) -> None:
        gone.append(chat_id)

    await outbox.enqueue("alert", "1", [(5, "x"), (6, "x")])
    await outbox.enqueue("alert", "2", [(5, "y")])
    transport = ScriptedTransport({5: [Outcome(Status.GONE, error="Forbidden: bot was blocked by the user")]})
    await Sender(outbox, transport, rate=1000, on_gone=on_gone).drain(timeout=20)
    assert gone == [5]
    assert transport.delivered == Counter({6: 1})
    counts = await outbox.counts()
    assert counts["skipped"] == 2 and counts["sent"] == 1


async def test_network_errors_are_retried_with_backoff_and_bad_requests_are_not(outbox: Outbox) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x")])
    transport = ScriptedTransport({
        1: [Outcome(Status.TEMPORARY, error="ClientConnectorError")],
        2: [Outcome(Status.REJECTED, error="Bad Request: can't parse entities")],
    })
    await Sender(outbox, transport, rate=1000).drain(timeout=20)
    assert transport.delivered == Counter({1: 1})
    assert transport.calls.count(1) == 2
    assert (await outbox.counts())["failed"] == 1


async def test_rows_in_flight_at_a_crash_are_sent_after_restart(outbox: Outbox) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x"), (3, "x")])
    claimed = await outbox.claim(2)  # a process took two rows and died before sending them
    assert len(claimed) == 2
    transport = ScriptedTransport()
    assert await outbox.recover() == 2
    await Sender(outbox, transport, rate=1000).drain(timeout=20)
    assert transport.delivered == Counter({1: 1, 2: 1, 3: 1})


def test_limiter_spaces_private_chats_and_groups() -> None:
    now = [0.0]
    limiter = RateLimiter(30, clock=lambda: now[0])
    limiter.take(1)
    assert limiter.chat_ready_in(1) == pytest.approx(1.0)
    assert limiter.chat_ready_in(2) == 0
    for _ in range(20):
        limiter.take(-100)
    assert limiter.chat_ready_in(-100) == pytest.approx(60.0)
    now[0] = 61
    assert limiter.chat_ready_in(-100) == 0
    limiter.pause(5)
    assert limiter.global_ready_in() == pytest.approx(5)


async def test_channel_posts_leave_one_at_a_time_in_order_while_alerts_go_in_parallel(outbox: Outbox) -> None:
    channel = -1002000000002
    await outbox.enqueue("channel", "digest:1#1", [(channel, "part 1")])
    await outbox.enqueue("channel", "digest:1#2", [(channel, "part 2")])
    await outbox.enqueue("alert", "7", [(1, "alert a"), (2, "alert b")])
    first = await outbox.claim(10)
    assert [row.text for row in first] == ["part 1", "alert a", "alert b"]  # part 2 waits for part 1
    assert await outbox.claim(10) == []
    await outbox.mark_sent(first[0].id)
    assert [row.text for row in await outbox.claim(10)] == ["part 2"]
