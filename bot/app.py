"""The composition root. Every long-lived object is made here, once, in dependency order, by its constructor
(`create_services`), and held in a frozen `Services`; then the Bot (`create_bot`) and the Dispatcher
(`create_dispatcher`), which hands the objects to handlers as workflow data. Routes are made in bot/handlers/.
Tests, benchmarks and the console build bots the same way: `create_services`, `create_bot`, `create_dispatcher`."""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.aiogram_compat import KeepResponseTypes
from bot.alerts import AlertService
from bot.answers import answer_question
from bot.background import Background, Delivery
from bot.breaches.names import ServiceDirectory, default_directory
from bot.breaches.parser import BreachParser
from bot.channel.poster import ChannelPoster
from bot.config import Settings
from bot.delivery.limiter import RequestLimiter
from bot.delivery.progress import ProgressReporter
from bot.delivery.sender import Sender
from bot.delivery.telegram import LimiterMiddleware
from bot.handlers import get_routers
from bot.i18n import CATALOGUE
from bot.kb import KnowledgeBase
from bot.kb.cache import load_cached
from bot.leader import OUTBOX_CHANNEL, Leadership, announce_fan_outs
from bot.middlewares import LanguageMiddleware, MessageTextLogMiddleware, ThrottleMiddleware, UpdateOnceMiddleware
from bot.startcache import cached
from bot.storage import Database
from bot.storage.breaches import Breaches
from bot.storage.channel_posts import ChannelJournal
from bot.storage.outbox import Outbox
from bot.storage.users import Users
from bot.storage.watches import Watches
from bot.throttle import SharedThrottle, Throttle

if TYPE_CHECKING:  # redis is imported only when REDIS_URL is set (create_services)
    from bot.shared_state import SharedState

log = logging.getLogger(__name__)

# The command menu: each command and the key of its description in bot/locales/<lang>/bot.ftl, in every language
# the locale files have (a new language gets its menu from its files).
_USER_COMMAND_KEYS = (("help", "cmd_help"), ("ask", "cmd_ask"), ("watch", "cmd_watch"), ("unwatch", "cmd_unwatch"),
                      ("watchlist", "cmd_watchlist"), ("fine", "cmd_fine"), ("deadline", "cmd_deadline"),
                      ("fines", "cmd_fines"), ("tz", "cmd_tz"), ("lang", "cmd_lang"), ("mydata", "cmd_mydata"),
                      ("forget", "cmd_forget"))
# Shown only in admins' own chats (BotCommandScopeChat), on top of the user commands.
_ADMIN_COMMAND_KEYS = (("stats", "cmd_stats"), ("breach", "cmd_breach"), ("post", "cmd_post"),
                       ("schedule", "cmd_schedule"), ("digest", "cmd_digest"), ("reload", "cmd_reload"))
USER_COMMANDS = {lang: [(name, CATALOGUE.t(key, lang)) for name, key in _USER_COMMAND_KEYS]
                 for lang in CATALOGUE.languages}
ADMIN_COMMANDS = {lang: [(name, CATALOGUE.t(key, lang)) for name, key in _ADMIN_COMMAND_KEYS]
                  for lang in CATALOGUE.languages}


@dataclass(frozen=True)
class Services:
    """Every long-lived object of a running bot, made once by `create_services`; nothing is replaced after."""

    settings: Settings
    db: Database
    kb: KnowledgeBase
    directory: ServiceDirectory  # the watchable services (bot/breaches/names.py)
    users: Users
    watches: Watches
    breaches: Breaches
    outbox: Outbox
    breach_parser: BreachParser
    delivery: Delivery  # the outbox sender and the admins' progress messages, once started
    channel: ChannelPoster
    alerts: AlertService
    background: Background  # starts and stops the sender and the scheduler with the dispatcher
    throttle: Throttle | SharedThrottle
    shared: SharedState | None  # REDIS_URL: conversation state, throttle and handled updates shared by replicas

    def workflow_data(self) -> dict[str, object]:
        """What handlers (and filters, middlewares) may name as parameters: `Dispatcher(**workflow_data())`. Not the
        database itself: handlers reach it through the repositories."""
        return {
            "settings": self.settings, "users": self.users, "kb": self.kb, "watches": self.watches,
            "breaches": self.breaches, "outbox": self.outbox, "directory": self.directory,
            "breach_parser": self.breach_parser, "alerts": self.alerts, "channel": self.channel,
        }

    # What runs now, in this process (tests and benchmarks look at it): None before the dispatcher started, or
    # while another replica leads.
    @property
    def sender(self) -> Sender | None:
        return self.delivery.sender

    @property
    def progress(self) -> ProgressReporter | None:
        return self.delivery.progress

    @property
    def scheduler(self) -> AsyncIOScheduler | None:
        return self.background.scheduler

    @property
    def leadership(self) -> Leadership | None:
        return self.background.leadership


