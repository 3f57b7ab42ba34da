"""The legal tools end to end: the real bot over HTTP through the sandbox, a real SQLite file, in both languages."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.formatting import format_date
from bot.kb import KnowledgeBase
from tests.conftest import BotHarness

PNG = b"\x89PNG\r\n\x1a\n"
NBSP = "\u00a0"


def labels(message: dict) -> list[str]:
    return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def current(harness: BotHarness, message: dict) -> dict:
    return next(m for m in harness.telegram.messages(message["chat"]["id"]) if m["message_id"] == message["message_id"])


async def tap(harness: BotHarness, message: dict, label: str, *, user_id: int) -> dict:
    """Press the button whose text contains `label` on the message as it is now; return the message after it."""
    now = current(harness, message)
    index = next(i for i, text in enumerate(labels(now), start=1) if label in text)
    await harness.press(now, index, user_id=user_id)
    return current(harness, message)


def stale_answer(harness: BotHarness, message: dict, data: str, user_id: int) -> str:
    return harness.telegram.press_button(message, data, user_id=user_id, strict=False)


# ============================================================================================= /fine

async def test_fine_wizard_in_russian_by_buttons(harness: BotHarness) -> None:
    user = 2001
    wizard = await harness.say("/fine", user_id=user, language_code="ru")
    assert "Какой закон" in wizard["text"] and any("Россия" in b for b in labels(wizard))
    step = await tap(harness, wizard, "Россия", user_id=user)
    assert "Какие данные утекли" in step["text"]
    step = await tap(harness, step, "Обычные", user_id=user)
    assert "Сколько утекло" in step["text"] and "👤 10 001–100 000" in labels(step)
    step = await tap(harness, step, "👤 10 001–100 000", user_id=user)
    step = await tap(harness, step, "Впервые", user_id=user)
    result = await tap(harness, step, "Юрлицо", user_id=user)
    text = result["text"]
    assert "ч. 13 ст. 13.11 КоАП" in text and "от 5 до 10 млн ₽" in text
    assert "10 001–100 000" in text and "Роскомнадзор" in text and "24 час" in text and "ч. 11" in text
    assert any(e["type"] == "text_link" and e["url"].startswith("https://") for e in result["entities"])
    assert len(harness.telegram.messages(user)) == 1   # every step edited the same message
    again = await tap(harness, result, "Заново", user_id=user)
    assert "Какой закон" in again["text"]


async def test_fine_wizard_in_english_with_typed_numbers(harness: BotHarness) -> None:
    user = 2002
    wizard = await harness.say("/fine", user_id=user, language_code="en")
    step = await tap(harness, wizard, "Russia", user_id=user)
    step = await tap(harness, step, "Ordinary", user_id=user)
    assert "How much leaked" in step["text"]
    repeat_question = await harness.say("50,000 records", user_id=user, language_code="en")
    assert "first leak, or a repeat" in repeat_question["text"]
    step = await tap(harness, repeat_question, "Repeat", user_id=user)
    step = await tap(harness, step, "Legal entity", user_id=user)
    assert "revenue in roubles" in step["text"]
    result = await harness.say("5 billion", user_id=user, language_code="en")
    text = result["text"]
    assert "part 15" in text and "50,000 identifiers" in text
    assert "with revenue of RUB 5 billion: RUB 50–150 million" in text
    assert "RUB 15–50 million" in text   # the milder alternative


async def test_fine_wizard_for_gdpr_and_dpdp(harness: BotHarness) -> None:
    user = 2003
    wizard = await harness.say("/fine", user_id=user, language_code="en")
    step = await tap(harness, wizard, "GDPR", user_id=user)
    step = await tap(harness, step, "Company", user_id=user)
    result = await harness.say("2 billion", user_id=user, language_code="en")
    assert "up to €40 million" in result["text"] and "up to €80 million" in result["text"]
    assert "72 hours" in result["text"]
    wizard = await harness.say("/fine", user_id=user, language_code="en")
    result = await tap(harness, wizard, "India", user_id=user)
    assert "₹250 crore" in result["text"] and "₹200 crore" in result["text"] and "13 May 2027" in result["text"]
    ru = await harness.say("/fine", user_id=2004, language_code="ru")
    result = await tap(harness, ru, "Индия", user_id=2004)
    assert "250 крор рупий" in result["text"]


async def test_a_typed_question_instead_of_a_number_leaves_the_wizard(harness: BotHarness) -> None:
    user = 2005
    wizard = await harness.say("/fine", user_id=user)
    step = await tap(harness, wizard, "Россия", user_id=user)
    await tap(harness, step, "Обычные", user_id=user)
    reply = await harness.say("кто такой РКН", user_id=user)
    assert "Роскомнадзор" in reply["text"]
    step = await tap(harness, await harness.say("/fine", user_id=user), "Россия", user_id=user)
    await tap(harness, step, "Обычные", user_id=user)
    listing = await harness.say("топ 10 штрафов GDPR", user_id=user)   # a number, but a question of its own
    assert listing["text"].startswith("Штрафы GDPR") and len(labels(listing)) == 10


async def test_free_text_estimate_questions_in_both_languages(harness: BotHarness) -> None:
    ru = await harness.say("утекло 50 тысяч записей клиентов, какой штраф ООО?", user_id=2010)
    assert "ч. 12 ст. 13.11" in ru["text"] and "от 3 до 5 млн ₽" in ru["text"]
    assert f"Если это 50{NBSP}000 разных людей" in ru["text"] and "/fine" in ru["text"]
    en = await harness.say("fine for leaking data of 5,000 customers in Russia", user_id=2011, language_code="en")
    assert "part 12" in en["text"] and "RUB 3–5 million" in en["text"]
    assert "5,000 people" in en["text"] and "assumed a legal entity" in en["text"]
    args = await harness.say("/fine повторная утечка биометрии, выручка 1 млрд руб", user_id=2012)
    assert "ч. 18 ст. 13.11" in args["text"] and "от 25 до 30 млн ₽" in args["text"]


# ============================================================================================= /deadline, /tz

async def test_deadline_command_with_a_date_and_switching_the_regime(harness: BotHarness) -> None:
    ru = await harness.say("/deadline 15.11.2026 09:30", user_id=2020)
    assert "152-ФЗ" in ru["text"] and "16 ноября 2026, 09:30" in ru["text"] and "18 ноября 2026, 09:30" in ru["text"]
    assert "Europe/Moscow" in ru["text"]
    en = await harness.say("/deadline 15.11.2026 09:30 GDPR", user_id=2021, language_code="en")
    assert "GDPR" in en["text"] and "18 Nov 2026, 09:30" in en["text"] and "without undue delay" in en["text"]
    switched = await tap(harness, en, "India", user_id=2021)
    assert "DPDP" in switched["text"] and "18 Nov 2026, 09:30" in switched["text"]
    assert "13 May 2027" in switched["text"]
    assert any(b.startswith("✓") and "India" in b for b in labels(switched))


def _moscow_today(lang: str) -> str:
    return format_date(dt.datetime.now(ZoneInfo("Europe/Moscow")).date(), lang)


async def test_deadline_prompt_then_a_relative_phrase_and_the_now_button(harness: BotHarness) -> None:
    prompt = await harness.say("/deadline", user_id=2022)
    assert "Когда обнаружили утечку" in prompt["text"] and labels(prompt) == ["Только что"]
    reply = await harness.say("вчера в 18:00", user_id=2022)
    assert f"{_moscow_today('ru')}, 18:00" in reply["text"] and "Роскомнадзор" in reply["text"]
    prompt = await harness.say("/deadline", user_id=2023, language_code="en")
    now_plan = await tap(harness, prompt, "Just now", user_id=2023)
    assert "GDPR" in now_plan["text"] and "2 d 23 h left" in now_plan["text"]


async def test_free_text_deadline_questions_in_both_languages(harness: BotHarness) -> None:
    ru = await harness.say("когда уведомить РКН если утечку обнаружили вчера в 18:00", user_id=2024)
    assert "Сроки уведомления" in ru["text"] and f"{_moscow_today('ru')}, 18:00" in ru["text"]
    en = await harness.say("we discovered the breach 2 days ago, when must we notify the DPC?", user_id=2025,
                           language_code="en")
    assert "Breach notification deadlines: GDPR" in en["text"] and "Art. 33" in en["text"]
    not_a_time = await harness.say("/deadline когда-нибудь потом", user_id=2026)
    assert "Не понял" in not_a_time["text"]
    a_count = await harness.say("когда уведомлять ркн об утечке 5000 клиентов", user_id=2026)
    assert "Утечку обнаружили" not in a_count["text"] and "5000," not in a_count["text"]
    assert "Не понял" in (await harness.say("/deadline 5000 клиентов", user_id=2026))["text"]


async def test_a_deadline_question_is_read_in_the_askers_time_zone_in_private_and_in_a_group(
        harness: BotHarness) -> None:
    user, question = 2027, "когда уведомить РКН если утечку обнаружили вчера в 18:00"
    await harness.say("/tz Kolkata", user_id=user)
    kolkata_today = format_date(dt.datetime.now(ZoneInfo("Asia/Kolkata")).date(), "ru")
    private = await harness.say(question, user_id=user)
    assert "Asia/Kolkata, UTC+5:30" in private["text"] and f"{kolkata_today}, 18:00" in private["text"]
    group = {"chat_id": -501, "chat_type": "group", "chat_title": "Lawyers"}
    in_group = await harness.say(f"/ask {question}", user_id=user, **group)
    assert "Asia/Kolkata, UTC+5:30" in in_group["text"] and f"{kolkata_today}, 18:00" in in_group["text"]
    someone_else = await harness.say(f"/ask {question}", user_id=2028, **group)
    assert "Europe/Moscow, UTC+3" in someone_else["text"]
    assert "Штраф" in (await harness.say("/ask штраф за утечку биометрии", user_id=user, **group))["text"]


async def test_time_zone_is_stored_used_and_exported(harness: BotHarness) -> None:
    user = 2030
    shown = await harness.say("/tz", user_id=user)
    assert "Europe/Moscow" in shown["text"] and any("Asia/Kolkata" in b for b in labels(shown))
    assert "Asia/Kolkata" in (await harness.say("/tz Kolkata", user_id=user))["text"]
    assert await harness.services.users.timezone(user) == "Asia/Kolkata"
    plan = await harness.say("/deadline 15.11.2026 09:30", user_id=user)
    assert "Asia/Kolkata, UTC+5:30" in plan["text"] and "16 ноября 2026, 09:30" in plan["text"]
    assert "Не знаю такого" in (await harness.say("/tz Mars/Olympus", user_id=user))["text"]
    assert "UTC+05:30" in (await harness.say("/tz UTC+5:30", user_id=user))["text"]
    picked = await tap(harness, shown, "Europe/Berlin", user_id=user)
    assert "Europe/Berlin" in picked["text"]
    exported = await harness.services.users.export(user)
    assert exported is not None and exported["user"]["timezone"] == "Europe/Berlin"


# ============================================================================================= /fines

async def test_fines_explorer_paging_filter_item_and_chart(harness: BotHarness, real_kb: KnowledgeBase) -> None:
    user = 2040
    gdpr = [e for e in real_kb.entries if e.fine is not None and e.fine.regime == "gdpr"]
    pages = -(-len(gdpr) // 5)
    listing = await harness.say("/fines", user_id=user)
    assert f"найдено {len(gdpr)}, стр. 1/{pages}" in listing["text"] and labels(listing)[0].startswith("1. ")
    page2 = await tap(harness, listing, "▶", user_id=user)
    assert f"стр. 2/{pages}" in page2["text"] and labels(page2)[0].startswith("6. ")
    chooser = await tap(harness, page2, "Страна", user_id=user)
    assert "Испания" in labels(chooser)
    spain = await tap(harness, chooser, "Испания", user_id=user)
    spanish = [e for e in gdpr if e.fine.country == "ES"]  # type: ignore[union-attr]
    assert "Штрафы GDPR: Испания" in spain["text"] and f"найдено {len(spanish)}, стр. 1/" in spain["text"]
    top = max(spanish, key=lambda e: e.fine.amount_eur)  # type: ignore[union-attr]
    await tap(harness, spain, "1. ", user_id=user)
    opened = (await harness.telegram.wait_for_messages(user, 2))[-1]
    assert top.fine.company in opened["text"]  # type: ignore[union-attr]
    await tap(harness, spain, "По годам", user_id=user)
    photo = (await harness.telegram.wait_for_messages(user, 3))[-1]
    assert photo["photo"] and photo["file"].data.startswith(PNG) and "Испания" in photo["text"]
    await tap(harness, spain, "По странам", user_id=user)
    photo = (await harness.telegram.wait_for_messages(user, 4))[-1]
    assert photo["file"].data.startswith(PNG)
    assert not harness.telegram.errors, [e.description for e in harness.telegram.errors]


async def test_fines_with_a_text_filter_in_english(harness: BotHarness) -> None:
    reply = await harness.say("/fines meta", user_id=2041, language_code="en")
    assert "GDPR fines: Meta" in reply["text"] and "Meta" in labels(reply)[0]
    by_date = await tap(harness, reply, "By date", user_id=2041)
    assert "by date" in by_date["text"]
    reset = await tap(harness, by_date, "Reset", user_id=2041)
    assert reset["html"].startswith("<b>GDPR fines</b>\n") and "Meta" not in reset["text"].split("\n")[0]


async def test_how_many_fines_spain_issued_in_both_languages(harness: BotHarness, real_kb: KnowledgeBase) -> None:
    count = sum(1 for e in real_kb.entries if e.fine and e.fine.country == "ES" and e.fine.regime == "gdpr")
    en = await harness.say("how many fines did Spain issue", user_id=2050, language_code="en")
    assert f"Fines (Spain) in my data: {count}" in en["text"] and "not a complete register" in en["text"]
    ru = await harness.say("сколько штрафов выписала Испания", user_id=2051)
    assert f"Штрафов (Испания) в моих данных: {count}" in ru["text"] and "проверены по" in ru["text"]


# ============================================================================================= stale and forged

async def test_stale_and_forged_buttons_are_answered_without_a_crash(harness: BotHarness) -> None:
    user = 2060
    listing = await harness.say("/fines", user_id=user)
    forged = ["fx:ZZ:-1::::-1:0:-1:a:0:", "fx:garbage", "fx::99999:::::::::", "fw:xx:::::::", "fw:ru:o:s:abc:0:::",
              "dl:ru:notanumber", "dl:mars:0", "tz:Mars/Olympus", "fx::-1::32x:0:-1:0:-1:a:0:"]
    for data in forged:
        query_id = stale_answer(harness, listing, data, user)
        await harness.telegram.wait_until(lambda q=query_id: q in harness.telegram.callback_answers)
        assert "устарела" in harness.telegram.callback_answers[query_id]["text"], data
    assert not harness.telegram.errors, [e.description for e in harness.telegram.errors]
    assert "найдено" in (await harness.say("/fines", user_id=user))["text"]   # still alive
