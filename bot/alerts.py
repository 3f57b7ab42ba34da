"""From a breach to the watchers' outbox rows: dedupe, match, render per language, enqueue. No aiogram here.

Every source (a trusted channel's post, an admin's confirmed draft, an HIBP-format feed) ends in `publish()` or
`confirm()`, each one transaction (see `AlertService`).
The breach's dedupe key makes the second arrival of the same breach a no-op; the outbox's unique
(kind, ref, chat_id) makes a repeated fan-out a no-op too.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiosqlite

from bot.breaches.hibp import is_notifiable, parse_hibp_breaches
from bot.breaches.models import Breach
from bot.breaches.names import ServiceDirectory, keys_for_breach
from bot.breaches.render import render_alert
from bot.storage.breaches import Breaches
from bot.storage.outbox import Outbox
from bot.storage.watches import Watches

log = logging.getLogger(__name__)
ALERT = "alert"


@dataclass(frozen=True)
class Published:
    breach_id: int
    created: bool  # False: the same breach was already known, nobody is alerted twice
    queued: int    # alert messages queued


# Journals the breach's channel post inside the publishing transaction: (connection, breach id, breach).
OnPublished = Callable[[aiosqlite.Connection, int, Breach], Awaitable[object]]


class AlertService:
    """Publishing a breach is ONE transaction: the breach is stored (which makes it "known"), its alerts are promised
    (with their first chunk queued) and its channel post is journalled together, so a crash anywhere in between
    leaves none of them, and the next arrival of the same breach publishes it in full. The sender is woken after the
    commit; the rest of a large fan-out is queued chunk by chunk after it (a crash there leaves the promise, which
    the sender's next claim carries on: bot/storage/outbox.py)."""

    def __init__(self, breaches: Breaches, watches: Watches, outbox: Outbox, directory: ServiceDirectory,
                 *, wake: Callable[[], None] = lambda: None, on_published: OnPublished | None = None,
                 on_fan_out: Callable[[str, str, int, str], None] | None = None):
        self.breaches = breaches
        self.watches = watches
        self.outbox = outbox
        self.directory = directory
        self.wake = wake
        self.on_published = on_published  # e.g. the channel auto-poster's journal
        self.on_fan_out = on_fan_out  # (kind, ref, queued, service): e.g. the admins' live progress message

    def keys(self, breach: Breach) -> set[str]:
        return keys_for_breach(breach, self.directory)

    async def publish(self, breach: Breach) -> Published:
        """Store and fan out a sure breach. The same breach waiting as a draft (an unsure post, an admin's edit) is
        not published: this confirmed arrival (HIBP, an admin, a sure post) publishes it, alerting its watchers
        once; a published one makes this arrival a no-op."""
        keys = self.keys(breach)
        async with self.breaches.db.transaction() as conn:
            breach_id, created = await self.breaches.add_in(conn, breach, keys)
            # A draft becomes this breach (False: it was published already); the check and the update are one
            # statement, so two confirmations racing publish it once.
            if not created and not await self.breaches.publish_draft_in(conn, breach_id, breach):
                log.info("breach %s already known (id %s): no new alerts", breach.dedupe_key, breach_id)
                return Published(breach_id, False, 0)
            queued = await self._fan_out_in(conn, breach_id, breach, keys)
        queued = await self._after_commit(breach_id, breach, queued)
        return Published(breach_id, True, queued)

    async def draft(self, breach: Breach) -> tuple[int, bool]:
        """Keep an admin's breach as a draft until confirmed; (id, created)."""
        return await self.breaches.add(breach, self.keys(breach), status="draft")

    async def confirm(self, breach_id: int, breach: Breach | None = None) -> Published:
        stored = await self.breaches.get(breach_id)
        if stored is None or stored.status != "draft":
            return Published(breach_id, False, 0)
        final = breach or stored.breach
        async with self.breaches.db.transaction() as conn:
            if not await self.breaches.publish_draft_in(conn, breach_id, final):  # confirmed meanwhile
                return Published(breach_id, False, 0)
            queued = await self._fan_out_in(conn, breach_id, final, self.keys(final))
        queued = await self._after_commit(breach_id, final, queued)
        return Published(breach_id, True, queued)

    async def _fan_out_in(self, conn: aiosqlite.Connection, breach_id: int, breach: Breach, keys: set[str]) -> int:
        """The watchers' alerts (promised, and the first chunk queued) and the channel post, inside the publishing
        transaction; returns the alerts queued in it."""
        texts = {lang: render_alert(breach, lang) for lang in ("ru", "en")}
        queued = await self.watches.queue_for_watchers_in(conn, self.outbox, ALERT, str(breach_id), keys, texts)
        if self.on_published is not None:
            await self.on_published(conn, breach_id, breach)
        return queued

    async def _after_commit(self, breach_id: int, breach: Breach, queued: int) -> int:
        """Wake the sender for what the publishing transaction queued (the channel post too, if one was journalled),
        queue the rest of a large fan-out chunk by chunk (the sender sends meanwhile), then report its size."""
        self.wake()
        try:
            total = await self.outbox.finish_fan_out(ALERT, str(breach_id))
        except Exception:  # the breach is published and its promise kept: the sender's claims carry it on
            log.exception("breach %s: queueing the rest of its alerts failed; the sender will go on", breach_id)
            total = None
        if total is not None and total != queued:
            queued = total
            self.wake()
        log.info("breach %s: %d alerts queued", breach_id, queued)
        if queued and self.on_fan_out is not None:
            self.on_fan_out(ALERT, str(breach_id), queued, breach.service)
        return queued

    async def import_feed(self, feed_url: str, items: list[dict]) -> tuple[int, int]:
        """One poll of an HIBP-format feed. The first poll only learns history; later polls alert on
        notifiable breaches added since. Returns (new items, breaches published)."""
        known = await self.breaches.feed_known(feed_url)
        first_poll = not known
        new_items = [item for item in items if item.get("Name") and item["Name"] not in known]
        published = 0
        for item in new_items:
            parsed = parse_hibp_breaches([item])
            if not parsed:
                continue
            if first_poll:  # history: known from now on (for /watch replies), but nobody is alerted
                await self.breaches.add(parsed[0], self.keys(parsed[0]))
            elif is_notifiable(item):
                published += int((await self.publish(parsed[0])).created)
        await self.breaches.feed_remember(feed_url, [item["Name"] for item in new_items])
        return len(new_items), published
