"""The channel's journal: which posts were decided (and queued), the admins' /post drafts, and when each
scheduled job was first armed. See migrations/0003_channel.sql for why this makes posts exactly-once."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.storage.db import Database, utcnow
from bot.storage.outbox import CHANNEL_KIND, Outbox

CHANNEL = CHANNEL_KIND  # the outbox kind of channel posts


@dataclass(frozen=True)
class ChannelPost:
    id: int
    key: str
    kind: str
    entry_id: str | None
    text: str
    status: str


class ChannelJournal:
    def __init__(self, db: Database, outbox: Outbox):
        self.db = db
        self.outbox = outbox

    async def queue_once(self, key: str, kind: str, chat_id: int, parts: list[str], *,
                         entry_id: str | None = None) -> bool:
        """Decide the post `key` and queue its parts for `chat_id`, in one transaction; False if `key` was
        decided before (by this process, an earlier one, or one that crashed after deciding)."""
        async with self.db.transaction() as conn:
            return await self.queue_once_in(conn, key, kind, chat_id, parts, entry_id=entry_id)

    async def queue_once_in(self, conn: aiosqlite.Connection, key: str, kind: str, chat_id: int, parts: list[str],
                            *, entry_id: str | None = None) -> bool:
        """`queue_once` inside the caller's transaction (a breach's post is journalled with the breach itself)."""
        cursor = await conn.execute(
            "INSERT INTO channel_posts (key, kind, entry_id, text, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO NOTHING",
            (key, kind, entry_id, "\n\n".join(parts), utcnow()),
        )
        if cursor.rowcount == 0:
            return False
        for number, part in enumerate(parts, start=1):
            await self.outbox.enqueue_in(conn, CHANNEL, f"{key}#{number}", [(chat_id, part)])
        return True

    async def is_decided(self, key: str) -> bool:
        return await self.db.fetchval("SELECT 1 FROM channel_posts WHERE key = ?", (key,)) is not None

    async def fact_counts(self) -> Counter[str]:
        """How many times each knowledge entry has been the fact of the day."""
        rows = await self.db.fetchall(
            "SELECT entry_id, COUNT(*) FROM channel_posts WHERE kind = 'fact' AND entry_id IS NOT NULL "
            "GROUP BY entry_id"
        )
        return Counter({row[0]: row[1] for row in rows})

    # --- admins' /post drafts -------------------------------------------------------------------------------
    async def add_draft(self, text: str) -> int:
        """A manual post waiting for the admin's confirmation; its key becomes manual:<id>."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO channel_posts (key, kind, text, status, created_at) VALUES (?, 'manual', ?, 'draft', ?) "
                "RETURNING id",  # not cursor.lastrowid: PostgreSQL has none
                (f"manual:new:{secrets.token_hex(8)}", text, utcnow()),  # renamed below, once the id is known
            )
            draft_id = int((await cursor.fetchone())[0])
            await conn.execute("UPDATE channel_posts SET key = ? WHERE id = ?", (f"manual:{draft_id}", draft_id))
        return draft_id

    async def draft(self, draft_id: int) -> ChannelPost | None:
        row = await self.db.fetchone(
            "SELECT id, key, kind, entry_id, text, status FROM channel_posts WHERE id = ? AND kind = 'manual'",
            (draft_id,),
        )
        return ChannelPost(*row) if row else None

    async def confirm_draft(self, draft_id: int, chat_id: int, parts: list[str]) -> bool:
        """Queue a draft once: a second press of the button (or a stale one) does nothing."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE channel_posts SET status = 'queued' WHERE id = ? AND kind = 'manual' AND status = 'draft'",
                (draft_id,),
            )
            if cursor.rowcount == 0:
                return False
            for number, part in enumerate(parts, start=1):
                await self.outbox.enqueue_in(conn, CHANNEL, f"manual:{draft_id}#{number}", [(chat_id, part)])
        return True

    async def cancel_draft(self, draft_id: int) -> bool:
        cursor = await self.db.execute(
            "UPDATE channel_posts SET status = 'cancelled' WHERE id = ? AND kind = 'manual' AND status = 'draft'",
            (draft_id,),
        )
        return cursor.rowcount > 0

    # --- scheduled jobs -------------------------------------------------------------------------------------
    async def armed_at(self, job: str, cron: str, now: datetime) -> datetime:
        """When `job` was first armed with this cron (now, if never: a fresh install has missed nothing)."""
        async with self.db.transaction() as conn:
            async with conn.execute("SELECT cron, armed_at FROM schedule_state WHERE job = ?", (job,)) as cur:
                row = await cur.fetchone()
            if row is not None and row[0] == cron:
                return datetime.fromisoformat(row[1])
            await conn.execute(
                "INSERT INTO schedule_state (job, cron, armed_at) VALUES (?, ?, ?) "
                "ON CONFLICT (job) DO UPDATE SET cron = excluded.cron, armed_at = excluded.armed_at",
                (job, cron, now.isoformat()),
            )
        return now
