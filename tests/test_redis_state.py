"""Redis for what replicas share (REDIS_URL), against the real server: one throttle budget per user across replicas,
conversation state one replica writes and another reads, an update delivered to two replicas answered once; and
with Redis dead from the start, or gone mid-run, questions are still answered."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import StorageKey

from bot.app import Services, create_bot, create_dispatcher, create_services
from bot.config import Settings
from bot.i18n import t
from bot.kb import KnowledgeBase
from bot.shared_state import RedisBreaker, Seen, SharedState, UpdateJournal, connect_redis
from bot.throttle import SharedThrottle, Verdict
from tests import backends
from tests.backends import PgSchema
from tests.botprocess import free_port
from tests.test_webhook import QUESTION, private_message
from tg_sandbox.server import FakeTelegram, SandboxSession

redis_prefix = backends.redis_prefix
pg_schema = backends.pg_schema


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def dead_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"  # a port nobody listens on: connection refused


async def test_two_replicas_give_a_user_one_budget(redis_prefix: tuple[str, str]) -> None:
    url, prefix = redis_prefix
    clock = Clock()
    first, second = connect_redis(url), connect_redis(url)
    try:
        replicas = [SharedThrottle(client, RedisBreaker(), f"{prefix}:throttle", 3, clock=clock)
                    for client in (first, second)]
        verdicts = [await replicas[n % 2].decide(42) for n in range(5)]
        assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.ALLOW, Verdict.WARN, Verdict.DROP]
        assert await replicas[0].decide(("chat", -100)) is Verdict.ALLOW, "another key has its own budget"
        clock.now += 61  # the window moved on
        assert await replicas[1].decide(42) is Verdict.ALLOW
    finally:
        await first.aclose()
        await second.aclose()


async def test_the_throttle_falls_back_to_its_own_count_when_redis_is_dead() -> None:
    client = connect_redis(dead_redis_url())
    breaker = RedisBreaker()
    try:
        throttle = SharedThrottle(client, breaker, "x:throttle", 2)
        assert [await throttle.decide(7) for _ in range(4)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.WARN,
                                                                 Verdict.DROP]
        assert not breaker.usable(), "after the first failure Redis is left alone for a while"
    finally:
        await client.aclose()


async def test_conversation_state_written_by_one_replica_is_read_by_another(redis_prefix: tuple[str, str]) -> None:
    url, prefix = redis_prefix
    first, second = SharedState(connect_redis(url), prefix), SharedState(connect_redis(url), prefix)
    key = StorageKey(bot_id=1, chat_id=5, user_id=5)
    try:
        await first.storage.set_state(key, "FineInput:count")
        await first.storage.set_data(key, {"fw": "r=ru"})
        assert await second.storage.get_state(key) == "FineInput:count"
        assert await second.storage.get_data(key) == {"fw": "r=ru"}
        async with second.isolation.lock(key):  # the lock is a real Redis key while held
            assert await second.redis.exists(first.key_builder.build(key, "lock")) == 1
        assert await second.redis.exists(first.key_builder.build(key, "lock")) == 0
    finally:
        await first.storage.close()
        await second.storage.close()


async def test_state_reads_as_empty_and_the_lock_is_skipped_when_redis_is_dead() -> None:
    shared = SharedState(connect_redis(dead_redis_url()), "x")
    key = StorageKey(bot_id=1, chat_id=5, user_id=5)
    try:
        await shared.storage.set_state(key, "FineInput:count")  # dropped, no exception
        assert await shared.storage.get_state(key) is None
        assert await shared.storage.get_data(key) == {}
        async with shared.isolation.lock(key):
            pass
        assert await shared.journal.begin(1, 10) is Seen.NEW
    finally:
        await shared.storage.close()


async def test_the_update_journal_hands_an_update_out_once(redis_prefix: tuple[str, str]) -> None:
    url, prefix = redis_prefix
    shared = SharedState(connect_redis(url), prefix)
    try:
        journal = shared.journal
        assert await journal.begin(1, 100) is Seen.NEW
        assert await journal.begin(1, 100) is Seen.IN_PROGRESS
        await journal.finish(1, 100)
        assert await journal.begin(1, 100) is Seen.DONE
        assert await journal.begin(2, 100) is Seen.NEW, "another bot's update 100"
        assert await journal.begin(1, 101) is Seen.NEW
        await journal.abandon(1, 101)  # the handler failed: a redelivery is handled
        assert await journal.begin(1, 101) is Seen.NEW
    finally:
        await shared.storage.close()


# --- replicas: real dispatchers on one PostgreSQL schema and one Redis, fed the way the webhook feeds them -------

@dataclass
class Replica:
    services: Services
    bot: Bot
    dp: Dispatcher

    async def feed(self, update: dict) -> None:
        await self.dp.feed_raw_update(self.bot, update)


@contextlib.asynccontextmanager
async def replica(settings: Settings, kb: KnowledgeBase) -> AsyncIterator[Replica]:
    services = await create_services(settings, kb=kb)
    bot = create_bot(settings, session_class=SandboxSession)
    dp = create_dispatcher(services)
    try:
        yield Replica(services, bot, dp)
    finally:
        await dp.storage.close()
        await bot.session.close()
        await services.db.close()


@pytest.fixture
def replica_settings(settings: Settings, pg_schema: PgSchema, redis_prefix: tuple[str, str]) -> Settings:
    url, prefix = redis_prefix
    return settings.model_copy(update={"database_url": pg_schema.url, "redis_url": url, "redis_prefix": prefix})


def answered(text: str) -> bool:
    """A reply to the question, not the "something went wrong" one. What it says is the search's business."""
    return bool(text.strip()) and text != t("error", "ru")


