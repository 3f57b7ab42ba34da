"""What runs beside the dispatcher: the outbox sender (alerts, channel posts), the admins' fan-out progress messages
and the scheduler. They need the Bot, so they start with the dispatcher (`Background.start`, a startup hook) and
stop with it (`Background.stop`, a shutdown hook). Both objects here are made in the composition root
(`bot/app.py`) like every long-lived object; what they start and stop is their own state.

On PostgreSQL, which several replicas may share, only the elected leader runs the sender and the scheduler
(bot/leader.py): one sender keeps Telegram's overall limit and each chat's order, one scheduler runs each job once;
the other replicas answer updates and take over within seconds when the leader goes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramServerError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.alerts import AlertService
from bot.channel.poster import ChannelPoster
from bot.config import Settings
from bot.delivery.progress import ProgressReporter
from bot.delivery.sender import Sender
from bot.delivery.telegram import progress_messages, telegram_transport
from bot.i18n import t
from bot.jobs import create_scheduler
from bot.leader import FAN_OUT_CHANNEL, OUTBOX_CHANNEL, Leadership, follow_fan_outs
from bot.storage import Database
from bot.storage.outbox import Outbox
from bot.storage.users import Users

log = logging.getLogger(__name__)
STOP_TIMEOUT = 10  # seconds the sender has to finish its current messages at shutdown


class Delivery:
    """The outbox sender and the admins' progress messages of this process.

    Made before what queues work (AlertService, ChannelPoster), which takes its `wake` and `track`; the Sender and
    the ProgressReporter themselves are made when sending starts (`start(bot)`: they need the Bot), once per
    process, or once per term as the leader. Until then a wake-up is not needed: a starting sender looks first."""

    def __init__(self, outbox: Outbox, users: Users, admin_ids: list[int]):
        self.outbox = outbox
        self.users = users
        self.admin_ids = admin_ids
        self.sender: Sender | None = None
        self.progress: ProgressReporter | None = None
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Rows were queued (called after the commit): the sender looks now instead of at its next timer."""
        if self.sender is not None:
            self.sender.wake()

    def track(self, kind: str, ref: str, total: int, title: str) -> None:
        """A fan-out queued `total` messages: the admins see its progress (large ones only)."""
        if self.progress is not None:
            self.progress.track(kind, ref, total, title)

    def attach(self, bot: Bot) -> Sender:
        """A sender and a progress reporter for this Bot, not yet running (a benchmark drives `drain` itself)."""
        self.sender = Sender(self.outbox, telegram_transport(bot), on_gone=self.users.mark_inactive)
        send, edit = progress_messages(bot)
        self.progress = ProgressReporter(self.outbox, send, edit, admins=self.admin_languages)
        return self.sender

    def start(self, bot: Bot) -> asyncio.Task[None]:
        sender = self.sender or self.attach(bot)
        self._task = asyncio.create_task(sender.run(), name="outbox-sender")
        return self._task

    async def stop(self) -> None:
        """Stop after the messages in flight (rows the sender had not claimed stay queued for the next one)."""
        progress, self.progress = self.progress, None
        if progress is not None:
            await progress.stop()
        sender, self.sender = self.sender, None
        if sender is not None:
            sender.stop()
        task, self._task = self._task, None
        if task is not None:
            await _finish(task, STOP_TIMEOUT)

    async def admin_languages(self) -> list[tuple[int, str]]:
        return [(admin_id, await self.users.language(admin_id)) for admin_id in self.admin_ids]


