"""The real `python -m bot` as a child process against the sandbox: how an operator runs it, signals and all."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.resources import knowledge_dir
from tg_sandbox.server import FakeTelegram


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BotProcess:
    """`python -m bot` in `tmp_path` (so no .env is read), pointed at the sandbox, stderr collected."""

    def __init__(self, telegram: FakeTelegram, tmp_path: Path, **env: str):
        self.telegram = telegram
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp_path),
            "PYTHONPATH": str(PROJECT_ROOT),
            "PYTHONIOENCODING": "utf-8",
            "PYTHONUNBUFFERED": "1",
            "BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
            "KNOWLEDGE_DIR": str(knowledge_dir()),
            **env,
        }
        self.cwd = tmp_path
        self.process: asyncio.subprocess.Process | None = None
        self._stderr: list[str] = []
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> BotProcess:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self.cwd, env=self.env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        self._reader = asyncio.create_task(self._read_stderr())
        return self

    async def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        async for line in self.process.stderr:
            self._stderr.append(line.decode("utf-8", "replace"))

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait for `predicate`, failing at once (with the bot's stderr) if the process exits first."""

        def ready() -> bool:
            return predicate() or (self.process is not None and self.process.returncode is not None)

        try:
            await self.telegram.wait_until(ready, timeout=timeout)
        except TimeoutError:
            raise AssertionError(f"condition not met within {timeout} s; bot stderr:\n{self.stderr}") from None
        if not predicate():
            await self.finish_reading()
            raise AssertionError(f"the bot exited with {self.process.returncode}; stderr:\n{self.stderr}")

    async def wait_polling(self) -> None:
        await self.wait_until(lambda: bool(self.telegram.calls("getUpdates")))

    async def stop(self, sig: int | None = signal.SIGTERM, timeout: float = 30.0) -> int:  # noqa: ASYNC109
        """Send `sig` (None: just wait for the exit) and return the exit code."""
        assert self.process is not None
        if sig is not None and self.process.returncode is None:
            self.process.send_signal(sig)
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise AssertionError(f"the bot did not exit within {timeout} s; stderr:\n{self.stderr}") from None
        await self.finish_reading()
        return code

    async def finish_reading(self) -> None:
        if self.process is not None and self.process.returncode is None:
            await self.process.wait()
        if self._reader is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._reader, 5)

    async def close(self) -> None:
        """Make sure the child is gone (after a failed test)."""
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        await self.finish_reading()
