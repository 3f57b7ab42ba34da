"""The one sender that drains the outbox, surviving 429s, blocks and restarts.

It knows nothing of aiogram: a `Transport` sends one text to one chat and says how it went (`Outcome`). Pacing is
not done here: the transport's requests are bulk requests in the Bot's one `RequestLimiter` (see `limiter.py`), so
the sender only keeps `concurrency` of them waiting there, and interactive replies overtake them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
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


class Sender:
    def __init__(self, outbox: Outbox, transport: Transport, *, on_gone: OnGone | None = None,
                 concurrency: int = CONCURRENCY, sleep: Sleep = asyncio.sleep):
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

    def wake(self) -> None:
        """New rows were queued: look now instead of at the next timer."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        """Drain the outbox until stop(); on start, rows a crash left in flight are queued again."""
        recovered = await self.outbox.recover()
        if recovered:
            log.warning("outbox: %d messages were in flight when the process stopped; sending them again",
                        recovered)
        while not self._stopping:
            self._wake.clear()  # before looking: a wake() or stop() from here on is never lost
            worked = await self.drain_once()
            if worked:
                continue
            wait = await self.outbox.next_due_in()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=min(wait if wait is not None else 5.0, 5.0))
        await self._finish_in_flight()

    async def drain(self, timeout: float = 60.0) -> None:  # noqa: ASYNC109 (a deadline for the whole drain)
        """Send everything due and wait until nothing is pending (tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            await self.drain_once()
            await self._finish_in_flight()
            counts = await self.outbox.counts()
            if counts["pending"] == 0 and counts["sending"] == 0:  # "sending": a run() loop may hold rows too
                return
            wait = await self.outbox.next_due_in()
            await self.sleep(min(wait if wait is not None else 0.2, 0.2))
        raise TimeoutError("the outbox did not drain in time")

    async def drain_once(self) -> int:
        """Claim a batch of due rows and send them, `concurrency` at a time; returns how many were attempted."""
        rows = await self.outbox.claim(self.concurrency * 4)
        for row in rows:
            if self._stopping:
                await self.outbox.retry_later(row.id, 0, "shutdown", count_attempt=False)
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

    async def _send(self, row: OutboxRow) -> None:
        if row.chat_id in self._gone_chats:
            await self.outbox.skip_chat(row.chat_id, "chat is gone")
            return
        try:
            outcome = await self.transport(row.chat_id, row.text)
        except Exception as exc:  # a transport bug must not lose the row
            log.exception("transport failed for outbox row %s", row.id)
            outcome = Outcome(Status.TEMPORARY, error=type(exc).__name__)
        if outcome.status is Status.SENT:
            self.stats.sent += 1
            await self.outbox.mark_sent(row.id)
        elif outcome.status is Status.RETRY_AFTER:  # the limiter paused and retried already; the row waits its turn
            self.stats.rate_limited += 1
            await self.outbox.retry_later(row.id, outcome.retry_after, outcome.error, count_attempt=False)
        elif outcome.status is Status.GONE:
            self.stats.gone += 1
            self._gone_chats.add(row.chat_id)
            await self.outbox.skip_chat(row.chat_id, outcome.error)
            if self.on_gone is not None:
                await self.on_gone(row.chat_id)
        elif outcome.status is Status.REJECTED or row.attempts + 1 >= MAX_ATTEMPTS:
            self.stats.failed += 1
            log.warning("outbox row %s failed for good: %s", row.id, outcome.error)
            await self.outbox.mark_failed(row.id, outcome.error)
        else:
            self.stats.retried += 1
            await self.outbox.retry_later(row.id, min(300.0, 2.0 ** row.attempts), outcome.error)
