"""The sandbox Bot API server, driven over HTTP by a real aiogram Bot (no mocks)."""

from __future__ import annotations

import asyncio
import contextlib
import html
import struct
import zlib
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    ChatMemberAdministrator,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
)
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from aiohttp.test_utils import TestServer

from tg_sandbox.server import FakeTelegram, TelegramAPIError, parse_html

USER = 1001
CHANNEL = -1001000000777


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    client = tg.make_bot()
    yield client
    await client.session.close()


@contextlib.asynccontextmanager
async def polling(tg: FakeTelegram, bot: Bot, dp: Dispatcher) -> AsyncIterator[None]:
    """Run dp.start_polling in a task for the duration of the block, then stop it cleanly."""
    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=5))
    try:
        await tg.wait_until(lambda: tg.is_polling or task.done(), timeout=5)
        if task.done():
            task.result()
        yield
    finally:
        with contextlib.suppress(RuntimeError):
            await dp.stop_polling()
        await asyncio.wait_for(task, timeout=5)


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=text, callback_data=data)] for text, data in pairs]
    )


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- basics


async def test_get_me_with_plain_aiohttp_session(tg: FakeTelegram) -> None:
    bot = Bot(tg.token, session=AiohttpSession(api=TelegramAPIServer.from_base(tg.base_url)))
    try:
        me = await bot.get_me()
    finally:
        await bot.session.close()
    assert me.id == tg.bot_id == 42
    assert me.is_bot and me.username == tg.bot_username
    assert tg.requests[-1].method == "getMe" and tg.requests[-1].ok


async def test_wrong_token_and_unknown_method(tg: FakeTelegram) -> None:
    stranger = Bot("42:WRONG", session=tg.make_bot().session)
    with pytest.raises(TelegramUnauthorizedError):
        await stranger.get_me()
    await stranger.session.close()
    async with aiohttp.ClientSession() as http, http.post(f"{tg.base_url}/bot{tg.token}/sendPigeon") as resp:
        assert resp.status == 404
        assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_aiohttp_test_server_can_host_the_app() -> None:
    tg = FakeTelegram()
    async with TestServer(tg.app) as server:
        tg.base_url = str(server.make_url("")).rstrip("/")
        bot = tg.make_bot()
        assert (await bot.get_me()).id == 42
        await bot.session.close()


# --------------------------------------------------------------------------- messages


async def test_send_read_back_edit_and_delete(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(
        USER, "<b>Hello</b>, world", parse_mode="HTML", reply_markup=keyboard(("Yes", "a:yes"), ("No", "a:no"))
    )
    assert sent.text == "Hello, world"
    assert sent.from_user is not None and sent.from_user.id == 42
    assert sent.entities is not None and sent.entities[0].type == "bold"
    assert sent.reply_markup is not None and sent.reply_markup.inline_keyboard[1][0].callback_data == "a:no"

    [stored] = tg.messages(USER)
    assert stored["message_id"] == sent.message_id
    assert stored["text"] == "Hello, world" and stored["html"] == "<b>Hello</b>, world"
    assert stored["reply_markup"]["inline_keyboard"][0][0] == {"text": "Yes", "callback_data": "a:yes"}

    edited = await bot.edit_message_text(
        "Bye", chat_id=USER, message_id=sent.message_id, reply_markup=keyboard(("Again", "again"))
    )
    assert isinstance(edited, Message) and edited.edit_date is not None
    assert tg.last_message(USER)["text"] == "Bye"
    assert tg.last_message(USER)["reply_markup"]["inline_keyboard"] == [[{"text": "Again", "callback_data": "again"}]]

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "Bye", chat_id=USER, message_id=sent.message_id, reply_markup=keyboard(("Again", "again"))
        )
    # without reply_markup the keyboard goes away, like on Telegram
    await bot.edit_message_text("Bye", chat_id=USER, message_id=sent.message_id)
    assert "reply_markup" not in tg.last_message(USER)

    assert await bot.delete_message(USER, sent.message_id)
    assert tg.messages(USER) == [] and tg.last_message(USER) is None
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(USER, sent.message_id)


