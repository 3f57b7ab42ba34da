"""Channel auto-posting end to end: breaches, the weekly digest, the fact of the day and admins' posts reach the
channel through the sandbox, each exactly once, across restarts and downtime."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.breaches.models import Breach
from bot.config import Settings
from bot.kb import KnowledgeBase
from tests.conftest import ADMIN_ID, SOURCE_CHANNEL, BotHarness, running_bot
from tests.kbfactory import make_entry
from tests.test_e2e_alerts import LITRES_POST
from tg_sandbox.server import FakeTelegram

CHANNEL = -1002000000002
MSK = ZoneInfo("Europe/Moscow")
FACT_CRON = "0 9 * * *"


@pytest.fixture
def channel_settings(settings: Settings, telegram: FakeTelegram) -> Settings:
    telegram.add_chat({"id": CHANNEL, "type": "channel", "title": "Privacy news", "username": "privacynews"})
    return settings.model_copy(update={"channel_id": str(CHANNEL)})


def channel_texts(telegram: FakeTelegram) -> list[str]:
    return [m["text"] for m in telegram.messages(CHANNEL)]


def arm(db_path: str, job: str, cron: str, armed_at: datetime) -> None:
    """What an earlier run of the bot left behind: the job armed at `armed_at` (i.e. the bot was set up then)."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT OR REPLACE INTO schedule_state (job, cron, armed_at) VALUES (?, ?, ?)",
                     (job, cron, armed_at.isoformat()))


async def drain(harness: BotHarness) -> None:
    await harness.idle()
    assert harness.services.sender is not None
    await harness.services.sender.drain()


async def test_a_new_breach_is_posted_to_the_channel_once(telegram: FakeTelegram, channel_settings: Settings,
                                                          real_kb: KnowledgeBase) -> None:
    async with running_bot(telegram, channel_settings, real_kb) as harness:
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)  # the same breach again
        await drain(harness)
    async with running_bot(telegram, channel_settings, real_kb) as harness:  # a restart over the same database
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await drain(harness)
    posts = channel_texts(telegram)
    assert len(posts) == 1
    assert "Литрес" in posts[0] and "3\u00a0083\u00a0408" in posts[0] and "Источник" in posts[0]


async def test_the_weekly_digest_ranks_the_weeks_breaches_and_lists_its_fines(
        telegram: FakeTelegram, channel_settings: Settings, real_kb: KnowledgeBase) -> None:
    # A seeded week: 8–14 May 2023, when the DPC fined Meta €1.2 billion (12 May 2023, in the real base).
    slot = datetime(2023, 5, 15, 10, 0, tzinfo=MSK)
    async with running_bot(telegram, channel_settings, real_kb) as harness:
        services = harness.services
        await harness.say("/watch litres", user_id=1)
        await harness.say("/watch Литрес", user_id=2)
        await harness.say("/watch cdek", user_id=3)
        week = [
            Breach(service="Литрес", domain="litres.ru", record_count=3_083_408, breach_date=date(2023, 5, 3)),
            Breach(service="СДЭК", domain="cdek.ru", record_count=19_000_000, breach_date=date(2023, 5, 1)),
            Breach(service="Small Shop", domain="smallshop.example", breach_date=date(2023, 5, 2)),
        ]
        outside = Breach(service="Old Leak", domain="oldleak.example", record_count=10**9,
                         breach_date=date(2023, 4, 1))
        for breach, created in [(b, datetime(2023, 5, 10, 12, tzinfo=UTC)) for b in week] + [
                (outside, datetime(2023, 5, 1, 12, tzinfo=UTC))]:
            published = await services.alerts.publish(breach)
            await services.db.execute("UPDATE breaches SET created_at = ? WHERE id = ?",
                                      (created.isoformat(timespec="seconds"), published.breach_id))
        await drain(harness)
        before = len(channel_texts(telegram))  # the breaches themselves were posted as they arrived
        arm(str(channel_settings.database_path), "digest", channel_settings.digest_cron, slot - timedelta(days=30))
        assert await services.channel.run_job("digest", now=slot + timedelta(minutes=1))
        assert not await services.channel.run_job("digest", now=slot + timedelta(hours=2))  # same slot: no repeat
        await drain(harness)
    posts = channel_texts(telegram)[before:]
    assert len(posts) == 1
    digest = posts[0]
    assert "8 мая 2023" in digest and "14 мая 2023" in digest
    # ranked by size, unknown size last; the watcher counts are there; the breach of April is not
    assert digest.index("СДЭК") < digest.index("Литрес") < digest.index("Small Shop")
    assert "следят: 2" in digest.split("Литрес", 1)[1].split("\n", 1)[0]
    assert "следят: 1" in digest.split("СДЭК", 1)[1].split("\n", 1)[0]
    assert "Old Leak" not in digest
    assert "Meta" in digest and "1,2 млрд €" in digest


