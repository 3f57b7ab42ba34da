"""Start-up time: from process start to the first getUpdates the sandbox sees, for `python -m bot` and for a bare
aiogram echo bot through the same sandbox in the same run (aiogram's own import is most of a bare bot's start, so
the difference is what this bot adds before it polls). The time to the first answer is measured too, which is what a
user waits for: a question is waiting when each process starts, and the clock stops at the reply (the bare bot echoes
it)."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.resources import knowledge_dir
from tg_sandbox.server import FakeTelegram

# Seconds a start may take: a cold one builds the knowledge base, which takes a minute and more of wall time on a
# machine busy with other work.
START_LIMIT = 300

# The bare bot: what `aiogram`'s README starts with, polling the sandbox.
BARE_BOT = """
import asyncio, os
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

dp = Dispatcher()

@dp.message()
async def echo(message: Message) -> None:
    await message.answer(message.text or "")

async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"])
    await dp.start_polling(Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api)))

asyncio.run(main())
"""


def _cpu_seconds(pid: int) -> float:
    """CPU time a live process has used so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


QUESTION = "какой штраф за утечку персональных данных?"
_CHATS = itertools.count(9000)


async def time_to_polling(telegram: FakeTelegram, argv: list[str], workdir: Path) -> tuple[float, float, float]:
    """Seconds of wall and of CPU time from spawning `argv` to its first getUpdates, and of wall time to its reply to
    the question waiting at the start; the process is stopped with SIGTERM afterwards. CPU time holds steady on a
    machine busy with other work, wall time does not."""
    env = {
        "PATH": os.environ.get("PATH", ""), "HOME": str(workdir), "PYTHONPATH": str(PROJECT_ROOT),
        "BOT_TOKEN": telegram.token, "TELEGRAM_API_URL": telegram.base_url,
        "DATABASE_URL": f"sqlite:///{workdir / 'bot.sqlite3'}", "KNOWLEDGE_DIR": str(knowledge_dir()),
    }
    before = len(telegram.calls("getUpdates"))
    chat = next(_CHATS)  # a chat of its own per run
    telegram.send_user_message(QUESTION, user_id=chat)
    start = time.perf_counter()
    process = await asyncio.create_subprocess_exec(*argv, cwd=workdir, env=env, stdout=asyncio.subprocess.DEVNULL,
                                                   stderr=asyncio.subprocess.DEVNULL)
    try:
        await telegram.wait_until(lambda: len(telegram.calls("getUpdates")) > before
                                  or process.returncode is not None, timeout=START_LIMIT)
        elapsed, cpu = time.perf_counter() - start, _cpu_seconds(process.pid)
        if process.returncode is not None:
            raise RuntimeError(f"{argv} exited with {process.returncode} before polling")
        await telegram.wait_until(lambda: bool(telegram.messages(chat)) or process.returncode is not None,
                                  timeout=START_LIMIT)
        answered = time.perf_counter() - start
        if not telegram.messages(chat):
            raise RuntimeError(f"{argv} exited with {process.returncode} before answering")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()
    return elapsed, cpu, answered


async def startup(runs: int = 3) -> dict[str, tuple[float, float, float]]:
    """Median seconds (wall, CPU) to the first getUpdates, and (wall) to the first answer, of this bot and of a bare
    aiogram bot, runs alternating so that a busy machine slows both alike. The bot's database and its start-up cache
    (bot/startcache.py, under the runs' HOME: the knowledge base, the service directory, the breach parser) exist
    after the first run, as on any restart; the first run is a cold start."""
    telegram = FakeTelegram()
    await telegram.start()
    ours, bare = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            for _ in range(runs):
                bare.append(await time_to_polling(telegram, [sys.executable, "-c", BARE_BOT], workdir))
                ours.append(await time_to_polling(telegram, [sys.executable, "-m", "bot"], workdir))
    finally:
        await telegram.stop()
    return {name: (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
                   statistics.median(r[2] for r in runs))
            for name, runs in (("bot", ours), ("bare", bare))}
