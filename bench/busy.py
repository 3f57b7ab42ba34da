"""The busy benchmark: one breach fanned out to many watchers at SEND_RATE=30 with the sandbox enforcing Telegram's
limits (30/s overall, 1/s per private chat, 20/min per group), while people ask questions during it. Everything
goes through the real bot over HTTP: polling, handlers, the outbox sender and the one request limiter.

What it shows: every question answered, and quickly (replies are interactive requests, granted before the
fan-out's bulk ones); no alert lost or repeated; hardly a 429; and the sends together close to the limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from collections import Counter
from dataclasses import dataclass

from bot.app import create_bot, create_dispatcher, create_limiter, create_services
from bot.breaches.models import Breach
from bot.config import Settings
from bot.kb import KnowledgeBase
from bot.storage import utcnow
from tg_sandbox.server import FakeTelegram, SandboxSession

RATE = 30
ADMIN_ID = 900
FIRST_WATCHER = 50_000
FIRST_ASKER = 70_000
QUESTIONS = ["какой штраф за утечку персональных данных?", "biggest GDPR fine", "штраф WhatsApp 2021",
             "DPDP penalty", "что такое персональные данные", "top 10 GDPR fines",
             "сколько часов на уведомление РКН об утечке?", "GDPR breach notification deadline"]


@dataclass(frozen=True)
class BusyResult:
    watchers: int
    askers: int
    seconds: float  # from the breach's publication to its last alert delivered
    answered: int
    p50: float  # answer latency, seconds (question queued -> reply accepted by the sandbox)
    p95: float
    lost: int
    repeated: int
    count_429: int
    sends: int  # messages accepted by the sandbox in that time: alerts, answers, the admin's progress message
    ratio: float  # sends per second / RATE


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(kb: KnowledgeBase, watchers: int = 1000, askers: int = 120, ask_over: float = 25.0) -> BusyResult:
    """Publish one breach to `watchers` chats; meanwhile `askers` users each ask one question, evenly spread over
    the first `ask_over` seconds. Returns when every alert and every answer arrived (or after a generous limit)."""
    telegram = FakeTelegram()
    await telegram.start()
    telegram.enforce_limits(global_per_second=RATE, private_per_second=1, group_per_minute=20)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, bot_token=telegram.token, telegram_api_url=telegram.base_url,
                            database_url=f"sqlite:///{tmp}/busy.sqlite3", send_rate=RATE, admin_ids=[ADMIN_ID],
                            throttle_per_minute=100_000)
        services = await create_services(settings, kb=kb)
        now = utcnow()
        await services.db.conn.executemany(
            "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?)",
            [(FIRST_WATCHER + i, "ru" if i % 2 else "en", now) for i in range(watchers)])
        await services.db.conn.executemany(
            "INSERT INTO watches (chat_id, service_key, service_name, created_at) VALUES (?, 'litres', 'Литрес', ?)",
            [(FIRST_WATCHER + i, now) for i in range(watchers)])
        await services.db.conn.commit()
        bot = create_bot(settings, limiter=create_limiter(settings), session_class=SandboxSession)
        dp = create_dispatcher(services)
        polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
        try:
            await telegram.wait_until(lambda: telegram.is_polling and services.sender is not None, timeout=30)
            telegram.clear_requests()  # start-up calls (commands menu) are not part of the measure
            breach = Breach(service="Литрес", domain="litres.ru", record_count=3_083_408,
                            data_classes=["Names", "Email addresses", "Passwords"], password_storage="SHA1 unsalted")
            start = time.monotonic()
            await services.alerts.publish(breach)
            asked: dict[int, float] = {}
            for i in range(askers):
                await asyncio.sleep(max(0.0, start + i * ask_over / askers - time.monotonic()))
                user_id = FIRST_ASKER + i
                asked[user_id] = time.monotonic()
                telegram.send_user_message(QUESTIONS[i % len(QUESTIONS)], user_id=user_id,
                                           language_code="ru" if i % 2 else "en")
            watcher_ids = range(FIRST_WATCHER, FIRST_WATCHER + watchers)

            def alerts() -> Counter[int]:
                return Counter(r.params["chat_id"] for r in telegram.calls("sendMessage")
                               if r.ok and FIRST_WATCHER <= r.params["chat_id"] < FIRST_WATCHER + watchers)

            def replies() -> dict[int, float]:
                first: dict[int, float] = {}
                for r in telegram.calls("sendMessage"):
                    if r.ok and r.params["chat_id"] in asked:
                        first.setdefault(r.params["chat_id"], r.time)
                return first

            def done() -> bool:
                return len(alerts()) == watchers and len(replies()) == askers

            with contextlib.suppress(TimeoutError):
                await telegram.wait_until(done, timeout=watchers / RATE * 3 + 60)
            delivered = alerts()
            last_alert = max(r.time for r in telegram.calls("sendMessage") if r.ok and r.params["chat_id"]
                             in delivered)
            elapsed = last_alert - start
            sends = sum(1 for r in telegram.calls("sendMessage") if r.ok and r.time <= last_alert)
            answered = replies()
            latencies = [answered[user] - asked[user] for user in answered]
        finally:
            await dp.stop_polling()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(polling, timeout=30)
            await bot.session.close()
            await services.db.close()
    await telegram.stop()
    return BusyResult(
        watchers=watchers, askers=askers, seconds=elapsed, answered=len(answered),
        p50=percentile(latencies, 0.5), p95=percentile(latencies, 0.95),
        lost=sum(1 for chat in watcher_ids if delivered[chat] == 0),
        repeated=sum(1 for count in delivered.values() if count > 1),
        count_429=telegram.count_429, sends=sends, ratio=sends / elapsed / RATE,
    )


def rows(alone: BusyResult, busy: BusyResult) -> list[list[object]]:
    def row(name: str, r: BusyResult) -> list[object]:
        answered = f"{r.answered}/{r.askers}" if r.askers else "-"
        latency = f"{r.p50:.2f} / {r.p95:.2f}" if r.askers else "-"
        return [name, r.watchers, answered, latency, r.lost, r.repeated, r.count_429, f"{r.seconds:.1f}",
                r.sends, f"{r.ratio:.3f}"]

    return [row("fan-out alone", alone), row(f"fan-out + {busy.askers} askers", busy)]


HEADER = ["run", "watchers", "answered", "answer p50 / p95 s", "alerts lost", "repeated", "429s", "seconds",
          "sends", "sends / limit"]


def section(kb: KnowledgeBase, quick: bool = False) -> tuple[list[str], list[list[object]]]:
    watchers, askers, ask_over = (300, 40, 8.0) if quick else (1000, 120, 25.0)
    alone = asyncio.run(run(kb, watchers=watchers, askers=0))
    busy = asyncio.run(run(kb, watchers=watchers, askers=askers, ask_over=ask_over))
    return HEADER, rows(alone, busy)
