"""Breaches, watches, the outbox and the channel journal on both backends (SQLite and PostgreSQL): what makes an
alert go out once, to the right chats, in their language."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta

from bot.breaches.models import Breach
from bot.storage.breaches import Breaches
from bot.storage.channel_posts import ChannelJournal
from bot.storage.db import Database
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches
from tests import backends

database = backends.database


def litres(**changes: object) -> Breach:
    fields = {"service": "Литрес", "domain": "litres.ru", "record_count": 3_000_000,
              "breach_date": date(2026, 3, 1), "origin": "channel", "description": "Утечка <b>email</b>"}
    fields.update(changes)
    return Breach(**fields)  # type: ignore[arg-type]


async def test_a_breach_reported_twice_is_stored_once(database: Database) -> None:
    breaches = Breaches(database)
    first_id, created = await breaches.add(litres(), {"litres"})
    assert created
    again_id, created_again = await breaches.add(litres(record_count=5), {"litres"})
    assert (again_id, created_again) == (first_id, False)
    stored = await breaches.get(first_id)
    assert stored is not None and stored.breach.record_count == 3_000_000 and stored.status == "published"
    assert stored.breach.breach_date == date(2026, 3, 1)
    assert [b.service for b in await breaches.for_keys({"litres"})] == ["Литрес"]
    assert await breaches.count() == 1


async def test_drafts_are_hidden_until_published_once(database: Database) -> None:
    breaches = Breaches(database)
    draft_id, _ = await breaches.add(litres(), {"litres"}, status="draft")
    assert await breaches.for_keys({"litres"}) == []
    async with database.transaction() as conn:
        assert await Breaches.publish_draft_in(conn, draft_id, litres(record_count=7))
    async with database.transaction() as conn:
        assert not await Breaches.publish_draft_in(conn, draft_id, litres(record_count=8)), "a second press"
    stored = await breaches.get(draft_id)
    assert stored is not None and stored.status == "published" and stored.breach.record_count == 7


async def test_published_between_is_the_digest_week(database: Database) -> None:
    breaches = Breaches(database)
    await breaches.add(litres(), {"litres"})
    now = datetime.now(UTC)
    assert [s.breach.service for s in await breaches.published_between(now - timedelta(days=7), now + timedelta(1))] \
        == ["Литрес"]
    assert await breaches.published_between(now + timedelta(days=1), now + timedelta(days=8)) == []


async def test_feed_names_are_remembered_once(database: Database) -> None:
    breaches = Breaches(database)
    await breaches.feed_remember("https://feed", ["Adobe", "Canva"])
    await breaches.feed_remember("https://feed", ["Canva", "Zynga"])
    assert await breaches.feed_known("https://feed") == {"Adobe", "Canva", "Zynga"}
    assert await breaches.feed_known("https://other") == set()


async def test_watch_limits_and_listing(database: Database) -> None:
    users, watches = Users(database), Watches(database)
    await users.touch(1, "ru")
    assert await watches.add(1, "litres", "Литрес", limit=2) == "added"
    assert await watches.add(1, "litres", "Litres", limit=2) == "exists"
    assert await watches.add(1, "cdek", "СДЭК", limit=2) == "added"
    assert await watches.add(1, "ozon", "Ozon", limit=2) == "limit"
    assert sorted(await watches.list(1)) == [("cdek", "СДЭК"), ("litres", "Литрес")]
    assert await watches.remove(1, "cdek")
    assert not await watches.remove(1, "cdek")
    assert await watches.total() == (1, 1)


async def test_fan_out_queues_one_alert_per_active_watcher_in_its_language(database: Database) -> None:
    users, watches, outbox, breaches = Users(database), Watches(database), Outbox(database), Breaches(database)
    await users.touch(1, "ru")
    await users.touch(2, "en")
    await users.touch(3, "ru")
    await watches.add(1, "litres", "Литрес", limit=5)
    await watches.add(1, "litres.ru", "litres.ru", limit=5)  # two keys of one breach: still one alert
    await watches.add(2, "litres", "Litres", limit=5)
    await watches.add(3, "litres", "Литрес", limit=5)
    await users.mark_inactive(3)
    texts = {"ru": "Утечка в Литрес", "en": "Litres was breached"}

    assert await watches.queue_for_watchers(outbox, "alert", "1", {"litres", "litres.ru"}, texts) == 2
    assert await watches.queue_for_watchers(outbox, "alert", "1", {"litres"}, texts) == 0, "queued once"
    assert (await outbox.counts(ref="1"))["pending"] == 2
    rows = await outbox.claim(10)
    assert sorted((row.chat_id, row.text) for row in rows) == [(1, "Утечка в Литрес"), (2, "Litres was breached")]
    breach_id, _ = await breaches.add(litres(), {"litres"})
    assert await watches.watchers_per_breach([breach_id]) == {breach_id: 2}


async def _many_watchers(users: Users, watches: Watches) -> set[int]:
    """Chats 1-12: 1-9 watch litres, 6-12 litres.ru (6-9 both), 4 is inactive. The active watchers."""
    for chat_id in range(1, 13):
        await users.touch(chat_id, "ru" if chat_id % 2 else "en")
        if chat_id <= 9:
            await watches.add(chat_id, "litres", "Литрес", limit=5)
        if chat_id >= 6:
            await watches.add(chat_id, "litres.ru", "litres.ru", limit=5)
    await users.mark_inactive(4)
    return set(range(1, 13)) - {4}


async def test_a_fan_out_larger_than_a_chunk_tells_every_active_watcher_once(database: Database) -> None:
    users, watches, outbox = Users(database), Watches(database), Outbox(database)
    outbox.fan_out_chunk = 3  # 16 watch rows: six chunks, each a transaction of its own
    told = await _many_watchers(users, watches)
    texts = {"ru": "Утечка в Литрес", "en": "Litres was breached"}

    assert await watches.queue_for_watchers(outbox, "alert", "1", {"litres", "litres.ru"}, texts) == len(told)
    rows = await outbox.claim(100)
    assert sorted(row.chat_id for row in rows) == sorted(told)
    assert {row.text for row in rows if row.chat_id % 2 == 0} == {"Litres was breached"}
    assert await watches.queue_for_watchers(outbox, "alert", "1", {"litres", "litres.ru"}, texts) == 0, "once"


async def test_a_fan_out_left_between_chunks_is_carried_on_by_the_next_claims(database: Database) -> None:
    users, watches, outbox = Users(database), Watches(database), Outbox(database)
    outbox.fan_out_chunk = 3
    told = await _many_watchers(users, watches)
    # The publishing transaction commits the promise and its first chunk; its process dies before the rest.
    async with database.transaction() as conn:
        first = await watches.queue_for_watchers_in(conn, outbox, "alert", "1", {"litres", "litres.ru"},
                                                    {"ru": "ru", "en": "en"})
    assert first == 3
    claimed: list[int] = []
    for _ in range(20):  # each claim queues one more chunk before it picks rows
        claimed += [row.chat_id for row in await outbox.claim(100)]
        if len(claimed) == len(told):
            break
    assert sorted(claimed) == sorted(told)  # every active watcher, once
    assert await outbox.finish_fan_out("alert", "1") == len(told)
    assert await outbox.claim(100) == []


async def test_outbox_claims_each_row_once_and_records_the_outcome(database: Database) -> None:
    users, outbox = Users(database), Outbox(database)
    for chat_id in (1, 2, 3):
        await users.touch(chat_id, "ru")
    assert await outbox.enqueue("alert", "9", [(1, "a"), (2, "b"), (3, "c")]) == 3
    assert await outbox.enqueue("alert", "9", [(1, "a")]) == 0
    first = await outbox.claim(2)
    assert [row.chat_id for row in first] == [1, 2]
    assert [row.chat_id for row in await outbox.claim(10)] == [3]
    assert await outbox.claim(10) == []
    assert await outbox.mark_sent(first[0])
    assert await outbox.retry_later(first[1], 3600, "429 Too Many Requests")
    assert await outbox.counts(ref="9") == {"pending": 1, "sending": 1, "sent": 1, "failed": 0, "skipped": 0}
    due_in = await outbox.next_due_in()
    assert due_in is not None and 3500 < due_in <= 3600
    assert await outbox.skip_chat(3, "blocked") == 0, "row 3 is another sender's, in flight under its lease"
    assert await outbox.skip_chat(2, "blocked") == 1  # a queued row
    assert (await outbox.counts(ref="9"))["skipped"] == 1


async def test_claimers_side_by_side_never_take_the_same_row(database: Database) -> None:
    """The sender's loop and a drain, or on PostgreSQL two processes, claim at the same moment."""
    users, outbox = Users(database), Outbox(database)
    chats = range(100, 160)
    for chat_id in chats:
        await users.ensure(chat_id, "ru")
    await outbox.enqueue("alert", "race", [(chat_id, "alert") for chat_id in chats])
    other = await Database(database.url if database.dialect == "postgresql" else database.path).connect()
    try:  # a second connection (pool) claiming against the first
        claims = await asyncio.gather(*(claimer.claim(7) for claimer in (outbox, Outbox(other)) for _ in range(5)))
    finally:
        await other.close()
    taken = [row.id for rows in claims for row in rows]
    assert len(taken) == len(set(taken)) == 60
    assert all(len(rows) <= 7 and rows == sorted(rows, key=lambda row: row.id) for rows in claims)


