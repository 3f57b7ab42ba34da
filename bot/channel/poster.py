"""The channel auto-poster: new breaches, the weekly digest, the fact of the day and admins' posts, each decided
exactly once through the journal and delivered through the same outbox and sender as alerts. No aiogram here.

Scheduled posts work in slots (see `schedule.py`): a job, whether fired by the scheduler or run at start-up to
catch up after downtime, posts the latest due slot if nobody has yet. Hence one catch-up post after any
downtime, and nothing twice when two processes or two runs reach the same slot.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiosqlite import Connection
from apscheduler.triggers.cron import CronTrigger

from bot.breaches.models import Breach
from bot.breaches.render import render_alert
from bot.channel.digest import Digest, DigestBreach, entries_of_week, render_digest
from bot.channel.schedule import cron_trigger, latest_slot, next_slot
from bot.channel.split import split_html
from bot.i18n import CATALOGUE, t
from bot.kb import KnowledgeBase
from bot.kb.models import Entry
from bot.render import render_entry
from bot.storage.breaches import Breaches
from bot.storage.channel_posts import ChannelJournal
from bot.storage.watches import Watches

log = logging.getLogger(__name__)
DIGEST, FACT = "digest", "fact"


@dataclass(frozen=True)
class Job:
    name: str  # DIGEST or FACT
    cron: str
    trigger: CronTrigger


class ChannelPoster:
    def __init__(self, journal: ChannelJournal, breaches: Breaches, watches: Watches, kb: KnowledgeBase, *,
                 language: str = "ru", timezone: str = "Europe/Moscow", digest_cron: str = "", fact_cron: str = "",
                 chat_id: int | None = None, wake: Callable[[], None] = lambda: None):
        self.journal = journal
        self.breaches = breaches
        self.watches = watches
        self.kb = kb
        self.language = language if language in CATALOGUE.languages else "ru"  # CHANNEL_LANGUAGE, if texts exist
        self.tz = ZoneInfo(timezone)
        self.chat_id = chat_id  # None until the channel is known (CHANNEL_ID resolved at start): nothing is posted
        self.wake = wake
        self.jobs = {name: Job(name, cron, cron_trigger(cron, timezone))
                     for name, cron in ((DIGEST, digest_cron), (FACT, fact_cron)) if cron.strip()}

    def now(self) -> datetime:
        return datetime.now(self.tz)

    async def _queue(self, key: str, kind: str, text: str, *, entry_id: str | None = None) -> bool:
        if self.chat_id is None:
            return False
        queued = await self.journal.queue_once(key, kind, self.chat_id, split_html(text), entry_id=entry_id)
        if queued:
            log.info("channel: queued %s", key)
            self.wake()
        return queued

    # --- new breaches ---------------------------------------------------------------------------------------
    async def post_breach_in(self, conn: Connection, breach_id: int, breach: Breach) -> bool:
        """Journal and queue a breach's post inside the transaction that publishes the breach (so a crash cannot
        leave one without the other). The caller wakes the sender after the commit."""
        if self.chat_id is None:
            return False
        key = f"breach:{breach_id}"
        return await self.journal.queue_once_in(conn, key, "breach", self.chat_id,
                                                split_html(render_alert(breach, self.language)))

    # --- scheduled posts ------------------------------------------------------------------------------------
    async def run_job(self, name: str, now: datetime | None = None) -> bool:
        """Post the latest due slot of job `name` unless it was posted; True if a post was queued."""
        job = self.jobs.get(name)
        if job is None or self.chat_id is None:
            return False
        now = now or self.now()
        armed = await self.journal.armed_at(name, job.cron, now)
        slot = latest_slot(job.trigger, now, not_before=armed)
        if slot is None:
            return False
        key = f"{name}:{slot.isoformat()}"
        if await self.journal.is_decided(key):
            return False
        if name == DIGEST:
            digest = await self.digest_for(slot)
            return await self._queue(key, DIGEST, render_digest(digest, self.language))
        entry = await self.next_fact()
        if entry is None:
            return False
        return await self._queue(key, FACT, self.render_fact(entry), entry_id=entry.id)

    async def catch_up(self, now: datetime | None = None) -> list[str]:
        """At start: one post per job whose latest slot passed while the bot was down."""
        return [name for name in self.jobs if await self.run_job(name, now)]

    def next_runs(self, now: datetime | None = None) -> dict[str, datetime | None]:
        now = now or self.now()
        return {name: next_slot(job.trigger, now) for name, job in self.jobs.items()}

    # --- the digest -----------------------------------------------------------------------------------------
    async def digest_for(self, slot: datetime) -> Digest:
        """The seven days before the slot's day (a Monday digest covers the whole previous week)."""
        end_day = slot.astimezone(self.tz).date()
        start = datetime.combine(end_day - timedelta(days=7), time(0), self.tz)
        end = datetime.combine(end_day, time(0), self.tz)
        return await self._digest(start, end)

    async def digest_so_far(self, now: datetime | None = None) -> Digest:
        """What the next digest would say if it went out now (the admin's `/digest now`)."""
        now = now or self.now()
        job = self.jobs.get(DIGEST)
        last = latest_slot(job.trigger, now, not_before=now - timedelta(days=8)) if job else None
        start = last or datetime.combine(now.date() - timedelta(days=7), time(0), self.tz)
        return await self._digest(start, now + timedelta(seconds=1))  # stored times have whole seconds

    async def _digest(self, start: datetime, end: datetime) -> Digest:
        week = await self.breaches.published_between(start, end)
        watchers = await self.watches.watchers_per_breach([stored.id for stored in week])
        items = [DigestBreach(stored.breach, watchers.get(stored.id, 0)) for stored in week]
        last_day = (end - timedelta(microseconds=1)).date()
        fines, changes = entries_of_week(self.kb.entries, start.date(), last_day)
        return Digest(start.date(), last_day, items, fines, changes)

    def render_digest(self, digest: Digest) -> str:
        return render_digest(digest, self.language)

    # --- the fact of the day --------------------------------------------------------------------------------
    def eligible_facts(self) -> list[Entry]:
        """Every entry whose full text fits one message; the order mixes domains but is stable across restarts."""
        entries = [e for e in self.kb.entries if len(self.render_fact(e)) <= 4096]
        return sorted(entries, key=lambda e: hashlib.sha1(e.id.encode()).hexdigest())  # noqa: S324 (an order)

    async def next_fact(self) -> Entry | None:
        """The entry posted the fewest times: nothing repeats until every eligible entry has been posted once."""
        eligible = self.eligible_facts()
        if not eligible:
            return None
        counts = await self.journal.fact_counts()
        return min(eligible, key=lambda e: counts.get(e.id, 0))  # min() keeps the first of equals: stable

    def render_fact(self, entry: Entry) -> str:
        return f"{t('fact_of_the_day', self.language)}\n\n{render_entry(entry, self.language)}"

    # --- admins' posts --------------------------------------------------------------------------------------
    async def confirm_manual(self, draft_id: int) -> bool:
        draft = await self.journal.draft(draft_id)
        if draft is None or self.chat_id is None:
            return False
        queued = await self.journal.confirm_draft(draft_id, self.chat_id, split_html(draft.text))
        if queued:
            self.wake()
        return queued
