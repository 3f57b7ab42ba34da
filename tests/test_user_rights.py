"""User rights: /start says what is stored, /mydata shows all of it, /forget deletes all of it after a
confirmation, a chat that blocks the bot is marked inactive and purged after the retention period, and a user who
comes back is active again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import USER_COMMANDS, create_services
from bot.config import Settings
from bot.handlers.admin import DraftAction
from bot.jobs import create_scheduler, purge_inactive
from bot.kb import KnowledgeBase
from tests.conftest import ADMIN_ID, SOURCE_CHANNEL, BotHarness
from tests.kbfactory import sample_entries
from tests.test_e2e_alerts import LITRES_POST


def buttons(message: dict) -> list[str]:
    return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


async def outbox_rows(harness: BotHarness, chat_id: int) -> int:
    return await harness.services.db.fetchval("SELECT COUNT(*) FROM outbox WHERE chat_id = ?", (chat_id,))


async def test_start_has_a_two_line_privacy_notice_and_help_lists_the_commands(harness: BotHarness) -> None:
    for lang, word in (("ru", "храню только"), ("en", "store only")):
        start = await harness.say("/start", user_id=10 if lang == "ru" else 11, language_code=lang)
        notice = start["text"][start["text"].index("🔒"):].split("\n")
        assert len(notice) == 2 and word in notice[0]
        assert "/mydata" in notice[1] and "/forget" in notice[1]
        help_ = await harness.say("/help", user_id=10 if lang == "ru" else 11, language_code=lang)
        assert "/mydata" in help_["text"] and "/forget" in help_["text"]
        assert {"mydata", "forget"} <= {name for name, _ in USER_COMMANDS[lang]}


async def test_mydata_shows_everything_stored(harness: BotHarness) -> None:
    await harness.say("/watch litres, ozon")
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await harness.telegram.wait_for_messages(1001, 2)
    await harness.services.sender.drain()
    today = datetime.now(UTC).date().isoformat()
    reply = await harness.say("/mydata")
    text = reply["text"]
    assert "chat id: 1001" in text
    assert "язык: ru (по языку Telegram)" in text
    assert f"первое сообщение: {today}" in text
    assert "статус: активен" in text
    assert "отслеживаемые сервисы (2): Литрес, Ozon" in text
    assert f"оповещения: отправлено 1, последнее {today}" in text
    assert "180 дн" in text and "/forget" in text
    await harness.say("/lang en")
    assert "language: en (chosen with /lang)" in (await harness.say("/mydata"))["text"]


async def test_mydata_lists_every_other_column_of_the_user_row(harness: BotHarness) -> None:
    """A per-user column added by a later migration (a time zone, say) shows up without touching /mydata."""
    await harness.say("/start")
    db = harness.services.db
    await db.execute("ALTER TABLE users ADD COLUMN added_later TEXT")
    described = {"chat_id", "language", "language_fixed", "started_at", "active", "inactive_since"}
    others = [row[1] for row in await db.fetchall("PRAGMA table_info(users)") if row[1] not in described]
    for column in others:
        await db.execute(f'UPDATE users SET "{column}" = ? WHERE chat_id = 1001', (f"v-{column}",))  # noqa: S608
    text = (await harness.say("/mydata"))["text"]
    for column in others:
        assert f"{column}: v-{column}" in text


async def test_mydata_and_forget_work_in_private_chats_only(harness: BotHarness) -> None:
    group = {"chat_id": -900, "chat_type": "group", "chat_title": "Group"}
    await harness.say("/watch litres", **group)
    for command in ("/mydata", "/forget"):
        reply = await harness.say(command, **group)
        assert "личном чате" in reply["text"] and not buttons(reply)
    assert await harness.services.watches.list(-900) == [("litres", "Литрес")]


async def test_forget_asks_first_and_cancel_keeps_everything(harness: BotHarness) -> None:
    await harness.say("/watch litres")
    confirm = await harness.say("/forget")
    assert "Отменить это нельзя" in confirm["text"] and "(1)" in confirm["text"]
    assert buttons(confirm) == ["🗑 Удалить всё", "Отмена"]
    assert await harness.services.watches.list(1001) == [("litres", "Литрес")]
    await harness.press(confirm, 2)
    await harness.telegram.wait_until(lambda: "Ничего не удалено" in harness.telegram.messages(1001)[-1]["text"])
    assert await harness.services.watches.list(1001) == [("litres", "Литрес")]
    assert await harness.services.users.export(1001) is not None


async def test_forget_deletes_the_user_watches_and_alerts(harness: BotHarness) -> None:
    await harness.say("/watch litres", user_id=2)  # someone else, who must keep everything
    await harness.say("/watch litres, ozon")
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await harness.telegram.wait_for_messages(1001, 2)
    await harness.telegram.wait_for_messages(2, 2)
    assert await outbox_rows(harness, 1001) == 1
    confirm = await harness.say("/forget")
    await harness.press(confirm, 1)
    await harness.telegram.wait_until(lambda: "всё, что я о вас хранил, удалено" in
                                      harness.telegram.messages(1001)[-1]["text"])
    assert not buttons(harness.telegram.messages(1001)[-1])  # the confirmation was replaced, buttons gone
    assert await harness.services.users.export(1001) is None
    assert await harness.services.watches.list(1001) == []
    assert await outbox_rows(harness, 1001) == 0
    assert await harness.services.watches.list(2) == [("litres", "Литрес")] and await outbox_rows(harness, 2) == 1
    # Writing again starts from scratch: a fresh row with nothing but the language and the start date.
    text = (await harness.say("/mydata"))["text"]
    assert "отслеживаемые сервисы: нет" in text and "оповещения: ни одного" in text


async def test_forget_also_clears_a_conversation_in_progress(harness: BotHarness) -> None:
    draft = await harness.say("/breach " + LITRES_POST, user_id=ADMIN_ID)
    await harness.press(draft, 2, user_id=ADMIN_ID)  # "edit": the bot now waits for corrections
    await harness.telegram.wait_for_messages(ADMIN_ID, 2)
    confirm = await harness.say("/forget", user_id=ADMIN_ID)
    await harness.press(confirm, 1, user_id=ADMIN_ID)
    # Without the state, a "field: value" line is an ordinary question again, not a correction of the draft.
    reply = await harness.say("records: 5", user_id=ADMIN_ID)
    assert "Черновик" not in reply["text"] and "3 083 408" not in reply["text"].replace("\u00a0", " ")
    draft_id = DraftAction.unpack(draft["reply_markup"]["inline_keyboard"][0][0]["callback_data"]).id
    assert (await harness.services.breaches.get(draft_id)).breach.record_count == 3_083_408


async def test_blocking_marks_the_user_inactive_and_coming_back_makes_them_active(harness: BotHarness) -> None:
    await harness.say("/watch litres")
    await harness.say("/watch litres", user_id=2)  # an active watcher of the same service: the positive control
    harness.telegram.send_my_chat_member(1001, old_status="member", new_status="kicked")
    await harness.idle()
    assert not await harness.services.users.is_active(1001)
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await harness.telegram.wait_for_messages(2, 2)  # the breach was published and fanned out ...
    await harness.idle()
    # ... and nothing was even queued, let alone sent, for the inactive chat (a 403 would also end "skipped").
    assert await outbox_rows(harness, 1001) == 0
    assert [r for r in harness.telegram.calls("sendMessage") if r.params["chat_id"] == 1001][1:] == []
    harness.telegram.unblock(1001)
    reply = await harness.say("какой штраф за утечку персональных данных?")
    assert "13.11" in reply["text"]
    assert await harness.services.users.is_active(1001)
    assert "статус: активен" in (await harness.say("/mydata"))["text"]


async def test_a_group_that_removes_the_bot_is_inactive_until_it_adds_it_back(harness: BotHarness) -> None:
    await harness.say("/watch litres", chat_id=-950, chat_type="group", chat_title="G")
    harness.telegram.send_my_chat_member(-950, old_status="member", new_status="left")
    await harness.idle()
    assert not await harness.services.users.is_active(-950)
    harness.telegram.send_my_chat_member(-950, old_status="left", new_status="member")
    await harness.idle()
    assert await harness.services.users.is_active(-950)


# --- the retention purge, against a real SQLite file with an injected date ------------------------------------

@pytest.mark.parametrize("retention_days", [180, 30])
async def test_the_daily_purge_deletes_chats_inactive_longer_than_the_retention(tmp_path: Path,
                                                                                retention_days: int) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'purge.sqlite3'}",
                        inactive_retention_days=retention_days)
    services = await create_services(settings, kb=_tiny_kb())
    try:
        users, watches, outbox = services.users, services.watches, services.outbox
        for chat_id in (1, 2, 3):  # 1 blocks the bot now, 2 blocks it later, 3 stays
            await users.ensure(chat_id, "ru")
            await watches.add(chat_id, "litres", "Литрес", limit=50)
        await outbox.enqueue("alert", "b1", [(1, "alert one"), (2, "alert two"), (3, "alert three")])
        await users.mark_inactive(1)
        now = datetime.now(UTC)
        await services.db.execute("UPDATE users SET active = FALSE, inactive_since = ? WHERE chat_id = 2",
                                  ((now + timedelta(days=10)).isoformat(timespec="seconds"),))

        assert await purge_inactive(services.users, retention_days, now=now + timedelta(days=retention_days - 1)) == 0
        assert await users.export(1) is not None

        due = now + timedelta(days=retention_days, minutes=1)
        assert await purge_inactive(services.users, retention_days, now=due) == 1
        assert await users.export(1) is None
        assert await watches.list(1) == []
        assert await services.db.fetchval("SELECT COUNT(*) FROM outbox WHERE chat_id = 1") == 0
        for kept in (2, 3):  # not yet due / still active: untouched
            assert await users.export(kept) is not None and await watches.list(kept) == [("litres", "Литрес")]
        assert await services.db.fetchval("SELECT COUNT(*) FROM outbox") == 2

        assert await purge_inactive(services.users, retention_days, now=now + timedelta(days=retention_days + 11)) == 1
        assert await users.export(2) is None and await users.export(3) is not None
    finally:
        await services.db.close()
    # The file itself no longer holds them (a fresh connection, not a cache).
    reopened = await create_services(settings, kb=_tiny_kb())
    try:
        assert await reopened.db.fetchval("SELECT COUNT(*) FROM users") == 1
    finally:
        await reopened.db.close()


async def test_the_purge_runs_daily_in_the_scheduler(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'jobs.sqlite3'}")
    services = await create_services(settings, kb=_tiny_kb())
    try:
        job = create_scheduler(settings, alerts=services.alerts, channel=services.channel,
                               users=services.users).get_job("privacy:purge-inactive")
        assert job is not None and job.func is purge_inactive
        assert job.args == (services.users, settings.inactive_retention_days)
        assert "hour='4'" in str(job.trigger) and job.trigger.__class__.__name__ == "CronTrigger"
    finally:
        await services.db.close()


def _tiny_kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries(sample_entries())
