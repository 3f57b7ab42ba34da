"""The Transport that sends through aiogram, mapping Bot API errors to delivery outcomes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.delivery.limits import RateLimiter
from bot.delivery.progress import Edit, Send
from bot.delivery.sender import Outcome, Status, Transport

T = TypeVar("T")
_GONE_MARKERS = ("chat not found", "user is deactivated", "bot was kicked", "have no rights to send")


def telegram_transport(bot: Bot) -> Transport:
    async def send(chat_id: int, text: str) -> Outcome:
        try:
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


def progress_messages(bot: Bot, limiter: RateLimiter) -> tuple[Send, Edit]:
    """Sending and editing the admins' progress message. They take their slot from the sender's own limiter, so a
    fan-out plus its progress stays within the overall rate; a 429 waits and tries again."""

    async def call(method: Callable[[], Awaitable[T]], chat_id: int) -> T:
        for _ in range(3):
            while (wait := max(limiter.global_ready_in(), limiter.chat_ready_in(chat_id))) > 0:  # noqa: ASYNC110
                await asyncio.sleep(wait)
            limiter.take(chat_id)
            try:
                return await method()
            except TelegramRetryAfter as exc:
                limiter.pause(float(exc.retry_after))
        return await method()

    async def send(chat_id: int, text: str) -> int | None:
        return (await call(lambda: bot.send_message(chat_id, text), chat_id)).message_id

    async def edit(chat_id: int, message_id: int, text: str) -> None:
        await call(lambda: bot.edit_message_text(text, chat_id=chat_id, message_id=message_id), chat_id)

    return send, edit
