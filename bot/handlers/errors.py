"""The last line of defence: log the error (without the message text) and tell the user something went wrong."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import ErrorEvent

from bot.i18n import t
from bot.storage.users import language_from_code

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent) -> bool:
    update = event.update
    sender = update.message.from_user if update.message else (
        update.callback_query.from_user if update.callback_query else None)
    log.error("update %s failed: %s", update.update_id, type(event.exception).__name__,
              exc_info=event.exception)
    message = update.message or (update.callback_query.message if update.callback_query else None)
    if message is not None and getattr(message, "chat", None) is not None and message.chat.type == "private":
        try:
            await message.answer(t("error", language_from_code(sender.language_code if sender else None)))
        except Exception:  # the reply itself failing must not raise out of the error handler
            log.warning("could not tell the user about the error in update %s", update.update_id)
    return True


def router() -> Router:
    """Errors raised in any router of the dispatcher reach this one (aiogram propagates them upwards)."""
    r = Router(name="errors")
    r.error.register(on_error)
    return r
