"""The one sender that drains the outbox, surviving 429s, blocks and restarts.

It knows nothing of aiogram: a `Transport` sends one text to one chat and says how it went (`Outcome`). Pacing is
not done here: the transport's requests are bulk requests in the Bot's one `RequestLimiter` (see `limiter.py`), so
the sender only keeps `concurrency` of them waiting there, and interactive replies overtake them.

The rows it claims are leased (bot/storage/outbox.py): while it holds any, it renews their lease every `renew_every`
seconds (a third of the lease). Renewing, rather than keeping each batch shorter than the lease, because nothing
bounds how long a batch takes: a 429's `retry_after` pauses every request, a network timeout or the per-chat pace
can hold a row for longer than any lease one would want a crashed sender's rows to wait. The lease then only has to
outlast two missed renewals, and a dead sender's rows come back within it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from enum import Enum

from bot.storage.outbox import Outbox, OutboxRow

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
CONCURRENCY = 32  # requests in flight at once: also the most a crash can repeat


class Status(Enum):
    SENT = "sent"
    RETRY_AFTER = "retry_after"  # 429: everyone waits
    GONE = "gone"  # 403 blocked / chat not found / deactivated: never again
    REJECTED = "rejected"  # 400: the message itself is wrong; retrying will not help
    TEMPORARY = "temporary"  # network, 5xx: try again later


@dataclass(frozen=True)
class Outcome:
    status: Status
    retry_after: float = 0.0
    error: str = ""
    message_id: int | None = None


Transport = Callable[[int, str], Awaitable[Outcome]]
OnGone = Callable[[int], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class SenderStats:
    sent: int = 0
    retried: int = 0
    gone: int = 0
    failed: int = 0
    rate_limited: int = 0
    lease_lost: int = 0  # outcomes dropped: the row's lease had run out and another claim holds it now
    renewals: int = 0


class Sender:
    def __init__(self, outbox: Outbox, transport: Transport, *, on_gone: OnGone | None = None,
                 concurrency: int = CONCURRENCY, sleep: Sleep = asyncio.sleep, renew_every: float | None = None):
        self.outbox = outbox
        self.transport = transport
        self.sleep = sleep  # waiting for a row's retry time: a fake clock's sleep in tests (the outbox's clock)
        self.on_gone = on_gone
        self.concurrency = concurrency
        self.stats = SenderStats()
        self._wake = asyncio.Event()
        self._stopping = False
        self._in_flight: set[asyncio.Task[None]] = set()
        self._gone_chats: set[int] = set()
        self._held: Counter[str] = Counter()  # claim token -> its rows this sender has not settled yet
        # wall-clock seconds between renewals (the lease is on the outbox clock, which tests move by hand)
        self.renew_every = outbox.lease / 3 if renew_every is None else renew_every

    def wake(self) -> None:
        """New rows were queued: look now instead of at the next timer."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        """Drain the outbox until stop(). Rows a crashed or stalled sender left in flight come back by themselves
        when their lease runs out (within 5 s of it: the longest wait here); a living sender's are never taken."""
        async with self._leases_kept():
            while not self._stopping:
                self._wake.clear()  # before looking: a wake() or stop() from here on is never lost
                worked = await self.drain_once()
                if worked:
                    continue
                wait = await self.outbox.next_due_in()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=min(wait if wait is not None else 5.0, 5.0))
            await self._finish_in_flight()

    async def renew_leases(self) -> int:
        """Extend the lease of every row this sender still holds; returns how many rows."""
        held = [claim for claim, count in self._held.items() if count > 0]
        if not held:
            return 0
        renewed = await self.outbox.renew(held)
        self.stats.renewals += 1
        return renewed

    @asynccontextmanager
    async def _leases_kept(self) -> AsyncIterator[None]:
        async def keep() -> None:
            while True:
                await asyncio.sleep(self.renew_every)
                try:
                    await self.renew_leases()
                except Exception:  # the database is away: try again next time; the rows are safe until the lease ends
                    log.exception("outbox: could not renew the lease of the rows in flight")

        task = asyncio.create_task(keep(), name="outbox-leases")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def drain(self, timeout: float = 60.0) -> None:  # noqa: ASYNC109 (a deadline for the whole drain)
        """Send everything due and wait until nothing is pending (tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        async with self._leases_kept():
            while time.monotonic() < deadline:
                await self.drain_once()
                await self._finish_in_flight()
                counts = await self.outbox.counts()
                # "sending": a run() loop may hold rows too, or a dead sender until its lease ends
                if counts["pending"] == 0 and counts["sending"] == 0:
                    return
                wait = await self.outbox.next_due_in()
                await self.sleep(min(wait if wait is not None else 0.2, 0.2))
        raise TimeoutError("the outbox did not drain in time")

    async def drain_once(self) -> int:
        """Claim a batch of due rows and send them, `concurrency` at a time; returns how many were attempted."""
        rows = await self.outbox.claim(self.concurrency * 4)
        self._held.update(row.claim for row in rows)
        for row in rows:
            if self._stopping:
                await self._settled(row, self.outbox.retry_later(row, 0, "shutdown", count_attempt=False))
                continue
            while len(self._in_flight) >= self.concurrency:
                await asyncio.wait(self._in_flight, return_when=asyncio.FIRST_COMPLETED)
            task = asyncio.create_task(self._send(row))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
        return len(rows)

    async def _finish_in_flight(self) -> None:
        if self._in_flight:
            await asyncio.gather(*list(self._in_flight), return_exceptions=True)

    async def _settled(self, row: OutboxRow, outcome: Awaitable[bool | int]) -> None:
        """Write a row's outcome and let go of it. Refused (False): the lease had run out and another sender claimed
        the row; its result stands and this one is dropped (the message may have gone twice, as after a crash)."""
        try:
            if not await outcome:
                self.stats.lease_lost += 1
                log.warning("outbox row %s: its lease ran out and another sender holds it; outcome dropped", row.id)
        finally:
            self._held[row.claim] -= 1
            if self._held[row.claim] <= 0:
                del self._held[row.claim]

    async def _send(self, row: OutboxRow) -> None:
        if row.chat_id in self._gone_chats:
            await self._settled(row, self.outbox.skip_chat(row.chat_id, "chat is gone", row.claim))
            return
        try:
            outcome = await self.transport(row.chat_id, row.text)
        except Exception as exc:  # a transport bug must not lose the row
            log.exception("transport failed for outbox row %s", row.id)
            outcome = Outcome(Status.TEMPORARY, error=type(exc).__name__)
        if outcome.status is Status.SENT:
            self.stats.sent += 1
            await self._settled(row, self.outbox.mark_sent(row))
        elif outcome.status is Status.RETRY_AFTER:  # the limiter paused and retried already; the row waits its turn
            self.stats.rate_limited += 1
            await self._settled(row, self.outbox.retry_later(row, outcome.retry_after, outcome.error,
                                                             count_attempt=False))
        elif outcome.status is Status.GONE:
            self.stats.gone += 1
            self._gone_chats.add(row.chat_id)
            await self._settled(row, self.outbox.skip_chat(row.chat_id, outcome.error, row.claim))
            if self.on_gone is not None:
                await self.on_gone(row.chat_id)
        elif outcome.status is Status.REJECTED or row.attempts + 1 >= MAX_ATTEMPTS:
            self.stats.failed += 1
            log.warning("outbox row %s failed for good: %s", row.id, outcome.error)
            await self._settled(row, self.outbox.mark_failed(row, outcome.error))
        else:
            self.stats.retried += 1
            await self._settled(row, self.outbox.retry_later(row, min(300.0, 2.0 ** row.attempts), outcome.error))
