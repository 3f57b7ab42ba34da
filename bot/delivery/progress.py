"""A live progress message for admins during a large fan-out: sent / total, rate and time left, edited every few
seconds until the breach's outbox rows are all done. No aiogram: sending and editing are injected callables."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.formatting import format_duration, format_number
from bot.i18n import t
from bot.storage.outbox import Outbox

log = logging.getLogger(__name__)

MIN_WATCHERS = 50  # smaller fan-outs finish in seconds: no progress message
INTERVAL = 3.0  # seconds between edits (well within Telegram's edit limits)

Send = Callable[[int, str], Awaitable[int | None]]  # (chat_id, text) -> message_id
Edit = Callable[[int, int, str], Awaitable[None]]  # (chat_id, message_id, text)


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    skipped: int  # blocked the bot, chat gone
    failed: int
    elapsed: float  # seconds since the fan-out started
    open_rows: int = 1  # rows still pending or in flight; rows can vanish (a /forget mid-fan-out), so this decides

    @property
    def done(self) -> int:
        return self.sent + self.skipped + self.failed

    @property
    def finished(self) -> bool:
        return self.open_rows == 0

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        if self.finished:
            return 0.0
        return (self.total - self.done) / self.rate if self.rate > 0 else None

    def render(self, title: str, lang: str) -> str:
        def number(n: float, decimals: int = 0) -> str:
            return format_number(n, lang, decimals)

        line = t("progress_sent", lang, sent=number(self.sent), total=number(self.total))
        if self.skipped:
            line += ", " + t("progress_skipped", lang, n=self.skipped, count=number(self.skipped))
        if self.failed:
            line += ", " + t("progress_failed", lang, n=self.failed, count=number(self.failed))
        speed = t("progress_rate", lang, rate=number(self.rate, 1))
        if self.finished:
            tail = t("progress_done", lang, duration=format_duration(self.elapsed, lang), rate=speed)
        else:
            left = self.seconds_left
            tail = t("progress_left", lang, rate=speed, eta=format_duration(left, lang) if left is not None else "?")
        return f"{t('progress_title', lang, title=title)}\n{line}\n{tail}"


class ProgressReporter:
    """Tracks one fan-out (an outbox kind and ref) for each admin, in the admin's language."""

    def __init__(self, outbox: Outbox, send: Send, edit: Edit, admins: Callable[[], Awaitable[list[tuple[int, str]]]],
                 *, interval: float = INTERVAL, min_total: int = MIN_WATCHERS,
                 clock: Callable[[], float] = time.monotonic):
        self.outbox = outbox
        self.send = send
        self.edit = edit
        self.admins = admins  # -> [(chat_id, language)]
        self.interval = interval
        self.min_total = min_total
        self.clock = clock
        self.tasks: set[asyncio.Task[None]] = set()

    def track(self, kind: str, ref: str, total: int, title: str) -> None:
        """Start reporting on a fan-out that just queued `total` messages (no-op for small ones)."""
        if total < self.min_total:
            return
        task = asyncio.create_task(self._report(kind, ref, total, title), name=f"progress:{kind}:{ref}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def progress(self, kind: str, ref: str, total: int, started: float) -> Progress:
        counts = await self.outbox.counts(ref=ref, kind=kind)
        return Progress(total, counts["sent"], counts["skipped"], counts["failed"], self.clock() - started,
                        open_rows=counts["pending"] + counts["sending"])

    async def _report(self, kind: str, ref: str, total: int, title: str) -> None:
        started = self.clock()
        try:
            admins = await self.admins()
            progress = await self.progress(kind, ref, total, started)
            messages = []
            for chat_id, lang in admins:
                try:  # an admin who never opened the bot must not cost the others their progress
                    message_id = await self.send(chat_id, progress.render(title, lang))
                except Exception as exc:
                    log.warning("progress message to admin %s failed: %s", chat_id, type(exc).__name__)
                    continue
                if message_id is not None:
                    messages.append((chat_id, lang, message_id))
            last = {chat_id: progress.render(title, lang) for chat_id, lang, _ in messages}
            while messages and not progress.finished:
                await asyncio.sleep(self.interval)
                progress = await self.progress(kind, ref, total, started)
                for chat_id, lang, message_id in messages:
                    text = progress.render(title, lang)
                    if text != last[chat_id]:  # Telegram refuses an edit that changes nothing
                        try:
                            await self.edit(chat_id, message_id, text)
                        except Exception as exc:
                            log.warning("progress edit for admin %s failed: %s", chat_id, type(exc).__name__)
                        last[chat_id] = text
        except asyncio.CancelledError:
            raise
        except Exception:  # progress is a courtesy: never let it disturb the fan-out
            log.exception("progress report for %s:%s failed", kind, ref)

    async def stop(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
