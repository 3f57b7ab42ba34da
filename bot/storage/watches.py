"""What users watch. A watch is a canonical service key (see `bot.breaches.names`): finding the watchers of a
breach reads one index, (service_key, chat_id), in order, whatever the number of rows."""

from __future__ import annotations

import aiosqlite

from bot.storage.db import Database, utcnow
from bot.storage.outbox import Outbox


class Watches:
    def __init__(self, db: Database):
        self.db = db
        # The names of the watched services, in memory for the breach parser (a watched name the directory lacks
        # must be found in posts): loaded by `load_names`, grown by `add`; a new frozen set on each change, so the
        # parser sees at a glance that it changed. Names no longer watched stay until restart (they alert nobody).
        self.names: frozenset[str] = frozenset()

    async def load_names(self) -> frozenset[str]:
        rows = await self.db.fetchall("SELECT DISTINCT service_name FROM watches")
        self.names = frozenset(row[0] for row in rows)
        return self.names

    def watched_names(self) -> frozenset[str]:
        return self.names

    async def add(self, chat_id: int, service_key: str, service_name: str, *, limit: int) -> str:
        """'added', 'exists' or 'limit' (the user already watches `limit` services)."""
        async with self.db.transaction() as conn:
            async with conn.execute(
                "SELECT 1 FROM watches WHERE chat_id = ? AND service_key = ?", (chat_id, service_key)
            ) as cur:
                if await cur.fetchone():
                    return "exists"
            async with conn.execute("SELECT COUNT(*) FROM watches WHERE chat_id = ?", (chat_id,)) as cur:
                row = await cur.fetchone()
                if row is not None and row[0] >= limit:
                    return "limit"
            await conn.execute(
                "INSERT INTO watches (chat_id, service_key, service_name, created_at) VALUES (?, ?, ?, ?)",
                (chat_id, service_key, service_name, utcnow()),
            )
        if service_name not in self.names:
            self.names = self.names | {service_name}
        return "added"

    async def remove(self, chat_id: int, service_key: str) -> bool:
        cursor = await self.db.execute(
            "DELETE FROM watches WHERE chat_id = ? AND service_key = ?", (chat_id, service_key)
        )
        return cursor.rowcount > 0

    async def list(self, chat_id: int) -> list[tuple[str, str]]:
        rows = await self.db.fetchall(
            "SELECT service_key, service_name FROM watches WHERE chat_id = ? ORDER BY created_at, service_key",
            (chat_id,),
        )
        return [(row[0], row[1]) for row in rows]

    async def queue_for_watchers(self, outbox: Outbox, kind: str, ref: str, service_keys: set[str],
                                 texts: dict[str, str]) -> int:
        """Queue the whole fan-out: its first chunk in a transaction with the promise, then the rest chunk by
        chunk. Returns the rows queued."""
        async with self.db.transaction() as conn:
            queued, done = await outbox.fan_out_in(conn, kind, ref, service_keys, texts)
        if done:  # the long tail: one chunk was all
            return queued
        total = await outbox.finish_fan_out(kind, ref)
        return queued if total is None else total

    @staticmethod
    async def queue_for_watchers_in(conn: aiosqlite.Connection, outbox: Outbox, kind: str, ref: str,
                                    service_keys: set[str], texts: dict[str, str]) -> int:
        """Promise one message per active chat watching any of the keys, in its language (`texts` by language;
        others get English), and queue the first chunk of them, inside the caller's transaction (publishing a
        breach stores it and promises its alerts together); `outbox.finish_fan_out` queues the rest. Each chunk is
        one INSERT … SELECT: a breach watched by 200,000 chats never passes through Python. Returns the rows queued
        now (all of them for a service of the long tail)."""
        queued, _done = await outbox.fan_out_in(conn, kind, ref, service_keys, texts)
        return queued

    async def watchers_per_breach(self, breach_ids: list[int]) -> dict[int, int]:
        """How many active chats watch each breach's service (the weekly digest), in one query."""
        if not breach_ids:
            return {}
        placeholders = ", ".join("?" for _ in breach_ids)
        rows = await self.db.fetchall(
            "SELECT k.breach_id, COUNT(DISTINCT w.chat_id) FROM breach_keys k "  # noqa: S608 (placeholders only)
            "JOIN watches w ON w.service_key = k.service_key JOIN users u ON u.chat_id = w.chat_id AND u.active "
            f"WHERE k.breach_id IN ({placeholders}) GROUP BY k.breach_id",  # noqa: S608
            breach_ids,
        )
        return {row[0]: row[1] for row in rows}

    async def total(self) -> tuple[int, int]:
        """(watch rows, distinct watching chats)."""
        row = await self.db.fetchone("SELECT COUNT(*), COUNT(DISTINCT chat_id) FROM watches")
        return (row[0], row[1]) if row else (0, 0)