async def test_channel_posts_are_decided_once_and_drafts_confirmed_once(database: Database) -> None:
    outbox = Outbox(database)
    journal = ChannelJournal(database, outbox)
    assert await journal.queue_once("digest:2026-W10", "digest", -100, ["part 1", "part 2"])
    assert not await journal.queue_once("digest:2026-W10", "digest", -100, ["again"])
    assert await journal.is_decided("digest:2026-W10")
    assert (await outbox.counts(kind="channel"))["pending"] == 2

    draft_id = await journal.add_draft("<b>Hello</b> channel")
    draft = await journal.draft(draft_id)
    assert draft is not None and draft.key == f"manual:{draft_id}" and draft.status == "draft"
    assert await journal.confirm_draft(draft_id, -100, ["<b>Hello</b> channel"])
    assert not await journal.confirm_draft(draft_id, -100, ["<b>Hello</b> channel"])
    assert not await journal.cancel_draft(draft_id)
    assert (await outbox.counts(kind="channel"))["pending"] == 3


async def test_a_job_is_armed_once_per_cron(database: Database) -> None:
    journal = ChannelJournal(database, Outbox(database))
    first = datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert await journal.armed_at("digest", "0 10 * * mon", first) == first
    assert await journal.armed_at("digest", "0 10 * * mon", first + timedelta(days=3)) == first
    later = first + timedelta(days=5)
    assert await journal.armed_at("digest", "0 9 * * mon", later) == later, "a new cron is armed anew"
