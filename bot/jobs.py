"""Scheduled work: one APScheduler (3.x, AsyncIOScheduler) inside the bot's event loop, started and shut down by
`bot/background.py`. Each job is a plain coroutine taking only the collaborators it uses; errors are logged and
the next run tries again, so one failing job never stops the bot."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import aiohttp
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.alerts import AlertService
from bot.breaches.hibp import fetch_breaches
from bot.channel.poster import ChannelPoster
from bot.config import Settings
from bot.storage.users import Users

log = logging.getLogger(__name__)

# A run delayed while the process was busy or asleep still happens once (coalesce) within a day. Slots missed while
# the bot was down are not APScheduler's to remember (its job store is in memory): ChannelPoster.catch_up does that.
DAILY_MISFIRE_GRACE = 24 * 3600


def create_scheduler(settings: Settings, *, alerts: AlertService, channel: ChannelPoster,
                     users: Users) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(
        timezone=ZoneInfo(settings.timezone),
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": DAILY_MISFIRE_GRACE},
    )
    for url in settings.breach_feed_urls:
        scheduler.add_job(poll_feed, "interval", seconds=settings.breach_feed_interval, args=[alerts, url],
                          id=f"feed:{url}", replace_existing=True, next_run_time=datetime.now(UTC),
                          misfire_grace_time=settings.breach_feed_interval)
    scheduler.add_job(purge_inactive, "cron", hour=4, minute=20, args=[users, settings.inactive_retention_days],
                      id="privacy:purge-inactive", replace_existing=True)
    for name, job in channel.jobs.items():  # weekly digest, fact of the day (when their crons are set)
        scheduler.add_job(run_channel_job, job.trigger, args=[channel, name], id=f"channel:{name}",
                          replace_existing=True)
    return scheduler


async def run_channel_job(channel: ChannelPoster, name: str) -> None:
    try:
        await channel.run_job(name)
    except Exception:  # the next slot tries again; the journal keeps it from posting twice
        log.exception("channel job %s failed", name)


async def purge_inactive(users: Users, retention_days: int, now: datetime | None = None) -> int:
    """Daily: delete every chat that blocked the bot (or removed it) more than `retention_days` (the setting
    INACTIVE_RETENTION_DAYS) ago: its users row, watches and outbox rows. Returns how many chats were deleted."""
    cutoff = (now or datetime.now(UTC)).astimezone(UTC) - timedelta(days=retention_days)
    try:
        purged = await users.purge_inactive(cutoff.isoformat(timespec="seconds"))
    except Exception:  # tomorrow's run tries again
        log.exception("purge of inactive chats failed")
        return 0
    if purged:
        log.info("purged %d chats inactive since before %s", purged, cutoff.date())
    return purged


async def poll_feed(alerts: AlertService, url: str) -> None:
    """One poll of an HIBP-format feed; errors are logged and the next poll tries again."""
    try:
        async with aiohttp.ClientSession(headers={"User-Agent": "privacy-law-bot (breach alerts)"}) as session:
            items = await fetch_breaches(url, session=session)
        new, published = await alerts.import_feed(url, items)
        log.info("feed poll: %d new items, %d breaches published", new, published)
    except Exception as exc:  # a feed being down must not stop the bot
        log.warning("feed poll failed: %s", type(exc).__name__)