async def test_the_fact_of_the_day_repeats_nothing_until_every_entry_was_posted(
        telegram: FakeTelegram, channel_settings: Settings) -> None:
    entries = [make_entry(f"fact-{n}", title_ru=f"Факт номер {n}", title_en=f"Fact number {n}",
                          answer_ru=f"Ответ {n}.", answer_en=f"Answer {n}.") for n in range(4)]
    kb = KnowledgeBase.from_entries(entries)
    settings = channel_settings.model_copy(update={"fact_cron": FACT_CRON})
    first_day = datetime(2026, 11, 2, 9, 30, tzinfo=MSK)
    async with running_bot(telegram, settings, kb) as harness:
        channel = harness.services.channel
        arm(str(settings.database_path), "fact", FACT_CRON, first_day - timedelta(days=1))
        for day in range(8):
            assert await channel.run_job("fact", now=first_day + timedelta(days=day))
        await drain(harness)
    posts = channel_texts(telegram)
    assert len(posts) == 8 and all(post.startswith("💡") for post in posts)
    titles = [next(f"Факт номер {n}" for n in range(4) if f"Факт номер {n}" in post) for post in posts]
    assert sorted(titles[:4]) == sorted(titles[4:]) == [f"Факт номер {n}" for n in range(4)]


async def test_downtime_across_three_slots_gives_one_catch_up_post_and_a_second_start_adds_nothing(
        telegram: FakeTelegram, channel_settings: Settings, tmp_path, real_kb: KnowledgeBase) -> None:
    settings = channel_settings.model_copy(update={"fact_cron": FACT_CRON})
    async with running_bot(telegram, settings, real_kb):
        pass  # first start: the job is armed now; nothing was missed
    assert channel_texts(telegram) == []
    # The bot was set up four days ago and has been down since: three or four daily slots passed.
    arm(str(settings.database_path), "fact", FACT_CRON, datetime.now(MSK) - timedelta(days=4))
    for _ in range(2):  # two starts over the same database
        async with running_bot(telegram, settings, real_kb) as harness:
            await drain(harness)
    posts = channel_texts(telegram)
    assert len(posts) == 1 and posts[0].startswith("💡")


async def test_a_missing_admin_right_is_reported_and_the_bot_keeps_working(
        telegram: FakeTelegram, channel_settings: Settings, real_kb: KnowledgeBase) -> None:
    telegram.set_chat_member(CHANNEL, telegram.bot_id, {"status": "administrator", "can_post_messages": False})
    async with running_bot(telegram, channel_settings, real_kb) as harness:
        warning = (await telegram.wait_for_messages(ADMIN_ID, 1))[0]["text"]
        assert str(CHANNEL) in warning and "право" in warning
        reply = await harness.say("какой штраф за утечку персональных данных?")
        assert "13.11" in reply["text"]
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await drain(harness)
        schedule = await harness.say("/schedule", user_id=ADMIN_ID)
        assert "не настроен" in schedule["text"] or "нет права" in schedule["text"]
    assert channel_texts(telegram) == []


async def test_an_admins_post_is_previewed_then_posted_once(telegram: FakeTelegram, channel_settings: Settings,
                                                            real_kb: KnowledgeBase) -> None:
    async with running_bot(telegram, channel_settings, real_kb) as harness:
        await harness.say("/post Важно: <b>проверьте</b> пароли & 2FA", user_id=ADMIN_ID)
        preview = (await telegram.wait_for_messages(ADMIN_ID, 2))[1]
        assert "проверьте" in preview["text"] and preview["reply_markup"]
        assert channel_texts(telegram) == []  # nothing goes out before the confirmation
        await harness.press(preview, 1, user_id=ADMIN_ID)
        await drain(harness)
        # a second press of the same (now removed) button, e.g. from another device: nothing is posted again
        again = telegram.press_button(preview, "cp:post:1", user_id=ADMIN_ID, strict=False)
        await telegram.wait_until(lambda: again in telegram.callback_answers)
        assert telegram.callback_answers[again].get("show_alert")
        await drain(harness)
        # a non-admin's /post is an unknown command: no preview, nothing posted
        stranger = await harness.say("/post spam", user_id=5)
        made_up = await harness.say("/nosuchcommand", user_id=5)
        assert stranger["text"] == made_up["text"]
    posts = channel_texts(telegram)
    assert len(posts) == 1 and "проверьте" in posts[0] and "&" in posts[0]


