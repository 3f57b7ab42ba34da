"""The Bot: one per process, its every request through the one `RequestLimiter`. Made here, apart from the rest of
the composition root (bot/app.py, which re-exports `create_bot` and `create_limiter`), because this module imports
little besides aiogram: bot/runner.py makes the Bot and starts long polling before it imports bot/app.py and what
that loads (the knowledge base, the understanding and breach modules, pymorphy3, numpy)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.aiogram_compat import KeepResponseTypes
from bot.config import Settings
from bot.delivery.limiter import RequestLimiter
from bot.delivery.telegram import LimiterMiddleware


def create_limiter(settings: Settings) -> RequestLimiter:
    return RequestLimiter(settings.send_rate, private_interval=settings.private_chat_interval)


def create_bot(settings: Settings, token: str | None = None, *, limiter: RequestLimiter | None = None,
               session_class: type[AiohttpSession] = AiohttpSession) -> Bot:
    """The Bot, whose every request passes the one `RequestLimiter` (a session middleware): replies, callback and
    inline answers, edits, alerts, channel posts, progress messages. One Bot, one limiter, per process."""
    session = session_class(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(LimiterMiddleware(limiter or create_limiter(settings)))
    session.middleware(KeepResponseTypes())
    return Bot(
        token or settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )
