"""What an update costs beyond its handler's own work, on both backends: a returning user's settings come from
memory (on PostgreSQL too, where each replica's memory is kept right by NOTIFY, and nothing is remembered while a
change could be missed), every middleware is a coroutine, the throttle counts in memory without Redis, and the
knowledge base is read from its cache at start when nothing it is built from changed."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.handler import FilterObject

from bot.answers import answer_question
from bot.app import create_dispatcher, create_services
from bot.config import Settings
from bot.handlers.watch import watchlist_view
from bot.kb import KnowledgeBase
from bot.kb import cache as cache_module
from bot.kb.cache import cache_key, load_cached
from bot.resources import knowledge_dir
from bot.storage.db import Database
from bot.storage.users import Users
from bot.throttle import Throttle
from tests import backends
from tests.conftest import BotHarness

pg_schema = backends.pg_schema


class Counted:
    """Counts the statements a Database runs, by wrapping its own methods (the real wrapper does the work)."""

    METHODS = ("execute", "fetchall", "fetchone", "fetchval")

    def __init__(self, db: Database):
        self.statements: list[str] = []
        for name in self.METHODS:
            setattr(db, name, self._counting(getattr(db, name)))

    def _counting(self, method: Callable[..., Any]) -> Callable[..., Any]:
        async def run(sql: str, *args: Any) -> Any:
            self.statements.append(sql)
            return await method(sql, *args)

        return run


async def until(condition: Callable[[], Any]) -> None:
    """Wait (10 s at most) for `condition()`, sync or async, to hold: a notification crossing the server takes
    milliseconds."""
    async with asyncio.timeout(10):
        while True:
            result = condition()
            if inspect.isawaitable(result):
                result = await result
            if result:
                return
            await asyncio.sleep(0.01)


@pytest.fixture
async def replicas(pg_schema: backends.PgSchema) -> AsyncIterator[tuple[Database, Database]]:
    """Two replicas' databases on one PostgreSQL schema, migrated."""
    first = await Database(pg_schema.url).connect()
    await first.migrate()
    second = await Database(pg_schema.url).connect()
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()


async def test_on_postgresql_a_returning_users_settings_cost_no_statement(
        replicas: tuple[Database, Database]) -> None:
    db, _ = replicas
    users = Users(db)
    await until(lambda: db.listening)
    counted = Counted(db)
    assert await users.touch(1, "uk") == "ru"
    assert await users.timezone(1) is None
    assert counted.statements  # the control: the first contact is read and written
    counted.statements.clear()
    for _ in range(3):
        assert await users.touch(1, "uk") == "ru"
        assert await users.timezone(1) is None
        assert await users.language(1) == "ru"
    assert counted.statements == []


async def test_a_change_made_on_another_replica_reaches_this_ones_cache(replicas: tuple[Database, Database]) -> None:
    db_a, db_b = replicas
    here, there = Users(db_a), Users(db_b)
    await until(lambda: db_a.listening and db_b.listening)
    assert await here.touch(1, "ru") == "ru" and await here.timezone(1) is None  # cached here
    await there.set_language(1, "en")
    await there.set_timezone(1, "Asia/Kolkata")
    await until(lambda: _equals(here.touch(1, "ru"), "en"))
    assert await here.timezone(1) == "Asia/Kolkata"
    # The leader's sender (there) finds the chat blocked; the chat's next message (here) makes it active again,
    # which only a fresh read of the row can notice.
    await there.mark_inactive(1)
    assert not await there.is_active(1)
    await until(lambda: _touched_and_active(here, there, 1))
    # /forget there: the language chosen with /lang is gone here too
    await there.forget(1)
    await until(lambda: _equals(here.touch(1, "ru"), "ru"))
    assert await here.timezone(1) is None


async def _equals(value: Any, expected: Any) -> bool:
    return await value == expected


async def _touched_and_active(here: Users, there: Users, chat_id: int) -> bool:
    await here.touch(chat_id, "ru")
    return await there.is_active(chat_id)


async def test_while_changes_could_be_missed_nothing_is_remembered(replicas: tuple[Database, Database]) -> None:
    db, other = replicas
    users = Users(db)
    await until(lambda: db.listening)
    await users.touch(1, "ru")
    lost_pid = db.listen_pid
    counted = Counted(db)
    await other.execute("SELECT pg_terminate_backend(?)", (lost_pid,))  # the LISTEN session dies
    await until(lambda: not db.listening)
    await other.execute("UPDATE users SET language = 'en' WHERE chat_id = 1")  # a change nobody hears
    assert await users.touch(1, "ru") == "en"  # read again: what was remembered is dropped
    counted.statements.clear()
    if not db.listening:  # still reconnecting: every touch reads
        await users.touch(1, "ru")
        assert counted.statements
    await until(lambda: db.listening and db.listen_pid != lost_pid)  # listening again: remembered again
    await users.touch(1, "ru")
    counted.statements.clear()
    assert await users.touch(1, "ru") == "en"
    assert counted.statements == []


