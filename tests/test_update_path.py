"""The update path stays cheap: no handler or filter runs in a worker thread, and a returning user's question
costs no database work for their settings (language, time zone) until /lang, /tz or /forget changes them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.handler import CallableObject

from bot.aiogram_compat import observer_filters
from bot.app import create_dispatcher, create_services
from bot.config import PROJECT_ROOT, Settings
from bot.startcache import default_cache_dir
from tests.botprocess import BotProcess
from tests.conftest import BotHarness
from tg_sandbox.server import FakeTelegram


def _routers(router: Router) -> Iterator[Router]:
    yield router
    for sub in router.sub_routers:
        yield from _routers(sub)


def _callables(dp: Dispatcher) -> Iterator[tuple[str, CallableObject]]:
    """Every handler and filter aiogram may call for an update: per router and observer, the observer's own
    filters (`router.message.filter(...)`) and each handler with its filters."""
    for router in _routers(dp):
        for name, observer in router.observers.items():
            where = f"{router.name}.{name}"
            for filter_ in observer_filters(observer):
                yield f"{where} router filter {filter_.callback!r}", filter_
            for handler in observer.handlers:
                yield f"{where} handler {handler.callback.__qualname__}", handler
                for filter_ in handler.filters or []:
                    yield f"{where} {handler.callback.__qualname__} filter {filter_.callback!r}", filter_


async def test_no_handler_or_filter_runs_in_a_thread(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, bot_token="42:TEST", database_url=f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    services = await create_services(settings)
    try:
        dp = create_dispatcher(services)
        checked = list(_callables(dp))
    finally:
        await services.db.close()
    assert len(checked) > 40  # the walk found the routers' handlers and filters
    in_a_thread = [where for where, callable_ in checked if not callable_.awaitable]
    assert not in_a_thread, "aiogram would run these in a worker thread:\n" + "\n".join(in_a_thread)



class Statements:
    """The SQL statements the bot's SQLite connection runs while `recording` (sqlite3's trace callback)."""

    def __init__(self) -> None:
        self.recording = False
        self.seen: list[str] = []

    def __call__(self, statement: str) -> None:
        if self.recording:
            self.seen.append(statement)

    def on_the_update_path(self) -> list[str]:
        # The outbox sender and the harness's idle check read the outbox on their own schedule, not per update.
        return [s for s in self.seen if "outbox" not in s]


QUESTION = "какой штраф за утечку персональных данных?"
START_UP = 180  # seconds: a start imports aiogram, which on a loaded machine takes tens of seconds


async def test_a_returning_users_question_does_no_database_work(harness: BotHarness) -> None:
    statements = Statements()
    await harness.services.db.conn.set_trace_callback(statements)
    first = await harness.say(QUESTION, user_id=5001, language_code="en")
    await harness.idle()
    assert statements.on_the_update_path() == []  # the control: not recording yet
    statements.recording = True
    second = await harness.say(QUESTION, user_id=5001, language_code="en")
    statements.recording = False
    assert second["text"] == first["text"]
    assert statements.on_the_update_path() == []
    # the positive control: a new user's first question is remembered (their row written)
    statements.recording = True
    await harness.say(QUESTION, user_id=5002)
    statements.recording = False
    assert any("INSERT INTO users" in s for s in statements.on_the_update_path())


async def test_lang_tz_and_forget_change_what_a_returning_user_gets(harness: BotHarness) -> None:
    assert "Europe/Moscow" in (await harness.say("/tz"))["text"]  # the default zone, now remembered
    assert "Asia/Kolkata" in (await harness.say("/tz Asia/Kolkata"))["text"]
    assert "Asia/Kolkata" in (await harness.say("/tz"))["text"]
    await harness.say("/lang en")
    reply = (await harness.say("/tz"))["text"]
    assert "Your time zone" in reply and "Asia/Kolkata" in reply
    confirm = await harness.say("/forget")
    await harness.press(confirm, 1)
    await harness.idle()
    reply = (await harness.say("/tz", language_code="ru"))["text"]
    assert "Ваш часовой пояс" in reply and "Europe/Moscow" in reply  # forgotten: the default zone and language


def test_heavy_libraries_load_on_first_use_not_at_start() -> None:
    """Start-up imports what every update needs; charts (matplotlib) and moment parsing (dateparser and its
    language data) load when a user first asks for one, and redis only when REDIS_URL is set."""
    probe = ("import sys, bot.app, bot.runner, bot.webhook; "
             "print(sorted(m for m in ('matplotlib', 'dateparser', 'redis') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
    probe = ("import sys, datetime as dt; from bot.legal.deadlines import parse_moment; "
             "parse_moment('вчера в 18:00', now=dt.datetime.now(dt.UTC), tz=dt.UTC); "
             "print('dateparser' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          check=True).stdout.strip() == "True"  # the control: first use loads it


async def test_a_burst_from_a_new_user_reads_their_settings_once(harness: BotHarness) -> None:
    statements = Statements()
    await harness.services.db.conn.set_trace_callback(statements)
    statements.recording = True
    for _ in range(5):  # one getUpdates batch: handled at once
        harness.telegram.send_user_message(QUESTION, user_id=5003)
    await harness.telegram.wait_for_messages(5003, 5)
    statements.recording = False
    assert len(harness.telegram.messages(5003)) == 5  # every one answered
    users = statements.on_the_update_path()
    assert sum("FROM users" in s for s in users) == 1 and sum("INSERT INTO users" in s for s in users) == 1, users


async def test_a_group_members_second_question_does_no_database_work(harness: BotHarness) -> None:
    group = {"chat_id": -500, "chat_type": "group", "chat_title": "Lawyers", "user_id": 5004}
    statements = Statements()
    await harness.services.db.conn.set_trace_callback(statements)
    statements.recording = True
    first = await harness.say("/ask штраф за утечку биометрии", language_code="en", **group)
    await harness.idle()  # the first update's own writes may commit after its reply went out: in its window
    statements.recording = False
    assert any("FROM users" in s for s in statements.on_the_update_path())  # the control: looked up once
    statements.seen.clear()
    statements.recording = True
    second = await harness.say("/ask штраф за утечку биометрии", language_code="en", **group)
    statements.recording = False
    assert second["text"] == first["text"]
    assert statements.on_the_update_path() == []


async def test_a_routers_own_filter_turns_away_nothing_its_command_handlers_take() -> None:
    """`Claims` reads a command as aiogram's `Command` does (a caption too, leading spaces, an @mention, case), so
    a router filter made of it never hides a command from the router's handlers."""
    from datetime import UTC, datetime

    from aiogram.filters import Command
    from aiogram.types import Chat, Message

    from bot.filters import Claims

    def message(text: str | None = None, caption: str | None = None) -> Message:
        return Message(message_id=1, date=datetime.now(UTC), chat=Chat(id=1, type="private"), text=text,
                       caption=caption)

    samples = [message(text) for text in ("/watch", "  /watch litres", "/watch@privacy_bot x", "/Watch", "/watchlist",
                                          "watch", "/", " ", "какой штраф?", "/watch\nlitres")]
    samples += [message(caption="/watch litres"), message(caption="фото"), message()]
    claims, command = Claims("watch"), Command("watch", ignore_mention=True)
    taken = [m.text or m.caption for m in samples if await command(m, bot=None)]
    assert taken == ["/watch", "  /watch litres", "/watch@privacy_bot x", "/watch\nlitres", "/watch litres"]
    assert [await claims(m) for m in samples] == [bool(await command(m, bot=None)) for m in samples]


