"""The one place that reaches into aiogram's private parts, each reach guarded.

Graceful shutdown needs what aiogram keeps to itself: the tasks of the updates long polling is handling (a set;
webhook mode needs none: it answers a request once its update is handled, and bot/webhook.py counts the requests)
and a way to run our hook before the shutdown hooks registered earlier. If an aiogram release renames or reshapes
one of these, the functions here raise `AiogramChanged` naming it and the installed version, instead of shutdown
silently no longer waiting; `tests/test_aiogram_compat.py` drives each one through real aiogram (polling against
the sandbox, a shutdown), so such a release fails the tests before it reaches production. The lock file pins the
version `make install` gets."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiogram
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.dispatcher.event.handler import FilterObject, HandlerObject
from aiogram.methods.base import Response, TelegramMethod, TelegramType

if TYPE_CHECKING:
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.dispatcher.event.telegram import TelegramEventObserver


class AiogramChanged(RuntimeError):
    """An aiogram internal this bot relies on is not where or what it was."""


def _private_set(owner: object, name: str) -> set[asyncio.Task[Any]]:
    value = getattr(owner, name, None)
    if not isinstance(value, set):
        raise AiogramChanged(f"aiogram {aiogram.__version__}: {type(owner).__name__}.{name} is "
                             f"{type(value).__name__}, not the set of update tasks this bot waits for at shutdown "
                             f"(see bot/aiogram_compat.py)")
    return value


def polling_update_tasks(dp: Dispatcher) -> set[asyncio.Task[Any]]:
    """The tasks of updates long polling is handling now (aiogram adds each and discards it when done)."""
    return _private_set(dp, "_handle_update_tasks")


def run_first_on_shutdown(dp: Dispatcher, hook: Callable[[], Awaitable[None]]) -> None:
    """Run `hook` before every shutdown hook registered so far (aiogram's `register` only appends)."""
    handlers = getattr(dp.shutdown, "handlers", None)
    if not isinstance(handlers, list):
        raise AiogramChanged(f"aiogram {aiogram.__version__}: Dispatcher.shutdown.handlers is "
                             f"{type(handlers).__name__}, not the list of shutdown hooks (see bot/aiogram_compat.py)")
    handlers.insert(0, HandlerObject(callback=hook))


def observer_filters(observer: TelegramEventObserver) -> list[FilterObject]:
    """The filters set on a whole observer (`router.message.filter(...)`), e.g. to check that none runs in a
    thread."""
    handler = getattr(observer, "_handler", None)
    if not isinstance(handler, HandlerObject):
        raise AiogramChanged(f"aiogram {aiogram.__version__}: TelegramEventObserver._handler is "
                             f"{type(handler).__name__}, not the HandlerObject holding the observer's filters")
    return list(handler.filters or [])


async def close_without_grace(session: AiohttpSession) -> None:
    """Close an aiohttp session at once: aiogram's `close()` sleeps 250 ms for SSL connections to wind down, which
    a plain-HTTP stand-in (the sandbox) does not need."""
    if not hasattr(session, "_session"):
        raise AiogramChanged(f"aiogram {aiogram.__version__}: AiohttpSession._session is gone "
                             f"(see bot/aiogram_compat.py)")
    client = session._session
    if client is not None and not client.closed:
        await client.close()


# Response[T] for every T a request of this process has returned, held for the process's life.
_RESPONSE_TYPES: dict[Any, type] = {}


class KeepResponseTypes(BaseRequestMiddleware):
    """A session middleware keeping alive the `Response[T]` class aiogram parses each answer into. pydantic caches a
    parametrised generic only weakly, so after a garbage collection the next request rebuilds the class (about
    6 ms, dozens of times a second under load: a quarter of this bot's CPU per update in `make bench`)."""

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in _RESPONSE_TYPES:
            _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)
