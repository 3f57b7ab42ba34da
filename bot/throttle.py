"""A per-user throttle: at most `per_minute` updates in any `window` seconds, bursts up to that count allowed.

The first update over the limit gets `Verdict.WARN` (the bot says "slow down" once); the rest get `Verdict.DROP`
(no answer, no work, no API call) until the window has room again. Dropped updates do not use up the window, so a
user who stops flooding is served again a minute after their last served update at the latest.
Plain Python: nothing here imports aiogram. The clock is injectable for tests.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # the first update over the limit: answer it with "slow down"
    DROP = "drop"  # later ones: ignore them


@dataclass
class _Bucket:
    served: deque[float] = field(default_factory=deque)  # when the updates of the last window were served
    warned: bool = False


class Throttle:
    def __init__(self, per_minute: int = 20, *, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.limit = per_minute
        self.window = window
        self.clock = clock
        self._buckets: dict[Hashable, _Bucket] = {}
        self._last_prune = clock()

    def check(self, key: Hashable) -> Verdict:
        """Count one update from `key` and say what to do with it."""
        now = self.clock()
        self._prune(now)
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket()
        served = bucket.served
        while served and served[0] <= now - self.window:
            served.popleft()
        if len(served) < self.limit:
            served.append(now)
            bucket.warned = False
            return Verdict.ALLOW
        if not bucket.warned:
            bucket.warned = True
            return Verdict.WARN
        return Verdict.DROP

    def retry_in(self, key: Hashable) -> float:
        """Seconds until `key` is served again (0 if it would be now)."""
        bucket = self._buckets.get(key)
        if bucket is None or len(bucket.served) < self.limit:
            return 0.0
        return max(0.0, bucket.served[0] + self.window - self.clock())

    def __len__(self) -> int:
        """Users currently tracked (memory stays bounded by the users active in the last window)."""
        return len(self._buckets)

    def _prune(self, now: float) -> None:
        if now - self._last_prune < self.window:
            return
        self._last_prune = now
        stale = [key for key, bucket in self._buckets.items()
                 if not bucket.served or bucket.served[-1] <= now - self.window]
        for key in stale:
            del self._buckets[key]
