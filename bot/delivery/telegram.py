"""The Transport that sends through aiogram, mapping Bot API errors to delivery outcomes."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.delivery.sender import Outcome, Status, Transport

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
