"""The real servers the multi-replica tests need: PostgreSQL and Redis.

Where they live: TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test) and TEST_REDIS_URL (default
redis://127.0.0.1:6379/0). A server that is not there skips its tests with the reason in the summary (`pytest -rs`);
under CI=true it fails them instead, because CI has both servers and a skip there would hide a broken setup.

Every PostgreSQL test gets a schema of its own (dropped afterwards) and every Redis test a key prefix of its own, so
tests and engineers sharing one server never see each other's rows or keys.

Test modules bring a fixture in by assignment (`database = backends.database`), which pytest registers like a
fixture defined in the module.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bot.storage.db import Database

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
BACKENDS = ("sqlite", "postgresql")

_reachable: dict[str, str | None] = {}  # server -> None if reachable, else why not (checked once per run)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def server_missing(what: str, variable: str, url: str, error: str) -> None:
    """Skip (fail under CI) because a server is not reachable, saying which one and how to get it."""
    message = (f"{what} is not reachable at {url} ({error}); start it or point {variable} elsewhere "
               f"(see README, 'Running more than one replica')")
    if in_ci():
        pytest.fail(f"CI=true but {message}", pytrace=False)
    pytest.skip(message)


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return urlunsplit((parts.scheme, f"{host}:{parts.port}" if parts.port else host, parts.path, "", ""))


async def require_postgres() -> str:
    """The base PostgreSQL URL, once the server answered (skips or fails otherwise)."""
    if "postgresql" not in _reachable:
        import asyncpg

        try:
            conn = await asyncpg.connect(PG_URL, timeout=3)
            await conn.close()
            _reachable["postgresql"] = None
        except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
            _reachable["postgresql"] = f"{type(exc).__name__}: {exc}"
    if _reachable["postgresql"] is not None:
        server_missing("PostgreSQL", "TEST_DATABASE_URL", _redacted(PG_URL), _reachable["postgresql"])
    return PG_URL


async def require_redis() -> str:
    """The Redis URL, once the server answered PING (skips or fails otherwise)."""
    if "redis" not in _reachable:
        import redis.asyncio as redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
        try:
            await client.ping()
            _reachable["redis"] = None
        except (OSError, redis.RedisError) as exc:
            _reachable["redis"] = f"{type(exc).__name__}: {exc}"
        finally:
            await client.aclose()
    if _reachable["redis"] is not None:
        server_missing("Redis", "TEST_REDIS_URL", _redacted(REDIS_URL), _reachable["redis"])
    return REDIS_URL


def with_search_path(url: str, schema: str) -> str:
    """`url` whose connections use `schema` (asyncpg turns unknown URL parameters into server settings)."""
    return f"{url}{'&' if '?' in url else '?'}search_path={schema}"


class PgSchema:
    """A fresh, empty schema on the test server, and a URL whose connections use it."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.name = f"t_{uuid.uuid4().hex[:12]}"
        self.url = with_search_path(base_url, self.name)

    async def create(self) -> PgSchema:
        import asyncpg

        conn = await asyncpg.connect(self.base_url)
        try:
            await conn.execute(f'CREATE SCHEMA "{self.name}"')
        finally:
            await conn.close()
        return self

    async def drop(self) -> None:
        import asyncpg

        conn = await asyncpg.connect(self.base_url)
        try:
            await conn.execute(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')
        finally:
            await conn.close()


@pytest.fixture
async def pg_schema() -> AsyncIterator[PgSchema]:
    """An empty PostgreSQL schema for one test (requires the server)."""
    schema = await PgSchema(await require_postgres()).create()
    try:
        yield schema
    finally:
        await schema.drop()


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: once on SQLite, once on PostgreSQL (a schema of its own)."""
    if request.param == "sqlite":
        db = await Database(tmp_path / "bot.sqlite3").connect()
        await db.migrate()
        try:
            yield db
        finally:
            await db.close()
        return
    schema = await PgSchema(await require_postgres()).create()
    db = await Database(schema.url).connect()
    try:
        await db.migrate()
        yield db
    finally:
        await db.close()
        await schema.drop()


@pytest.fixture
async def redis_prefix() -> AsyncIterator[tuple[str, str]]:
    """(Redis URL, a key prefix of this test's own); the prefix's keys are deleted afterwards."""
    import redis.asyncio as redis

    url = await require_redis()
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    yield url, prefix
    client = redis.Redis.from_url(url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
