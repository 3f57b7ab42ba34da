"""The database behind every repository, and the numbered SQL migrations in `migrations/`.

Two backends share one small API (`execute`, `fetchall`, `fetchone`, `fetchval`, `transaction`, `migrate`):
SQLite through aiosqlite (the default: one file, nothing to install) and PostgreSQL through asyncpg, chosen by
`DATABASE_URL=postgresql://…` (several replicas on one database). Repositories write portable SQL with `?`
parameters; the PostgreSQL side numbers them (`$1`, `$2`, …). Inside `transaction()` both hand out a connection
with aiosqlite's shape (`execute` → cursor with `rowcount`/`fetchone`/`fetchall`, `executemany`, `total_changes`),
so a repository's code is the same on both.

Migrations: `migrations/NNNN_name.sql` are shared; `migrations/<dialect>/NNNN_name.sql` replaces the shared file
of the same number for that dialect only (DDL that must differ, e.g. identity columns) or adds one. On PostgreSQL
the runner holds an advisory lock, so replicas starting at the same moment apply each migration once.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.resources import migrations_dir

log = logging.getLogger(__name__)
MIGRATIONS_DIR = migrations_dir()  # packaged in the wheel, or the checkout's migrations/
DIALECTS = ("sqlite", "postgresql")
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# pg_advisory_lock(class, key): the class says "migrations of this bot", the key is the schema, so two bots (or two
# test schemas) in one database do not wait for each other. Any fixed number works; this one spells "PRIV".
MIGRATION_LOCK_CLASS = 0x50524956


def utcnow() -> str:
    """Timestamps are stored as ISO-8601 text in UTC: sortable, readable, portable."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def _numbered(directory: Path) -> dict[int, Path]:
    files: dict[int, Path] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration {path.name} must be named NNNN_name.sql")
        version = int(match.group(1))
        if version in files:
            raise ValueError(f"two migrations share the number {version} in {directory.name}/")
        files[version] = path
    return files


