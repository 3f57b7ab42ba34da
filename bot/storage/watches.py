"""What users watch. A watch is a canonical service key (see `bot.breaches.names`): finding the watchers of a
breach is one indexed `IN (...)` lookup, whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.db import Database, utcnow


@dataclass(frozen=True)
class Watcher:
    chat_id: int
    language: str


class Watches:
    def __init__(self, db: Database):
        self.db = db

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

    async def watchers_of(self, service_keys: set[str] | list[str]) -> list[Watcher]:
        """Active chats watching any of the keys, each once."""
        keys = sorted(set(service_keys))
        if not keys:
            return []
        placeholders = ", ".join("?" for _ in keys)
        rows = await self.db.fetchall(
            "SELECT DISTINCT w.chat_id, u.language FROM watches w JOIN users u ON u.chat_id = w.chat_id "  # noqa: S608
            f"WHERE w.service_key IN ({placeholders}) AND u.active ORDER BY w.chat_id",  # noqa: S608 (placeholders only)
            keys,
        )
        return [Watcher(row[0], row[1]) for row in rows]

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
