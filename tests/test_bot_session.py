"""The bot's session (bot/app.py: `BotSession`) sends every request as the very bytes aiogram's own session sends,
only made faster; a request with files goes as aiogram makes it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlencode

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.methods import SendDocument, SendMessage
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import FormData, web
from hypothesis import given
from hypothesis import strategies as st

from bot.app import BotSession, create_bot, form_urlencoded
from bot.config import Settings

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=5))
def test_a_form_is_encoded_as_urllib_encodes_it(fields: list[tuple[str, str]]) -> None:
    assert form_urlencoded(fields) == urlencode(fields, doseq=True).encode()


def test_the_table_stays_small() -> None:
    # every character of the Basic Multilingual Plane met once: the table keeps only its first few thousand
    text = "".join(chr(code) for code in range(0xD800))
    assert form_urlencoded([("text", text)]) == urlencode([("text", text)], doseq=True).encode()
    from bot.app import _PERCENT

    assert len(_PERCENT) <= _PERCENT.SIZE


@pytest.fixture
async def recorder() -> AsyncIterator[tuple[str, list[tuple[str, bytes]]]]:
    """A stand-in Bot API that records each request's content type and body, and answers sendMessage."""
    bodies: list[tuple[str, bytes]] = []

    async def record(request: web.Request) -> web.Response:
        bodies.append((request.headers.get("Content-Type", ""), await request.read()))
        return web.json_response({"ok": True, "result": {
            "message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}, "text": "x"}})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", record)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", bodies
    await runner.cleanup()


async def test_a_reply_goes_as_the_very_bytes_aiogram_sends(recorder: tuple[str, list[tuple[str, bytes]]]) -> None:
    base, bodies = recorder
    markup = InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text="1. Штраф за утечку & «ещё» 🔴", callback_data="e:koap-13-11")],
        [InlineKeyboardButton(text="GDPR: Art. 83 (4)-(5) ~ 20 000 000 €", callback_data="e:gdpr+83")],
    ])
    text = "<b>Ч. 12 ст. 13.11 КоАП</b>\n\nштраф до 15 млн ₽; <a href=\"https://x.ru/?a=1&b=2\">источник</a> 100%"
    for session_class in (AiohttpSession, BotSession):
        bot = Bot("42:TEST", session=session_class(api=TelegramAPIServer.from_base(base)),
                  default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True))
        await bot(SendMessage(chat_id=42, text=text, reply_markup=markup))
        await bot.session.close()
    (aiogram_type, aiogram_body), (ours_type, ours_body) = bodies
    assert aiogram_type == ours_type == "application/x-www-form-urlencoded"
    assert ours_body == aiogram_body


def test_a_request_with_files_is_made_by_aiogram() -> None:
    session = BotSession()
    bot = Bot("42:TEST", session=session)
    form = session.build_form_data(bot, SendDocument(chat_id=42, document=BufferedInputFile(b"data", "a.txt")))
    assert isinstance(form, FormData) and form.is_multipart


def test_the_bot_is_made_with_it() -> None:
    assert isinstance(create_bot(Settings(_env_file=None, bot_token="42:TEST")).session, BotSession)