def texts(telegram: FakeTelegram, chat_id: int) -> list[str]:
    return [message["text"] for message in telegram.messages(chat_id)]


async def test_an_update_delivered_to_two_replicas_is_answered_once(
    telegram: FakeTelegram, replica_settings: Settings, real_kb: KnowledgeBase
) -> None:
    async with replica(replica_settings, real_kb) as first, replica(replica_settings, real_kb) as second:
        await asyncio.gather(first.feed(private_message(501, QUESTION, user_id=5001)),
                             second.feed(private_message(501, QUESTION, user_id=5001)))
        await second.feed(private_message(501, QUESTION, user_id=5001))  # a late repeat
        [answer] = texts(telegram, 5001)
        assert answered(answer)
        await second.feed(private_message(502, "/start", user_id=5001))  # the next update is handled as usual
        assert len(texts(telegram, 5001)) == 2


async def test_a_replica_answers_with_redis_dead_from_the_start(
    telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase
) -> None:
    dead = settings.model_copy(update={"redis_url": dead_redis_url()})
    async with replica(dead, real_kb) as alone:
        await alone.feed(private_message(601, QUESTION, user_id=6001))
        await alone.feed(private_message(602, "/start", user_id=6001))
        answer, greeting = texts(telegram, 6001)
        assert answered(answer) and "Привет" in greeting


