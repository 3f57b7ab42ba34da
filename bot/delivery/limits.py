"""Telegram's flood limits, kept on our side so that the bot rarely meets a 429 at all.

* overall: `rate` messages a second (token bucket with a burst of one second's worth);
* a private chat: one message a second;
* a group or channel (negative chat id): 20 messages a minute;
* after a 429 everything pauses for `retry_after`.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

GROUP_PER_MINUTE = 20
PRIVATE_INTERVAL = 1.0


class RateLimiter:
    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.clock = clock
        self._tokens = 1.0
        self._capacity = 1.0  # no bursts: an even stream stays under the ceiling in every second window
        self._updated = clock()
        self._paused_until = 0.0
        self._private_last: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def chat_ready_in(self, chat_id: int) -> float:
        """Seconds until this chat may get another message (0 = now)."""
        now = self.clock()
        if chat_id < 0:
            sent = self._group_sent.get(chat_id)
            if sent is None:
                return 0.0
            while sent and now - sent[0] >= 60:
                sent.popleft()
            return 0.0 if len(sent) < GROUP_PER_MINUTE else 60 - (now - sent[0])
        last = self._private_last.get(chat_id)
        return 0.0 if last is None else max(0.0, PRIVATE_INTERVAL - (now - last))

    def global_ready_in(self) -> float:
        """Seconds until the next message may go out overall (0 = now); does not take the slot."""
        now = self.clock()
        if now < self._paused_until:
            return self._paused_until - now
        self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now
        return 0.0 if self._tokens >= 1 else (1 - self._tokens) / self.rate

    def take(self, chat_id: int) -> None:
        """Record a message going out now (call only when both waits are 0)."""
        self._tokens -= 1
        now = self.clock()
        if chat_id < 0:
            self._group_sent.setdefault(chat_id, deque()).append(now)
        else:
            self._private_last[chat_id] = now
            if len(self._private_last) > 100_000:  # forget chats idle for long; nothing else needs them
                cutoff = now - 10
                self._private_last = {c: t for c, t in self._private_last.items() if t > cutoff}
