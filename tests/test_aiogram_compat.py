"""aiogram's private parts that graceful shutdown relies on (bot/aiogram_compat.py), driven through real aiogram:
if a release renames them or stops keeping update tasks in them, these fail (and the adapter raises
`AiogramChanged` rather than shutdown silently not waiting)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import weakref

import pytest
from aiogram import Dispatcher, Router
from aiogram.methods.base import Response
from aiogram.types import Message, User

from bot.aiogram_compat import (
    AiogramChanged,
    KeepResponseTypes,
    close_without_grace,
    observer_filters,
    polling_update_tasks,
    run_first_on_shutdown,
)
from bot.filters import TEXT
from tg_sandbox.server import FakeTelegram, SandboxSession


def _blocking_dispatcher() -> tuple[Dispatcher, asyncio.Event, asyncio.Event]:
    """A dispatcher whose message handler signals that it started and then waits to be released."""
    dp = Dispatcher()
    started, release = asyncio.Event(), asyncio.Event()

    @dp.message()
    async def slow(message: Message) -> None:
        started.set()
        await release.wait()

    return dp, started, release


async def test_polling_keeps_the_update_in_progress_where_shutdown_looks(telegram: FakeTelegram) -> None:
    dp, started, release = _blocking_dispatcher()
    bot = telegram.make_bot()
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    try:
        await telegram.wait_until(lambda: telegram.is_polling, timeout=10)
        telegram.send_user_message("hello", user_id=7)
        await asyncio.wait_for(started.wait(), 10)
        tasks = polling_update_tasks(dp)
        assert len(tasks) == 1 and not next(iter(tasks)).done()
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 10)
        assert not polling_update_tasks(dp)  # aiogram discards a finished one
    finally:
        release.set()
        with contextlib.suppress(RuntimeError):
            await dp.stop_polling()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(polling, 10)
        await bot.session.close()


async def test_a_hook_run_first_on_shutdown_runs_before_earlier_ones() -> None:
    dp = Dispatcher()
    order: list[str] = []

    async def stop_sender() -> None:
        order.append("stop sender")

    async def finish_updates() -> None:
        order.append("finish updates")

    dp.shutdown.register(stop_sender)
    run_first_on_shutdown(dp, finish_updates)
    await dp.emit_shutdown()
    assert order == ["finish updates", "stop sender"]


def test_an_observers_own_filters_are_found() -> None:
    router = Router()
    router.message.filter(TEXT)
    assert [f.callback for f in observer_filters(router.message)] == [TEXT]


async def test_a_sandbox_session_closes_its_client(telegram: FakeTelegram) -> None:
    bot = telegram.make_bot()
    session = bot.session
    assert isinstance(session, SandboxSession)
    await bot.get_me()  # opens the aiohttp client session
    await close_without_grace(session)
    await close_without_grace(session)  # twice is harmless
    with pytest.raises(RuntimeError):  # closed: a request now fails instead of hanging on
        await session._session.get(telegram.base_url)  # type: ignore[union-attr]


def test_a_changed_aiogram_is_named_not_ignored() -> None:
    dp = Dispatcher()
    del dp._handle_update_tasks  # what a release that renames it looks like
    with pytest.raises(AiogramChanged, match="_handle_update_tasks"):
        polling_update_tasks(dp)


async def test_the_response_class_of_a_request_survives_garbage_collection(telegram: FakeTelegram) -> None:
    bot = telegram.make_bot()
    bot.session.middleware(KeepResponseTypes())
    try:
        await bot.get_me()
        kept = weakref.ref(Response[User])
        gc.collect()
        assert kept() is not None  # pydantic alone holds it weakly: it would be rebuilt on the next getMe
    finally:
        await bot.session.close()
