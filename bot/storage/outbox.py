"""The durable outbox: every alert and channel post is a row here before it is sent.

A row is `pending` until the sender claims it (`sending`), then `sent`, `failed` (gave up) or `skipped`
(the chat blocked the bot). UNIQUE (kind, ref, chat_id) makes enqueueing idempotent. After a crash, rows
left in `sending` were in flight: `recover()` puts them back, so at most those few are sent twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiosqlite

from bot.storage.db import Database, utcnow


@dataclass(frozen=True)
class OutboxRow:
    id: int
    kind: str
    ref: str
    chat_id: int
    text: str
    attempts: int


CHANNEL_KIND = "channel"  # channel posts: they reach the channel strictly in the order they were queued


def wall_clock() -> datetime:
    return datetime.now(UTC)


class Outbox:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = wall_clock):
        self.db = db
        self.clock = clock  # when rows are due: tests pass a fake clock and move it instead of waiting

    def due_in(self, seconds: float) -> str:
        """The stored form of "due `seconds` from now"."""
        return (self.clock() + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")

    async def enqueue(self, kind: str, ref: str, messages: Iterable[tuple[int, str]]) -> int:
        """Queue (chat_id, text) messages; already queued ones are left alone. Returns how many are new."""
        async with self.db.transaction() as conn:
            return await self.enqueue_in(conn, kind, ref, messages)

    async def enqueue_in(self, conn: aiosqlite.Connection, kind: str, ref: str,
                         messages: Iterable[tuple[int, str]]) -> int:
        """`enqueue` inside a caller's transaction (the channel journal decides and queues a post atomically)."""
        now, due = utcnow(), self.due_in(0)
        rows = [(kind, ref, chat_id, text, due, now) for chat_id, text in messages]
        if not rows:
            return 0
        before = conn.total_changes
        await conn.executemany(
            "INSERT INTO outbox (kind, ref, chat_id, text, next_attempt_at, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, ref, chat_id) DO NOTHING",
            rows,
        )
        return conn.total_changes - before

    async def recover(self) -> int:
        """Rows a crashed process left in flight go back to the queue."""
        cursor = await self.db.execute("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
        return cursor.rowcount

    async def claim(self, limit: int) -> list[OutboxRow]:
        """Take up to `limit` due rows, oldest first, and mark them in flight: one UPDATE … RETURNING, so two
        claimers (a drain beside the sender's loop; on PostgreSQL two processes) never take the same row. The
        picked ids are MATERIALIZED: as a plain `IN (SELECT … LIMIT n)` PostgreSQL may run the pick once per row
        it updates and take more than `limit`."""
        now = self.due_in(0)
        async with self.db.transaction() as conn, conn.execute(
            "WITH picked AS MATERIALIZED (SELECT id FROM outbox o "  # noqa: S608 (skip_locked is a constant)
            "WHERE status = 'pending' AND next_attempt_at <= ? "
            # Channel posts go one at a time, in order: a long post's parts must not overtake each other.
            "AND NOT (kind = ? AND EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id AND p.kind = ? "
            f"AND p.id < o.id AND p.status IN ('pending', 'sending'))) ORDER BY id LIMIT ?{self.db.skip_locked}) "
            "UPDATE outbox SET status = 'sending' WHERE status = 'pending' AND id IN (SELECT id FROM picked) "
            "RETURNING id, kind, ref, chat_id, text, attempts",
            (now, CHANNEL_KIND, CHANNEL_KIND, limit),
        ) as cur:
            rows = [OutboxRow(*row) for row in await cur.fetchall()]
        return sorted(rows, key=lambda row: row.id)  # RETURNING keeps no order

    async def mark_sent(self, row_id: int) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
            (utcnow(), row_id),
        )

    async def retry_later(self, row_id: int, seconds: float, error: str, *, count_attempt: bool = True) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, "
            "attempts = attempts + ? WHERE id = ?",
            (self.due_in(seconds), error[:300], 1 if count_attempt else 0, row_id),
        )

    async def mark_failed(self, row_id: int, error: str) -> None:
        await self.db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1 WHERE id = ?",
            (error[:300], row_id),
        )

    async def skip_chat(self, chat_id: int, reason: str) -> int:
        """The chat is gone (blocked the bot, deleted): nothing more is sent to it."""
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'skipped', last_error = ? "
            "WHERE chat_id = ? AND status IN ('pending', 'sending')",
            (reason[:300], chat_id),
        )
        return cursor.rowcount

    async def next_due_in(self) -> float | None:
        """Seconds until the earliest pending row is due (0 if one is due now), None if nothing is pending."""
        value = await self.db.fetchval("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
        if value is None:
            return None
        due = datetime.fromisoformat(value)
        return max(0.0, (due - self.clock()).total_seconds())

    async def open_now(self) -> int:
        """Rows in flight or due now: 0 means the sender has nothing to do until a retry time comes."""
        return await self.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)",
            (self.due_in(0),),
        ) or 0

    async def counts(self, ref: str | None = None, kind: str | None = None) -> dict[str, int]:
        where, params = [], []
        if ref is not None:
            where.append("ref = ?")
            params.append(ref)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        sql = "SELECT status, COUNT(*) FROM outbox"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = await self.db.fetchall(sql + " GROUP BY status", params)
        counts = {"pending": 0, "sending": 0, "sent": 0, "failed": 0, "skipped": 0}
        counts.update({row[0]: row[1] for row in rows})
        return counts