async def create_services(settings: Settings, kb: KnowledgeBase | None = None) -> Services:
    """The long-lived objects, each made once what it needs exists. The sender itself needs the Bot: `Delivery`
    makes it when the dispatcher starts."""
    db = await Database(settings.database_location).connect()
    await db.migrate()
    kb = kb or load_cached(settings.knowledge_dir, warm=warm_up)  # built once, then read from bot/kb/cache.py's file
    log.info("knowledge base: %d entries", len(kb.entries))
    directory = default_directory()
    users, watches, breaches, outbox = Users(db), Watches(db), Breaches(db), Outbox(db)
    await watches.load_names()  # the breach parser finds watched names the directory lacks (issue 16)
    delivery = Delivery(outbox, users, settings.admin_ids)
    # Queued rows wake the sender and a large fan-out starts the admins' progress message: this process's own, or
    # on PostgreSQL, which several replicas may share, the leader's, whichever replica queued them (NOTIFY, heard
    # on the leader's lock connection: bot/leader.py).
    wake, on_fan_out = delivery.wake, delivery.track
    if db.dialect == "postgresql":
        wake, on_fan_out = functools.partial(db.notify, OUTBOX_CHANNEL), announce_fan_outs(db.notify)
    channel = ChannelPoster(
        ChannelJournal(db, outbox), breaches, watches, kb, language=settings.channel_language,
        timezone=settings.timezone, digest_cron=settings.digest_cron, fact_cron=settings.fact_cron, wake=wake,
    )
    alerts = AlertService(breaches, watches, outbox, directory, wake=wake, on_published=channel.post_breach_in,
                          on_fan_out=on_fan_out)
    breach_parser = load_breach_parser(directory, watches.watched_names)
    background = Background(settings, db, users, delivery, alerts, channel)
    shared = None
    if settings.redis_url:
        from bot.shared_state import SharedState  # here: redis is imported only when REDIS_URL is set

        shared = SharedState.from_settings(settings)
    per_minute = settings.throttle_per_minute
    throttle = shared.throttle(per_minute) if shared else Throttle(per_minute)
    return Services(
        settings=settings, db=db, kb=kb, directory=directory, users=users, watches=watches, breaches=breaches,
        outbox=outbox, breach_parser=breach_parser, delivery=delivery, channel=channel, alerts=alerts,
        background=background, throttle=throttle, shared=shared,
    )


def load_breach_parser(directory: ServiceDirectory, watched: Callable[[], Iterable[str]]) -> BreachParser:
    """The breach parser over `directory`, finding the names `watched()` returns. Its name index (every name of the
    directory lemmatised) is read back from bot/startcache.py's file; the directory and the watched names stay this
    process's own objects, not copies from the file."""
    return cached("breach-parser", lambda: BreachParser(directory, watched_terms=watched),
                  refs={"directory": directory, "watched": watched}, kind=BreachParser)


def warm_up(kb: KnowledgeBase) -> None:
    """What the first question builds and keeps on the knowledge base (the question reader, every title read),
    built before the base is cached: then neither a start nor the first asker pays for it."""
    answer_question(kb, "штраф за утечку персональных данных", "ru")


def create_limiter(settings: Settings) -> RequestLimiter:
    return RequestLimiter(settings.send_rate, private_interval=settings.private_chat_interval)


_NOT_PLAIN = object()
_LEAVES = (str, int, float, bool)


