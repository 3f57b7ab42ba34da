"""The bot's session (bot/app.py: `BotSession`) sends every request as the very bytes aiogram's own session sends,
its plain JSON fields (a keyboard) prepared faster; anything else is prepared by aiogram."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.default import Default, DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app import BotSession, create_bot
from bot.config import Settings

_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5))
_JSON = st.recursive(_LEAF, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=3), inner, max_size=4)),
                     max_leaves=20)


_BOT, _OURS, _AIOGRAM = Bot("42:TEST"), BotSession(), AiohttpSession()


@settings(deadline=None)
@given(_JSON)
def test_a_plain_value_is_prepared_as_aiogram_prepares_it(value: object) -> None:
    for dumps in (True, False):
        assert _OURS.prepare_value(value, _BOT, {}, _dumps_json=dumps) == \
            _AIOGRAM.prepare_value(value, _BOT, {}, _dumps_json=dumps)


def test_what_is_not_plain_is_prepared_by_aiogram() -> None:
    bot = Bot("42:TEST", default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    when = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
    value = {"mode": ParseMode.HTML, "nested": [{"at": when, "skip": None}], "default": Default("parse_mode")}
    ours = BotSession().prepare_value(value, bot, {})
    assert ours == AiohttpSession().prepare_value(value, bot, {})
    assert '"mode": "HTML"' in ours and '"default": "HTML"' in ours


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


def test_the_bot_is_made_with_it() -> None:
    assert isinstance(create_bot(Settings(_env_file=None, bot_token="42:TEST")).session, BotSession)
