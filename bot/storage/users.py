"""Users: chat id, language, when they started, whether the bot can still reach them."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

from bot.storage.db import Database, utcnow

SUPPORTED_LANGUAGES = ("ru", "en")
# Telegram clients in these languages get Russian answers; everyone else English.
_RUSSIAN_READERS = {"ru", "uk", "be", "kk", "ky", "uz", "tg", "hy", "az"}


def language_from_code(language_code: str | None) -> str:
    code = (language_code or "").split("-")[0].lower()
    return "ru" if code in _RUSSIAN_READERS else "en"


# NOTIFY'd on PostgreSQL with "<origin>:<chat id>" whenever a replica changes a chat's settings or state, so every
# replica's cache of it (Users) forgets that chat.
USERS_CHANNEL = "privacy_bot_users"


class Users:
    def __init__(self, db: Database):
        self.db = db
        # The language and time zone of every chat seen since start: answering a question must not cost a database
        # round trip. SQLite has one process. On PostgreSQL other replicas change a chat (/lang, /tz, /forget, a
        # block seen by the leader's sender) behind our back: each change is NOTIFY'd, every replica forgets that
        # chat, and while the LISTEN connection is down (a change may be missed) nothing is cached at all.
        self._language: dict[int, str] = {}
        self._timezone: dict[int, str | None] = {}  # the same for /tz (None: the default zone)
        # A burst of updates from one new chat, handled at once, shares one lookup (`touch`) instead of each
        # reading and inserting the row before any of them has filled the cache.
        self._touching: dict[int, asyncio.Task[str]] = {}
        # Chats with no row (someone who speaks only in groups): their language is Telegram's, with no lookup.
        self._no_row: set[int] = set()
        # Bumped by every change heard from elsewhere: a read that began before one is not cached (it may be stale).
        self._epoch = 0
        self._origin = uuid.uuid4().hex[:12]
        self._shared = db.dialect != "sqlite"
        if self._shared:
            # made outside an event loop (a script), it cannot listen: then it reads every time
            with contextlib.suppress(RuntimeError):
                db.listen(USERS_CHANNEL, self._heard, self._reset)

    @property
    def _cached(self) -> bool:
        return not self._shared or self.db.listening

    def _changed(self, chat_id: int) -> None:
        """After this process changed a chat: tell the other replicas to forget it."""
        if self._shared:
            self.db.notify(USERS_CHANNEL, f"{self._origin}:{chat_id}")

    def _heard(self, payload: str) -> None:
        origin, _, chat = payload.partition(":")
        if origin == self._origin:
            return  # our own change: this cache is right already
        self._epoch += 1
        try:
            self._forget_cached(int(chat))
        except ValueError:
            self._reset()

    def _reset(self) -> None:
        self._epoch += 1
        self._language.clear()
        self._timezone.clear()
        self._touching.clear()
        self._no_row.clear()

    def _forget_cached(self, chat_id: int) -> None:
        self._language.pop(chat_id, None)
        self._timezone.pop(chat_id, None)
        self._touching.pop(chat_id, None)
        self._no_row.discard(chat_id)

    async def touch(self, chat_id: int, language_code: str | None) -> str:
        """Remember a private chat on first contact and return the language to answer in."""
        cached = self._language.get(chat_id)
        if cached is not None:
            return cached
        if not self._cached:  # PostgreSQL without LISTEN: read, and remember nothing
            return await self._touch(chat_id, language_code)
        pending = self._touching.get(chat_id)
        if pending is None:
            pending = self._touching[chat_id] = asyncio.ensure_future(self._touch(chat_id, language_code))
            pending.add_done_callback(lambda done: self._touching.pop(chat_id, None)
                                      if self._touching.get(chat_id) is done else None)
        return await asyncio.shield(pending)

    async def _touch(self, chat_id: int, language_code: str | None) -> str:
        epoch = self._epoch
        row = await self.db.fetchone(
            "SELECT language, active, timezone FROM users WHERE chat_id = ?", (chat_id,)
        )
        if row is None:
            language = language_from_code(language_code)
            await self.db.execute(
                "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?) ON CONFLICT (chat_id) DO NOTHING",
                (chat_id, language, utcnow()),
            )
            self._no_row.discard(chat_id)
            self._changed(chat_id)  # another replica may hold it as "no row" (a group member)
        else:
            language = row["language"]
            if not row["active"]:
                await self.db.execute(
                    "UPDATE users SET active = TRUE, inactive_since = NULL WHERE chat_id = ?", (chat_id,)
                )
                self._changed(chat_id)
        # Remembered unless overtaken by /lang, /forget or a block here, or by any change heard from elsewhere.
        if self._touching.get(chat_id) is asyncio.current_task() and epoch == self._epoch:
            self._remember(chat_id, language)
            self._timezone[chat_id] = row["timezone"] if row is not None else None  # one read for both settings
        return language

    async def set_language(self, chat_id: int, language: str) -> None:
        if language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        await self.db.execute(
            "INSERT INTO users (chat_id, language, language_fixed, started_at) VALUES (?, ?, TRUE, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, language_fixed = TRUE",
            (chat_id, language, utcnow()),
        )
        self._no_row.discard(chat_id)
        self._touching.pop(chat_id, None)
        self._remember(chat_id, language)
        self._changed(chat_id)

    def _remember(self, chat_id: int, language: str) -> None:
        if self._cached:
            self._language[chat_id] = language

    async def timezone(self, chat_id: int) -> str | None:
        """The time zone chosen with /tz (an IANA name or "UTC+05:30"); None means the default (Europe/Moscow)."""
        if chat_id in self._timezone:
            return self._timezone[chat_id]
        epoch, cached = self._epoch, self._cached
        value = await self.db.fetchval("SELECT timezone FROM users WHERE chat_id = ?", (chat_id,))
        if cached and epoch == self._epoch:
            self._timezone[chat_id] = value
        return value

    async def set_timezone(self, chat_id: int, timezone: str | None, language: str = "ru") -> None:
        await self.db.execute(
            "INSERT INTO users (chat_id, language, started_at, timezone) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET timezone = excluded.timezone",
            (chat_id, language, utcnow(), timezone),
        )
        self._no_row.discard(chat_id)
        if self._cached:
            self._timezone[chat_id] = timezone
        self._changed(chat_id)

    async def language(self, chat_id: int, default: str = "ru") -> str:
        if chat_id in self._language:
            return self._language[chat_id]
        if chat_id in self._no_row:
            return default
        epoch, cached = self._epoch, self._cached
        value = await self.db.fetchval("SELECT language FROM users WHERE chat_id = ?", (chat_id,))
        if value is None and cached and epoch == self._epoch:
            self._no_row.add(chat_id)
        return value or default

    async def ensure(self, chat_id: int, language: str) -> None:
        """Make sure a chat exists (a group that /watches, a user added by a test or a bench)."""
        await self.db.execute(
            "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?) ON CONFLICT (chat_id) DO NOTHING",
            (chat_id, language, utcnow()),
        )
        self._no_row.discard(chat_id)
        self._changed(chat_id)

    async def mark_inactive(self, chat_id: int) -> None:
        """The chat blocked the bot or is gone: stop sending; its data is purged after the retention period."""
        await self.db.execute(
            "UPDATE users SET active = FALSE, inactive_since = COALESCE(inactive_since, ?) WHERE chat_id = ?",
            (utcnow(), chat_id),
        )
        self._forget_cached(chat_id)  # its next update reads the row again, and so reactivates it
        self._changed(chat_id)

    async def reactivate(self, chat_id: int) -> None:
        """The chat is reachable again (the bot was unblocked or added back to a group)."""
        await self.db.execute(
            "UPDATE users SET active = TRUE, inactive_since = NULL WHERE chat_id = ? AND NOT active", (chat_id,)
        )

    async def is_active(self, chat_id: int) -> bool:
        value = await self.db.fetchval("SELECT active FROM users WHERE chat_id = ?", (chat_id,))
        return bool(value) if value is not None else True

    async def export(self, chat_id: int) -> dict[str, Any] | None:
        """Everything stored about one chat (for /mydata): every column of its users row (so a column added later
        shows up too), its watches and its outbox rows."""
        row = await self.db.fetchone("SELECT * FROM users WHERE chat_id = ?", (chat_id,))
        if row is None:
            return None
        watches = await self.db.fetchall(
            "SELECT service_name, created_at FROM watches WHERE chat_id = ? ORDER BY created_at", (chat_id,)
        )
        alerts = await self.db.fetchall(
            "SELECT kind, status, created_at, sent_at FROM outbox WHERE chat_id = ? ORDER BY id", (chat_id,)
        )
        return {
            "user": dict(row),
            "watches": [dict(w) for w in watches],
            "messages": [dict(a) for a in alerts],
        }

    async def forget(self, chat_id: int) -> None:
        """Delete everything about a chat (for /forget and the retention purge)."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM outbox WHERE chat_id = ?", (chat_id,))
            await conn.execute("DELETE FROM watches WHERE chat_id = ?", (chat_id,))
            await conn.execute("DELETE FROM users WHERE chat_id = ?", (chat_id,))
        self._forget_cached(chat_id)
        self._changed(chat_id)

    async def purge_inactive(self, older_than_iso: str) -> int:
        """Forget every chat inactive since before `older_than_iso` (users row, watches, outbox rows)."""
        rows = await self.db.fetchall(
            "SELECT chat_id FROM users WHERE active = FALSE AND inactive_since < ?", (older_than_iso,)
        )
        for row in rows:
            await self.forget(row[0])
        return len(rows)

    async def count(self) -> tuple[int, int]:
        row = await self.db.fetchone(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0) FROM users"
        )
        return (row[0], row[1]) if row else (0, 0)
