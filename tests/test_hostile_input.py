"""Hostile and malformed input, end to end: every update gets one clear, short answer or a deliberate silence,
never a crash, a traceback or an error reply, and whatever the user typed comes back escaped."""

from __future__ import annotations

import pytest

from tests.conftest import SOURCE_CHANNEL, BotHarness

ERROR_RU = "Что-то пошло не так"
STALE_RU = "устарела"
GROUP = {"chat_id": -700, "chat_type": "group", "chat_title": "Hostile group"}
PHOTO = {"photo": [{"file_id": "AgAD1", "file_unique_id": "u1", "width": 90, "height": 90}]}
STICKER = {"sticker": {"file_id": "CAAD1", "file_unique_id": "s1", "type": "regular", "width": 512, "height": 512,
                       "is_animated": False, "is_video": False}}


def assert_sane(harness: BotHarness, reply: dict) -> None:
    """A reply a user can live with: text, no traceback, no error reply, no API call Telegram refused."""
    assert reply["text"].strip()
    assert "Traceback" not in reply["text"] and ERROR_RU not in reply["text"]
    assert len(reply["text"]) <= 4096
    assert not harness.telegram.errors, [e.description for e in harness.telegram.errors]


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "Ж" * 4096,
    "штраф " * 682,
    "😀" * 500,
    "\u202e\u200f штраф за утечку \u200b\u200d\u2066\u2069\ufeff",
    "مرحبا غرامة البيانات",
    "\U00017000A",  # a letter Unicode gives no name beside a Latin one (read back as Russian: «𗀀ф»)
    "<script>alert(document.cookie)</script><b>bold</b> &amp; &lt; & < >",
    "'; DROP TABLE users; -- \" OR 1=1 --",
    "%s%s%s%n %d {0} {user} {__class__.__mro__} ${HOME} `id`",
    "\\x00\\n\\r\t\u0000",
    "/",
    "@privacy_sandbox_bot",
])
async def test_hostile_text_gets_exactly_one_sane_answer(harness: BotHarness, text: str) -> None:
    reply = await harness.say(text)
    assert_sane(harness, reply)
    await harness.idle()
    assert len(harness.telegram.messages(1001)) == 1
    assert await harness.services.users.count() == (1, 1)  # the tables survived whatever the text said


async def test_a_4096_character_question_is_read_up_to_the_limit_and_says_so(harness: BotHarness) -> None:
    limit = harness.services.settings.max_text_length
    reply = await harness.say("какой штраф за утечку персональных данных? " + "а" * 4000)
    assert_sane(harness, reply)
    assert f"первые {limit} символов" in reply["text"]


async def test_markup_the_user_typed_comes_back_as_text_not_markup(harness: BotHarness) -> None:
    bad = await harness.say("/watch <b>x</b>")
    assert "<b>x</b>" in bad["text"] and not any(e["type"] == "bold" and bad["text"][e["offset"]:].startswith("x")
                                                 for e in bad.get("entities", []))
    missing = await harness.say("/unwatch <script>alert(1)</script>")
    assert "<script>alert(1)</script>" in missing["text"]
    added = await harness.say("/watch AT&T <i>")
    assert_sane(harness, added)
    await harness.say("/watch AT&T")
    listing = await harness.say("/watchlist")
    assert "AT&T" in listing["text"]
    mydata = await harness.say("/mydata")
    assert "AT&T" in mydata["text"]
    assert not harness.telegram.errors


@pytest.mark.parametrize("args", [
    "",
    "../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "file:///etc/passwd",
    "https://evil.example/login?next=/admin",
    "!!!",
    "&",
    "😀😀😀",
    "\u200b\u200b",
    ", , ;;;",
])
async def test_watch_with_nothing_or_garbage_gets_a_clear_answer_and_stores_nothing(harness: BotHarness,
                                                                                    args: str) -> None:
    reply = await harness.say(f"/watch {args}".strip())
    assert_sane(harness, reply)
    assert "/watch" in reply["text"] or "не похоже" in reply["text"]
    assert await harness.services.watches.list(1001) == []


async def test_a_300_character_watch_term_is_cut_to_a_name_and_the_reply_says_which(harness: BotHarness) -> None:
    reply = await harness.say("/watch " + "x" * 300)
    assert_sane(harness, reply)
    [(_, name)] = await harness.services.watches.list(1001)
    assert len(name) == 64 and name in reply["text"] and "x" * 65 not in reply["text"]


async def test_watch_with_too_many_terms_handles_the_first_ten(harness: BotHarness) -> None:
    reply = await harness.say("/watch " + ", ".join(f"shop{i}" for i in range(200)))
    assert_sane(harness, reply)
    assert len(await harness.services.watches.list(1001)) == 10


@pytest.mark.parametrize("command", ["/frobnicate", "/x" + "y" * 60, "/start_admin", "/ask@other_bot hi"])
async def test_unknown_commands_get_the_unknown_command_answer(harness: BotHarness, command: str) -> None:
    reply = await harness.say(command)
    assert_sane(harness, reply)
    assert "Такой команды нет" in reply["text"]


async def test_commands_for_other_bots_in_a_group_are_left_alone(harness: BotHarness) -> None:
    for text in ("/start@other_bot", "/frobnicate", "/help@other_bot", "просто болтовня"):
        harness.telegram.send_user_message(text, **GROUP)
    await harness.idle()
    assert harness.telegram.messages(-700) == []
    reply = await harness.say(f"/frobnicate@{harness.telegram.bot_username}", **GROUP)
    assert "Такой команды нет" in reply["text"]


