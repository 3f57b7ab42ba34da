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
        # A burst of updates from new chats, handled at once, shares one lookup (`touch`) instead of each
        # reading and inserting its row before any of them has filled the cache.
        self._touching: dict[int, asyncio.Future[str]] = {}
        # Chats with no row (someone who speaks only in groups): their language is Telegram's, with no lookup.
        self._no_row: set[int] = set()
        self._first_contacts: dict[int, tuple[str | None, asyncio.Future[str]]] = {}  # waiting for `_flush`
        self._flushing: asyncio.Future[None] | None = None
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

    def _changed(self, *chat_ids: int) -> None:
        """After this process changed chats: tell the other replicas to forget them."""
        if not self._shared:
            return
        for start in range(0, len(chat_ids), 400):  # a NOTIFY payload stays under 8000 bytes
            self.db.notify(USERS_CHANNEL, f"{self._origin}:" + ",".join(map(str, chat_ids[start:start + 400])))

    def _heard(self, payload: str) -> None:
        origin, _, chats = payload.partition(":")
        if origin == self._origin:
            return  # our own change: this cache is right already
        self._epoch += 1
        try:
            for chat_id in chats.split(","):
                self._forget_cached(int(chat_id))
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
        pending = self._touching.get(chat_id)
        if pending is None:
            pending = self._touching[chat_id] = asyncio.get_running_loop().create_future()
            self._first_contacts[chat_id] = (language_code, pending)
            if self._flushing is None:  # runs once every update of this getUpdates batch has asked
                self._flushing = asyncio.ensure_future(self._flush())
        return await asyncio.shield(pending)

    async def _flush(self) -> None:
        """The chats not in memory whose updates arrived together (one getUpdates batch, or a webhook burst) are
        read with one SELECT, and the new ones written in one transaction: a burst of new users costs a few
        statements, not a few per user."""
        contacts, self._first_contacts, self._flushing = self._first_contacts, {}, None
        epoch, cached = self._epoch, self._cached
        try:
            settings = await self._first_contact(contacts)
        except Exception as exc:
            for chat_id, (_, future) in contacts.items():
                if self._touching.get(chat_id) is future:
                    del self._touching[chat_id]
                future.set_exception(exc)
            return
        for chat_id, (_, future) in contacts.items():
            language, timezone = settings[chat_id]
            # Remembered unless overtaken by /lang, /forget or a block here, or by a change heard from elsewhere
            # (or read while PostgreSQL's changes could not be heard).
            if self._touching.get(chat_id) is future:
                del self._touching[chat_id]
                if cached and epoch == self._epoch:
                    self._language[chat_id] = language
                    self._timezone[chat_id] = timezone  # one read for both settings
            future.set_result(language)

    async def _first_contact(self, contacts: dict[int, tuple[str | None, Any]]) -> dict[int, tuple[str, str | None]]:
        ids = list(contacts)
        found: dict[int, Any] = {}
        for start in range(0, len(ids), 500):  # SQLite takes some hundreds of parameters at most
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))  # only placeholders go into the text
            rows = await self.db.fetchall(
                f"SELECT chat_id, language, active, timezone FROM users WHERE chat_id IN ({marks})", chunk  # noqa: S608
            )
            found.update((row["chat_id"], row) for row in rows)
        now = utcnow()
        new = [(chat_id, language_from_code(code), now) for chat_id, (code, _) in contacts.items()
               if chat_id not in found]
        inactive = [(chat_id,) for chat_id, row in found.items() if not row["active"]]
        if new or inactive:
            async with self.db.transaction() as conn:
                if new:
                    await conn.executemany("INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?) "
                                           "ON CONFLICT (chat_id) DO NOTHING", new)
                if inactive:  # a chat that blocked the bot wrote again
                    await conn.executemany(
                        "UPDATE users SET active = TRUE, inactive_since = NULL WHERE chat_id = ?", inactive)
            for chat_id, _, _ in new:
                self._no_row.discard(chat_id)
            # another replica may hold a new chat as "no row" (a group member), an inactive one as gone
            self._changed(*(chat_id for chat_id, _, _ in new), *(chat_id for chat_id, in inactive))
        settings = {chat_id: (row["language"], row["timezone"]) for chat_id, row in found.items()}
        settings.update((chat_id, (language, None)) for chat_id, language, _ in new)
        return settings

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
