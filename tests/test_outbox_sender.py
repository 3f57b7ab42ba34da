"""The outbox and sender as plain modules: a real SQLite file, a scripted transport (no Telegram), a fake clock.
The request limiter and its aiogram middleware on a virtual-time loop: pacing, priority and order in exact times."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.delivery.limiter import BULK, INTERACTIVE, RequestLimiter, bulk_requests
from bot.delivery.sender import Outcome, Sender, Status
from bot.delivery.telegram import LimiterMiddleware
from bot.storage import Database
from bot.storage.outbox import Outbox
from tests.virtual_time import run_virtual


class FakeClock:
    """The outbox's clock: `sleep` moves it on instead of waiting."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)
        self.slept = 0.0

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self.slept += seconds
        await asyncio.sleep(0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def outbox(tmp_path: Path, clock: FakeClock):
    db = await Database(tmp_path / "bot.sqlite3").connect()
    await db.migrate()
    yield Outbox(db, clock=clock)
    await db.close()


def sender_for(outbox: Outbox, transport, **kwargs) -> Sender:
    clock = outbox.clock
    assert isinstance(clock, FakeClock)
    return Sender(outbox, transport, sleep=clock.sleep, **kwargs)


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
    await sender_for(outbox, transport).drain(timeout=20)
    assert set(transport.delivered) == set(range(1, 101))
    assert max(transport.delivered.values()) == 1
    assert (await outbox.counts())["sent"] == 100


async def test_a_429_the_limiter_gave_up_on_waits_its_turn_without_losing_the_message(
        outbox: Outbox, clock: FakeClock) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x")])
    transport = ScriptedTransport({1: [Outcome(Status.RETRY_AFTER, retry_after=7, error="429")]})
    sender = sender_for(outbox, transport)
    await sender.drain(timeout=20)
    assert transport.delivered == Counter({1: 1, 2: 1})
    assert sender.stats.rate_limited == 1
    assert clock.slept == pytest.approx(7, abs=0.2)  # it waited on the fake clock, not the wall clock


async def test_a_blocked_chat_is_skipped_and_reported(outbox: Outbox) -> None:
    gone: list[int] = []

    async def on_gone(chat_id: int) -> None:
        gone.append(chat_id)

    await outbox.enqueue("alert", "1", [(5, "x"), (6, "x")])
    await outbox.enqueue("alert", "2", [(5, "y")])
    transport = ScriptedTransport({5: [Outcome(Status.GONE, error="Forbidden: bot was blocked by the user")]})
    await sender_for(outbox, transport, on_gone=on_gone).drain(timeout=20)
    assert gone == [5]
    assert transport.delivered == Counter({6: 1})
    counts = await outbox.counts()
    assert counts["skipped"] == 2 and counts["sent"] == 1


async def test_network_errors_are_retried_with_backoff_and_bad_requests_are_not(outbox: Outbox,
                                                                                 clock: FakeClock) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x")])
    transport = ScriptedTransport({
        1: [Outcome(Status.TEMPORARY, error="ClientConnectorError")],
        2: [Outcome(Status.REJECTED, error="Bad Request: can't parse entities")],
    })
    await sender_for(outbox, transport).drain(timeout=20)
    assert transport.delivered == Counter({1: 1})
    assert transport.calls.count(1) == 2
    assert (await outbox.counts())["failed"] == 1
    assert clock.slept >= 1  # the backoff (1 s after the first failure) was waited out on the fake clock


async def test_rows_in_flight_at_a_crash_are_sent_after_restart_once_their_lease_ends(
        outbox: Outbox, clock: FakeClock) -> None:
    await outbox.enqueue("alert", "1", [(1, "x"), (2, "x"), (3, "x")])
    claimed = await outbox.claim(2)  # a process took two rows and died before sending them
    assert len(claimed) == 2
    transport = ScriptedTransport()
    await sender_for(outbox, transport).drain(timeout=20)
    assert transport.delivered == Counter({1: 1, 2: 1, 3: 1})
    assert transport.calls[0] == 3  # the queued row at once, the dead claim's rows ...
    assert clock.slept == pytest.approx(outbox.lease, abs=0.3)  # ... when its lease ran out (on the fake clock)


async def test_channel_posts_leave_one_at_a_time_in_order_while_alerts_go_in_parallel(outbox: Outbox) -> None:
    channel = -1002000000002
    await outbox.enqueue("channel", "digest:1#1", [(channel, "part 1")])
    await outbox.enqueue("channel", "digest:1#2", [(channel, "part 2")])
    await outbox.enqueue("alert", "7", [(1, "alert a"), (2, "alert b")])
    first = await outbox.claim(10)
    assert [row.text for row in first] == ["part 1", "alert a", "alert b"]  # part 2 waits for part 1
    assert await outbox.claim(10) == []
    await outbox.mark_sent(first[0])
    assert [row.text for row in await outbox.claim(10)] == ["part 2"]


async def test_the_outbox_is_open_only_while_something_is_due_or_in_flight(outbox: Outbox, clock: FakeClock) -> None:
    assert await outbox.open_now() == 0
    await outbox.enqueue("alert", "1", [(1, "x")])
    assert await outbox.open_now() == 1
    [row] = await outbox.claim(10)
    assert await outbox.open_now() == 1  # in flight
    await outbox.retry_later(row, 30, "429")
    assert await outbox.open_now() == 0  # waiting for its time is not work to do now
    await clock.sleep(30)
    assert await outbox.open_now() == 1


# --- the request limiter (virtual time: exact, and instant) --------------------------------------------------

def grant_times(limiter: RequestLimiter, requests: list[tuple[int | None, bool]]) -> list[float]:
    """Issue (chat_id, bulk) requests all at once; when each was let through, in seconds from the start."""

    async def main() -> list[float]:
        loop = asyncio.get_running_loop()
        start = loop.time()
        times = [0.0] * len(requests)

        async def one(index: int, chat_id: int | None, bulk: bool) -> None:
            if bulk:
                with bulk_requests():
                    await limiter.acquire(chat_id)
            else:
                await limiter.acquire(chat_id)
            times[index] = loop.time() - start

        await asyncio.gather(*(one(i, chat, bulk) for i, (chat, bulk) in enumerate(requests)))
        return times

    return run_virtual(main())


def test_requests_keep_to_the_overall_rate_in_every_second() -> None:
    times = sorted(grant_times(RequestLimiter(30), [(chat, True) for chat in range(1, 91)]))
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 1 / 45 - 1e-3  # never a burst
    # never more than 30 in any second (what Telegram counts), with a little room for the requests' travel
    assert all(times[i + 30] - times[i] >= 1.02 - 1e-3 for i in range(len(times) - 30))
    assert max(times) == pytest.approx(2 * 1.02 + 29 / 45, abs=0.01)  # and nothing lost to pacing beyond that


def test_a_late_grant_is_not_carried_into_the_later_ones() -> None:
    """A busy event loop wakes the limiter late now and then; the rate over a minute must not suffer for it."""

    async def main() -> float:
        limiter = RequestLimiter(30)
        loop = asyncio.get_running_loop()
        start = loop.time()
        for chat in range(1, 601):
            await limiter.acquire(chat)
            if chat % 3 == 0:
                loop.now += 0.004  # 4 ms lost to other work every third request
        return 600 / (loop.time() - start)

    assert run_virtual(main()) >= 30 * 0.97

def test_a_private_chat_gets_one_message_a_second_and_a_group_20_a_minute() -> None:
    times = grant_times(RequestLimiter(30), [(7, False), (7, False), (7, False), (8, False)]
                        + [(-100, False)] * 22)
    assert times[0] == pytest.approx(0, abs=1e-3)
    assert times[1] == pytest.approx(1, abs=0.01) and times[2] == pytest.approx(2, abs=0.01)
    assert times[3] < 0.2  # another chat does not wait for chat 7
    group = sorted(times[4:])
    assert group[19] < 1  # 20 at the overall pace ...
    assert group[20] - group[0] == pytest.approx(60, abs=0.01)  # ... and the 21st a minute after the first
    assert group[21] - group[1] == pytest.approx(60, abs=0.01)


def test_requests_that_are_not_messages_are_not_paced_per_chat() -> None:
    # An edit or a callback answer (no chat id given to the limiter) right after a message to the same chat
    times = grant_times(RequestLimiter(30), [(7, False), (None, False), (None, False)])
    assert max(times) < 0.1


def test_interactive_requests_go_before_bulk_ones_that_came_first() -> None:
    requests = [(1000 + i, True) for i in range(60)] + [(1, False), (2, False)]
    times = grant_times(RequestLimiter(30), requests)
    bulk_done = sorted(times[:60])
    # The replies arrived last but were let through at once, second and third, not after 2 s of alerts.
    assert times[60] < bulk_done[2] and times[61] < bulk_done[3]


def test_within_a_class_first_come_first_served_so_a_late_bulk_request_is_not_starved() -> None:
    """The admin's progress edit queues among a fan-out's alerts that keep coming: it goes out in its turn."""

    async def main() -> tuple[float, int, float]:
        limiter = RequestLimiter(30)
        loop = asyncio.get_running_loop()
        start = loop.time()
        stop = asyncio.Event()

        async def fan_out() -> None:  # like the sender: 32 alerts always waiting, a new one as each goes out
            async def alert(chat: int) -> None:
                with bulk_requests():
                    await limiter.acquire(chat)

            chat = 10_000
            pending: set[asyncio.Task[None]] = set()
            while not stop.is_set():
                while len(pending) < 32:
                    chat += 1
                    pending.add(asyncio.create_task(alert(chat)))
                _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()

        sender = asyncio.create_task(fan_out())
        await asyncio.sleep(5)
        asked, before = loop.time(), limiter.granted[BULK]
        with bulk_requests():
            await limiter.acquire(None)  # the progress edit
        waited, ahead = loop.time() - asked, limiter.granted[BULK] - before - 1
        stop.set()
        await sender
        return waited, ahead, limiter.granted[BULK] / (loop.time() - start)

    waited, ahead, rate = run_virtual(main())
    assert ahead <= 32  # behind the 32 alerts that were waiting when it came, and no more
    assert waited < 1.25
    assert rate == pytest.approx(30, rel=0.03)


def test_a_pause_holds_every_request_for_retry_after() -> None:
    async def main() -> list[float]:
        limiter = RequestLimiter(30)
        loop = asyncio.get_running_loop()
        start = loop.time()
        await limiter.acquire(1)
        limiter.pause(5)
        times = []
        for chat in (2, 3):
            await limiter.acquire(chat)
            times.append(loop.time() - start)
        return times

    second, third = run_virtual(main())
    assert second == pytest.approx(5, abs=0.01) and third == pytest.approx(5 + 1 / 45, abs=0.01)


# --- the middleware: every request of the Bot passes the limiter; a 429 pauses and is retried -----------------

class ScriptedTelegram:
    """`make_request` for the middleware: 429 for the first `fail` calls, then OK; records when each call came."""

    def __init__(self, fail: int = 0, retry_after: int = 2):
        self.fail = fail
        self.retry_after = retry_after
        self.calls: list[tuple[str, float]] = []

    async def __call__(self, bot, method):
        self.calls.append((method.__api_method__, asyncio.get_running_loop().time()))
        if self.fail:
            self.fail -= 1
            raise TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=self.retry_after)
        return True


