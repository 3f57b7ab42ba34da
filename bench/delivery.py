"""Benchmarks through the sandbox: updates answered per second (bot vs a bare echo bot), a fan-out to many
watchers under Telegram's limits, and the watcher lookup on a large watch table."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from bot.answers import answer_question
from bot.app import create_bot, create_dispatcher, create_services, freeze_long_lived
from bot.breaches.models import Breach
from bot.config import Settings
from bot.kb import KnowledgeBase
from bot.keyboards import entries_keyboard
from bot.storage import Database, utcnow
from bot.storage.outbox import Outbox
from bot.storage.watches import Watches
from tg_sandbox.server import FakeTelegram

QUESTIONS = ["какой штраф за утечку персональных данных?", "biggest GDPR fine", "штраф WhatsApp 2021",
             "DPDP penalty", "сколько сим-карт можно иностранцу", "top 10 GDPR fines"]


@dataclass
class Rate:
    """Updates answered per second of wall time, and per second of this process's CPU time (the sandbox, the bot
    and its threads together): the CPU figure holds steady on a machine busy with other work, the wall one not."""

    wall: float
    cpu: float


def distinct_questions(limit: int) -> list[str]:
    """Up to ``limit`` different real questions (the dev sets', in order): a run of these measures the bot with its
    answer cache missing, as for questions nobody asked before."""
    seen: dict[str, None] = {}
    for path in sorted((Path(__file__).resolve().parent / "dev").glob("questions_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(json.loads(line)["q"].strip(), None)
    return list(seen)[:limit]


async def _throughput(telegram: FakeTelegram, dp: Dispatcher, bot: Bot, updates: int,
                      questions: list[str] = QUESTIONS) -> Rate:
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    await telegram.wait_until(lambda: telegram.is_polling, timeout=10)

    def answered() -> int:
        return sum(1 for r in telegram.requests if r.method == "sendMessage" and r.status == 200)

    # Each question once, untimed, from a user outside the measured ones: what a process builds once on first use
    # (search structures, dateparser's data) is start-up cost, not the cost of an update.
    for question in QUESTIONS:
        telegram.send_user_message(question, user_id=9_999)
    await telegram.wait_until(lambda: answered() >= len(QUESTIONS), timeout=60)
    warm = answered()
    users = 200
    start, start_cpu = time.perf_counter(), time.process_time()
    for i in range(updates):
        telegram.send_user_message(questions[i % len(questions)], user_id=10_000 + i % users)
    deadline = start + 120
    # A cheap count, looked at every 20 ms: the waiting must not eat the event loop it measures.
    while answered() - warm < updates:
        if time.perf_counter() > deadline:
            raise TimeoutError("the bot did not answer every update in time")
        await asyncio.sleep(0.02)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    await dp.stop_polling()
    with contextlib.suppress(Exception):
        await polling
    return Rate(updates / elapsed, updates / cpu)


async def _ours(kb: KnowledgeBase, updates: int, questions: list[str] = QUESTIONS) -> Rate:
    telegram = FakeTelegram()
    await telegram.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, bot_token=telegram.token, telegram_api_url=telegram.base_url,
                            database_url=f"sqlite:///{tmp}/bench.sqlite3", throttle_per_minute=100_000,
                            # the sandbox enforces no flood limits here: the bot's own cost per update is measured,
                            # not the pacing Telegram imposes (the fan-out and busy sections measure that)
                            send_rate=1_000_000, private_chat_interval=0)
        services = await create_services(settings, kb=kb)
        bot = create_bot(settings)
        dp = create_dispatcher(services)
        freeze_long_lived()  # as bot/runner.py does
        rate = await _throughput(telegram, dp, bot, updates, questions)
        await bot.session.close()
        await services.db.close()
    await telegram.stop()
    return rate


async def _bare(dp: Dispatcher, updates: int, default: DefaultBotProperties | None = None,
                questions: list[str] = QUESTIONS) -> Rate:
    telegram = FakeTelegram()
    await telegram.start()
    bot = Bot(telegram.token, session=AiohttpSession(api=TelegramAPIServer.from_base(telegram.base_url)),
              default=default)
    rate = await _throughput(telegram, dp, bot, updates, questions)
    await bot.session.close()
    await telegram.stop()
    return rate


def _bot_defaults() -> DefaultBotProperties:
    """The defaults the bot's own Bot is made with (bot/app.py: HTML, no link previews): a bare bot given them sends
    the very requests the bot sends."""
    return create_bot(Settings(_env_file=None, bot_token="42:BENCH")).default


def _echo() -> Dispatcher:
    echo = Dispatcher()

    @echo.message()
    async def repeat(message: Message) -> None:
        await message.answer(message.text or "")

    return echo


def _replay(kb: KnowledgeBase) -> Dispatcher:
    """The same replies, precomputed: what aiogram and the sandbox cost for the bot's actual output (long HTML with
    buttons, which the in-process sandbox parses like Telegram), so the ratio to it isolates the bot's own work."""
    replay = Dispatcher()
    answers = {q: answer_question(kb, q, "ru") for q in QUESTIONS}

    @replay.message()
    async def answer_from_cache(message: Message) -> None:
        answer = answers[message.text or ""]
        await message.answer(answer.text, reply_markup=entries_keyboard(answer.buttons, "ru", numbered=answer.numbered))

    return replay


