"""`kill -9` in the middle of a fan-out: the real `python -m bot` process is killed while alerts go out, started
again over the same database, and every watcher gets the alert; only messages in flight at the kill repeat.
(A kill between storing a breach and queueing its alerts: tests/test_publishing.py.)"""

from __future__ import annotations

import signal
import sqlite3
from collections import Counter
from pathlib import Path

from bot.delivery.sender import CONCURRENCY
from tests.botprocess import BotProcess
from tests.conftest import SOURCE_CHANNEL
from tests.test_e2e_alerts import LITRES_POST
from tests.test_publishing import WATCHERS, seed_watchers
from tg_sandbox.server import FakeTelegram

START_UP = 180  # seconds a `python -m bot` may take to poll


def alerts_delivered(telegram: FakeTelegram) -> Counter[int]:
    return Counter(r.params["chat_id"] for r in telegram.calls("sendMessage")
                   if r.status == 200 and r.params["chat_id"] in WATCHERS)


def outbox_status(db_path: Path) -> Counter[str]:
    with sqlite3.connect(db_path) as conn:
        return Counter(dict(conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status").fetchall()))


async def test_a_fan_out_killed_midway_finishes_after_restart_without_losing_or_repeating(
        telegram: FakeTelegram, tmp_path: Path) -> None:
    db_path = tmp_path / "bot.sqlite3"
    await seed_watchers(db_path)
    # Telegram's shape of limits at a higher rate, so that the test takes seconds, not minutes
    telegram.enforce_limits(global_per_second=100, private_per_second=1)
    env = {"SOURCE_CHANNEL_IDS": str(SOURCE_CHANNEL), "SEND_RATE": "100"}

    first = await BotProcess(telegram, tmp_path, **env).start()
    try:
        # Start-up (imports, the knowledge base built in a fresh home) is not what is tested, and on a loaded machine
        # it takes minutes (importing aiogram alone took 27 s on two cores shared by eight).
        await first.wait_until(lambda: bool(telegram.calls("getUpdates")), timeout=START_UP)
        telegram.send_channel_post(LITRES_POST, chat_id=SOURCE_CHANNEL)
        await first.wait_until(lambda: len(alerts_delivered(telegram)) >= 100)
        assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
    finally:
        await first.close()
    at_kill = outbox_status(db_path)
    delivered_before = len(alerts_delivered(telegram))
    assert at_kill["pending"] + at_kill["sending"] > 0, "the kill came too late to test anything"
    assert delivered_before < len(WATCHERS)
    limited_before = telegram.count_429

    second = await BotProcess(telegram, tmp_path, **env).start()
    try:
        await second.wait_until(lambda: set(alerts_delivered(telegram)) == set(WATCHERS), timeout=START_UP + 60)
        await second.wait_until(lambda: outbox_status(db_path)["sent"] == len(WATCHERS), timeout=30)
        assert await second.stop() == 0
    finally:
        await second.close()

    delivered = alerts_delivered(telegram)
    repeated = sum(count - 1 for count in delivered.values())
    # Only a message whose request was out when the process died can go twice: the rows it had claimed
    # ("sending") and at most one batch of concurrent sends.
    assert repeated <= min(at_kill["sending"], CONCURRENCY), (repeated, at_kill)
    assert telegram.count_429 - limited_before <= 2  # the restarted bot paces itself from its first message
    assert "Traceback" not in second.stderr


