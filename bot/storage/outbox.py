"""The durable outbox: every alert and channel post is a row here before it is sent.

A row is `pending` until a sender claims it (`sending`), then `sent`, `failed` (gave up) or `skipped`
(the chat blocked the bot). UNIQUE (kind, ref, chat_id) makes enqueueing idempotent.

Claims are leases, so that several replicas may share one outbox: a claim marks its rows with a token of its own
(`claimed_by`) and `lease_until = now + LEASE`; the sender renews the lease of the rows it still holds, and its
outcome (sent, retry, failed, skipped) is written only while the row still carries its token. A row left in
`sending` after its lease ran out belongs to a sender that died or hung: the next claim takes it (so after a crash
at most the rows in flight are sent twice), while a living sender's rows are never taken. A stale sender's late
outcome changes nothing: the row has the new owner's token by then. Times are the outbox clock's (injectable);
replicas' clocks must agree to well within LEASE (NTP does).

A fan-out (one row per active watcher of a breach's services) is a promise in `fan_outs` plus rows queued
FAN_OUT_CHUNK watchers at a time, each chunk a short transaction of its own (migrations/0007_fan_outs.sql): the
publishing transaction holds the promise and the first chunk only, so the breach's first alerts can go out at once
and SQLite's one writer is never held for seconds by 200,000 rows; a promise a crash left open is carried on by the
next claim.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import uuid
from collections.abc import Callable, Collection, Iterable
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
    claim: str = ""  # the token of the claim that holds it: an outcome is written only while the row still has it


@dataclass
class FanOut:
    """An open promise of `fan_outs`: the rows still to queue are the active watchers of keys[key_pos:], those of
    keys[key_pos] from chat_id > after_chat on (None: from the first)."""

    kind: str
    ref: str
    keys: list[str]
    texts: dict[str, str]
    key_pos: int
    after_chat: int | None
    queued: int
    done: bool


CHANNEL_KIND = "channel"  # channel posts: they reach the channel strictly in the order they were queued


# Watch rows per chunk of a fan-out: each chunk is one INSERT … SELECT of its own transaction (~20 ms for 1,000 rows
# on SQLite), so other writers wait that long at most while a breach watched by 200,000 chats is queued.
FAN_OUT_CHUNK = 1000
_BEFORE_EVERY_CHAT = -(2**63)  # the cursor's start: below every chat id (groups and channels are negative)

# How long a claim holds its rows without renewal. The sender renews every LEASE / 3, so a living sender loses its
# rows only after two renewals in a row failed (its database gone for 20 s, when a leader has stepped down anyway);
# a dead sender's rows are sent again at most LEASE after its last renewal.
LEASE = 30.0


def wall_clock() -> datetime:
    return datetime.now(UTC)


def process_name() -> str:
    """Who claims, as operators read it in `claimed_by`: host, pid and a random part (two outboxes in one process,
    or a pid reused after a restart, never share a token)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Outbox:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] = wall_clock, owner: str | None = None,
                 lease: float = LEASE):
        self.db = db
        self.clock = clock  # when rows are due and leases end: tests pass a fake clock and move it instead of waiting
        self.owner = owner or process_name()
        self.lease = lease
        self.fan_out_chunk = FAN_OUT_CHUNK
        self._claims = itertools.count(1)

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

    # --- fan-outs ----------------------------------------------------------------------------------------------
    async def fan_out_in(self, conn: aiosqlite.Connection, kind: str, ref: str, keys: Collection[str],
                         texts: dict[str, str]) -> tuple[int, bool]:
        """Promise one (kind, ref) row per active chat watching any of `keys`, in its language (`texts` by
        language; others get English), and queue the first chunk of them, inside the caller's transaction (publishing
        a breach stores it and promises its alerts together). Returns (rows queued now, whether that was all: a
        breach of the long tail is). The rest: `finish_fan_out`, or the next `claim`. Queueing the same (kind, ref)
        again starts over from the first watcher; rows already queued are left alone (told once)."""
        ordered = sorted(set(keys))
        if not ordered:
            return 0, True
        fan_out = FanOut(kind, ref, ordered, {"ru": texts["ru"], "en": texts["en"]}, 0, None, 0, False)
        await conn.execute(
            "INSERT INTO fan_outs (kind, ref, keys, texts, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, ref) DO UPDATE SET keys = excluded.keys, texts = excluded.texts, key_pos = 0, "
            "after_chat = NULL, queued = 0, done = FALSE",
            (kind, ref, json.dumps(ordered, ensure_ascii=False), json.dumps(fan_out.texts, ensure_ascii=False),
             utcnow()),
        )
        queued = await self._advance_in(conn, fan_out)
        return queued, fan_out.done

    async def finish_fan_out(self, kind: str, ref: str) -> int | None:
        """Queue the rest of the fan-out (kind, ref), a chunk per transaction; returns how many rows it queued in
        all (whoever queued each chunk), None if there is no such fan-out."""
        while True:
            async with self.db.transaction() as conn:
                fan_out = await self._fan_out_in(conn, kind, ref)
                if fan_out is None or fan_out.done:
                    return None if fan_out is None else fan_out.queued
                await self._advance_in(conn, fan_out)

    async def _fan_out_in(self, conn: aiosqlite.Connection, kind: str, ref: str) -> FanOut | None:
        """The promise, locked until the transaction ends on PostgreSQL (two replicas carrying one fan-out on take
        turns and each sees the other's cursor; SQLite has one writer anyway)."""
        lock = " FOR UPDATE" if self.db.dialect == "postgresql" else ""
        async with conn.execute(
            "SELECT kind, ref, keys, texts, key_pos, after_chat, queued, done FROM fan_outs "  # noqa: S608 (constant)
            f"WHERE kind = ? AND ref = ?{lock}", (kind, ref),
        ) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        return FanOut(row[0], row[1], json.loads(row[2]), json.loads(row[3]), row[4], row[5], row[6], bool(row[7]))

    async def _advance_in(self, conn: aiosqlite.Connection, fan_out: FanOut) -> int:
        """Queue the next chunk of watch rows' alerts and move the cursor past them; returns the rows queued. The
        chunk's bounds come from the covering index (service_key, chat_id) alone; its rows are made by the database
        in one INSERT … SELECT (watchers joined to their users), ON CONFLICT DO NOTHING."""
        budget, queued = self.fan_out_chunk, 0
        now, due = utcnow(), self.due_in(0)
        while fan_out.key_pos < len(fan_out.keys) and budget > 0:
            key = fan_out.keys[fan_out.key_pos]
            after = _BEFORE_EVERY_CHAT if fan_out.after_chat is None else fan_out.after_chat
            async with conn.execute(
                "SELECT MAX(chat_id), COUNT(*) FROM (SELECT chat_id FROM watches WHERE service_key = ? "
                "AND chat_id > ? ORDER BY chat_id LIMIT ?) AS next_chunk", (key, after, budget),
            ) as cur:
                upto, seen = await cur.fetchone()
            if not seen:  # this key's watchers are all queued: the next key's from its first
                fan_out.key_pos, fan_out.after_chat = fan_out.key_pos + 1, None
                continue
            before = conn.total_changes
            await conn.execute(
                "INSERT INTO outbox (kind, ref, chat_id, text, next_attempt_at, created_at) "
                "SELECT ?, ?, w.chat_id, CASE u.language WHEN 'ru' THEN ? ELSE ? END, ?, ? "
                "FROM watches w JOIN users u ON u.chat_id = w.chat_id "
                "WHERE w.service_key = ? AND w.chat_id > ? AND w.chat_id <= ? AND u.active "
                "ON CONFLICT (kind, ref, chat_id) DO NOTHING",
                (fan_out.kind, fan_out.ref, fan_out.texts["ru"], fan_out.texts["en"], due, now, key, after, upto),
            )
            queued += conn.total_changes - before
            budget -= seen
            fan_out.after_chat = upto
        fan_out.queued += queued
        fan_out.done = fan_out.key_pos >= len(fan_out.keys)
        if fan_out.done:
            fan_out.after_chat = None  # a finished promise keeps no chat id
        await conn.execute(
            "UPDATE fan_outs SET key_pos = ?, after_chat = ?, queued = ?, done = ? WHERE kind = ? AND ref = ?",
            (fan_out.key_pos, fan_out.after_chat, fan_out.queued, fan_out.done, fan_out.kind, fan_out.ref),
        )
        return queued

    async def _carry_on_a_fan_out(self) -> None:
        """One chunk of the oldest open fan-out, if any: a publisher that died between chunks left it (a living one
        may be carrying it on too: they take turns on its cursor, and each row is queued once)."""
        row = await self.db.fetchone("SELECT kind, ref FROM fan_outs WHERE NOT done ORDER BY created_at LIMIT 1")
        if row is None:
            return
        async with self.db.transaction() as conn:
            fan_out = await self._fan_out_in(conn, row[0], row[1])
            if fan_out is not None and not fan_out.done:
                await self._advance_in(conn, fan_out)

    async def claim(self, limit: int) -> list[OutboxRow]:
        """Take up to `limit` rows, oldest first: due pending rows and rows whose claim's lease ran out (their sender
        died or hung). They are marked in flight under a new token and lease. One UPDATE … RETURNING (PostgreSQL:
        the pick is FOR UPDATE SKIP LOCKED), so two claimers, in one process or in two replicas, never take the same
        row. The picked ids are MATERIALIZED: as a plain `IN (SELECT … LIMIT n)` PostgreSQL may run the pick once
        per row it updates and take more than `limit`. An open fan-out (its publisher died between chunks) gets
        one more chunk first."""
        await self._carry_on_a_fan_out()
        now = self.due_in(0)
        token = f"{self.owner}/{next(self._claims)}"
        claimable = "(status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)"
        async with self.db.transaction() as conn, conn.execute(
            "WITH picked AS MATERIALIZED (SELECT id FROM outbox o "  # noqa: S608 (constants only)
            f"WHERE ({claimable}) "
            # Channel posts go one at a time, in order: a long post's parts must not overtake each other.
            "AND NOT (kind = ? AND EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id AND p.kind = ? "
            f"AND p.id < o.id AND p.status IN ('pending', 'sending'))) ORDER BY id LIMIT ?{self.db.skip_locked}) "
            "UPDATE outbox SET status = 'sending', claimed_by = ?, lease_until = ? "
            f"WHERE id IN (SELECT id FROM picked) AND ({claimable}) "
            "RETURNING id, kind, ref, chat_id, text, attempts, claimed_by",
            (now, now, CHANNEL_KIND, CHANNEL_KIND, limit, token, self.due_in(self.lease), now, now),
        ) as cur:
            rows = [OutboxRow(*row) for row in await cur.fetchall()]
        return sorted(rows, key=lambda row: row.id)  # RETURNING keeps no order

    async def renew(self, claims: Collection[str]) -> int:
        """Extend the lease of the rows these claims still hold; returns how many. A row another claimer has taken
        meanwhile (its token changed) is not touched."""
        if not claims:
            return 0
        marks = ", ".join("?" * len(claims))
        cursor = await self.db.execute(
            f"UPDATE outbox SET lease_until = ? WHERE status = 'sending' AND claimed_by IN ({marks})",  # noqa: S608
            (self.due_in(self.lease), *claims),
        )
        return cursor.rowcount

    # The outcomes: each applies only while the row is still in flight under the caller's claim (True if it did).
    _HELD = "id = ? AND status = 'sending' AND claimed_by = ?"

    async def mark_sent(self, row: OutboxRow) -> bool:
        cursor = await self.db.execute(
            f"UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE {self._HELD}",  # noqa: S608
            (utcnow(), row.id, row.claim),
        )
        return cursor.rowcount == 1

    async def retry_later(self, row: OutboxRow, seconds: float, error: str, *, count_attempt: bool = True) -> bool:
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, "  # noqa: S608
            f"attempts = attempts + ? WHERE {self._HELD}",
            (self.due_in(seconds), error[:300], 1 if count_attempt else 0, row.id, row.claim),
        )
        return cursor.rowcount == 1

    async def mark_failed(self, row: OutboxRow, error: str) -> bool:
        cursor = await self.db.execute(
            f"UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1 WHERE {self._HELD}",  # noqa: S608
            (error[:300], row.id, row.claim),
        )
        return cursor.rowcount == 1

    async def skip_chat(self, chat_id: int, reason: str, claim: str = "") -> int:
        """The chat is gone (blocked the bot, deleted): nothing more is sent to it. Skips its queued rows and those in
        flight under `claim` (the caller's) or under a lapsed lease; another living sender's row of this chat is its
        own to settle (its request gets the same answer)."""
        cursor = await self.db.execute(
            "UPDATE outbox SET status = 'skipped', last_error = ? WHERE chat_id = ? AND (status = 'pending' "
            "OR (status = 'sending' AND (claimed_by = ? OR lease_until <= ?)))",
            (reason[:300], chat_id, claim, self.due_in(0)),
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
