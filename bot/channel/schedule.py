"""Cron slots: which scheduled post is due. A slot is one fire time of a job's cron; its ISO time is the post's key,
so whichever process reaches a slot first decides it and everyone else finds it decided."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger


def cron_trigger(cron: str, timezone: str) -> CronTrigger:
    """`0 10 * * mon` style (five fields); raises ValueError on a malformed expression."""
    return CronTrigger.from_crontab(cron, timezone=ZoneInfo(timezone))


def latest_slot(trigger: CronTrigger, now: datetime, *, not_before: datetime) -> datetime | None:
    """The most recent fire time in [not_before, now], or None. After downtime across several slots this is the
    one catch-up post (the latest due), never one per missed slot."""
    slot = trigger.get_next_fire_time(None, not_before)
    latest = None
    while slot is not None and slot <= now:
        latest = slot
        slot = trigger.get_next_fire_time(slot, slot + timedelta(seconds=1))
    return latest


def next_slot(trigger: CronTrigger, now: datetime) -> datetime | None:
    return trigger.get_next_fire_time(None, now + timedelta(seconds=1))
