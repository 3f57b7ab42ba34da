"""A per-user throttle: at most `per_minute` updates in any `window` seconds, bursts up to that count allowed.

The first update over the limit gets `Verdict.WARN` (the bot says "slow down" once); the rest get `Verdict.DROP`
(no answer, no work, no API call) until the window has room again. Dropped updates do not use up the window, so a
user who stops flooding is served again a minute after their last served update at the latest.
`Throttle` counts in this process's memory; `SharedThrottle` keeps the same budget in Redis, so N replicas give a
user one budget, not N (it falls back to a `Throttle` of its own while Redis is unreachable).
Plain Python: nothing here imports aiogram. The clock is injectable for tests.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis


class RedisBreaker(Protocol):
    """What SharedThrottle needs of bot.shared_state's breaker (named here, not imported: shared_state makes the
    throttle, and this module stays free of aiogram, which shared_state imports)."""

    def usable(self) -> bool: ...

    def failed(self, exc: BaseException) -> None: ...

    def ok(self) -> None: ...


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

    async def decide(self, key: Hashable) -> Verdict:
        """`check`, awaitable like `SharedThrottle.decide`."""
        return self.check(key)

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


# KEYS: the user's served times (a sorted set), the user's "warned" flag. ARGV: now (ms), window (ms), limit, a
# unique member. The same rules as Throttle.check, in one atomic step however many replicas ask at once.
_SLIDING_WINDOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
    redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    redis.call('DEL', KEYS[2])
    return 0
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then
    return 1
end
return 2
"""
_VERDICTS = (Verdict.ALLOW, Verdict.WARN, Verdict.DROP)


class SharedThrottle:
    """`Throttle`'s rules with the served times kept in Redis. Keys expire with the window, so Redis holds only the
    users active in the last minute. While Redis is unreachable `fallback` (this process's own) decides."""

    def __init__(self, redis: Redis, breaker: RedisBreaker, prefix: str, per_minute: int = 20, *,
                 window: float = 60.0, clock: Callable[[], float] = time.time, fallback: Throttle | None = None):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.redis, self.breaker, self.prefix = redis, breaker, prefix
        self.limit, self.window, self.clock = per_minute, window, clock
        self.fallback = fallback or Throttle(per_minute, window=window)
        self._script = redis.register_script(_SLIDING_WINDOW)

    async def decide(self, key: Hashable) -> Verdict:
        from redis.exceptions import RedisError

        if self.breaker.usable():
            name = f"{self.prefix}:{key[0]}:{key[1]}" if isinstance(key, tuple) else f"{self.prefix}:{key}"
            now_ms = int(self.clock() * 1000)
            member = f"{now_ms}:{uuid.uuid4().hex[:8]}"  # two updates in one millisecond are two entries
            try:
                code = await self._script(keys=[name, f"{name}:warned"],
                                          args=[now_ms, int(self.window * 1000), self.limit, member])
            except RedisError as exc:
                self.breaker.failed(exc)
            else:
                self.breaker.ok()
                return _VERDICTS[int(code)]
        return self.fallback.check(key)