def test_a_429_pauses_everything_and_the_request_is_retried_not_dropped() -> None:
    async def main() -> tuple[list[tuple[str, float]], RequestLimiter, float]:
        limiter = RequestLimiter(30)
        middleware = LimiterMiddleware(limiter)
        telegram = ScriptedTelegram(fail=1, retry_after=2)
        start = asyncio.get_running_loop().time()
        reply = middleware(telegram, None, SendMessage(chat_id=1, text="answer"))
        other = middleware(telegram, None, AnswerCallbackQuery(callback_query_id="q"))
        assert await asyncio.gather(reply, other) == [True, True]
        return telegram.calls, limiter, start

    calls, limiter, start = run_virtual(main())
    assert [name for name, _ in calls] == ["sendMessage", "answerCallbackQuery", "sendMessage"]
    assert calls[2][1] - start >= 2  # the retry waited for retry_after
    assert limiter.pauses == 1 and limiter.granted[INTERACTIVE] == 3


def test_after_max_retries_the_429_reaches_the_caller() -> None:
    async def main() -> int:
        telegram = ScriptedTelegram(fail=10, retry_after=1)
        with pytest.raises(TelegramRetryAfter):
            await LimiterMiddleware(RequestLimiter(30), max_retries=3)(telegram, None, SendMessage(chat_id=1, text="x"))
        return len(telegram.calls)

    assert run_virtual(main()) == 4


def test_the_middleware_paces_messages_per_chat_but_not_edits() -> None:
    async def main() -> list[float]:
        middleware = LimiterMiddleware(RequestLimiter(30))
        telegram = ScriptedTelegram()
        await middleware(telegram, None, SendMessage(chat_id=5, text="a"))
        await middleware(telegram, None, EditMessageText(chat_id=5, message_id=1, text="b"))
        await middleware(telegram, None, SendMessage(chat_id=5, text="c"))
        return [t - telegram.calls[0][1] for _, t in telegram.calls]

    times = run_virtual(main())
    assert times[1] < 0.1 and times[2] == pytest.approx(1, abs=0.01)