async def test_the_question_shortcut_takes_only_what_the_command_handlers_before_it_would_pass_on() -> None:
    """`ask` sends a private chat's text to its question handler before trying `/ask` and the unknown-command
    answer: only text neither would take (its first word does not start with "/"), so a command, even after a
    space or with an @mention, still gets its answer; a group's text and a caption are not taken either."""
    from datetime import UTC, datetime

    from aiogram.filters import Command
    from aiogram.types import Chat, Message

    from bot.filters import COMMAND, PlainPrivateText

    def message(text: str | None = None, caption: str | None = None, chat: str = "private") -> Message:
        return Message(message_id=1, date=datetime.now(UTC), chat=Chat(id=1, type=chat), text=text, caption=caption)

    texts = ("какой штраф?", "/ask штраф", "  /ask штраф", "/ask@privacy_bot штраф", "/start", "/", " ", " /x",
             "штраф /ask", "\n/ask штраф")
    samples = [message(text) for text in texts] + [message(text, chat="group") for text in texts]
    samples += [message(caption="/ask штраф"), message(caption="фото"), message()]
    shortcut, ask = PlainPrivateText(), Command("ask", ignore_mention=True)
    taken = [(m.chat.type, m.text) for m in samples if await shortcut(m)]
    assert taken == [("private", "какой штраф?"), ("private", " "), ("private", "штраф /ask")]
    for m in samples:
        if await shortcut(m):  # what the handlers before it would have passed on to the question handler
            assert not await ask(m, bot=None) and not await COMMAND(m) and m.chat.type == "private" and m.text


