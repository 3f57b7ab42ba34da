"""What replicas share in Redis (REDIS_URL): conversation state and its lock (aiogram's `RedisStorage` and
`RedisEventIsolation`), the per-user throttle (`bot.throttle.SharedThrottle`) and which updates were handled
(`UpdateJournal`). All of it is short-lived; what must last is in the database.

Redis is a convenience, not a dependency: when it is unreachable the bot keeps answering. Each part fails open —
conversation state reads as empty (a multi-step /fine starts over), the lock is skipped, the throttle falls back
to this process's own, every update counts as new (the database's unique keys still stop a second alert) — and
`RedisBreaker` stops asking a dead server for a few seconds, so an outage costs one connection error, not one per
update.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from enum import Enum
from typing import TYPE_CHECKING, Any

from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis
from redis.exceptions import RedisError

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.throttle import SharedThrottle

log = logging.getLogger(__name__)

FSM_TTL = 24 * 3600            # a conversation left half-way is forgotten after a day
# Seconds an update counts as "in progress" on the replica that took it. The replica renews the claim while it
# handles the update (every third of this), so a long handler keeps it and a replica killed half-way loses it soon.
UPDATE_LEASE = 10
UPDATE_MEMORY = 24 * 3600      # Telegram keeps undelivered updates for 24 h: a later repeat is impossible


def connect_redis(url: str) -> Redis:
    """A client that gives up quickly: a dead or hung Redis must cost a request a second at most, not a minute."""
    return Redis.from_url(url, socket_connect_timeout=1.0, socket_timeout=1.0, health_check_interval=30)


class RedisBreaker:
    """After Redis failed, don't ask it again for `cooldown` seconds; log once per outage, and when it is back."""

    def __init__(self, cooldown: float = 5.0, clock: Callable[[], float] = time.monotonic):
        self.cooldown = cooldown
        self.clock = clock
        self._open_until: float | None = None

    def usable(self) -> bool:
        # after the cooldown Redis is tried again; `ok()` or `failed()` says how it went
        return self._open_until is None or self.clock() >= self._open_until

    def failed(self, exc: BaseException) -> None:
        if self._open_until is None:
            log.warning("Redis unreachable (%s: %s): going on without it (state, throttle and de-duplication "
                        "are this process's own until it is back)", type(exc).__name__, exc)
        self._open_until = self.clock() + self.cooldown

    def ok(self) -> None:
        if self._open_until is not None:
            log.info("Redis reachable again")
            self._open_until = None


@asynccontextmanager
async def renewing(renew: Callable[[], Awaitable[bool]], every: float, name: str | None = None,
                   ) -> AsyncGenerator[None, None]:
    """Call `renew()` every `every` seconds while the block runs, until it returns False (nothing left to renew:
    the block goes on regardless). One loop for every claim held across a handler (the chat lock, the update's
    claim), so each is renewed, and stopped when the block ends, the same way."""
    async def loop() -> None:
        while True:
            await asyncio.sleep(every)
            if not await renew():
                return

    renewal = asyncio.create_task(loop(), name=name)
    try:
        yield None
    finally:
        renewal.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewal


class FailOpenStorage(BaseStorage):
    """aiogram's RedisStorage, except that an unreachable Redis reads as "no conversation" and drops writes."""

    def __init__(self, redis_storage: RedisStorage, breaker: RedisBreaker):
        self.inner = redis_storage
        self.breaker = breaker

    async def _try(self, call: Callable[[], Awaitable[Any]], fallback: Any) -> Any:
        if not self.breaker.usable():
            return fallback
        try:
            result = await call()
        except RedisError as exc:
            self.breaker.failed(exc)
            return fallback
        self.breaker.ok()
        return result

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self._try(lambda: self.inner.set_state(key, state), None)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self._try(lambda: self.inner.get_state(key), None)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._try(lambda: self.inner.set_data(key, data), None)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self._try(lambda: self.inner.get_data(key), {})

    async def close(self) -> None:
        await self.inner.close()


class FailOpenIsolation(BaseEventIsolation):
    """aiogram's RedisEventIsolation (one chat's updates take turns across replicas), skipped while Redis is down.
    Unlike aiogram's (60 s), the lock lasts `timeout` seconds and is renewed while the update is handled: a replica
    killed half-way holds its chat for seconds, not a minute, and a long handler never loses it."""

    def __init__(self, redis: Redis, key_builder: DefaultKeyBuilder, breaker: RedisBreaker,
                 timeout: float = UPDATE_LEASE):
        self.redis, self.key_builder, self.breaker, self.timeout = redis, key_builder, breaker, timeout

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        lock = None
        if self.breaker.usable():
            candidate = self.redis.lock(name=self.key_builder.build(key, "lock"), timeout=self.timeout)
            try:
                await candidate.acquire()
                lock = candidate
                self.breaker.ok()
            except RedisError as exc:
                self.breaker.failed(exc)
        renewal = (renewing(lambda: self._renew(lock), every=self.timeout / 3) if lock is not None
                   else contextlib.nullcontext())
        try:
            async with renewal:
                yield None
        finally:
            if lock is not None:
                try:
                    await lock.release()
                except RedisError as exc:  # gone mid-update, or the lock expired: nothing left to release
                    log.debug("conversation lock not released: %s", exc)

    async def _renew(self, lock: Any) -> bool:
        try:
            await lock.reacquire()  # back to `timeout` seconds; fails if the lock was lost meanwhile
        except RedisError as exc:  # LockError included: the update goes on; nothing more to renew
            log.debug("conversation lock not renewed: %s", exc)
            return False
        return True

    async def close(self) -> None:
        return None


