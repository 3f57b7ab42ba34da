"""One outgoing pipe: every request the bot makes to Telegram (replies, callback and inline answers, edits, alerts)
was let through by the one request limiter; alerts as bulk requests, everything a user is waiting for as
interactive ones. A handler that talked to Telegram some other way (its own Bot, a session without the limiter)
would show up here as a request the limiter never granted."""

from __future__ import annotations

from bot.delivery.limiter import BULK, INTERACTIVE
from tests.conftest import SOURCE_CHANNEL, BotHarness
from tests.test_e2e_alerts import LITRES_POST


async def test_every_request_to_telegram_passed_the_limiter(harness: BotHarness) -> None:
    telegram = harness.telegram
    await harness.say("/start")
    await harness.say("/watch litres, ozon")
    listing = await harness.say("/watchlist")
    await harness.press(listing, 2)  # a callback answer and an edit
    telegram.send_inline_query("штраф", user_id=1001)
    await telegram.wait_until(lambda: bool(telegram.inline_answers))
    telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
    await telegram.wait_for_messages(1001, 4)  # the alert
    await harness.idle()

    made = [r for r in telegram.requests if r.method != "getUpdates"]
    assert {"sendMessage", "answerCallbackQuery", "editMessageText", "answerInlineQuery"} <= {r.method for r in made}
    assert sum(harness.limiter.granted.values()) == len(made)
    alerts = [r for r in telegram.calls("sendMessage") if "Литрес" in r.params.get("text", "")
              and "3\u00a0083\u00a0408" in r.params.get("text", "")]
    assert harness.limiter.granted[BULK] == len(alerts) == 1
    assert harness.limiter.granted[INTERACTIVE] == len(made) - 1