def test_formatting_built_once_per_language_and_pattern_gives_babels_own_output() -> None:
    """bot/formatting.py keeps Babel's parsed locales and patterns, and bot/i18n.py the texts it rendered: the
    outputs are Babel's and Fluent's own, for every language, pattern and kind of value."""
    import datetime as dt
    import random
    from decimal import ROUND_HALF_UP, localcontext

    from babel.dates import format_date
    from babel.numbers import format_decimal

    from bot.formatting import format_date as our_date
    from bot.formatting import format_money, format_number
    from bot.i18n import CATALOGUE, Catalogue, Html

    rng = random.Random(14)
    values = [0, 1, 2.265, 1234.5, 10**9, -3.3, 7, 2.0, *(rng.uniform(0, 10**10) for _ in range(50))]
    for lang in ("ru", "en"):
        for decimals in (0, 1, 2, 3):
            pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
            for value in values * 2:  # the second time from what was built the first
                with localcontext(rounding=ROUND_HALF_UP):
                    expected = format_decimal(value, format=pattern, locale=lang)
                assert format_number(value, lang, decimals) == expected
        day = dt.date(2023, 8, 3)
        for precision, key in (("day", "date_pattern"), ("month", "date_pattern_month")):
            assert our_date(day, lang, precision) == format_date(day, CATALOGUE.t(key, lang), locale=lang)
        # one instant, two days: a datetime is remembered by its own calendar day
        moscow = dt.datetime(2023, 8, 3, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
        assert moscow == moscow.astimezone(dt.UTC)
        days = (dt.date(2023, 8, 3), dt.date(2023, 8, 2))
        assert [our_date(moscow, lang), our_date(moscow.astimezone(dt.UTC), lang)] == [
            format_date(day, CATALOGUE.t("date_pattern", lang), locale=lang) for day in days]
        for amount in (0, 150_000, 3_000_000, 2_265_000, 10**9 + 1):
            for style in ("words", "short", "full"):
                first = format_money(amount, "EUR", lang, style=style)
                assert format_money(amount, "EUR", lang, style=style) == first  # the second from memory
                assert format_money(float(amount), "EUR", lang, style=style) == first  # not remembered: the same
    fresh = Catalogue.load()  # renders every time it is asked something new
    for values_ in ({"n": 1}, {"n": True}, {"n": 1.0}, {"n": 5}, {"n": 1}):
        assert CATALOGUE.t("dur_days", "ru", **values_) == fresh.t("dur_days", "ru", **values_)
    assert CATALOGUE.t("lang_usage", "ru") == Catalogue.load().t("lang_usage", "ru")
    # Html is put in as it is, a string escaped: the same characters, two texts
    label = "<b>x</b>"
    assert CATALOGUE.t("money_crore", "en", number=Html(label)) != CATALOGUE.t("money_crore", "en", number=label)
    assert CATALOGUE.t("money_crore", "en", number=label) == fresh.t("money_crore", "en", number=label)


def _bot_process(telegram: FakeTelegram, tmp_path: Path, **env: str) -> BotProcess:
    # The start-up cache of this user (warm when tests or the bot ran before), not a cold one in tmp_path: what is
    # tested is what happens while the bot loads, not how long a cold start-up cache takes to build.
    return BotProcess(telegram, tmp_path, XDG_CACHE_HOME=str(default_cache_dir().parent), **env)


async def test_a_question_asked_right_after_start_is_answered_once_the_bot_is_loaded(telegram: FakeTelegram,
                                                                                      tmp_path: Path) -> None:
    """A question already waiting when `python -m bot` starts is answered, once, by the loaded bot."""
    telegram.send_user_message(QUESTION, user_id=7001, language_code="ru")
    process = await _bot_process(telegram, tmp_path).start()
    try:
        [answer] = await telegram.wait_for_messages(7001, 1, timeout=START_UP)
        assert await process.stop() == 0
    finally:
        await process.close()
    assert "13.11" in answer["text"]  # the knowledge base's answer, as to any question later
    assert not telegram.pending_updates  # confirmed to Telegram: a restart would not answer it again
    assert "Traceback" not in process.stderr
    # paused by bot/__main__.py while the imports make only long-lived objects, running again before the bot loads
    assert "loaded: handling updates (garbage collector on)" in process.stderr


async def test_a_bot_that_fails_to_load_stops_and_confirms_no_update(telegram: FakeTelegram, tmp_path: Path) -> None:
    """A start that fails to load (here: no database) stops the process with the error, and the update waiting
    meanwhile stays with Telegram for the next start."""
    (tmp_path / "not-a-directory").write_text("", encoding="utf-8")
    telegram.send_user_message(QUESTION, user_id=7002, language_code="ru")
    process = await _bot_process(telegram, tmp_path,
                                 DATABASE_URL=f"sqlite:///{tmp_path / 'not-a-directory' / 'bot.sqlite3'}").start()
    try:
        code = await process.stop(sig=None, timeout=START_UP)
    finally:
        await process.close()
    assert code != 0 and "Traceback" in process.stderr
    assert len(telegram.pending_updates) == 1
    assert not telegram.messages(7002)