async def test_html_validation(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities: Can't find end tag"):
        await bot.send_message(USER, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag "div"'):
        await bot.send_message(USER, "<div>x</div>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(USER, "1 < 2", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(USER, "AT&T", parse_mode="HTML")
    assert tg.messages(USER) == []

    raw = "<script> & 'quotes' \"too\" ₽ 😀"
    sent = await bot.send_message(USER, f"<i>{html.escape(raw)}</i>", parse_mode="HTML")
    assert sent.text == raw
    assert tg.last_message(USER)["text"] == raw
    assert tg.last_message(USER)["html"] == f"<i>{html.escape(raw)}</i>"
    # entity lengths are UTF-16 code units (the emoji counts twice)
    assert sent.entities is not None and sent.entities[0].length == len(raw) + 1


def test_html_parser_details() -> None:
    text, entities = parse_html(
        '<a href="https://x.org/?a=1&amp;b=2">link</a> <pre><code class="language-py">x = 1</code></pre>'
        "<tg-spoiler>s</tg-spoiler><blockquote expandable>q</blockquote>"
    )
    assert text == "link x = 1sq"
    assert [e["type"] for e in entities] == ["text_link", "pre", "spoiler", "expandable_blockquote"]
    assert entities[0]["url"] == "https://x.org/?a=1&b=2" and entities[1]["language"] == "py"
    with pytest.raises(TelegramAPIError, match='Unmatched end tag at byte offset 4, expected "</b>"'):
        parse_html("<b>x</i>")
    assert parse_html("AT&T", strict_ampersand=False) == ("AT&T", [])


async def test_text_limits_and_markup_validation(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER, "")
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(USER, "x" * 4097)
    await bot.send_message(USER, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")  # tags do not count
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "hi", reply_markup=keyboard(("Big", "d" * 65)))
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(-100123456, "hi")
    with pytest.raises(TelegramBadRequest, match="HTML only"):  # the bot sends HTML; Markdown is not checked
        await bot.send_message(USER, "*bold*", parse_mode="MarkdownV2")
    assert [r.status for r in tg.calls("sendMessage")] == [400, 400, 400, 200, 400, 400, 400]


# --------------------------------------------------------------------------- limits and failures


async def test_private_flood_limit_gives_retry_after(tg: FakeTelegram, bot: Bot) -> None:
    tg.enforce_limits(private_per_second=1)
    await bot.send_message(USER, "one")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(USER, "two")
    assert caught.value.retry_after >= 1
    assert tg.count_429 == 1
    await bot.send_message(USER + 1, "another chat is fine")
    await bot.edit_message_text("edits do not count", chat_id=USER, message_id=1)
    tg.disable_limits()
    await bot.send_message(USER, "two")
    assert [m["text"] for m in tg.messages(USER)] == ["edits do not count", "two"]


async def test_flood_windows_with_a_fake_clock() -> None:
    now = [1000.0]
    async with FakeTelegram(clock=lambda: now[0]) as tg:
        bot = tg.make_bot()
        tg.add_chat({"id": -100500, "type": "supergroup", "title": "Group"})
        tg.enforce_limits(global_per_second=None, private_per_second=1, group_per_minute=2)

        await bot.send_message(USER, "a")
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(USER, "b")
        assert caught.value.retry_after == 1
        now[0] += 1.0
        await bot.send_message(USER, "b")  # the rejected call did not use up a slot

        await bot.send_message(-100500, "1")
        now[0] += 10
        await bot.send_message(-100500, "2")
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(-100500, "3")
        assert caught.value.retry_after == 50
        now[0] += 50
        await bot.send_message(-100500, "3")

        tg.enforce_limits(global_per_second=2, private_per_second=None, group_per_minute=None)
        await bot.send_message(1, "x")
        await bot.send_message(2, "x")
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(3, "x")
        assert tg.count_429 == 3
        await bot.session.close()


async def test_blocked_user_gets_403(tg: FakeTelegram, bot: Bot) -> None:
    tg.block(USER)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(USER, "hi")
    assert tg.count_403 == 1
    tg.unblock(USER)
    await bot.send_message(USER, "hi again")
    tg.send_my_chat_member(USER, old_status="member", new_status="kicked")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_photo(USER, BufferedInputFile(png(4, 4), "chart.png"))
    assert tg.count_403 == 2


async def test_fail_next_injects_errors(tg: FakeTelegram, bot: Bot) -> None:
    tg.fail_next("sendMessage", code=429, description="Too Many Requests: retry after 7", retry_after=7)
    tg.fail_next("sendmessage", code=500, description="Internal Server Error", times=2)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(USER, "x")
    assert caught.value.retry_after == 7
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(USER, "x")
    await bot.send_message(USER, "finally")
    assert tg.count_429 == 1
    assert [m["text"] for m in tg.messages(USER)] == ["finally"]


# --------------------------------------------------------------------------- updates


async def test_long_polling_echo_bot(tg: FakeTelegram, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(html.escape(f"echo: {message.text}"), parse_mode="HTML")

    async with polling(tg, bot, dp):
        tg.send_user_message("hello <world>", user_id=USER)
        tg.send_user_message("second", user_id=USER)
        replies = await tg.wait_for_messages(USER, 2)
        await tg.wait_for_updates_consumed()
    assert [m["text"] for m in replies] == ["echo: hello <world>", "echo: second"]
    assert replies[0]["html"] == "echo: hello &lt;world&gt;"
    assert not tg.is_polling


async def test_get_updates_offset_limit_timeout_and_filter(tg: FakeTelegram, bot: Bot) -> None:
    for text in ("a", "b", "c"):
        tg.send_user_message(text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["a", "b"]
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["c"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == []
    await tg.wait_for_updates_consumed(timeout=0.1)

    # a long poll returns as soon as an update arrives
    waiting = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_until(lambda: tg.is_polling)
    tg.send_user_message("late")
    late = await asyncio.wait_for(waiting, timeout=1)
    assert late[0].message is not None and late[0].message.text == "late"

    # allowed_updates filters (and drops) other update types
    tg.send_inline_query("query")
    tg.send_user_message("kept")
    kept = await bot.get_updates(offset=late[-1].update_id + 1, allowed_updates=["message"])
    assert [u.message.text for u in kept if u.message] == ["kept"]
    assert "inline_query" in tg.dropped_updates[0]


async def test_all_update_factories_produce_valid_updates(tg: FakeTelegram, bot: Bot) -> None:
    tg.add_chat({"id": CHANNEL, "type": "channel", "title": "Leaks", "username": "leaks"})
    private = tg.send_user_message(
        "/start@privacy_sandbox_bot hi @someone https://example.org/x", username="alice", language_code="en"
    )
    tg.send_user_message("/help", user_id=7, chat_id=-100321, chat_type="supergroup", chat_title="Group")
    tg.send_edited_message(private, "edited /start")
    tg.send_channel_post("breach!", chat_id=CHANNEL, title="Leaks")
    tg.send_inline_query("gdpr")
    tg.send_my_chat_member(-100321, old_status="member", new_status="administrator")
    sent = await bot.send_message(USER, "pick", reply_markup=keyboard(("A", "pick:a")))
    tg.press_button(tg.last_message(USER), "pick:a")
    with pytest.raises(ValueError, match="no button"):
        tg.press_button(tg.last_message(USER), "pick:zzz")

    updates = await bot.get_updates(
        allowed_updates=[
            "message",
            "edited_message",
            "channel_post",
            "inline_query",
            "my_chat_member",
            "callback_query",
        ]
    )
    kinds = [u.event_type for u in updates]
    assert kinds == [
        "message",
        "message",
        "edited_message",
        "channel_post",
        "inline_query",
        "my_chat_member",
        "callback_query",
    ]
    message = updates[0].message
    assert message is not None and message.from_user is not None and message.from_user.language_code == "en"
    assert [(e.type, e.offset, e.length) for e in message.entities or []] == [
        ("bot_command", 0, 26),
        ("mention", 30, 8),
        ("url", 39, 21),
    ]
    assert updates[1].message is not None and updates[1].message.chat.type == "supergroup"
    assert updates[2].edited_message is not None and updates[2].edited_message.text == "edited /start"
    assert updates[3].channel_post is not None and updates[3].channel_post.sender_chat is not None
    assert updates[5].my_chat_member is not None
    assert updates[5].my_chat_member.new_chat_member.status == "administrator"
    callback = updates[6].callback_query
    assert callback is not None and callback.data == "pick:a"
    assert isinstance(callback.message, Message) and callback.message.message_id == sent.message_id


async def test_callback_button_round_trip(tg: FakeTelegram, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message(F.text == "/menu")
    async def menu(message: Message) -> None:
        await message.answer("Menu", reply_markup=keyboard(("Help", "menu:help")))

    @dp.callback_query(F.data == "menu:help")
    async def on_help(query: CallbackQuery) -> None:
        await query.answer("Opening help", show_alert=True)
        assert isinstance(query.message, Message)
        await query.message.edit_text("Help text")

    async with polling(tg, bot, dp):
        tg.send_user_message("/menu")
        [shown] = await tg.wait_for_messages(USER)
        query_id = tg.press_button(shown, "menu:help")
        await tg.wait_until(lambda: query_id in tg.callback_answers and tg.last_message(USER)["text"] == "Help text")
    assert tg.callback_answers[query_id]["text"] == "Opening help"
    assert tg.callback_answers[query_id]["show_alert"] is True
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)


async def test_inline_query_answered(tg: FakeTelegram, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.inline_query()
    async def inline(query: InlineQuery) -> None:
        await query.answer(
            [
                InlineQueryResultArticle(
                    id="gdpr-art-17",
                    title=f"Result for {query.query}",
                    input_message_content=InputTextMessageContent(message_text="<b>Art. 17</b>", parse_mode="HTML"),
                )
            ],
            cache_time=5,
            is_personal=True,
        )

    async with polling(tg, bot, dp):
        query_id = tg.send_inline_query("erasure")
        await tg.wait_until(lambda: query_id in tg.inline_answers)
    answer = tg.inline_answers[query_id]
    assert answer["results"][0]["title"] == "Result for erasure"
    assert answer["cache_time"] == 5 and answer["is_personal"] is True

    too_many = [
        InlineQueryResultArticle(id=str(n), title="t", input_message_content=InputTextMessageContent(message_text="x"))
        for n in range(51)
    ]
    with pytest.raises(TelegramBadRequest):
        await bot.answer_inline_query(tg.send_inline_query("q"), too_many)
    long_id = InlineQueryResultArticle(
        id="x" * 65, title="t", input_message_content=InputTextMessageContent(message_text="x")
    )
    with pytest.raises(TelegramBadRequest, match="RESULT_ID_INVALID"):
        await bot.answer_inline_query(tg.send_inline_query("q"), [long_id])


async def test_webhook_delivery_and_reply_in_response(tg: FakeTelegram, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message()
    async def reply(message: Message) -> object:
        return message.answer(f"via webhook: {message.text}")  # answered in the webhook response body

    app = web.Application()
    SimpleRequestHandler(dp, bot, secret_token="s3cret", handle_in_background=False).register(app, path="/hook")
    async with TestServer(app) as hook:
        url = str(hook.make_url("/hook"))
        assert await bot.set_webhook(url, secret_token="s3cret")
        assert (await bot.get_webhook_info()).url == url
        with pytest.raises(TelegramConflictError):
            await bot.get_updates()
        tg.send_user_message("ping")
        [answer] = await tg.wait_for_messages(USER)
        await tg.wait_for_updates_consumed()
        assert answer["text"] == "via webhook: ping"
        assert len(tg.webhook_deliveries) == 1
        assert await bot.delete_webhook()
    assert await bot.get_updates() == []


# --------------------------------------------------------------------------- other methods


async def test_commands_per_scope_and_language(tg: FakeTelegram, bot: Bot) -> None:
    scope = BotCommandScopeChat(chat_id=USER)
    await bot.set_my_commands([BotCommand(command="start", description="Start")], scope=scope, language_code="en")
    await bot.set_my_commands([BotCommand(command="help", description="Помощь")])
    assert tg.commands(scope_type="chat", chat_id=USER, language_code="en") == [
        {"command": "start", "description": "Start"}
    ]
    assert tg.commands() == [{"command": "help", "description": "Помощь"}]
    await bot.set_my_commands([], scope=scope, language_code="en")  # an empty list removes them
    assert tg.commands(scope_type="chat", chat_id=USER, language_code="en") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Command", description="x")])


async def test_photo_uploads(tg: FakeTelegram, bot: Bot) -> None:
    image = png(40, 30)
    sent = await bot.send_photo(
        USER, BufferedInputFile(image, "chart.png"), caption="<b>Chart</b> &amp; data", parse_mode="HTML"
    )
    assert sent.photo is not None and (sent.photo[-1].width, sent.photo[-1].height) == (40, 30)
    assert sent.photo[-1].file_size == len(image) and sent.caption == "Chart & data"
    stored = tg.last_message(USER)
    assert stored["html"] == "<b>Chart</b> &amp; data" and stored["text"] == "Chart & data"
    assert stored["file"].size == len(image)
    assert tg.calls("sendPhoto")[0].params["photo"].filename == "chart.png"

    again = await bot.send_photo(USER, sent.photo[-1].file_id)  # re-send by file_id
    assert again.photo is not None and again.photo[-1].file_id == sent.photo[-1].file_id
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(USER, BufferedInputFile(b"not an image", "x.png"))
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_photo(USER, "no-such-file-id")
    assert [m["text"] for m in tg.messages(USER)] == ["Chart & data", ""]


async def test_chats_and_members(tg: FakeTelegram, bot: Bot) -> None:
    tg.add_chat({"id": CHANNEL, "type": "channel", "title": "Leaks", "username": "leaks"})
    tg.set_chat_member(CHANNEL, tg.bot_id, {"status": "administrator", "can_post_messages": True})
    member = await bot.get_chat_member("@leaks", tg.bot_id)
    assert isinstance(member, ChatMemberAdministrator) and member.can_post_messages
    chat = await bot.get_chat(CHANNEL)
    assert chat.title == "Leaks" and chat.type == "channel"
    assert (await bot.get_chat(USER)).type == "private"
    assert (await bot.get_chat_member(USER, USER)).status == "member"
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(-100999)
    post = await bot.send_message(CHANNEL, "alert")
    assert post.sender_chat is not None and post.sender_chat.id == CHANNEL
    assert tg.chats_with_messages() == [CHANNEL]


async def test_wait_for_messages_timeout_is_helpful(tg: FakeTelegram, bot: Bot) -> None:
    with contextlib.suppress(TelegramBadRequest):
        await bot.send_message(555, "<b>", parse_mode="HTML")
    with pytest.raises(TimeoutError) as caught:
        await tg.wait_for_messages(555, timeout=0.05)
    text = str(caught.value)
    assert "expected >= 1 bot message(s) in chat 555" in text
    assert "sendMessage -> Bad Request: can't parse entities" in text
