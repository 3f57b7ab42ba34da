"""Three replicas: real `python -m bot` processes in webhook mode on one PostgreSQL and one Redis, behind a
round-robin balancer, with the sandbox as Telegram (tests/replicas.py, the failover tests' machinery).

- Fan-out across three replicas: alerts queued for N chats, the sandbox enforcing Telegram's 30 a second overall
  and 1 a second per chat, SEND_RATE=30; the rate over the sends as a ratio of the limit, and the 429s.
- Failover: a second fan-out, the leader (the replica sending) killed with `kill -9` half-way; the seconds from the
  kill to a standby's first message; lost and repeated alerts.
- Answers per second: questions from many chats POSTed to the balancer as Telegram does (each chat's next update
  after the previous one was answered, chats concurrently), through three replicas and through one of them; here
  the replicas' SEND_RATE is out of the way (the sandbox enforces no limit) so what is measured is handling.

Needs PostgreSQL and Redis (TEST_DATABASE_URL, TEST_REDIS_URL as for the tests); without them the section says why
and is skipped."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import signal
import statistics
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import aiohttp

from tests.backends import PG_URL, REDIS_URL, PgSchema
from tests.botprocess import BotProcess, free_port
from tests.replicas import RoundRobin, elected, listening, replica_processes, webhook_port
from tests.test_storage_failover import queue_alerts
from tests.test_webhook import QUESTION, private_message
from tg_sandbox.server import FakeTelegram

LIMIT = 30  # Telegram's overall limit for a bot, messages a second
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
Table = Callable[[str, list[str], list[list[object]]], None]


async def servers_missing() -> str | None:
    """Why the bench cannot run here (a server not reachable), or None."""
    import asyncpg
    import redis.asyncio as redis

    try:
        conn = await asyncpg.connect(PG_URL, timeout=3)
        await conn.close()
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        return f"PostgreSQL not reachable ({type(exc).__name__}); set TEST_DATABASE_URL"
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        await client.ping()
    except (OSError, redis.RedisError) as exc:
        return f"Redis not reachable ({type(exc).__name__}); set TEST_REDIS_URL"
    finally:
        await client.aclose()
    return None


def sent(telegram: FakeTelegram, chats: range, after: float = 0.0) -> list[tuple[float, int]]:
    return [(r.time, int(r.params["chat_id"])) for r in telegram.calls("sendMessage")
            if r.status == 200 and int(r.params["chat_id"]) in chats and r.time > after]


async def start_all(replicas: list[BotProcess]) -> None:
    for replica in replicas:
        await replica.start()
    for replica in replicas:
        await replica.wait_until(lambda r=replica: listening(r), timeout=120)


async def stop_all(replicas: list[BotProcess]) -> None:
    for replica in replicas:
        if replica.process is not None and replica.process.returncode is None:
            with contextlib.suppress(AssertionError):
                await replica.stop(signal.SIGTERM)
        await replica.close()


async def fan_out_and_failover(telegram: FakeTelegram, tmp: Path, url: str, prefix: str,
                               watchers: int) -> dict[str, float]:
    telegram.enforce_limits(global_per_second=LIMIT, private_per_second=1)
    replicas = replica_processes(telegram, tmp, 3, database_url=url, redis_url=REDIS_URL, redis_prefix=prefix,
                                 SEND_RATE=str(LIMIT))
    result: dict[str, float] = {}
    try:
        await start_all(replicas)
        await replicas[0].wait_until(lambda: sum(elected(r) for r in replicas) == 1, timeout=180)
        # 1. a fan-out, nobody killed
        first = range(40_000, 40_000 + watchers)
        await queue_alerts(url, first)
        await replicas[0].wait_until(lambda: len({c for _, c in sent(telegram, first)}) == watchers,
                                     timeout=watchers / LIMIT * 3 + 60)
        times = sorted(t for t, _ in sent(telegram, first))
        result["fan_out_rate"] = (len(times) - 1) / (times[-1] - times[0])
        result["fan_out_429"] = telegram.count_429
        # 2. another, the leader killed half-way
        second = range(50_000, 50_000 + watchers)
        [leader] = [r for r in replicas if elected(r)]
        standbys = [r for r in replicas if r is not leader]
        await queue_alerts(url, second)
        await leader.wait_until(lambda: len(sent(telegram, second)) >= watchers // 2, timeout=watchers / LIMIT + 60)
        await leader.stop(signal.SIGKILL)
        killed_at = time.monotonic()
        await standbys[0].wait_until(lambda: {c for _, c in sent(telegram, second)} == set(second),
                                     timeout=watchers / LIMIT * 3 + 90)
        counts = Counter(c for _, c in sent(telegram, second))
        result["failover_s"] = min(t for t, _ in sent(telegram, second, after=killed_at)) - killed_at
        result["lost"] = len(set(second) - set(counts))
        result["repeated"] = sum(counts.values()) - len(counts)
        result["failover_429"] = telegram.count_429 - result["fan_out_429"]
    finally:
        await stop_all(replicas)
    return result


async def ask(balancer_url: str, secret: str, updates: list[dict], lanes: int) -> tuple[float, list[float]]:
    """POST `updates` in `lanes` concurrent chats, each waiting for its previous answer: (seconds, latencies)."""
    latencies: list[float] = []
    queue = list(updates)

    async def lane(http: aiohttp.ClientSession) -> None:
        while queue:
            update = queue.pop()
            start = time.perf_counter()
            async with http.post(balancer_url, json=update, headers={SECRET_HEADER: secret}) as response:
                await response.read()
                assert response.status == 200, response.status
            latencies.append(time.perf_counter() - start)

    async with aiohttp.ClientSession() as http:
        start = time.perf_counter()
        await asyncio.gather(*(lane(http) for _ in range(lanes)))
        return time.perf_counter() - start, latencies


async def answers_per_second(telegram: FakeTelegram, tmp: Path, url: str, prefix: str,
                             questions: int, lanes: int = 8) -> dict[str, tuple[float, float]]:
    telegram.disable_limits()
    balancer_port = free_port()
    replicas = replica_processes(telegram, tmp, 3, database_url=url, redis_url=REDIS_URL, redis_prefix=prefix,
                                 public_port=balancer_port, SEND_RATE="100000", THROTTLE_PER_MINUTE="1000")
    balancer = RoundRobin([webhook_port(r) for r in replicas])
    rates: dict[str, tuple[float, float]] = {}
    next_id = iter(range(7_000_000, 8_000_000))  # update and chat ids
    try:
        await start_all(replicas)
        await balancer.start(balancer_port)
        base = f"http://127.0.0.1:{balancer_port}/telegram/webhook"
        secret = replicas[0].env["WEBHOOK_SECRET"]
        warm = [private_message(update_id, QUESTION, user_id=update_id)
                for update_id in itertools.islice(next_id, 3 * lanes)]
        await ask(base, secret, warm, lanes)  # each replica has answered a few: caches, connections
        runs: dict[str, list[tuple[float, float]]] = {"three replicas": [], "one replica": []}
        for _ in range(2):  # alternating, so a machine busy for a while slows both alike
            for name, ports in (("three replicas", balancer.ports), ("one replica", balancer.ports[:1])):
                balancer.ports = ports
                # a chat of its own for each question: the per-user throttle stays out of it
                updates = [private_message(update_id, QUESTION, user_id=update_id)
                           for update_id in itertools.islice(next_id, questions)]
                before = len(telegram.calls("sendMessage"))
                seconds, latencies = await ask(base, secret, updates, lanes)
                answered = len(telegram.calls("sendMessage")) - before
                assert answered == questions, f"{answered} answers to {questions} questions"
                runs[name].append((questions / seconds, statistics.quantiles(latencies, n=20)[-1]))
            balancer.ports = [webhook_port(r) for r in replicas]
        for name, measured in runs.items():
            rates[name] = (statistics.median(r for r, _ in measured), statistics.median(p for _, p in measured))
    finally:
        await balancer.stop()
        await stop_all(replicas)
    return rates


async def measure(quick: bool) -> dict[str, object]:
    missing = await servers_missing()
    if missing:
        return {"skipped": missing}
    schema = await PgSchema(PG_URL).create()
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    telegram = FakeTelegram()
    await telegram.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            result: dict[str, object] = dict(await fan_out_and_failover(
                telegram, Path(tmp) / "a", schema.url, prefix, 300 if quick else 1500))
            telegram.clear_requests()
            result["answers"] = await answers_per_second(telegram, Path(tmp) / "b", schema.url, prefix,
                                                         100 if quick else 400)
            result["watchers"] = 300 if quick else 1500
    finally:
        await telegram.stop()
        await schema.drop()
        await _forget_redis(prefix)
    return result


async def _forget_redis(prefix: str) -> None:
    import redis.asyncio as redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in client.scan_iter(f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


def section(table: Table, quick: bool = False) -> None:
    result = asyncio.run(measure(quick))
    if "skipped" in result:
        print(f"\n## Three replicas: skipped ({result['skipped']})")
        return
    rate = float(result["fan_out_rate"])  # type: ignore[arg-type]
    table(f"Three replicas on one PostgreSQL and Redis, webhook mode behind a balancer (sandbox enforcing {LIMIT}/s "
          f"overall, 1/s per chat; SEND_RATE={LIMIT}; {result['watchers']} alerts per fan-out; targets: >= 0.95 of "
          "the limit with 0 x 429, a standby sending within 30 s, 0 lost)",
          ["measure", "value"],
          [["fan-out msg/s", f"{rate:.2f}"], ["fan-out ratio of the limit", f"{rate / LIMIT:.3f}"],
           ["fan-out 429s", result["fan_out_429"]],
           ["failover: kill -9 of the leader to a standby's first message, s", f"{result['failover_s']:.1f}"],
           ["failover: lost / repeated / 429s",
            f"{result['lost']} / {result['repeated']} / {result['failover_429']}"]])
    answers: dict[str, tuple[float, float]] = result["answers"]  # type: ignore[assignment]
    three, one = answers["three replicas"], answers["one replica"]
    table("Answers per second through the balancer, three replicas against one of them (8 chats at a time, each "
          "update answered once handled; no send limit; median of 2 alternating rounds; on 2 shared cores three "
          "processes cannot be faster than one: this is the overhead)",
          ["replicas", "answers/s", "p95 latency s", "ratio to one"],
          [["three", f"{three[0]:.1f}", f"{three[1]:.3f}", f"{three[0] / one[0]:.2f}"],
           ["one", f"{one[0]:.1f}", f"{one[1]:.3f}", "1.00"]])


if __name__ == "__main__":
    import argparse

    from bench.__main__ import table as print_table

    parser = argparse.ArgumentParser(prog="python -m bench.replicas")
    parser.add_argument("--quick", action="store_true", help="300 alerts and 100 questions instead of 1500 and 400")
    section(print_table, parser.parse_args().quick)
