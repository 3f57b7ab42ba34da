"""The one limiter every request to Telegram passes (the aiogram side is `telegram.LimiterMiddleware`).

Telegram's flood limits, kept on our side so that the bot rarely meets a 429 at all:

* overall: at most `rate` requests in any window of a second (plus `WINDOW_MARGIN`, for the requests' own
  travel time), never closer together than 1 / (1.5 x rate) (aiolimiter's leaky bucket holding one). The window
  counts from when each request actually went out, so a grant that came late (a busy event loop) is not carried
  into every later one, as pure spacing would, and a request that left late cannot crowd the next second: the
  sends stay close to the limit without 429s. Every request counts except getUpdates;
* a private chat: one message a second (`private_interval`); a group or channel: 20 in any 60 s window
  (`group_per_minute`; a long post's parts may go together). Only messages count here (send*, copy, forward):
  an edit or a callback answer does not;
* interactive requests (a handler's reply, a callback answer, an inline answer) are granted before bulk ones
  (outbox alerts and channel posts, the admins' fan-out progress); within a class, first come first served;
* after a 429 everything pauses for `retry_after` (`pause`).

A request is bulk when it is made inside `bulk_requests()`: a context variable, so the outbox sender marks its
own calls and everything else (handlers, startup) is interactive by default. Time is the event loop's clock
(`loop.time()`, which aiolimiter uses too): tests run the limiter on a loop with virtual time. No aiogram here.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections import Counter, deque
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from aiolimiter import AsyncLimiter

INTERACTIVE, BULK = 0, 1
PRIVATE_INTERVAL = 1.0
GROUP_PER_MINUTE = 20
WINDOW_MARGIN = 0.02  # seconds added to the overall window: what request latency may vary by
SPACING = 1.5  # requests are never closer together than 1 / (SPACING x rate)
_MAX_PACED_CHATS = 10_000  # beyond this many paced chats, those free again are forgotten

_request_class: ContextVar[int] = ContextVar("telegram_request_class", default=INTERACTIVE)


@contextlib.contextmanager
def bulk_requests() -> Iterator[None]:
    """Requests made inside this block (and in tasks it starts) wait behind every interactive one."""
    token = _request_class.set(BULK)
    try:
        yield
    finally:
        _request_class.reset(token)


def request_class() -> int:
    return _request_class.get()


class RequestLimiter:
    def __init__(self, rate: float = 30.0, *, private_interval: float = PRIVATE_INTERVAL,
                 group_per_minute: int = GROUP_PER_MINUTE):
        self.rate = rate
        self.private_interval = private_interval
        self.group_per_minute = group_per_minute
        self._spacing = AsyncLimiter(1, 1 / (SPACING * rate))  # only the granting task waits on it
        self._per_window = max(1, int(rate))
        self._second = self._per_window / rate + WINDOW_MARGIN  # the overall window
        self._recent: deque[_Slot] = deque(maxlen=self._per_window)  # the last grants
        self._chat_sent: dict[int | str, deque[float]] = {}  # when each chat's recent messages were let through
        self._waiting: list[_Waiter] = []
        self._arrival = itertools.count()
        self._arrived = asyncio.Event()
        self._granting: asyncio.Task[None] | None = None
        self._paused_until = 0.0
        self.granted: Counter[int] = Counter()  # requests let through, by class (tests, benchmarks)
        self.pauses = 0  # 429s seen

    @property
    def waiting(self) -> int:
        return sum(1 for waiter in self._waiting if not waiter.future.done())

    def pause(self, seconds: float) -> None:
        """A 429: nothing goes out for `seconds`."""
        self.pauses += 1
        loop = asyncio.get_running_loop()
        self._paused_until = max(self._paused_until, loop.time() + seconds)

    async def acquire(self, chat_id: int | str | None = None) -> None:
        """Wait for this request's turn. `chat_id` is given for a message: it is paced per chat too."""
        loop = asyncio.get_running_loop()
        waiter = _Waiter(request_class(), next(self._arrival), chat_id, loop.create_future())
        self._waiting.append(waiter)
        self._arrived.set()
        if self._granting is None or self._granting.done():
            self._granting = asyncio.create_task(self._grant(), name="request-limiter")
        slot = await waiter.future
        # The request leaves now, which may be later than its grant (the loop was busy in between): the window
        # counts from here, so a late start cannot bring 31 arrivals into one second.
        slot.time = loop.time()
        self.granted[waiter.klass] += 1

    def _window(self, chat_id: int | str) -> tuple[int, float]:
        """(messages, seconds): at most that many in any such window."""
        if isinstance(chat_id, int) and chat_id > 0:
            return 1, self.private_interval
        return self.group_per_minute, 60.0

    async def _grant(self) -> None:
        try:
            await self._grant_in_turn()
        except BaseException as exc:  # a bug here must fail the waiting requests, not leave them waiting forever
            for waiter in self._waiting:
                if not waiter.future.done():
                    waiter.future.set_exception(exc if isinstance(exc, Exception) else asyncio.CancelledError())
            self._waiting.clear()
            raise

    async def _grant_in_turn(self) -> None:
        """Hands out the overall slots one at a time, each to the first waiter (highest class, then earliest) whose
        chat may get a message now. The chat's clock starts at the grant, right before the request goes out."""
        loop = asyncio.get_running_loop()
        while True:
            self._waiting = [waiter for waiter in self._waiting if not waiter.future.done()]  # drop cancelled
            if not self._waiting:
                return
            if (paused := self._paused_until - loop.time()) > 0:
                await asyncio.sleep(paused)
                continue
            await self._spacing.acquire()
            now = loop.time()
            if len(self._recent) == self._per_window and (full := self._recent[0].time + self._second - now) > 0:
                await asyncio.sleep(full)  # `rate` requests went out in the last second: wait for the oldest to age
                now = loop.time()
            if self._paused_until > now:
                continue  # a 429 arrived meanwhile: this slot is given up
            ready = [w for w in self._waiting if not w.future.done() and self._chat_ready_in(w.chat_id, now) <= 0]
            if ready:
                chosen = min(ready, key=lambda w: (w.klass, w.arrival))
                self._waiting.remove(chosen)
                slot = _Slot(now)
                self._recent.append(slot)
                if chosen.chat_id is not None:
                    self._take_chat(chosen.chat_id, now)
                chosen.future.set_result(slot)
                continue
            # Everyone waits for their chat: sleep until the first chat is free or somebody new arrives.
            wait = min((self._chat_ready_in(w.chat_id, now) for w in self._waiting if not w.future.done()),
                       default=0.0)
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), timeout=wait)

    def _chat_ready_in(self, chat_id: int | str | None, now: float) -> float:
        if chat_id is None:
            return 0.0
        sent = self._chat_sent.get(chat_id)
        if not sent:
            return 0.0
        capacity, period = self._window(chat_id)
        while sent and sent[0] <= now - period:
            sent.popleft()
        return 0.0 if len(sent) < capacity else sent[-capacity] + period - now

    def _take_chat(self, chat_id: int | str, now: float) -> None:
        capacity, period = self._window(chat_id)
        if period <= 0:
            return
        if len(self._chat_sent) >= _MAX_PACED_CHATS:  # forget chats whose window is empty again
            self._chat_sent = {chat: sent for chat, sent in self._chat_sent.items()
                               if sent and sent[-1] > now - self._window(chat)[1]}
        self._chat_sent.setdefault(chat_id, deque(maxlen=capacity)).append(now)


@dataclass
class _Slot:
    time: float  # when the request was let through, then when it actually went out


@dataclass
class _Waiter:
    klass: int
    arrival: int
    chat_id: int | str | None
    future: asyncio.Future[_Slot]
