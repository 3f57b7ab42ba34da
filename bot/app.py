"""Building the bot: the long-lived objects (`Services`), the Bot and the Dispatcher that carries them to
handlers as workflow data."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import socket
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramServerError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.aiogram_compat import KeepResponseTypes
from bot.alerts import AlertService
from bot.breaches.names import ServiceDirectory, default_directory
from bot.breaches.parser import BreachParser
from bot.channel.poster import ChannelPoster
from bot.config import Settings
from bot.delivery.limiter import RequestLimiter
from bot.delivery.progress import ProgressReporter
from bot.delivery.sender import Sender
from bot.delivery.telegram import LimiterMiddleware, progress_messages, telegram_transport
from bot.handlers import get_routers
from bot.jobs import create_scheduler
from bot.kb import KnowledgeBase
from bot.leader import OUTBOX_CHANNEL, Leadership
from bot.middlewares import LanguageMiddleware, MessageTextLogMiddleware, ThrottleMiddleware, UpdateOnceMiddleware
from bot.storage import Database
from bot.storage.breaches import Breaches
from bot.storage.channel_posts import ChannelJournal
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches
from bot.texts import t
from bot.throttle import Throttle

log = logging.getLogger(__name__)

USER_COMMANDS = {
    "ru": [
        ("help", "Что я умею"),
        ("ask", "Задать вопрос (в группах)"),
        ("watch", "Следить за утечками сервиса"),
        ("unwatch", "Перестать следить"),
        ("watchlist", "Мои подписки"),
        ("fine", "Оценить штраф за утечку"),
        ("deadline", "Сроки уведомления об утечке"),
        ("fines", "Штрафы GDPR: список, фильтры, графики"),
        ("tz", "Мой часовой пояс"),
        ("lang", "Язык: ru или en"),
        ("mydata", "Что бот о вас хранит"),
        ("forget", "Удалить мои данные"),
    ],
    "en": [
        ("help", "What I can do"),
        ("ask", "Ask a question (in groups)"),
        ("watch", "Get alerts when a service leaks data"),
        ("unwatch", "Stop watching a service"),
        ("watchlist", "What I watch"),
        ("fine", "Estimate a fine for a data leak"),
        ("deadline", "Breach notification deadlines"),
        ("fines", "GDPR fines: list, filters, charts"),
        ("tz", "My time zone"),
        ("lang", "Language: ru or en"),
        ("mydata", "What the bot stores about you"),
        ("forget", "Delete my data"),
    ],
}
# Shown only in admins' own chats (BotCommandScopeChat), on top of the user commands.
ADMIN_COMMANDS = {
    "ru": [
        ("stats", "Статистика"),
        ("breach", "Черновик оповещения из текста поста"),
        ("post", "Пост в канал"),
        ("schedule", "Расписание канала"),
        ("digest", "Превью дайджеста"),
        ("reload", "Перезагрузить базу знаний"),
    ],
    "en": [
        ("stats", "Statistics"),
        ("breach", "Draft an alert from a post's text"),
        ("post", "Post to the channel"),
        ("schedule", "Channel schedule"),
        ("digest", "Digest preview"),
        ("reload", "Reload the knowledge base"),
    ],
}


@dataclass
class Services:
    """Everything a handler may need, created once at start. The sender is attached when a Bot exists."""

    settings: Settings
    db: Database
    users: Users
    kb: KnowledgeBase
    watches: Watches
    breaches: Breaches
    outbox: Outbox
    directory: ServiceDirectory
    breach_parser: BreachParser
    alerts: AlertService
    channel: ChannelPoster
    sender: Sender | None = None
    background: list[asyncio.Task[None]] = field(default_factory=list)
    scheduler: AsyncIOScheduler | None = None
    throttle: Throttle | None = None  # made by create_dispatcher from THROTTLE_PER_MINUTE
    progress: ProgressReporter | None = None
    leadership: Leadership | None = None  # PostgreSQL: whether this replica runs the sender and the scheduler

    def workflow_data(self) -> dict[str, object]:
        return {
            "settings": self.settings, "db": self.db, "users": self.users, "kb": self.kb, "watches": self.watches,
            "breaches": self.breaches, "outbox": self.outbox, "directory": self.directory,
            "breach_parser": self.breach_parser, "alerts": self.alerts, "channel": self.channel, "services": self,
        }

    def attach_sender(self, bot: Bot) -> Sender:
        self.sender = Sender(self.outbox, telegram_transport(bot), on_gone=self.users.mark_inactive)
        self.alerts.wake = self.channel.wake = self.sender.wake
        send, edit = progress_messages(bot)
        self.progress = ProgressReporter(self.outbox, send, edit, admins=self.admin_languages)
        self.alerts.on_fan_out = self.progress.track
        return self.sender

    async def admin_languages(self) -> list[tuple[int, str]]:
        return [(admin_id, await self.users.language(admin_id)) for admin_id in self.settings.admin_ids]


async def create_services(settings: Settings, kb: KnowledgeBase | None = None) -> Services:
    db = await Database(settings.database_location).connect()
    await db.migrate()
    kb = kb or KnowledgeBase.load(settings.knowledge_dir)
    log.info("knowledge base: %d entries", len(kb.entries))
    directory = default_directory()
    watches, breaches, outbox = Watches(db), Breaches(db), Outbox(db)
    channel = ChannelPoster(
        ChannelJournal(db, outbox), breaches, watches, kb, language=settings.channel_language,
        timezone=settings.timezone, digest_cron=settings.digest_cron, fact_cron=settings.fact_cron,
    )
    alerts = AlertService(breaches, watches, outbox, directory, on_published=channel.post_breach_in)
    return Services(
        settings=settings, db=db, users=Users(db), kb=kb, watches=watches, breaches=breaches, outbox=outbox,
        directory=directory, breach_parser=BreachParser(), alerts=alerts, channel=channel,
    )


def create_limiter(settings: Settings) -> RequestLimiter:
    return RequestLimiter(settings.send_rate, private_interval=settings.private_chat_interval)


def create_bot(settings: Settings, token: str | None = None, *, limiter: RequestLimiter | None = None,
               session_class: type[AiohttpSession] = AiohttpSession) -> Bot:
    """The Bot, whose every request passes the one `RequestLimiter` (a session middleware): replies, callback and
    inline answers, edits, alerts, channel posts, progress messages. One Bot, one limiter, per process."""
    session = session_class(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(LimiterMiddleware(limiter or create_limiter(settings)))
    session.middleware(KeepResponseTypes())
    return Bot(
        token or settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_dispatcher(services: Services) -> Dispatcher:
    # REDIS_URL: conversation state, the throttle and handled update ids shared by every replica (bot/shared_state.py)
    shared = None
    if services.settings.redis_url:
        from bot.shared_state import SharedState  # here: redis is imported only when REDIS_URL is set

        shared = SharedState.from_settings(services.settings)
    dp = Dispatcher(**services.workflow_data(), **(shared.dispatcher_options() if shared else {}))
    if services.throttle is None:
        per_minute = services.settings.throttle_per_minute
        services.throttle = shared.throttle(per_minute) if shared else Throttle(per_minute)
    if shared is not None:  # first: a repeated update is dropped before it costs anything
        dp.update.outer_middleware(UpdateOnceMiddleware(shared.journal))
    dp.update.outer_middleware(ThrottleMiddleware(services.throttle, services.settings, services.users))
    # On the update, not on dp.message & co: aiogram runs an observer's outer middleware again for every nested
    # router the event passes through (a dozen here), an update's once.
    dp.update.outer_middleware(LanguageMiddleware(services.users))
    dp.update.outer_middleware(MessageTextLogMiddleware(services.settings.log_message_text))
    dp.include_routers(*get_routers())
    dp.startup.register(register_commands)
    dp.startup.register(start_background)
    dp.shutdown.register(stop_background)
    return dp



def freeze_long_lived() -> None:
    """Called once the services and the dispatcher are built (bot/runner.py): what lives as long as the process
    (the knowledge base's indexes, the service directory, aiogram's models), frozen out of the garbage collector's
    sight, so a full collection no longer walks it: under load that was a 0.1-0.3 s stall every few hundred
    updates. Not in tests, which build many bots in one process."""
    gc.freeze()


async def start_background(bot: Bot, services: Services) -> None:
    """The outbox sender runs beside polling for the bot's whole life; timed work runs in the scheduler.
    On PostgreSQL, which several replicas may share, only the elected leader runs them (bot/leader.py): one
    sender keeps Telegram's overall limit and each chat's order, one scheduler runs each job once; the other
    replicas answer updates and take over within seconds when the leader goes."""
    if services.db.dialect == "postgresql":
        if services.settings.channel_id:  # every replica queues channel posts (an admin's /post)
            services.channel.chat_id = await check_channel(bot, services)
        # alerts queued in any replica wake the leader's sender through NOTIFY
        services.alerts.wake = services.channel.wake = functools.partial(services.db.notify, OUTBOX_CHANNEL)
        services.leadership = Leadership(services.settings.database_url, lambda: lead(bot, services),
                                         lambda: step_down(services), name=socket.gethostname(),
                                         listen={OUTBOX_CHANNEL: lambda: services.sender and services.sender.wake()})
        services.background = [asyncio.create_task(services.leadership.run(), name="leadership")]
        return
    sender = services.sender or services.attach_sender(bot)
    services.background = [asyncio.create_task(sender.run(), name="outbox-sender")]
    if services.settings.channel_id:
        services.channel.chat_id = await check_channel(bot, services)
        caught_up = await services.channel.catch_up()
        if caught_up:
            log.info("channel: caught up on %s after downtime (one post each)", ", ".join(caught_up))
    services.scheduler = create_scheduler(services)
    services.scheduler.start()


async def lead(bot: Bot, services: Services) -> None:
    """Elected: send what is queued (rows the last leader left in flight first), catch up on missed channel slots,
    run the scheduler."""
    wake = services.alerts.wake
    sender = services.sender or services.attach_sender(bot)
    services.alerts.wake = services.channel.wake = wake  # still NOTIFY: the lock's connection hears it
    services.background.append(asyncio.create_task(sender.run(), name="outbox-sender"))
    if services.channel.chat_id is not None:
        caught_up = await services.channel.catch_up()
        if caught_up:
            log.info("channel: caught up on %s after downtime (one post each)", ", ".join(caught_up))
    services.scheduler = create_scheduler(services)
    services.scheduler.start()


async def step_down(services: Services) -> None:
    """No longer the leader (stopping, or the lock's connection is gone): stop scheduling and sending now; a new
    term starts with a fresh sender."""
    scheduler, services.scheduler = services.scheduler, None
    if scheduler is not None and scheduler.running:
        scheduler.shutdown(wait=False)
    progress, services.progress = services.progress, None
    if progress is not None:
        await progress.stop()
    sender, services.sender = services.sender, None
    if sender is not None:
        sender.stop()
    for task in [task for task in services.background if task.get_name() == "outbox-sender" and not task.done()]:
        try:
            await asyncio.wait_for(task, timeout=10)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()


async def check_channel(bot: Bot, services: Services) -> int | None:
    """The channel's numeric id if the bot may post there; otherwise say why, in the log and to admins, and
    return None (channel posting stays off until fixed and restarted; the rest of the bot keeps working)."""
    channel_id = services.settings.channel_id
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
    for admin_id in services.settings.admin_ids:
        with contextlib.suppress(TelegramAPIError):
            await bot.send_message(admin_id, t("channel_no_rights", await services.users.language(admin_id),
                                                  channel=channel_id, problem=problem))
    return None


async def stop_background(services: Services) -> None:
    if services.leadership is not None:  # the leader steps down first: step_down stops its scheduler and sender
        services.leadership.stop()
        await asyncio.wait([task for task in services.background if task.get_name() == "leadership"], timeout=15)
    if services.scheduler is not None:
        services.scheduler.shutdown(wait=False)
    if services.progress is not None:
        await services.progress.stop()
    if services.sender is not None:
        services.sender.stop()
    for task in getattr(services, "background", []):
        try:
            await asyncio.wait_for(task, timeout=10)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()


async def register_commands(bot: Bot, settings: Settings) -> None:
    """The command menu: user commands for everyone; admins also see the admin commands, in their own chat only."""
    for lang, commands in USER_COMMANDS.items():
        await bot.set_my_commands(
            [BotCommand(command=name, description=text) for name, text in commands],
            scope=BotCommandScopeDefault(),
            language_code=lang,
        )
    await bot.set_my_commands(
        [BotCommand(command=name, description=text) for name, text in USER_COMMANDS["en"]],
        scope=BotCommandScopeDefault(),
    )
    for admin_id in settings.admin_ids:
        try:
            for lang in ("ru", "en", None):
                commands = USER_COMMANDS[lang or "en"] + ADMIN_COMMANDS[lang or "en"]
                await bot.set_my_commands(
                    [BotCommand(command=name, description=text) for name, text in commands],
                    scope=BotCommandScopeChat(chat_id=admin_id),
                    language_code=lang,
                )
        except TelegramAPIError as exc:  # e.g. an admin who never opened the bot: "chat not found"
            log.warning("admin %s: command menu not set: %s", admin_id, exc.message)