class Seen(Enum):
    NEW = "new"                  # handle it
    IN_PROGRESS = "in_progress"  # another replica is handling it right now
    DONE = "done"                # handled already: drop it


class UpdateJournal:
    """Which update ids were taken and handled, so an update Telegram delivers twice (a retry after a timeout, a
    replica that died before answering) is handled once. `begin` marks an update in progress for `lease` seconds,
    which `held` renews while the handler runs; `finish` marks it handled for a day; `abandon` (the handler failed)
    forgets it, so the redelivery is handled."""

    def __init__(self, redis: Redis, breaker: RedisBreaker, prefix: str, *, lease: int = UPDATE_LEASE,
                 memory: int = UPDATE_MEMORY):
        self.redis, self.breaker, self.prefix = redis, breaker, prefix
        self.lease, self.memory = lease, memory

    def _key(self, bot_id: int, update_id: int) -> str:
        return f"{self.prefix}:update:{bot_id}:{update_id}"

    async def begin(self, bot_id: int, update_id: int) -> Seen:
        if not self.breaker.usable():
            return Seen.NEW
        key = self._key(bot_id, update_id)
        try:
            if await self.redis.set(key, "taken", nx=True, ex=self.lease):
                self.breaker.ok()
                return Seen.NEW
            value = await self.redis.get(key)
        except RedisError as exc:
            self.breaker.failed(exc)
            return Seen.NEW
        if value == b"done":
            return Seen.DONE
        return Seen.IN_PROGRESS if value is not None else Seen.NEW

    @asynccontextmanager
    async def held(self, bot_id: int, update_id: int) -> AsyncGenerator[None, None]:
        """Renew this replica's claim on the update while the block runs (a repeat elsewhere keeps waiting)."""
        key = self._key(bot_id, update_id)
        async with renewing(lambda: self._renew(key), every=self.lease / 3, name=f"update-claim:{update_id}"):
            yield None

    async def _renew(self, key: str) -> bool:
        # GT: only ever lengthens, so a renewal that reaches Redis after `finish` leaves the day's memory alone.
        # A failed renewal is the breaker's to count; the next one may reach Redis again, so renewing goes on.
        await self._quietly(lambda: self.redis.expire(key, self.lease, gt=True))
        return True

    async def finish(self, bot_id: int, update_id: int) -> None:
        await self._quietly(lambda: self.redis.set(self._key(bot_id, update_id), "done", ex=self.memory))

    async def abandon(self, bot_id: int, update_id: int) -> None:
        await self._quietly(lambda: self.redis.delete(self._key(bot_id, update_id)))

    async def _quietly(self, call: Callable[[], Awaitable[Any]]) -> None:
        if not self.breaker.usable():
            return
        try:
            await call()
        except RedisError as exc:
            self.breaker.failed(exc)


class SharedState:
    """The Redis client and everything built on it, made once per process from the settings."""

    def __init__(self, redis: Redis, prefix: str, breaker: RedisBreaker | None = None):
        self.redis = redis
        self.prefix = prefix
        self.breaker = breaker or RedisBreaker()
        # with_bot_id: two bots on one Redis keep their conversations apart
        self.key_builder = DefaultKeyBuilder(prefix=f"{prefix}:fsm", with_bot_id=True)
        self.storage = FailOpenStorage(
            RedisStorage(redis, key_builder=self.key_builder, state_ttl=FSM_TTL, data_ttl=FSM_TTL), self.breaker)
        self.isolation = FailOpenIsolation(redis, self.key_builder, self.breaker)
        self.journal = UpdateJournal(redis, self.breaker, prefix)

    @classmethod
    def from_settings(cls, settings: Settings) -> SharedState:
        return cls(connect_redis(settings.redis_url), settings.redis_prefix)

    def dispatcher_options(self) -> dict[str, Any]:
        """Keyword arguments for aiogram's Dispatcher (it closes the storage, and so the client, at shutdown)."""
        return {"storage": self.storage, "events_isolation": self.isolation}

    def throttle(self, per_minute: int) -> SharedThrottle:
        from bot.throttle import SharedThrottle, Throttle

        return SharedThrottle(self.redis, self.breaker, f"{self.prefix}:throttle", per_minute,
                              fallback=Throttle(per_minute))
