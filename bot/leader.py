"""Leadership: of all replicas on one PostgreSQL database, exactly one runs the outbox sender and the scheduler.

The leader is whoever holds a session advisory lock, taken with `pg_try_advisory_lock` on a connection of its own
(never a pooled one: the lock belongs to the session, and a pool would hand that session to other work). The
others stand by and try again every `retry` seconds. PostgreSQL frees the lock when the session ends — the leader
stops, crashes (`kill -9` closes its socket at once) or its host vanishes (the server's TCP keepalives, set below,
notice within about 20 s) — and a standby takes it at its next try.

The leader fences itself: it runs `SELECT 1` on the lock's connection every `check` seconds, and at the first
failure (connection lost, database restarted) it steps down before a standby can have taken over for long.
A replica that queued work wakes the leader at once (`NOTIFY`); it polls anyway, so a lost notification only
delays. A fan-out published on any replica is announced the same way (`FAN_OUT_CHANNEL`, with its kind, ref, size
and title), so the admins' live progress message comes from the leader, the replica that sends, and from no other.
Notifications are heard through the bot's one LISTEN mechanism, `Database.listen` (its own connection, made again
when lost; the users' settings cache and /reload use it too), not on the lock's connection: every replica hears
them, and only the leader acts on them. (SQLite has one process by definition and needs none of this.)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.storage.db import PostgresDatabase

log = logging.getLogger(__name__)

# pg_try_advisory_lock(class, key): the class says "leader of this bot", the key is the schema (as for migrations).
LEADER_LOCK_CLASS = 0x4C454144  # "LEAD"
OUTBOX_CHANNEL = "privacy_bot_outbox"  # NOTIFY'd when rows are queued: the leader's sender wakes up
FAN_OUT_CHANNEL = "privacy_bot_fan_out"  # NOTIFY'd with a fan-out's notice: the leader reports its progress
# The server drops a silent client's session (and its lock) after about idle + interval × count seconds.
KEEPALIVES = {"tcp_keepalives_idle": "10", "tcp_keepalives_interval": "3", "tcp_keepalives_count": "3"}

Hook = Callable[[], Awaitable[Any]]
Heard = Callable[[str], object]  # called with the notification's payload
Track = Callable[[str, str, int, str], object]  # (kind, ref, total, title): AlertService.on_fan_out's shape


def fan_out_notice(kind: str, ref: str, total: int, title: str) -> str:
    """A fan-out's NOTIFY payload (PostgreSQL takes under 8000 bytes: a title is cut well before that)."""
    return json.dumps({"kind": kind, "ref": ref, "total": total, "title": title[:500]}, ensure_ascii=False)


def read_fan_out_notice(payload: str) -> tuple[str, str, int, str] | None:
    """(kind, ref, total, title) from `fan_out_notice`'s payload; None for anything else (logged, never raised)."""
    try:
        notice = json.loads(payload)
        return str(notice["kind"]), str(notice["ref"]), int(notice["total"]), str(notice["title"])
    except (ValueError, TypeError, KeyError):
        log.warning("unreadable fan-out notice: %.80r", payload)
        return None


def announce_fan_outs(notify: Callable[[str, str], object]) -> Track:
    """AlertService's `on_fan_out` on a shared database: NOTIFY the fan-out instead of tracking it here (`notify`
    is the database's `notify(channel, payload)`); the leader, wherever it runs, hears it and tracks it."""
    return lambda kind, ref, total, title: notify(FAN_OUT_CHANNEL, fan_out_notice(kind, ref, total, title))


def follow_fan_outs(track: Track) -> Heard:
    """The leader's callback for FAN_OUT_CHANNEL (`Leadership(hear=...)`): each announced fan-out goes to `track`."""
    def heard(payload: str) -> None:
        notice = read_fan_out_notice(payload)
        if notice is not None:
            track(*notice)

    return heard