def migration_files(directory: Path = MIGRATIONS_DIR, dialect: str = "sqlite") -> list[tuple[int, Path]]:
    """(version, file) in order for `dialect`: the shared files, each replaced by the dialect's own of the same
    number where there is one."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}")
    files = _numbered(directory)
    if (directory / dialect).is_dir():
        files.update(_numbered(directory / dialect))
    return sorted(files.items())


class Database:
    """The storage API. `Database(path)` opens SQLite; `Database("postgresql://…")` opens PostgreSQL."""

    dialect = ""
    # appended to a queue's `SELECT … LIMIT n` that picks rows to claim (PostgreSQL: FOR UPDATE SKIP LOCKED)
    skip_locked = ""

    def __new__(cls, target: Path | str, **kwargs: Any) -> Database:
        if cls is Database:
            cls = PostgresDatabase if is_postgres_url(target) else SqliteDatabase
        return super().__new__(cls)

    async def connect(self) -> Database:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError

    async def migrate(self, directory: Path = MIGRATIONS_DIR) -> list[int]:
        raise NotImplementedError

    async def schema(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """One statement in a transaction of its own; returns a cursor (`rowcount`)."""
        raise NotImplementedError

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    def transaction(self) -> Any:
        """`async with db.transaction() as conn:` several statements that must land together (or not at all).
        Use `conn.execute` inside, not `Database.execute` (which is a transaction of its own)."""
        raise NotImplementedError


class SqliteDatabase(Database):
    """One aiosqlite connection shared by the bot. aiosqlite serialises calls on its own thread, and a single
    writer is what SQLite wants anyway; WAL keeps readers (a second process, `sqlite3` CLI) unblocked."""

    dialect = "sqlite"
    skip_locked = ""  # one writer at a time: nothing to skip

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._conn: aiosqlite.Connection | None = None
        # Handlers run concurrently with the sender on one connection: writes take turns, so one coroutine's
        # commit never lands in the middle of another's transaction.
        self._write_lock = asyncio.Lock()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("Database.connect() was not called")
        return self._conn

    async def connect(self) -> SqliteDatabase:
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = await aiosqlite.connect(self.path)
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute("PRAGMA busy_timeout=5000")
        # WAL + NORMAL is durable against a process kill (only an OS crash may lose the last commits).
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        return self

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def migrate(self, directory: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply every migration not applied yet, in order, each in its own transaction. Safe to run twice."""
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        await self.conn.commit()
        applied = {row[0] for row in await self.fetchall("SELECT version FROM schema_migrations")}
        done = []
        for version, path in migration_files(directory, self.dialect):
            if version in applied:
                continue
            log.info("applying migration %s", path.name)
            try:
                # The script leaves its transaction open so the version row lands in the same commit.
                await self.conn.executescript("BEGIN;\n" + path.read_text(encoding="utf-8"))
                await self.conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, utcnow())
                )
                await self.conn.commit()
            except Exception:
                await self.conn.rollback()
                raise
            done.append(version)
        return done

    async def schema(self) -> list[tuple[str, str]]:
        """(name, sql) of every table and index: what a fresh and an upgraded database must agree on."""
        rows = await self.fetchall(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL ORDER BY name"
        )
        return [(row[0], " ".join(row[1].split())) for row in rows]

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Cursor:
        async with self._write_lock:
            cursor = await self.conn.execute(sql, params)
            await self.conn.commit()
            return cursor

    # A read is one trip to aiosqlite's thread (execute_fetchall runs the statement, reads its rows and lets the
    # cursor go there), not three (execute, fetch, close), each a hand-over between threads.
    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        return list(await self.conn.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Row | None:
        """The first row, or None. The whole result is read in the same trip: for a lookup by key or an aggregate
        (every caller's case) that is the one row; a query of many rows wants fetchall or a LIMIT."""
        rows = await self.conn.execute_fetchall(sql, params)
        return rows[0] if rows else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            await self.conn.execute("BEGIN")
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            else:
                await self.conn.commit()


# --- PostgreSQL ------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=2048)
def numbered_placeholders(sql: str) -> str:
    """`?` → `$1`, `$2`, … outside string literals, quoted names and `--` comments (asyncpg speaks `$n`)."""
    out: list[str] = []
    number = 0
    quote = ""
    i = 0
    while i < len(sql):
        char = sql[i]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = len(sql) if end < 0 else end
            out.append(sql[i:end])
            i = end
            continue
        elif char == "?":
            number += 1
            out.append(f"${number}")
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES|SHOW|TABLE)\b|\bRETURNING\b", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)
_CHANGES = re.compile(r"^(?:INSERT \d+|UPDATE|DELETE|MERGE) (\d+)$")


class PgCursor:
    """The result of one statement, shaped like aiosqlite's cursor: `rowcount`, `fetchone`, `fetchall`."""

    lastrowid = None  # PostgreSQL has no last row id: use `INSERT … RETURNING id`

    def __init__(self, rows: list[Any], rowcount: int):
        self._rows = rows
        self._next = 0
        self.rowcount = rowcount

    async def fetchone(self) -> Any:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    async def fetchall(self) -> list[Any]:
        rest, self._next = self._rows[self._next:], len(self._rows)
        return rest

    async def close(self) -> None:
        return None


class _PendingCursor:
    """What `PgConnection.execute` returns: awaitable, and usable as `async with conn.execute(…) as cur`,
    as aiosqlite's is."""

    def __init__(self, result: Any):
        self._result = result

    def __await__(self) -> Any:
        return self._result.__await__()

    async def __aenter__(self) -> PgCursor:
        return await self._result

    async def __aexit__(self, *exc: object) -> None:
        return None