@pytest.mark.parametrize("data", ["garbage", "e:", "e:" + "z" * 62, "uw:", "bd:publish:1", "bd:publish:notanumber",
                                  "forget", "cp:post:1", ":::", "😀"])
async def test_button_data_never_issued_is_answered_and_does_nothing(harness: BotHarness, data: str) -> None:
    reply = await harness.say("biggest GDPR fine")
    query_id = harness.telegram.press_button(reply, data, strict=False)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.callback_answers)
    assert STALE_RU in harness.telegram.callback_answers[query_id]["text"]
    await harness.idle()
    assert len(harness.telegram.messages(1001)) == 1
    assert not harness.telegram.errors


async def test_a_stale_unwatch_button_is_answered(harness: BotHarness) -> None:
    await harness.say("/watch litres")
    listing = await harness.say("/watchlist")
    await harness.say("/unwatch litres")
    query_id = harness.telegram.press_button(listing, "uw:litres", strict=False)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.callback_answers)
    assert STALE_RU in harness.telegram.callback_answers[query_id]["text"]


@pytest.mark.parametrize("query", ["штраф " * 51 + "м", "<b>" * 85 + "x", "😀" * 128, "'; DROP TABLE users; --"])
async def test_long_or_hostile_inline_queries_are_answered(harness: BotHarness, query: str) -> None:
    query = query[:256]
    query_id = harness.telegram.send_inline_query(query, user_id=77)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.inline_answers)
    results = harness.telegram.inline_answers[query_id]["results"]
    assert 1 <= len(results) <= 5
    assert not harness.telegram.errors, [e.description for e in harness.telegram.errors]


@pytest.mark.parametrize("media", [PHOTO, STICKER])
async def test_media_without_text_gets_a_hint_in_private_and_silence_in_groups(harness: BotHarness,
                                                                              media: dict) -> None:
    reply = await harness.say(None, extra=media)
    assert_sane(harness, reply)
    assert "текст" in reply["text"]
    harness.telegram.send_user_message(None, extra=media, **GROUP)
    await harness.idle()
    assert harness.telegram.messages(-700) == []


async def test_edited_messages_are_left_alone(harness: BotHarness) -> None:
    original = harness.telegram.send_user_message("штраф за утечку")
    await harness.telegram.wait_for_messages(1001, 1)
    harness.telegram.send_edited_message(original, "<script>совсем другой вопрос</script>")
    await harness.idle()
    assert len(harness.telegram.messages(1001)) == 1
    assert not harness.telegram.errors
    assert "13.11" in (await harness.say("какой штраф за утечку персональных данных?"))["text"]


async def test_messages_from_bots_are_ignored_and_nothing_is_stored(harness: BotHarness) -> None:
    harness.telegram.send_user_message("/start", user_id=3003, is_bot=True, chat_id=-700, chat_type="group")
    harness.telegram.send_user_message(f"@{harness.telegram.bot_username} штраф", user_id=3003, is_bot=True,
                                       chat_id=-700, chat_type="group")
    await harness.idle()
    assert harness.telegram.messages(-700) == []
    assert await harness.services.users.count() == (0, 0)


async def test_channel_posts_and_a_channel_speaking_in_a_group(harness: BotHarness) -> None:
    harness.telegram.add_chat({"id": -1009, "type": "channel", "title": "Random"})
    harness.telegram.send_channel_post("<b>штраф</b> /start /stats", chat_id=-1009)
    harness.telegram.send_channel_post("🤷 просто пост без утечки", chat_id=SOURCE_CHANNEL)
    await harness.idle()
    assert harness.telegram.messages(-1009) == [] and harness.telegram.messages(SOURCE_CHANNEL) == []
    # A channel posting in its discussion group arrives from a bot account with sender_chat: it is a person
    # speaking, so a mention of the bot is answered.
    channel = {"id": -1009, "type": "channel", "title": "Random"}
    reply = await harness.say(f"@{harness.telegram.bot_username} кто такой РКН", user_id=136817688, is_bot=True,
                              extra={"sender_chat": channel}, **GROUP)
    assert "Роскомнадзор" in reply["text"]


async def test_the_bot_keeps_answering_after_a_barrage(harness: BotHarness) -> None:
    """Everything above, from several users at once, then an ordinary question: nothing got stuck."""
    barrage = ["", "😀" * 500, "<script>", "/watch ../../x", "/frobnicate", "'; DROP TABLE watches; --", "Ж" * 4096]
    for user_id, text in enumerate(barrage, start=2000):
        harness.telegram.send_user_message(text, user_id=user_id)
    harness.telegram.send_inline_query("x" * 256, user_id=2100)
    await harness.idle()
    for user_id in range(2000, 2000 + len(barrage)):
        assert len(harness.telegram.messages(user_id)) == 1
    assert "13.11" in (await harness.say("какой штраф за утечку персональных данных?"))["text"]
    assert not harness.telegram.errors


def test_the_breach_parser_reads_letters_unicode_gives_no_name() -> None:
    from bot.breaches.parser import BreachParser

    text = "Утекла база \U00017000клиентов \U00017000А сервиса «Литрес»: 3 083 408 строк"
    breach = BreachParser().parse(text)
    assert breach is not None and breach.record_count == 3_083_408