class Leadership:
    """Runs `on_elected` when this process becomes the leader and `on_deposed` when it stops being one."""

    def __init__(self, url: str, on_elected: Hook, on_deposed: Hook, *, retry: float = 5.0, check: float = 1.0,
                 name: str = "replica", listen: dict[str, Callable[[], object]] | None = None,
                 hear: dict[str, Heard] | None = None, db: PostgresDatabase | None = None):
        self.url = url
        # While leading, NOTIFY on these channels from any replica (this one too) calls them: `listen`'s callbacks
        # take nothing (and are called too when notifications may have been missed: a wake-up then costs nothing),
        # `hear`'s the notification's payload. Heard through `db.listen`: the bot's database (pass it: its one
        # LISTEN connection serves every channel), else a LISTEN connection of this leadership's own on `url`.
        self.listen = dict(listen or {})
        self.hear = dict(hear or {})
        self._notices = db
        self.notifications = 0
        self.on_elected, self.on_deposed = on_elected, on_deposed
        self.retry, self.check = retry, check
        self.name = name
        self.is_leader = False
        self.terms = 0  # how many times this process was elected (tests, logs)
        self.attempts = 0  # how many times it asked for the lock
        self.backend_pid: int | None = None  # the lock's session on the server
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        """Stand for election until `stop()`; lead while elected; step down on stop or when the lock is lost."""
        notices = self._hear_notifications()
        try:
            await self._stand()
        finally:
            if notices is not None:
                await notices.close()

    def _hear_notifications(self) -> PostgresDatabase | None:
        """LISTEN on every channel (`Database.listen`); returns the database opened for it here, to be closed."""
        if not (self.listen or self.hear):
            return None
        opened = None
        if self._notices is None:
            opened = self._notices = PostgresDatabase(self.url)  # LISTEN needs no pool: connected by `listen`
        for channel, callback in self.listen.items():
            self._notices.listen(channel, self._while_leading(lambda _payload, c=callback: c()),
                                 lambda c=callback: self.is_leader and c())
        for channel, heard in self.hear.items():
            self._notices.listen(channel, self._while_leading(heard), lambda: None)
        return opened

    @property
    def listening(self) -> bool:
        """Whether notifications are heard now (they are from shortly after `run()` starts; tests wait on it)."""
        return self._notices is not None and self._notices.listening

    def _while_leading(self, callback: Heard) -> Heard:
        """Notifications reach every replica; only the leader, which sends, acts on them."""
        def heard(payload: str) -> None:
            if self.is_leader:
                self.notifications += 1
                callback(payload)

        return heard

    async def _stand(self) -> None:
        import asyncpg

        while not self._stop.is_set():
            conn = None
            try:
                conn = await asyncpg.connect(self.url, timeout=5, server_settings=KEEPALIVES)
                self.backend_pid = conn.get_server_pid()
                while not self._stop.is_set():
                    self.attempts += 1
                    if await conn.fetchval("SELECT pg_try_advisory_lock($1, hashtext(current_schema()))",
                                           LEADER_LOCK_CLASS):
                        await self._lead(conn)
                        break
                    await self._pause(self.retry)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("leadership (%s): database unreachable or lock connection lost (%s: %s); "
                            "standing again in %.1f s", self.name, type(exc).__name__, exc, self.retry)
            except Exception:
                log.exception("leadership (%s): failed; standing again in %.1f s", self.name, self.retry)
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(conn.close(), timeout=2)  # closing the session frees the lock
            await self._pause(self.retry)

    async def _lead(self, conn: Any) -> None:
        self.is_leader = True
        self.terms += 1
        log.info("leadership (%s): elected; this replica runs the sender and the scheduler", self.name)
        try:
            await self.on_elected()
            while not self._stop.is_set():  # self-fencing: a lost connection means a lost lock
                await self._pause(self.check)
                await asyncio.wait_for(conn.fetchval("SELECT 1"), timeout=max(self.check, 1.0))
        finally:
            self.is_leader = False
            try:
                await self.on_deposed()
            finally:
                if self._stop.is_set():
                    with contextlib.suppress(Exception):
                        await conn.fetchval("SELECT pg_advisory_unlock($1, hashtext(current_schema()))",
                                            LEADER_LOCK_CLASS)
                log.info("leadership (%s): stepped down", self.name)

    async def _pause(self, seconds: float) -> None:
        """Wait `seconds`, or less if `stop()` is called meanwhile."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

