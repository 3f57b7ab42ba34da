"""The SQLite connection (WAL mode) and the numbered SQL migrations in `migrations/`."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.config import PROJECT_ROOT

log = logging.getLogger(__name__)
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def utcnow() -> str:
    """Timestamps are stored as ISO-8601 text in UTC: sortable, readable, portable."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    files = []
    for path in sorted(directory.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise ValueError(f"migration {path.name} must be named NNNN_name.sql")
        files.append((int(match.group(1)), path))
    versions = [v for v, _ in files]
    if len(versions) != len(set(versions)):
        raise ValueError("two migrations share a number")
    return files


class Database:
    """One aiosqlite connection shared by the bot. aiosqlite serialises calls on its own thread, and a single
    writer is what SQLite wants anyway; WAL keeps readers (a second process, `sqlite3` CLI) unblocked."""

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

    async def connect(self) -> Database:
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
        for version, path in migration_files(directory):
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

    # -- small helpers so repositories stay short --------------------------------------------------------------
    async def execute(self, sql: str, params: tuple | list = ()) -> aiosqlite.Cursor:
        async with self._write_lock:
            cursor = await self.conn.execute(sql, params)
            await self.conn.commit()
            return cursor

    async def fetchall(self, sql: str, params: tuple | list = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: tuple | list = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetchval(self, sql: str, params: tuple | list = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Several statements that must land together (or not at all). Use `conn.execute` inside, not
        `Database.execute` (which would wait for this very transaction)."""
        async with self._write_lock:
            await self.conn.execute("BEGIN")
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            else:
                await self.conn.commit()