async def test_admin_sees_the_schedule_and_a_digest_preview(telegram: FakeTelegram, channel_settings: Settings,
                                                            real_kb: KnowledgeBase) -> None:
    settings = channel_settings.model_copy(update={"fact_cron": FACT_CRON})
    async with running_bot(telegram, settings, real_kb) as harness:
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await drain(harness)
        schedule = (await harness.say("/schedule", user_id=ADMIN_ID, language_code="en"))["text"]
        next_monday = harness.services.channel.next_runs()["digest"]
        assert next_monday is not None and next_monday.weekday() == 0 and next_monday.hour == 10
        assert "Weekly digest" in schedule and f"{next_monday:%H:%M}" in schedule and "Fact of the day" in schedule
        await harness.say("/digest now", user_id=ADMIN_ID)
        preview = (await telegram.wait_for_messages(ADMIN_ID, 3))[2]["text"]
        assert "Литрес" in preview and "Итоги недели" in preview
    assert len(channel_texts(telegram)) == 1  # the preview was not posted



async def test_a_digest_longer_than_one_message_arrives_in_ordered_parts(telegram: FakeTelegram,
                                                                         channel_settings: Settings) -> None:
    slot = datetime(2026, 11, 16, 10, 0, tzinfo=MSK)  # covers 9–15 November 2026
    fines = [make_entry(f"fine-test-{n}", title_ru=f"Штраф {n}", title_en=f"Fine {n}", answer_ru="Ответ.",
                        answer_en="Answer.", domain="gdpr_fines",
                        fine={"authority": "Autorità garante " + "per la protezione " * 3, "country": "IT",
                              "company": f"Company number {n} " + "S.p.A. holding " * 6,
                              "decision_date": f"2026-11-1{n % 6}", "amount_eur": 1000 * (n + 1)})
             for n in range(10)]
    classes = ["Names", "Email addresses", "Phone numbers", "Passwords", "Dates of birth", "Physical addresses"]
    async with running_bot(telegram, channel_settings, KnowledgeBase.from_entries(fines)) as harness:
        services = harness.services
        for n in range(15):
            breach = Breach(service=f"Очень длинное название сервиса номер {n:02d} " + "и ещё слова " * 4,
                            domain=f"service{n}.example", record_count=1000 * (15 - n), data_classes=classes,
                            breach_date=date(2026, 11, 1))
            published = await services.alerts.publish(breach)
            await services.db.execute("UPDATE breaches SET created_at = ? WHERE id = ?",
                                      ("2026-11-12T12:00:00+00:00", published.breach_id))
        await drain(harness)
        before = len(channel_texts(telegram))
        arm(str(channel_settings.database_path), "digest", channel_settings.digest_cron, slot - timedelta(days=8))
        assert await services.channel.run_job("digest", now=slot)
        await drain(harness)
    parts = channel_texts(telegram)[before:]
    assert len(parts) >= 2 and parts[0].startswith("📬")
    whole = "\n".join(parts)
    positions = [whole.index(f"номер {n:02d}") for n in range(15)]
    assert positions == sorted(positions)  # largest first, and the parts arrived in order
    assert "/watch" in parts[-1] and "/watch" not in parts[0]  # the footer closes the last part


async def test_telegram_unreachable_at_start_does_not_turn_channel_posting_off(
        telegram: FakeTelegram, channel_settings: Settings, real_kb: KnowledgeBase) -> None:
    telegram.fail_next("getChat", code=502, description="Bad Gateway")
    async with running_bot(telegram, channel_settings, real_kb) as harness:
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await drain(harness)
    assert len(channel_texts(telegram)) == 1
    assert telegram.messages(ADMIN_ID) == []  # a blip is not the admins' problem
