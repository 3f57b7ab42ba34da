"""Known breaches (deduplicated), the service keys they match, and the names HIBP-format feeds have listed."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime

import aiosqlite

from bot.breaches.models import Breach
from bot.storage.db import Database, utcnow


def breach_to_json(breach: Breach) -> str:
    def default(value: object) -> str:
        if isinstance(value, date | datetime):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(dataclasses.asdict(breach), default=default, ensure_ascii=False)


def breach_from_json(payload: str) -> Breach:
    data = json.loads(payload)
    known = {f.name for f in dataclasses.fields(Breach)}
    data = {k: v for k, v in data.items() if k in known}
    if data.get("breach_date"):
        data["breach_date"] = date.fromisoformat(data["breach_date"])
    if data.get("reported_at"):
        data["reported_at"] = datetime.fromisoformat(data["reported_at"])
    return Breach(**data)


@dataclasses.dataclass(frozen=True)
class StoredBreach:
    id: int
    breach: Breach
    status: str
    created_at: str


class Breaches:
    def __init__(self, db: Database):
        self.db = db

    async def add(self, breach: Breach, keys: set[str], *, status: str = "published") -> tuple[int, bool]:
        """Store a breach unless one with the same dedupe key exists. Returns (id, created)."""
        async with self.db.transaction() as conn:
            return await self.add_in(conn, breach, keys, status=status)

    @staticmethod
    async def add_in(conn: aiosqlite.Connection, breach: Breach, keys: set[str], *,
                     status: str = "published") -> tuple[int, bool]:
        """`add` inside the caller's transaction: publishing stores, queues alerts and journals the post together."""
        cursor = await conn.execute(
            "INSERT INTO breaches (dedupe_key, service, domain, record_count, breach_date, reported_at, origin, "
            "status, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (dedupe_key) DO NOTHING",
            (
                breach.dedupe_key, breach.service, breach.domain, breach.record_count,
                breach.breach_date.isoformat() if breach.breach_date else None,
                breach.reported_at.isoformat() if breach.reported_at else None,
                breach.origin, status, breach_to_json(breach), utcnow(),
            ),
        )
        created = cursor.rowcount > 0
        async with conn.execute("SELECT id FROM breaches WHERE dedupe_key = ?", (breach.dedupe_key,)) as cur:
            row = await cur.fetchone()
        assert row is not None
        breach_id = row[0]
        if created:
            await conn.executemany(
                "INSERT INTO breach_keys (breach_id, service_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(breach_id, key) for key in sorted(keys)],
            )
        return breach_id, created

    async def get(self, breach_id: int) -> StoredBreach | None:
        row = await self.db.fetchone(
            "SELECT id, payload, status, created_at FROM breaches WHERE id = ?", (breach_id,)
        )
        return StoredBreach(row[0], breach_from_json(row[1]), row[2], row[3]) if row else None

    @staticmethod
    async def publish_draft_in(conn: aiosqlite.Connection, breach_id: int, breach: Breach) -> bool:
        """Turn a draft into a published breach (its final text) inside the caller's transaction; False if it was
        not a draft any more (a second press of the confirm button)."""
        cursor = await conn.execute(
            "UPDATE breaches SET status = 'published', payload = ?, record_count = ? WHERE id = ? AND status = 'draft'",
            (breach_to_json(breach), breach.record_count, breach_id),
        )
        return cursor.rowcount > 0

    async def set_status(self, breach_id: int, status: str, breach: Breach | None = None) -> None:
        if breach is None:
            await self.db.execute("UPDATE breaches SET status = ? WHERE id = ?", (status, breach_id))
        else:
            await self.db.execute(
                "UPDATE breaches SET status = ?, payload = ?, record_count = ? WHERE id = ?",
                (status, breach_to_json(breach), breach.record_count, breach_id),
            )

    async def for_keys(self, keys: set[str], limit: int = 5) -> list[Breach]:
        """Published breaches of these services, newest first (history for a new watcher)."""
        if not keys:
            return []
        placeholders = ", ".join("?" for _ in keys)
        rows = await self.db.fetchall(
            "SELECT DISTINCT b.id, b.payload, COALESCE(b.breach_date, b.reported_at, b.created_at) AS happened "  # noqa: S608
            "FROM breaches b JOIN breach_keys k ON k.breach_id = b.id "
            f"WHERE k.service_key IN ({placeholders}) AND b.status = 'published' "  # only "?" placeholders
            "ORDER BY happened DESC LIMIT ?",
            [*sorted(keys), limit],
        )
        return [breach_from_json(row[1]) for row in rows]

    async def published_between(self, start: datetime, end: datetime) -> list[StoredBreach]:
        """Breaches that became known in [start, end) (the week of a digest), in arrival order."""
        rows = await self.db.fetchall(
            "SELECT id, payload, status, created_at FROM breaches "
            "WHERE status = 'published' AND created_at >= ? AND created_at < ? ORDER BY id",
            (start.astimezone(UTC).isoformat(timespec="seconds"), end.astimezone(UTC).isoformat(timespec="seconds")),
        )
        return [StoredBreach(row[0], breach_from_json(row[1]), row[2], row[3]) for row in rows]

    async def count(self) -> int:
        return await self.db.fetchval("SELECT COUNT(*) FROM breaches WHERE status = 'published'") or 0

    # -- HIBP-format feeds -----------------------------------------------------------------------------------
    async def feed_known(self, feed_url: str) -> set[str]:
        rows = await self.db.fetchall("SELECT name FROM feed_items WHERE feed_url = ?", (feed_url,))
        return {row[0] for row in rows}

    async def feed_remember(self, feed_url: str, names: list[str]) -> None:
        now = utcnow()
        async with self.db.transaction() as conn:
            await conn.executemany(
                "INSERT INTO feed_items (feed_url, name, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(feed_url, name, now) for name in names],
            )