class Proxy:
    """A TCP relay to Redis that the test can cut, as if the Redis server went away mid-run."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.server: asyncio.Server | None = None
        self.writers: list[asyncio.StreamWriter] = []

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self.writers += [writer, upstream_writer]

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, OSError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    async def cut(self) -> None:
        """Stop listening and drop every open connection."""
        assert self.server is not None
        self.server.close()
        for writer in self.writers:
            writer.close()
        await self.server.wait_closed()


async def test_questions_are_answered_after_redis_goes_away_mid_run(
    telegram: FakeTelegram, settings: Settings, real_kb: KnowledgeBase, redis_prefix: tuple[str, str],
    tmp_path: Path,
) -> None:
    url, prefix = redis_prefix
    host_port = url.split("//", 1)[1].split("/", 1)[0]
    host, _, port = host_port.rpartition(":")
    proxy = Proxy(host or "127.0.0.1", int(port or 6379))
    proxied = f"redis://127.0.0.1:{await proxy.start()}/0"
    live = settings.model_copy(update={"redis_url": proxied, "redis_prefix": prefix})
    async with replica(live, real_kb) as alone:
        await alone.feed(private_message(701, QUESTION, user_id=7001))
        assert len(texts(telegram, 7001)) == 1
        await proxy.cut()
        await alone.feed(private_message(702, QUESTION, user_id=7001))
        await alone.feed(private_message(703, "/start", user_id=7001))
        first, second, greeting = texts(telegram, 7001)
        assert first == second and "Привет" in greeting


async def test_a_conversation_begun_on_one_replica_continues_on_another(
    telegram: FakeTelegram, replica_settings: Settings, real_kb: KnowledgeBase
) -> None:
    async with replica(replica_settings, real_kb) as first, replica(replica_settings, real_kb) as second:
        await first.feed(private_message(901, "/deadline", user_id=9001))
        await second.feed(private_message(902, "вчера в 18:00", user_id=9001))  # the typed answer, elsewhere
        prompt, answer = texts(telegram, 9001)
        assert "Когда обнаружили утечку" in prompt
        assert "Утечку обнаружили: " in answer and "Роскомнадзор" in answer  # the second replica knew the state


async def test_a_repeat_waits_for_the_replica_handling_it_then_drops_or_takes_it(
    telegram: FakeTelegram, replica_settings: Settings, real_kb: KnowledgeBase
) -> None:
    other = SharedState(connect_redis(replica_settings.redis_url), replica_settings.redis_prefix)  # another replica
    try:
        async with replica(replica_settings, real_kb) as here:
            assert await other.journal.begin(telegram.bot_id, 950) is Seen.NEW
            repeat = asyncio.create_task(here.feed(private_message(950, QUESTION, user_id=9501)))
            await other.journal.finish(telegram.bot_id, 950)  # the other replica answered it
            await asyncio.wait_for(repeat, 10)
            assert texts(telegram, 9501) == []

            assert await other.journal.begin(telegram.bot_id, 951) is Seen.NEW
            repeat = asyncio.create_task(here.feed(private_message(951, QUESTION, user_id=9502)))
            await other.journal.abandon(telegram.bot_id, 951)  # the other replica's handler failed
            await asyncio.wait_for(repeat, 10)
            [answer] = texts(telegram, 9502)
            assert answered(answer)
    finally:
        await other.storage.close()



async def test_a_claim_held_while_handling_outlives_its_lease_and_lapses_once_let_go(
    redis_prefix: tuple[str, str]
) -> None:
    url, prefix = redis_prefix
    redis = connect_redis(url)
    journal = UpdateJournal(redis, RedisBreaker(), prefix, lease=2)  # renewed every third of it
    key = f"{prefix}:update:1:300"
    loop = asyncio.get_running_loop()
    try:
        assert await journal.begin(1, 300) is Seen.NEW
        taken = loop.time()
        async with journal.held(1, 300):
            while loop.time() - taken < 4.5:  # well past the 2 s lease: the claim never runs out meanwhile
                assert await redis.pttl(key) > 0
                assert await journal.begin(1, 300) is Seen.IN_PROGRESS
                await asyncio.sleep(0.05)
        # let go without finishing (the replica died): the claim lapses within the lease and a repeat is handled
        while (seen := await journal.begin(1, 300)) is Seen.IN_PROGRESS:
            assert loop.time() - taken < 10, "the claim of a replica that stopped renewing never lapsed"
            await asyncio.sleep(0.05)
        assert seen is Seen.NEW
        await journal.finish(1, 300)
        await redis.expire(key, 1, gt=True)  # what a renewal that reaches Redis after `finish` does
        assert await redis.ttl(key) > 3600 and await journal.begin(1, 300) is Seen.DONE
    finally:
        await redis.aclose()



async def test_a_chat_lock_is_renewed_while_held_and_short_once_its_holder_is_gone(
    redis_prefix: tuple[str, str]
) -> None:
    url, prefix = redis_prefix
    here, there = SharedState(connect_redis(url), prefix), SharedState(connect_redis(url), prefix)
    here.isolation.timeout = there.isolation.timeout = 2  # renewed every third of it
    key = StorageKey(bot_id=1, chat_id=400, user_id=400)
    loop = asyncio.get_running_loop()
    try:
        async with here.isolation.lock(key):
            taken = loop.time()
            waiting = there.isolation.lock(key)
            other = asyncio.create_task(waiting.__aenter__())
            while loop.time() - taken < 4.5:  # well past the 2 s: the other replica still waits its turn
                assert not other.done()
                await asyncio.sleep(0.05)
        await asyncio.wait_for(other, 10)  # let go: the other one has it
        await waiting.__aexit__(None, None, None)
        # a replica killed while holding the chat: its lock is no longer renewed and lapses in seconds, not aiogram's 60
        assert await here.redis.lock(name=here.key_builder.build(key, "lock"), timeout=2).acquire()
        died = loop.time()
        async with there.isolation.lock(key):
            assert loop.time() - died < 10
    finally:
        await here.storage.close()
        await there.storage.close()