async def throughput(kb: KnowledgeBase, updates: int = 1000, rounds: int = 3) -> dict[str, Rate]:
    """Median rates of the bot, a bare echo bot and a bot replaying the same answers precomputed, each against a
    fresh sandbox, in `rounds` alternating rounds of `updates` each (so a machine busy for a while slows all
    three alike). The bench's few questions repeat, as popular ones do, so the bot's answer cache mostly hits; "bot,
    new questions" and "echo, new questions" send `updates` different real questions instead (no cache hit)."""
    # What this process already holds (the knowledge base loaded for every section) is no bot's garbage: frozen, so
    # that no bot's collections walk it, as in a bot's own process.
    gc.freeze()
    runs: dict[str, list[Rate]] = {"bot": [], "echo": [], "same output": [], "bot, new questions": [],
                                   "echo, new questions": []}
    fresh = distinct_questions(updates)
    for _ in range(rounds):
        runs["echo, new questions"].append(await _bare(_echo(), len(fresh), questions=fresh))
        runs["bot, new questions"].append(await _ours(kb, len(fresh), fresh))
        runs["echo"].append(await _bare(_echo(), updates))
        runs["bot"].append(await _ours(kb, updates))
        # with the bot's own defaults (HTML, no link previews): the very requests the bot makes
        runs["same output"].append(await _bare(_replay(kb), updates, _bot_defaults()))
    return {name: Rate(statistics.median(r.wall for r in rates), statistics.median(r.cpu for r in rates))
            for name, rates in runs.items()}


async def fan_out(kb: KnowledgeBase, watchers: int = 5000, rate: float = 30) -> dict[str, float]:
    """One breach to `watchers` chats with the sandbox enforcing `rate`/s overall and 1/s per chat."""
    telegram = FakeTelegram()
    await telegram.start()
    telegram.enforce_limits(global_per_second=rate, private_per_second=1, group_per_minute=20)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, bot_token=telegram.token, telegram_api_url=telegram.base_url,
                            database_url=f"sqlite:///{tmp}/bench.sqlite3", send_rate=rate)
        services = await create_services(settings, kb=kb)
        bot = create_bot(settings)
        sender = services.delivery.attach(bot)
        now = utcnow()
        await services.db.conn.executemany(
            "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?)",
            [(50_000 + i, "ru" if i % 2 else "en", now) for i in range(watchers)])
        await services.db.conn.executemany(
            "INSERT INTO watches (chat_id, service_key, service_name, created_at) VALUES (?, 'litres', 'Литрес', ?)",
            [(50_000 + i, now) for i in range(watchers)])
        await services.db.conn.commit()
        breach = Breach(service="Литрес", domain="litres.ru", record_count=3_083_408,
                        data_classes=["Names", "Email addresses", "Passwords"], password_storage="SHA1 unsalted")
        start = time.perf_counter()
        published = await services.alerts.publish(breach)
        await sender.drain(timeout=watchers / rate * 3 + 60)
        elapsed = time.perf_counter() - start
        delivered = Counter(r.params.get("chat_id") for r in telegram.calls("sendMessage") if r.status == 200)
        await bot.session.close()
        await services.db.close()
    await telegram.stop()
    achieved = published.queued / elapsed
    return {
        "watchers": watchers, "seconds": elapsed, "rate": achieved, "ratio": achieved / rate,
        "429s": telegram.count_429,
        "lost": sum(1 for i in range(watchers) if delivered[50_000 + i] == 0),
        "repeated": sum(1 for count in delivered.values() if count > 1),
    }


async def watcher_lookup(rows: int = 1_000_000, services_count: int = 50_000, repeat: int = 50) -> dict[str, float]:
    """Time to find the watchers of a breach among `rows` watch rows and queue their alerts (INSERT … SELECT, a
    chunk of watchers per transaction): median and worst over long-tail services (one chunk: the whole fan-out), and
    for the single most watched service its publishing transaction (`popular_ms`) and all of it (`popular_all_ms`)."""
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database(Path(tmp) / "watches.sqlite3").connect()
        await db.migrate()
        now = utcnow()
        users = rows // 5
        await db.conn.executemany("INSERT INTO users (chat_id, language, started_at) VALUES (?, 'ru', ?)",
                                  [(i, now) for i in range(users)])
        pairs = set()
        while len(pairs) < rows:
            # A few popular services and a long tail, as in real life.
            service = int(rng.paretovariate(1.2)) % services_count
            pairs.add((rng.randrange(users), f"service-{service}"))
        await db.conn.executemany(
            "INSERT INTO watches (chat_id, service_key, service_name, created_at) VALUES (?, ?, ?, ?)",
            [(chat, key, key, now) for chat, key in pairs])
        await db.conn.commit()
        watches, outbox = Watches(db), Outbox(db)
        texts = {"ru": "оповещение", "en": "alert"}
        timings, sizes = [], []
        for i in range(repeat):  # a typical breach: a service from the long tail
            keys = {f"service-{rng.randrange(100, services_count)}"}
            start = time.perf_counter()
            sizes.append(await watches.queue_for_watchers(outbox, "bench", f"tail-{i}", keys, texts))
            timings.append((time.perf_counter() - start) * 1000)
        # The worst case: the most watched service of all. Its publishing transaction (the promise and the first
        # chunk: what holds SQLite's one writer, and after which the first alerts can go), then the rest, chunk by
        # chunk, each a transaction of its own.
        start = time.perf_counter()
        async with db.transaction() as conn:
            await watches.queue_for_watchers_in(conn, outbox, "bench", "popular", {"service-1"}, texts)
        popular_ms = (time.perf_counter() - start) * 1000
        popular = await outbox.finish_fan_out("bench", "popular") or 0
        popular_all_ms = (time.perf_counter() - start) * 1000
        await db.close()
    timings.sort()
    return {"rows": rows, "median_ms": timings[len(timings) // 2], "max_ms": timings[-1],
            "max_watchers": max(sizes), "popular_watchers": popular, "popular_ms": popular_ms,
            "popular_all_ms": popular_all_ms}