class Background:
    """Starts and stops the sender and the scheduler with the dispatcher; on PostgreSQL, stands for leadership and
    runs them only while elected."""

    def __init__(self, settings: Settings, db: Database, users: Users, delivery: Delivery, alerts: AlertService,
                 channel: ChannelPoster):
        self.settings = settings
        self.db = db
        self.users = users
        self.delivery = delivery
        self.alerts = alerts
        self.channel = channel
        self.scheduler: AsyncIOScheduler | None = None
        self.leadership: Leadership | None = None  # PostgreSQL: whether this replica runs the sender and scheduler
        self.tasks: list[asyncio.Task[None]] = []  # every one started: the leadership, each term's sender

    async def start(self, bot: Bot) -> None:
        """The dispatcher's startup hook."""
        if self.settings.channel_id:  # every replica queues channel posts (an admin's /post)
            self.channel.chat_id = await check_channel(bot, self.settings, self.users)
        if self.db.dialect != "postgresql":
            await self._lead(bot)
            return
        # Rows queued and fan-outs published in any replica NOTIFY (bot/app.py); every replica hears them on the
        # database's one LISTEN connection, and only the leader acts: it wakes its sender and reports the fan-out's
        # progress to the admins (one message, from the sender).
        self.leadership = Leadership(self.settings.database_url, lambda: self._lead(bot), self._step_down,
                                     name=socket.gethostname(), db=self.db,
                                     listen={OUTBOX_CHANNEL: self.delivery.wake},
                                     hear={FAN_OUT_CHANNEL: follow_fan_outs(self.delivery.track)})
        self.tasks.append(asyncio.create_task(self.leadership.run(), name="leadership"))

    async def _lead(self, bot: Bot) -> None:
        """Send what is queued (rows a crash or the last leader left in flight once their lease ends), catch up on
        missed channel slots, run the scheduler."""
        self.tasks.append(self.delivery.start(bot))
        if self.channel.chat_id is not None:
            caught_up = await self.channel.catch_up()
            if caught_up:
                log.info("channel: caught up on %s after downtime (one post each)", ", ".join(caught_up))
        self.scheduler = create_scheduler(self.settings, alerts=self.alerts, channel=self.channel, users=self.users)
        self.scheduler.start()

    async def _step_down(self) -> None:
        """No longer the leader (stopping, or the lock's connection is gone): stop scheduling and sending now; a new
        term starts with a fresh sender."""
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)
        await self.delivery.stop()

    async def stop(self) -> None:
        """The dispatcher's shutdown hook: the leader steps down first (its hook stops the scheduler and sender)."""
        if self.leadership is not None:
            self.leadership.stop()
        else:
            await self._step_down()
        for task in self.tasks:
            await _finish(task, STOP_TIMEOUT + 5)


async def _finish(task: asyncio.Task[None], timeout: float) -> None:  # noqa: ASYNC109
    try:
        await asyncio.wait_for(task, timeout=timeout)
    except (TimeoutError, asyncio.CancelledError):
        task.cancel()


async def check_channel(bot: Bot, settings: Settings, users: Users) -> int | None:
    """The channel's numeric id if the bot may post there; otherwise say why, in the log and to admins, and
    return None (channel posting stays off until fixed and restarted; the rest of the bot keeps working)."""
    channel_id = settings.channel_id
    try:
        chat = await bot.get_chat(int(channel_id) if channel_id.lstrip("-").isdigit() else channel_id)
        member = await bot.get_chat_member(chat.id, bot.id)
        if member.status == "creator" or (member.status == "administrator" and member.can_post_messages):
            return chat.id
        problem = f"the bot is {member.status} in {channel_id} without the right to post messages"
    except (TelegramNetworkError, TelegramServerError) as exc:
        if channel_id.lstrip("-").isdigit():  # Telegram was unreachable for a moment: the channel is not at fault
            log.warning("could not check the rights in channel %s (%s); posting anyway", channel_id,
                        type(exc).__name__)
            return int(channel_id)
        problem = f"cannot reach channel {channel_id}: {exc.message}"
    except TelegramAPIError as exc:
        problem = f"cannot reach channel {channel_id}: {exc.message}"
    log.error("channel posting is OFF: %s. Make the bot an administrator with 'Post messages' and restart.",
              problem)
    for admin_id in settings.admin_ids:
        with contextlib.suppress(TelegramAPIError):
            await bot.send_message(admin_id, t("channel_no_rights", await users.language(admin_id),
                                               channel=channel_id, problem=problem))
    return None