class PgConnection:
    """An asyncpg connection with aiosqlite's shape, for the statements of one transaction. `total_changes` counts
    the rows inserted, updated or deleted through it, as SQLite's does for its connection."""

    def __init__(self, raw: Any):
        self.raw = raw
        self.total_changes = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _PendingCursor:
        return _PendingCursor(self._run(sql, params))

    async def executemany(self, sql: str, seq_of_params: Iterable[Sequence[Any]]) -> None:
        # One statement per row (asyncpg prepares it once): asyncpg's own executemany reports no row counts,
        # and `total_changes` must stay right for ON CONFLICT DO NOTHING. Bulk paths use INSERT … SELECT.
        for params in seq_of_params:
            await self._run(sql, params)

    async def _run(self, sql: str, params: Sequence[Any]) -> PgCursor:
        query = numbered_placeholders(sql)
        if _RETURNS_ROWS.search(query):
            rows = list(await self.raw.fetch(query, *params))
            if _RETURNING.search(query):
                self.total_changes += len(rows)
            return PgCursor(rows, len(rows))
        status = await self.raw.execute(query, *params)
        match = _CHANGES.match(status or "")
        count = int(match.group(1)) if match else -1
        self.total_changes += max(count, 0)
        return PgCursor([], count)


class PostgresDatabase(Database):
    """A pool of asyncpg connections; each `execute` and each `transaction()` takes one for its duration."""

    dialect = "postgresql"
    skip_locked = " FOR UPDATE SKIP LOCKED"  # a queue's rows another transaction is claiming are left to it

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10):
        self.url = url
        self.min_size, self.max_size = min_size, max_size
        self._pool: Any = None
        self._notifying: set[asyncio.Task[None]] = set()
        # LISTEN: channel -> [(heard(payload), reset())], on one connection of its own (see `listen`)
        self._listeners: dict[str, list[tuple[Callable[[str], object], Callable[[], object]]]] = {}
        self._listening: asyncio.Task[None] | None = None
        self.listening = False  # True while every channel's LISTEN is in place: nothing said since is missed
        self.listen_pid: int | None = None  # the LISTEN session on the server (logs, tests)

    @property
    def pool(self) -> Any:
        if self._pool is None:
            raise RuntimeError("Database.connect() was not called")
        return self._pool

    async def connect(self) -> PostgresDatabase:
        import asyncpg  # only the PostgreSQL backend needs it

        self._pool = await asyncpg.create_pool(self.url, min_size=self.min_size, max_size=self.max_size)
        return self

    async def close(self) -> None:
        if self._listening is not None:
            self._listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listening
            self._listening = None
        if self._notifying:
            await asyncio.wait(self._notifying, timeout=2)
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def migrate(self, directory: Path = MIGRATIONS_DIR) -> list[int]:
        """Apply every migration not applied yet, each with its version row in one transaction, while holding the
        schema's migration lock: a replica starting at the same moment waits, then finds nothing left to do."""
        done = []
        async with self.pool.acquire() as raw:
            await raw.execute("SELECT pg_advisory_lock($1, hashtext(current_schema()))", MIGRATION_LOCK_CLASS)
            try:
                await raw.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                                  "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
                applied = {row[0] for row in await raw.fetch("SELECT version FROM schema_migrations")}
                for version, path in migration_files(directory, self.dialect):
                    if version in applied:
                        continue
                    log.info("applying migration %s (postgresql)", path.relative_to(directory))
                    async with raw.transaction():
                        await raw.execute(path.read_text(encoding="utf-8"))  # no parameters: a multi-statement script
                        await raw.execute(
                            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", version, utcnow()
                        )
                    done.append(version)
            finally:
                await raw.execute("SELECT pg_advisory_unlock($1, hashtext(current_schema()))", MIGRATION_LOCK_CLASS)
        return done

    async def schema(self) -> list[tuple[str, str]]:
        """(name, definition) of every column and index of the current schema, for fresh-vs-upgraded checks."""
        columns = await self.fetchall(
            "SELECT table_name || '.' || column_name, data_type || ' ' || is_nullable || ' ' || "
            "COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = current_schema() "
            "ORDER BY 1"
        )
        indexes = await self.fetchall(
            "SELECT indexname, replace(indexdef, current_schema() || '.', '') FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY 1"
        )
        return [(row[0], row[1]) for row in columns] + [(row[0], row[1]) for row in indexes]

    def notify(self, channel: str, payload: str = "") -> None:
        """`NOTIFY channel`, from code that cannot wait (a "wake up" callback): every process LISTENing on it, in
        any replica, hears it (bot/leader.py wakes the sender so). Best effort: a lost notification only delays
        the listener to its next poll."""
        task = asyncio.get_running_loop().create_task(self._notify(channel, payload))
        self._notifying.add(task)
        task.add_done_callback(self._notifying.discard)

    async def _notify(self, channel: str, payload: str) -> None:
        try:
            await self.pool.execute("SELECT pg_notify($1, $2)", channel, payload)
        except Exception as exc:  # noqa: BLE001 (best effort, see notify)
            log.warning("NOTIFY %s failed: %s: %s", channel, type(exc).__name__, exc)

    def listen(self, channel: str, heard: Callable[[str], object], reset: Callable[[], object]) -> None:
        """Call `heard(payload)` for every NOTIFY on `channel`, from any replica (this one too), while this
        database is open; and `reset()` whenever notifications may have been missed (the LISTEN connection was lost)
        so that what was learnt from them (a cache) starts over. `listening` says whether they are heard now. One
        connection of this process's own (not the pool's: LISTEN belongs to a session) serves every channel, and
        is made again `retry` seconds after it is lost."""
        self._listeners.setdefault(channel, []).append((heard, reset))
        if self._listening is None:
            self._listening = asyncio.get_running_loop().create_task(self._listen())
        elif self.listening:  # a channel added to a live connection: heard from its LISTEN on
            self.listening = False  # not yet for the new channel
            self._listening.cancel()
            self._listening = asyncio.get_running_loop().create_task(self._listen())

    async def _listen(self, retry: float = 1.0) -> None:
        import asyncpg

        while True:
            conn = None
            try:
                conn = await asyncpg.connect(self.url, timeout=5)
                self.listen_pid = conn.get_server_pid()
                lost = asyncio.Event()
                conn.add_termination_listener(lambda _conn, lost=lost: lost.set())
                for channel, callbacks in self._listeners.items():
                    await conn.add_listener(channel, self._hear(callbacks))
                self.listening = True
                # Checked now and then as well: a silent network drop ends no session on this side.
                while not lost.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(lost.wait(), timeout=15)
                    if not lost.is_set():
                        await asyncio.wait_for(conn.fetchval("SELECT 1"), timeout=5)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("LISTEN connection lost (%s: %s); again in %.0f s", type(exc).__name__, exc, retry)
            except Exception:  # whatever it was, listening must go on: a cache depends on it
                log.exception("LISTEN failed; again in %.0f s", retry)
            finally:
                self._forget_heard()
                if conn is not None:
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(conn.close(), timeout=2)
            await asyncio.sleep(retry)

    def _forget_heard(self) -> None:
        self.listening = False
        for callbacks in self._listeners.values():
            for _heard, reset in callbacks:
                reset()

    @staticmethod
    def _hear(callbacks: list[tuple[Callable[[str], object], Callable[[], object]]]) -> Callable[..., None]:
        def heard(_conn: object, _pid: int, _channel: str, payload: str) -> None:
            for callback, _reset in callbacks:
                callback(payload)

        return heard

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        async with self.pool.acquire() as raw:
            return await PgConnection(raw).execute(sql, params)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(await self.pool.fetch(numbered_placeholders(sql), *params))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self.pool.fetchrow(numbered_placeholders(sql), *params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[PgConnection]:
        async with self.pool.acquire() as raw, raw.transaction():
            yield PgConnection(raw)
