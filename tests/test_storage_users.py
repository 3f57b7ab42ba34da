"""Users on both backends (SQLite and PostgreSQL): first contact, language and time zone choices, reachability,
/mydata and /forget, the retention purge, the counts in /stats."""

from __future__ import annotations

from bot.storage.db import Database
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches
from tests import backends

database = backends.database
pg_schema = backends.pg_schema


async def test_first_contact_remembers_the_chat_in_its_telegram_language(database: Database) -> None:
    users = Users(database)
    assert await users.touch(1, "uk") == "ru"
    assert await users.touch(2, "de-DE") == "en"
    # A fresh Users (another replica, or after a restart) reads what was stored, not the cache.
    assert await Users(database).language(1) == "ru"
    assert await Users(database).language(2) == "en"
    assert await Users(database).language(3, default="en") == "en"


async def test_lang_and_tz_choices_survive_a_restart(database: Database) -> None:
    users = Users(database)
    await users.touch(1, "ru")
    await users.set_language(1, "en")
    await users.set_timezone(1, "Europe/Berlin")
    await users.set_timezone(2, "UTC+05:30", language="en")  # a chat first seen through /tz
    fresh = Users(database)
    assert await fresh.touch(1, "ru") == "en"
    assert await fresh.timezone(1) == "Europe/Berlin"
    assert await fresh.timezone(2) == "UTC+05:30"
    assert await fresh.timezone(3) is None


async def test_a_blocked_chat_is_inactive_until_it_comes_back(database: Database) -> None:
    users = Users(database)
    await users.touch(1, "ru")
    assert await users.is_active(1)
    await users.mark_inactive(1)
    assert not await users.is_active(1)
    assert await users.count() == (1, 0)
    await users.touch(1, "ru")  # the user wrote again
    assert await users.is_active(1)
    assert await users.count() == (1, 1)


async def test_export_shows_everything_stored_and_forget_deletes_it(database: Database) -> None:
    users, watches, outbox = Users(database), Watches(database), Outbox(database)
    await users.touch(1, "ru")
    await users.touch(2, "ru")
    assert await watches.add(1, "litres", "Литрес", limit=5) == "added"
    await outbox.enqueue("alert", "7", [(1, "Утечка в Литрес"), (2, "Утечка в Литрес")])

    data = await users.export(1)
    assert data is not None
    assert data["user"]["chat_id"] == 1 and data["user"]["language"] == "ru" and "timezone" in data["user"]
    assert [w["service_name"] for w in data["watches"]] == ["Литрес"]
    assert [m["kind"] for m in data["messages"]] == ["alert"]

    await users.forget(1)
    assert await users.export(1) is None
    assert await watches.list(1) == []
    assert (await users.export(2))["messages"], "another chat's rows are kept"


async def test_purge_forgets_only_chats_inactive_for_longer_than_retention(database: Database) -> None:
    users = Users(database)
    for chat_id in (1, 2, 3):
        await users.touch(chat_id, "ru")
    await users.mark_inactive(1)
    await database.execute("UPDATE users SET inactive_since = ? WHERE chat_id = ?", ("2020-01-01T00:00:00+00:00", 1))
    await users.mark_inactive(2)  # inactive since now: not yet
    assert await users.purge_inactive("2021-01-01T00:00:00+00:00") == 1
    assert await users.export(1) is None
    assert await users.export(2) is not None
    assert await users.count() == (2, 1)


async def test_a_language_chosen_on_one_replica_is_used_by_another(pg_schema: backends.PgSchema) -> None:
    """On PostgreSQL several processes share the users table: no replica may keep answering in a stale language."""
    first, second = await Database(pg_schema.url).connect(), await Database(pg_schema.url).connect()
    try:
        await first.migrate()
        here, there = Users(first), Users(second)
        assert await there.touch(1, "ru") == "ru"
        await here.set_language(1, "en")
        assert await there.touch(1, "ru") == "en"
        assert await there.language(1) == "en"
    finally:
        await first.close()
        await second.close()
