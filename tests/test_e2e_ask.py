"""Asking questions, end to end: the real bot over HTTP through the sandbox, a real SQLite file."""

from __future__ import annotations

import pytest

from tests.conftest import BotHarness


def buttons(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [button["text"] for row in markup.get("inline_keyboard", []) for button in row]


async def test_start_greets_in_the_users_language_with_a_privacy_notice(harness: BotHarness) -> None:
    ru = await harness.say("/start", user_id=1, language_code="ru")
    en = await harness.say("/start", user_id=2, language_code="en")
    assert "Привет" in ru["text"] and "храню только" in ru["text"]
    assert "Hi!" in en["text"] and "store only" in en["text"]


async def test_a_question_gets_a_sourced_answer_with_see_also_buttons(harness: BotHarness) -> None:
    reply = await harness.say("какой штраф получила Meta от ирландского регулятора за передачу данных в США")
    assert "1,2 млрд" in reply["text"]
    assert "Источник" in reply["text"] and "проверено" in reply["text"]
    assert "не юридическая консультация" in reply["text"]
    assert 1 <= len(buttons(reply)) <= 3
    link = next(e for e in reply["entities"] if e["type"] == "text_link")
    assert link["url"].startswith("https://")


async def test_pressing_see_also_opens_that_entry(harness: BotHarness) -> None:
    reply = await harness.say("biggest GDPR fine", language_code="en")
    first_button = buttons(reply)[0]
    await harness.press(reply, 1)
    opened = (await harness.telegram.wait_for_messages(1001, 2))[-1]
    assert opened["text"].split("\n")[0] == first_button.rstrip("…") or first_button.rstrip("…") in opened["text"]


async def test_typos_layout_and_transliteration_reach_the_same_answer(harness: BotHarness) -> None:
    right = await harness.say("штраф за утечку биометрии", user_id=10)
    for variant in ("штарф за утчеку биометрии", "inhfa pf entxre ,bjvtnhbb", "shtraf za utechku biometrii"):
        reply = await harness.say(variant, user_id=10)
        assert "13.11" in reply["text"] and "биометр" in reply["text"].lower(), variant
    assert "биометр" in right["text"].split("\n")[0]


async def test_unknown_question_says_so_instead_of_guessing(harness: BotHarness) -> None:
    reply = await harness.say("как приготовить борщ на ужин")
    assert "не уверен" in reply["text"].lower() and "Я знаю о таких темах" in reply["text"]


async def test_lang_overrides_telegram_language(harness: BotHarness) -> None:
    assert "English" in (await harness.say("/lang en", language_code="ru"))["text"]
    reply = await harness.say("штраф WhatsApp в Ирландии 2021", language_code="ru")
    assert "Source" in reply["text"] and "225" in reply["text"]
    assert "ru" in (await harness.say("/lang de"))["text"]  # usage hint, language unchanged


async def test_list_questions_come_from_the_fines_data_with_buttons(harness: BotHarness) -> None:
    reply = await harness.say("top 10 GDPR fines", language_code="en")
    lines = [line for line in reply["text"].split("\n") if line[:2].rstrip(".").isdigit()]
    assert len(lines) == 10 and lines[0].startswith("1. Meta")
    assert len(buttons(reply)) == 10
    italy = await harness.say("штрафы в Италии", user_id=5, language_code="ru")
    assert "Италия" in italy["text"] and "Ирландия" not in italy["text"]


async def test_group_answers_ask_and_mentions_only(harness: BotHarness) -> None:
    group = {"chat_id": -500, "chat_type": "group", "chat_title": "Lawyers"}
    reply = await harness.say("/ask штраф за утечку биометрии", **group)
    assert "13.11" in reply["text"]
    harness.telegram.send_user_message("привет всем, как дела", **group)
    await harness.idle()
    assert len(harness.telegram.messages(-500)) == 1  # chatter is not answered
    mention = await harness.say(f"@{harness.telegram.bot_username} кто такой РКН", **group)
    assert "Роскомнадзор" in mention["text"]


async def test_inline_mode_offers_answers(harness: BotHarness) -> None:
    query_id = harness.telegram.send_inline_query("штраф мета", user_id=77)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.inline_answers)
    results = harness.telegram.inline_answers[query_id]["results"]
    assert results and any("Meta" in r["title"] for r in results)


async def test_command_menu_is_registered_in_both_languages(harness: BotHarness) -> None:
    await harness.telegram.wait_until(lambda: harness.telegram.commands(language_code="en") != [])
    ru = {c["command"] for c in harness.telegram.commands(language_code="ru")}
    en = {c["command"] for c in harness.telegram.commands(language_code="en")}
    assert {"help", "watch", "unwatch", "lang"} <= ru and ru == en


@pytest.mark.parametrize("text", [
    "а" * 4096,
    "<b>bold</b> <script>alert(1)</script> & < >",
    "😀" * 500,
    "'; DROP TABLE users; --",
    "%s %d {0} {user}",
    "\u200f\u200b\u202e штраф",
])
async def test_bad_input_gets_a_polite_answer(harness: BotHarness, text: str) -> None:
    reply = await harness.say(text)
    assert reply["text"]
    assert not harness.telegram.errors, [e.description for e in harness.telegram.errors]


async def test_unknown_commands_and_media_are_answered(harness: BotHarness) -> None:
    assert "/help" in (await harness.say("/frobnicate"))["text"]
    assert "текст" in (await harness.say(None))["text"]


async def test_a_stale_button_is_answered_not_ignored(harness: BotHarness) -> None:
    reply = await harness.say("biggest GDPR fine")
    query_id = harness.telegram.press_button(reply, "e:no-such-entry", user_id=1001, strict=False)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.callback_answers)
    assert "устарела" in harness.telegram.callback_answers[query_id]["text"]


async def test_a_question_two_tools_fit_is_answered_by_one_and_offers_the_other(harness: BotHarness) -> None:
    question = ("Мы ООО, вчера в 10:00 обнаружили, что база 12 тысяч покупателей оказалась в открытом доступе. "
                "Что нам грозит и когда сообщать в РКН?")
    reply = await harness.say(question, user_id=31)
    assert "Роскомнадзор" in reply["text"] and "24" in reply["text"]          # the deadlines answered
    labels = buttons(reply)
    assert any("Оценить штраф" in label for label in labels)
    before = len(harness.telegram.messages(31))
    await harness.press(reply, next(i for i, label in enumerate(labels, 1) if "Оценить штраф" in label), user_id=31)
    estimate = (await harness.telegram.wait_for_messages(31, before + 1))[-1]
    assert "ч. 13 ст. 13.11" in estimate["text"] and "от 5 до 10 млн" in estimate["text"]