def _routers(router: Router) -> Iterator[Router]:
    yield router
    for sub in router.sub_routers:
        yield from _routers(sub)


async def test_every_middleware_is_a_coroutine_and_the_throttle_counts_in_memory(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, bot_token="42:TEST", database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    services = await create_services(settings)
    try:
        dp: Dispatcher = create_dispatcher(services)
    finally:
        await services.db.close()
    assert isinstance(services.throttle, Throttle)  # no REDIS_URL: no network round trip per update
    middlewares = [(f"{router.name}.{name} {kind}", middleware)
                   for router in _routers(dp) for name, observer in router.observers.items()
                   for kind, manager in (("outer", observer.outer_middleware), ("inner", observer.middleware))
                   for middleware in manager]
    assert len(middlewares) >= 3  # the control: the walk found the dispatcher's own
    not_async = [where for where, middleware in middlewares
                 if not (inspect.iscoroutinefunction(middleware)
                         or inspect.iscoroutinefunction(type(middleware).__call__))]
    assert not not_async, not_async
    # With LOG_MESSAGE_TEXT off, no middleware reads the text to log it.
    names = [type(middleware).__name__ for _, middleware in middlewares]
    assert "MessageTextLogMiddleware" not in names


def _small_knowledge(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    shutil.copy(knowledge_dir() / "dpdp_basics.yaml", directory / "dpdp_basics.yaml")
    return directory


def test_the_built_knowledge_base_is_read_from_its_cache_until_a_file_or_the_code_changes(tmp_path: Path) -> None:
    directory, cache = _small_knowledge(tmp_path), tmp_path / "cache"
    built: list[int] = []

    def warm(base: KnowledgeBase) -> None:  # called only when the base is built, not when read from the cache
        built.append(len(base.entries))
        answer_question(base, "штраф", "ru")

    first = load_cached(directory, cache, warm=warm)
    again = load_cached(directory, cache, warm=warm)
    assert built == [len(first.entries)]  # the second start read the file
    assert [e.id for e in again.entries] == [e.id for e in first.entries]
    assert again._built.keys() == first._built.keys() != set()  # what the first question built came along
    question = first.entries[0].questions.en[0] if first.entries[0].questions.en else first.entries[0].title.en
    assert answer_question(again, question, "en").text == answer_question(first, question, "en").text
    # an edited knowledge file is a new base
    path = directory / "dpdp_basics.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_cached(directory, cache, warm=warm)
    assert len(built) == 2
    # a broken cache file is rebuilt, not a crash
    for file in cache.glob("kb-*.pickle"):
        file.write_bytes(b"not a pickle")
    assert len(load_cached(directory, cache, warm=warm).entries) == len(first.entries)
    assert len(built) == 3
    assert load_cached(directory, cache, warm=warm) is not None and len(built) == 3  # and rewritten


def test_the_cache_key_covers_the_bots_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = _small_knowledge(tmp_path)
    key = cache_key(directory)
    assert cache_key(directory) == key
    code = tmp_path / "bot_sources"
    shutil.copytree(Path(cache_module.__file__).parent, code / "kb")
    monkeypatch.setattr(cache_module, "_BOT_SOURCES", code)
    changed_from = cache_key(directory)
    (code / "kb" / "index.py").write_text("# a new way to index\n", encoding="utf-8")
    assert cache_key(directory) != changed_from


class Statements:
    """The SQL statements the bot's SQLite connection runs while `recording` (sqlite3's trace callback)."""

    def __init__(self) -> None:
        self.recording = False
        self.seen: list[str] = []

    def __call__(self, statement: str) -> None:
        if self.recording and "outbox" not in statement:  # the sender's own polling is no update's work
            self.seen.append(statement)


async def test_a_burst_of_new_users_is_read_with_one_statement(harness: BotHarness) -> None:
    statements = Statements()
    await harness.services.db.conn.set_trace_callback(statements)
    users = range(7001, 7021)
    statements.recording = True
    for user_id in users:  # one getUpdates batch: handled at once
        harness.telegram.send_user_message("какой штраф за утечку?", user_id=user_id,
                                           language_code="ru" if user_id % 2 else "de")
    for user_id in users:
        await harness.telegram.wait_for_messages(user_id, 1)
    statements.recording = False
    reads = [s for s in statements.seen if "FROM users" in s]
    assert len(reads) == 1, reads  # not one per user
    stored = {row[0]: row[1] for row in await harness.services.db.fetchall(
        "SELECT chat_id, language FROM users WHERE chat_id BETWEEN 7001 AND 7020")}
    assert stored == {user_id: "ru" if user_id % 2 else "en" for user_id in users}  # every one remembered


async def test_questions_are_answered_from_what_was_built_at_start(harness: BotHarness,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No update reads a knowledge file or builds an index: with both made impossible after start, questions on
    several paths (an entry, a fines list, a fine) are still answered."""
    from bot.kb import index, loader

    def forbidden(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the knowledge base was read or built again for an update")

    monkeypatch.setattr(loader, "load_entries", forbidden)
    monkeypatch.setattr(index.KnowledgeIndex, "__init__", forbidden)
    with pytest.raises(AssertionError):  # the control: loading the base now fails
        KnowledgeBase.load(knowledge_dir())
    for question in ("какой штраф за утечку персональных данных?", "top 10 GDPR fines", "штраф WhatsApp 2021"):
        reply = await harness.say(question, user_id=5101)
        assert "€" in reply["text"] or "₽" in reply["text"] or "руб" in reply["text"], reply["text"][:200]


class FilterChecks:
    """Every filter aiogram checks (a router's own filters and each handler's), counted while `counting`: the real
    check runs, wrapped."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counting = False
        self.seen: list[str] = []
        check = FilterObject.call

        async def counted(filter_object: FilterObject, *args: Any, **kwargs: Any) -> Any:
            if self.counting:
                self.seen.append(str(filter_object.callback))
            return await check(filter_object, *args, **kwargs)

        monkeypatch.setattr(FilterObject, "call", counted)


async def test_a_plain_question_reaches_its_handler_in_two_checks(harness: BotHarness,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The command routers sit in one router whose filter turns away a message none of them takes, and `ask` takes
    a question typed in a private chat before trying its command handlers: a question costs two filter checks (21
    when each handler's filters were tried in turn, 12 with one filter per command router), and what the routers do
    take still reaches them."""
    checks = FilterChecks(monkeypatch)
    first = await harness.say("какой штраф за утечку персональных данных?", user_id=5301)
    checks.counting = True
    again = await harness.say("какой штраф за утечку персональных данных?", user_id=5301)
    checks.counting = False
    assert again["text"] == first["text"]
    assert checks.seen == ["CommandOrStep()", "PlainPrivateText()"]
    # the control: a command still reaches its router, past both routers' filters to its handler's
    checks.seen.clear()
    checks.counting = True
    listing = await harness.say("/watchlist", user_id=5301)
    checks.counting = False
    assert "/watch litres" in listing["text"] and "/watch litres" in watchlist_view([], "ru")[0]
    assert checks.seen[0] == "CommandOrStep()"
    assert any(seen.startswith("Claims(['unwatch', 'watch', 'watchlist']") for seen in checks.seen), checks.seen


async def test_a_read_on_sqlite_is_one_trip_to_the_database_thread(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """aiosqlite runs each call in its own thread and the event loop waits for the hand-over back: a read is one
    such trip (the statement, its rows and the cursor's end together), not one for each step."""
    import aiosqlite

    db = await Database(tmp_path / "bot.sqlite3").connect()
    try:
        await db.migrate()
        users = Users(db)
        await users.touch(1, "en")
        trips: list[object] = []
        hand_over = aiosqlite.Connection._execute

        async def counted(conn: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
            trips.append(fn)
            return await hand_over(conn, fn, *args, **kwargs)

        monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
        assert (await db.fetchone("SELECT language FROM users WHERE chat_id = ?", (1,)))[0] == "en"
        assert await db.fetchone("SELECT language FROM users WHERE chat_id = ?", (2,)) is None
        assert [row[0] for row in await db.fetchall("SELECT chat_id FROM users")] == [1]
        assert await db.fetchval("SELECT COUNT(*) FROM users") == 1
        assert len(trips) == 4
        trips.clear()  # the control: the same read step by step is three trips
        async with db.conn.execute("SELECT chat_id FROM users") as cursor:
            await cursor.fetchall()
        assert len(trips) == 3
    finally:
        await db.close()


def test_an_entrys_button_is_made_once_and_a_new_title_gets_a_new_one(tmp_path: Path) -> None:
    """The buttons under an answer are remembered by their label: the same button again (no models built per
    reply), the same as a freshly made one, and an entry whose title changed (a reloaded base) gets its new label."""
    from aiogram.types import InlineKeyboardButton

    from bot.keyboards import OpenEntry, entries_keyboard
    from bot.render import button_title

    entries = KnowledgeBase.load(_small_knowledge(tmp_path)).entries[:3]
    first = entries_keyboard(entries, "en", numbered=True, start=4)
    again = entries_keyboard(entries, "en", numbered=True, start=4)
    assert first is not None and again is not None
    assert all(a is b for a, b in zip(first.inline_keyboard[0], again.inline_keyboard[0], strict=True))
    fresh = [[InlineKeyboardButton(text=f"{n}. {button_title(entry, 'en')}",
                                   callback_data=OpenEntry(id=entry.id).pack())]
             for n, entry in enumerate(entries, start=4)]
    assert first.inline_keyboard == fresh
    renamed = entries[0].model_copy(update={"title": entries[0].title.model_copy(update={"en": "A new title"})})
    assert entries_keyboard([renamed], "en").inline_keyboard[0][0].text == "A new title"
