"""The aiogram side of delivery: the limiter as a session middleware (every request of the Bot passes it), the
Transport that sends outbox rows as bulk requests, mapping Bot API errors to outcomes, and the progress messages."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.delivery.limiter import RequestLimiter, bulk_requests
from bot.delivery.progress import Edit, Send
from bot.delivery.sender import Outcome, Status, Transport

log = logging.getLogger(__name__)
MAX_RETRIES = 3
UNPACED = {"getUpdates"}  # a long poll waits by design; it sends nothing
_GONE_MARKERS = ("chat not found", "user is deactivated", "bot was kicked", "have no rights to send")


def telegram_transport(bot: Bot) -> Transport:
    async def send(chat_id: int, text: str) -> Outcome:
        try:
            with bulk_requests():
                message = await bot.send_message(chat_id, text)
        except TelegramRetryAfter as exc:
            return Outcome(Status.RETRY_AFTER, retry_after=float(exc.retry_after), error="429")
        except (TelegramForbiddenError, TelegramNotFound) as exc:
            return Outcome(Status.GONE, error=exc.message[:200])
        except TelegramBadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE_MARKERS):
                return Outcome(Status.GONE, error=exc.message[:200])
            return Outcome(Status.REJECTED, error=exc.message[:200])
        except (TelegramNetworkError, TelegramServerError, TimeoutError, OSError) as exc:
            return Outcome(Status.TEMPORARY, error=type(exc).__name__)
        return Outcome(Status.SENT, message_id=message.message_id)

    return send


def progress_messages(bot: Bot) -> tuple[Send, Edit]:
    """Sending and editing the admins' progress message. Like the alerts, they are bulk requests: they queue in
    the limiter behind interactive replies and, first come first served, among the alerts."""

    async def send(chat_id: int, text: str) -> int | None:
        with bulk_requests():
            return (await bot.send_message(chat_id, text)).message_id

    async def edit(chat_id: int, message_id: int, text: str) -> None:
        with bulk_requests():
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)

    return send, edit


class LimiterMiddleware(BaseRequestMiddleware):
    """Every request of a Bot passes here (aiogram's session middleware): it waits for its turn in the one
    `RequestLimiter`, and a 429 pauses every request for `retry_after` and tries this one again, up to
    `max_retries` times (then the 429 is logged and raised to the caller)."""

    def __init__(self, limiter: RequestLimiter, *, max_retries: int = MAX_RETRIES):
        self.limiter = limiter
        self.max_retries = max_retries

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        name = method.__api_method__
        if name in UNPACED:
            return await make_request(bot, method)
        chat_id = getattr(method, "chat_id", None) if is_message(name) else None
        for attempt in range(self.max_retries + 1):
            await self.limiter.acquire(chat_id)
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                self.limiter.pause(float(exc.retry_after))
                if attempt == self.max_retries:
                    log.warning("%s to %s: still 429 after %d retries", name, chat_id, self.max_retries)
                    raise
        raise AssertionError("unreachable")


def is_message(method_name: str) -> bool:
    """Methods that put a message into a chat: Telegram's per-chat limits count these."""
    return (method_name.startswith("send") and method_name != "sendChatAction") or method_name in {
        "copyMessage", "copyMessages", "forwardMessage", "forwardMessages"}
