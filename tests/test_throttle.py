"""Abuse: the per-user throttle (a plain class with an injected clock) and, end to end, a flooding user who gets
one "slow down" and costs everybody else nothing."""

from __future__ import annotations

import time

import pytest

from bot.throttle import Throttle, Verdict
from tests.conftest import ADMIN_ID, BotHarness

SLOW_DOWN_RU = "Слишком много сообщений"


class Clock:
    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def test_a_burst_up_to_the_limit_is_allowed_then_one_warning_then_silence() -> None:
    throttle = Throttle(20, clock=Clock())
    verdicts = [throttle.check(1) for _ in range(25)]
    assert verdicts[:20] == [Verdict.ALLOW] * 20
    assert verdicts[20] is Verdict.WARN
    assert verdicts[21:] == [Verdict.DROP] * 4


def test_the_user_is_served_again_when_the_window_has_room_and_warned_again_on_the_next_flood() -> None:
    clock = Clock()
    throttle = Throttle(3, clock=clock)
    assert [throttle.check("u") for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    clock.now += 59.9
    assert throttle.check("u") is Verdict.DROP
    assert throttle.retry_in("u") == pytest.approx(0.1)
    clock.now += 0.1
    assert [throttle.check("u") for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]


def test_dropped_updates_do_not_extend_the_lockout() -> None:
    clock = Clock()
    throttle = Throttle(2, clock=clock)
    throttle.check("u"), throttle.check("u")
    for _ in range(50):  # keeps flooding for the whole minute
        clock.now += 1
        throttle.check("u")
    clock.now += 10  # 60 s after the served ones
    assert throttle.check("u") is Verdict.ALLOW


def test_a_steady_pace_under_the_limit_is_never_throttled() -> None:
    clock = Clock()
    throttle = Throttle(20, clock=clock)
    for _ in range(200):
        assert throttle.check("u") is Verdict.ALLOW
        clock.now += 3.0  # exactly 20 a minute


def test_users_have_separate_budgets_and_idle_users_are_forgotten() -> None:
    clock = Clock()
    throttle = Throttle(1, clock=clock)
    assert throttle.check(1) is Verdict.ALLOW
    assert throttle.check(1) is Verdict.WARN
    assert throttle.check(2) is Verdict.ALLOW
    assert len(throttle) == 2
    clock.now += 61
    throttle.check(3)
    assert len(throttle) == 1  # memory follows the users of the last minute, not every user ever seen


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError):
        Throttle(0)


async def test_a_flood_gets_one_slow_down_and_does_not_delay_another_user(harness: BotHarness) -> None:
    telegram, flooder, other = harness.telegram, 5001, 5002
    limit = harness.services.settings.throttle_per_minute
    for i in range(100):
        telegram.send_user_message(f"штраф за утечку {i}", user_id=flooder)
    telegram.send_user_message("какой штраф за утечку персональных данных?", user_id=other)
    answer = (await telegram.wait_for_messages(other, 1, timeout=10))[0]
    assert "13.11" in answer["text"]
    await telegram.wait_for_messages(flooder, limit + 1, timeout=10)
    await harness.idle()
    got = [m["text"] for m in telegram.messages(flooder)]
    assert len(got) == limit + 1  # 20 answers and one "slow down"; the other 79 were dropped unanswered
    assert sum(SLOW_DOWN_RU in text for text in got) == 1
    # Ordering: the other user's answer did not queue behind the flood. Without the throttle ~100 answers to the
    # flooder would be sent first; with it, at most the flooder's budget and the warning can be.
    sends = [r.params["chat_id"] for r in telegram.calls("sendMessage") if r.status == 200]
    assert sends.index(other) <= limit + 1


async def test_the_flooder_is_answered_again_once_the_window_passes(harness: BotHarness) -> None:
    clock = Clock(time.monotonic())
    harness.services.throttle.clock = clock
    telegram, flooder = harness.telegram, 5003
    limit = harness.services.settings.throttle_per_minute
    for _ in range(limit + 5):
        telegram.send_user_message("/help", user_id=flooder)
    await telegram.wait_for_messages(flooder, limit + 1)
    await harness.idle()
    assert len(telegram.messages(flooder)) == limit + 1
    clock.now += 61
    reply = await harness.say("какой штраф за утечку персональных данных?", user_id=flooder)
    assert "13.11" in reply["text"]


async def test_a_button_pressed_over_the_limit_gets_a_slow_down_toast(harness: BotHarness) -> None:
    harness.services.throttle.clock = Clock(time.monotonic())
    telegram, user = harness.telegram, 5004
    limit = harness.services.settings.throttle_per_minute
    reply = await harness.say("biggest GDPR fine", user_id=user, language_code="en")
    for _ in range(limit - 1):
        telegram.send_user_message("/help", user_id=user, language_code="en")
    await telegram.wait_for_messages(user, limit)
    query_id = await harness.press(reply, 1, user_id=user)
    assert "Too many messages" in telegram.callback_answers[query_id]["text"]
    dropped = telegram.press_button(reply, reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
                                    user_id=user)
    await harness.idle()
    assert dropped not in telegram.callback_answers  # ignored, no API call spent on it


async def test_admins_are_not_throttled(harness: BotHarness) -> None:
    limit = harness.services.settings.throttle_per_minute
    for _ in range(limit + 5):
        harness.telegram.send_user_message("/stats", user_id=ADMIN_ID, language_code="en")  # /stats answers in English
    replies = await harness.telegram.wait_for_messages(ADMIN_ID, limit + 5)
    assert all("users:" in m["text"] for m in replies)
