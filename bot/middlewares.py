"""Per-update work: which language to answer in; the message text in the log when LOG_MESSAGE_TEXT=true;
the per-user throttle; with several replicas, handling each update once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update, User

from bot.config import Settings
from bot.i18n import t
from bot.storage.users import Users, language_from_code
from bot.throttle import SharedThrottle, Throttle, Verdict

if TYPE_CHECKING:  # redis is imported only when REDIS_URL is set
    from bot.shared_state import UpdateJournal

log = logging.getLogger(__name__)
text_log = logging.getLogger("bot.updates")


class LanguageMiddleware(BaseMiddleware):
    """Puts `lang` ("ru"/"en") into handler data: the user's /lang choice, else Telegram's language_code.
    Private chats are remembered on first contact (chat id, language, start date: nothing else)."""

    def __init__(self, users: Users):
        self.users = users

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat = data.get("event_chat")
        code = user.language_code if user else None
        if chat is not None and chat.type == "private" and user is not None and not user.is_bot:
            data["lang"] = await self.users.touch(chat.id, code)
        elif user is not None:
            data["lang"] = await self.users.language(user.id, default=language_from_code(code))
        else:
            data["lang"] = "ru"
        return await handler(event, data)


class MessageTextLogMiddleware(BaseMiddleware):
    """An outer middleware on `dp.update`, registered only with LOG_MESSAGE_TEXT=true: logs what the user sent
    (message text or caption, button data, inline query) with the update id. Off by default: then logs carry only
    update ids and timings (aiogram's "Update id=… is handled. Duration … ms"), and updates skip this layer."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update) and text_log.isEnabledFor(logging.INFO):
            try:
                inner = event.event
            except LookupError:  # an update type aiogram does not know
                inner = None
            text = (getattr(inner, "text", None) or getattr(inner, "caption", None) or getattr(inner, "data", None)
                    or getattr(inner, "query", None))
            if isinstance(text, str):
                text_log.info("update %s text: %r", event.update_id, text[:1000])
        return await handler(event, data)


class UpdateOnceMiddleware(BaseMiddleware):
    """The outermost of our middlewares on `dp.update` when REDIS_URL is set: an update Telegram delivers twice
    (to two replicas, or again after a timeout) is handled once. A handler that fails gives the update back, so a
    redelivery is handled; with Redis down every update counts as new. A repeat that arrives while another replica
    is still handling the update waits until that one is done (then it is dropped) or its claim lapses (a replica
    that died: then it is handled here)."""

    def __init__(self, journal: UpdateJournal, poll: float = 0.2):
        self.journal = journal
        self.poll = poll

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from bot.shared_state import Seen  # loaded already: this middleware exists only with REDIS_URL

        bot = data.get("bot")
        if not isinstance(event, Update) or bot is None:
            return await handler(event, data)
        seen = await self.journal.begin(bot.id, event.update_id)
        while seen is Seen.IN_PROGRESS:  # until the other replica finishes, or its claim lapses (it died)
            await asyncio.sleep(self.poll)
            seen = await self.journal.begin(bot.id, event.update_id)
        if seen is Seen.DONE:
            log.info("update %s was handled already: dropped", event.update_id)
            return None
        try:
            async with self.journal.held(bot.id, event.update_id):
                result = await handler(event, data)
        except BaseException:
            await self.journal.abandon(bot.id, event.update_id)
            raise
        await self.journal.finish(bot.id, event.update_id)
        return result


class ThrottleMiddleware(BaseMiddleware):
    """An outer middleware on `dp.update`, before any database or search work. Updates sent by other bots are
    dropped (two bots answering each other is the quickest flood). Each user gets `Throttle`'s budget: the first
    update over it is answered once with "slow down" (a message in a private chat, a toast on a button), the rest
    are dropped until the window has room, so one user flooding costs the others nothing. Admins are not throttled;
    updates without a user (channel posts) pass."""

    def __init__(self, throttle: Throttle | SharedThrottle, settings: Settings, users: Users):
        self.throttle, self.settings, self.users = throttle, settings, users

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or not isinstance(event, Update):
            return await handler(event, data)
        message = event.message or event.edited_message
        # In groups an anonymous admin and a channel speaking in its discussion group appear as bot users with
        # `sender_chat` set: they are people, throttled per chat.
        sender_chat = message.sender_chat if message is not None else None
        if user.is_bot and sender_chat is None:
            return None
        if self.settings.is_admin(user.id):
            return await handler(event, data)
        key = ("chat", sender_chat.id) if sender_chat is not None else user.id
        verdict = await self.throttle.decide(key)
        if verdict is Verdict.ALLOW:
            return await handler(event, data)
        if verdict is Verdict.WARN:
            await self._slow_down(event, user)
        return None

    async def _slow_down(self, update: Update, user: User) -> None:
        lang = await self.users.language(user.id, default=language_from_code(user.language_code))
        try:
            if update.message is not None and update.message.chat.type == "private":
                await update.message.answer(t("slow_down", lang))
            elif update.callback_query is not None:
                await update.callback_query.answer(t("slow_down", lang))
        except TelegramAPIError as exc:  # a failed warning is not worth an error reply
            log.warning("could not tell user %s to slow down: %s", user.id, type(exc).__name__)