def _plain(value: Any) -> Any:
    """`value` as aiogram's `prepare_value` leaves it inside a JSON field (None dropped from dicts and lists, every
    other leaf as it is), if it holds only dicts, lists, None and plain str/int/float/bool (a keyboard dumped):
    one cheap pass instead of aiogram's dozen checks per leaf. Anything else (an enum, a default, a date, a file):
    `_NOT_PLAIN`, and aiogram prepares it."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is dict:
        out = {}
        for key, item in value.items():
            if item is not None:
                item = _plain(item)
                if item is _NOT_PLAIN:
                    return _NOT_PLAIN
                out[key] = item
        return out
    if kind is list:
        items = []
        for item in value:
            if item is not None:
                item = _plain(item)
                if item is _NOT_PLAIN:
                    return _NOT_PLAIN
                items.append(item)
        return items
    return _NOT_PLAIN


class BotSession(AiohttpSession):
    """aiogram's session, sending every request as the very bytes aiogram's would, its JSON fields (a reply's
    keyboard: a dozen buttons of five fields each) prepared in one cheap pass when they are plain (`_plain`)."""

    def prepare_value(self, value: Any, bot: Bot, files: dict[str, Any], _dumps_json: bool = True) -> Any:
        if type(value) in (dict, list):
            plain = _plain(value)
            if plain is not _NOT_PLAIN:
                return self.json_dumps(plain) if _dumps_json else plain
        return super().prepare_value(value, bot=bot, files=files, _dumps_json=_dumps_json)


def create_bot(settings: Settings, token: str | None = None, *, limiter: RequestLimiter | None = None,
               session_class: type[AiohttpSession] = BotSession) -> Bot:
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
    """A Dispatcher over the services: its middlewares, every route (fresh Routers: a process may build several
    dispatchers) and the start-up and shutdown hooks."""
    shared = services.shared
    dp = Dispatcher(**services.workflow_data(), **(shared.dispatcher_options() if shared else {}))
    if shared is not None:  # first: a repeated update is dropped before it costs anything
        dp.update.outer_middleware(UpdateOnceMiddleware(shared.journal))
    dp.update.outer_middleware(ThrottleMiddleware(services.throttle, services.settings, services.users))
    # On the update, not on dp.message & co: aiogram runs an observer's outer middleware again for every nested
    # router the event passes through (a dozen here), an update's once.
    dp.update.outer_middleware(LanguageMiddleware(services.users))
    if services.settings.log_message_text:  # off (the default): not even a layer to pass through
        dp.update.outer_middleware(MessageTextLogMiddleware())
    dp.include_routers(*get_routers())
    dp.startup.register(register_commands)
    dp.startup.register(services.background.start)
    dp.shutdown.register(services.background.stop)
    return dp


def freeze_long_lived() -> None:
    """Called once the services and the dispatcher are built (bot/runner.py): what lives as long as the process
    (the knowledge base's indexes, the service directory, aiogram's models), frozen out of the garbage collector's
    sight, so a full collection no longer walks it: under load that was a 0.1-0.3 s stall every few hundred
    updates. Not in tests, which build many bots in one process."""
    gc.freeze()


async def register_commands(bot: Bot, settings: Settings) -> None:
    """The command menu: user commands for everyone; admins also see the admin commands, in their own chat only.
    One menu per language the locale files have, and the fallback language's for a client in any other
    (language_code=None). The requests go out together, not one round trip after another: a bot that has just
    started handles no update before its start-up hooks are done (bot/runner.py)."""
    menus = [*((lang, lang) for lang in USER_COMMANDS), (None, CATALOGUE.fallback)]
    everyone = [bot.set_my_commands(_menu(USER_COMMANDS[lang]), scope=BotCommandScopeDefault(), language_code=code)
                for code, lang in menus]
    admins = [_admin_menus(bot, admin_id, menus) for admin_id in settings.admin_ids]
    for outcome in await asyncio.gather(*everyone, *admins, return_exceptions=True):
        if isinstance(outcome, BaseException):
            raise outcome


async def _admin_menus(bot: Bot, admin_id: int, menus: list[tuple[str | None, str]]) -> None:
    outcomes = await asyncio.gather(*(
        bot.set_my_commands(_menu(USER_COMMANDS[lang] + ADMIN_COMMANDS[lang]),
                            scope=BotCommandScopeChat(chat_id=admin_id), language_code=code)
        for code, lang in menus), return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, TelegramAPIError):  # e.g. an admin who never opened the bot: "chat not found"
            log.warning("admin %s: command menu not set: %s", admin_id, outcome.message)
            return
        if isinstance(outcome, BaseException):
            raise outcome


def _menu(commands: list[tuple[str, str]]) -> list[BotCommand]:
    return [BotCommand(command=name, description=text) for name, text in commands]
