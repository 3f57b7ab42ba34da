"""Breach alerts end to end: /watch, a source channel's post, the alert arriving once, flood limits, blocks."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.conftest import ADMIN_ID, SOURCE_CHANNEL, BotHarness, running_bot
from tests.feedserver import hibp_feed

LITRES_POST = """Источник, который ранее "сливал" информацию «СберЛогистики», выложил в открытый доступ \
данные пользователей предположительно сервиса электронных книг «Литрес» (litres.ru).
В свободный доступ попало 3,083,408 строк:
🌵 имя/фамилия (не для всех)
🌵 адрес эл. почты (590 тыс. уникальных адресов)
🌵 хешированный пароль (SHA1 без соли)
Самая "свежая" запись датируется 03.08.2023."""
NOT_A_BREACH = "😱 «Литрес» подтвердил утечку данных пользователей. Согласно заявлению сервиса, злоумышленники \
получили доступ к адресам электронной почты, но не к платежным данным."
HIBP_FILE = PROJECT_ROOT / "tests" / "data" / "hibp_breaches_2025-03.json"


@pytest.mark.parametrize("spelling", ["litres", "Литрес", "litres.ru", "ЛитРес"])
async def test_every_spelling_watches_the_same_service(harness: BotHarness, spelling: str) -> None:
    reply = await harness.say(f"/watch {spelling}")
    assert "Литрес" in reply["text"] and "litres.ru" in reply["text"]
    assert await harness.services.watches.list(1001) == [("litres", "Литрес")]


async def test_a_source_channel_post_alerts_each_watcher_once(harness: BotHarness) -> None:
    await harness.say("/watch litres", user_id=1)
    await harness.say("/watch Литрес", user_id=2, language_code="en")
    await harness.say("/watch ozon", user_id=3)
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL, username="dataleak")
    ru = (await harness.telegram.wait_for_messages(1, 2))[1]["text"]
    en = (await harness.telegram.wait_for_messages(2, 2))[1]["text"]
    assert "3\u00a0083\u00a0408" in ru and "SHA1" in ru and "пароль" in ru.lower()
    assert "Роскомнадзор" in ru and "24" in ru  # what the law requires of a Russian operator
    assert "3,083,408" in en and "password" in en.lower()
    # The same post again (a second channel, a repost) is the same breach: nobody hears of it twice.
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    harness.telegram.send_channel_post(NOT_A_BREACH, chat_id=SOURCE_CHANNEL)
    await harness.idle()
    await harness.services.sender.drain()
    assert len(harness.telegram.messages(1)) == 2 and len(harness.telegram.messages(2)) == 2
    assert len(harness.telegram.messages(3)) == 1  # the ozon watcher got only the /watch reply


async def test_watch_lists_known_breaches_as_history(harness: BotHarness) -> None:
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await harness.idle()
    reply = await harness.say("/watch litres.ru")
    assert "история" in reply["text"] and "2023" in reply["text"]
    unknown = await harness.say("/watch some-unknown-shop")
    assert "ничего не знаю" in unknown["text"]


async def test_posts_from_untrusted_channels_are_ignored(harness: BotHarness) -> None:
    await harness.say("/watch litres", user_id=1)
    harness.telegram.add_chat({"id": -1009, "type": "channel", "title": "Random"})
    harness.telegram.send_channel_post(LITRES_POST, chat_id=-1009)
    await harness.idle()
    assert len(harness.telegram.messages(1)) == 1


async def test_watchlist_buttons_remove_items_and_unwatch_works(harness: BotHarness) -> None:
    await harness.say("/watch litres, ozon, сдэк")
    listing = await harness.say("/watchlist")
    assert listing["text"].count("•") == 3
    first = (await harness.services.watches.list(1001))[0][0]
    await harness.press(listing, 1)
    await harness.telegram.wait_until(lambda: harness.telegram.last_message(1001)["text"].count("•") == 2)
    assert "Больше не слежу" in (await harness.say("/unwatch ozon"))["text"]
    assert {key for key, _ in await harness.services.watches.list(1001)} == {"litres", "ozon", "cdek"} - {first, "ozon"}


async def test_the_unwatch_button_removes_a_watch_with_the_longest_key(harness: BotHarness) -> None:
    name = "very-long-shop-name-" * 3 + "abcd"  # 64 characters: the longest term /watch accepts
    await harness.say(f"/watch {name}")
    [(key, _)] = await harness.services.watches.list(1001)
    assert len(key) >= 60  # longer than callback data could carry with its prefix
    listing = await harness.say("/watchlist")
    query = await harness.press(listing, 1)
    assert harness.telegram.callback_answers[query].get("text") is None  # not "this button is stale"
    assert await harness.services.watches.list(1001) == []
    await harness.telegram.wait_until(lambda: "•" not in harness.telegram.last_message(1001)["text"])


async def test_a_user_may_watch_at_most_50_services(harness: BotHarness) -> None:
    await harness.say("/watch " + ", ".join(f"shop{i}" for i in range(10)))
    for start in range(10, 50, 10):
        await harness.say("/watch " + ", ".join(f"shop{i}" for i in range(start, start + 10)))
    reply = await harness.say("/watch one-too-many")
    assert "50" in reply["text"]
    assert len(await harness.services.watches.list(1001)) == 50


@pytest.mark.parametrize("args", ["", "../../etc/passwd", "x" * 300, "<b>html</b>"])
async def test_bad_watch_terms_get_a_clear_answer(harness: BotHarness, args: str) -> None:
    reply = await harness.say(f"/watch {args}".strip())
    assert reply["text"]
    assert len(await harness.services.watches.list(1001)) <= 1


async def test_fan_out_to_500_watchers_under_flood_limits(telegram, settings, real_kb) -> None:
    # Telegram's shape of limits (overall, 1 a second per chat) at 100 a second: the same pipe, in 5 s, not 17 s
    settings = settings.model_copy(update={"send_rate": 100, "private_chat_interval": 1.0})
    async with running_bot(telegram, settings, real_kb) as harness:
        await fan_out_to_500_watchers(harness)


async def fan_out_to_500_watchers(harness: BotHarness) -> None:
    services, telegram = harness.services, harness.telegram
    assert services.progress is not None
    services.progress.interval = 1.0  # the admin's progress message is edited every second, not every 3
    for chat_id in range(20_000, 20_500):
        await services.users.ensure(chat_id, "ru")
        await services.watches.add(chat_id, "litres", "Литрес", limit=50)
    blocked = {20_007, 20_250, 20_499}
    for chat_id in blocked:
        telegram.block(chat_id)
    telegram.enforce_limits(global_per_second=100, private_per_second=1)
    telegram.fail_next("sendMessage", code=429, description="Too Many Requests: retry after 1", retry_after=1)
    harness.telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await telegram.wait_until(lambda: any(r.method == "sendMessage" for r in telegram.requests), timeout=10)
    await services.sender.drain(timeout=120)
    delivered = Counter(r.params["chat_id"] for r in telegram.calls("sendMessage")
                        if r.status == 200 and r.params["chat_id"] != ADMIN_ID)
    assert set(delivered) == set(range(20_000, 20_500)) - blocked
    assert max(delivered.values()) == 1
    # the injected one; the limiter keeps the bot under the limits otherwise (a loaded machine may bunch two
    # requests the limiter spaced, hence a little room: a 429 costs a pause, never a message)
    assert telegram.count_429 <= 3
    for chat_id in blocked:
        assert not await services.users.is_active(chat_id)
    # The admin watched it live: one progress message, edited as it went, ending with the final tally.
    await telegram.wait_until(lambda: "Готово" in telegram.messages(ADMIN_ID)[-1]["text"], timeout=10)
    progress = telegram.messages(ADMIN_ID)
    assert len(progress) == 1 and "Литрес" in progress[0]["text"]
    assert "497 / 500" in progress[0]["text"] and "3 заблокировали" in progress[0]["text"]
    edits = [r for r in telegram.calls("editMessageText") if r.params["chat_id"] == ADMIN_ID]
    # ~5 s of sending, an edit due every second: the edits queue among the alerts and get their turn
    assert len(edits) >= 3


async def test_admin_drafts_a_breach_and_publishes_it(harness: BotHarness) -> None:
    await harness.say("/watch litres", user_id=1)
    draft = await harness.say("/breach " + LITRES_POST, user_id=ADMIN_ID)
    assert "3\u00a0083\u00a0408" in draft["text"] and len(draft["reply_markup"]["inline_keyboard"][0]) == 3
    assert len(harness.telegram.messages(1)) == 1  # nothing goes out before the admin confirms
    await harness.press(draft, 1, user_id=ADMIN_ID)
    alert = (await harness.telegram.wait_for_messages(1, 2))[1]
    assert "Литрес" in alert["text"]


async def test_admin_commands_look_unknown_to_everyone_else(harness: BotHarness) -> None:
    for command in ("/stats", "/breach " + LITRES_POST):
        reply = await harness.say(command, user_id=4242)
        assert reply["text"] == (await harness.say("/nonexistent", user_id=4242))["text"]


async def test_hibp_feed_first_poll_is_silent_later_polls_alert(tmp_path: Path, telegram, settings) -> None:
    items = json.loads(HIBP_FILE.read_text(encoding="utf-8"))
    from bot.breaches.hibp import is_notifiable
    newest = max((i for i in items if is_notifiable(i)), key=lambda i: i["AddedDate"])
    served = {"items": [i for i in items if i is not newest]}

    async with hibp_feed(served) as feed, running_bot(telegram, settings) as harness:
        services = harness.services
        watcher_key = services.directory.resolve(newest["Domain"]).key  # what a user would type
        await services.users.ensure(1, "en")
        await services.watches.add(1, watcher_key, newest["Title"], limit=50)
        from bot.jobs import poll_feed
        await poll_feed(services.alerts, feed)  # first poll: history only
        assert await services.breaches.count() > 800
        assert (await services.outbox.counts())["pending"] == 0
        served["items"] = items
        await poll_feed(services.alerts, feed)
        await services.sender.drain()
        alert = harness.telegram.last_message(1)
        assert alert is not None and "Have I Been Pwned" in alert["text"]
        assert newest["Title"] in alert["text"]
