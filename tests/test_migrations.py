"""Migrations: a fresh database and one upgraded step by step end at the same schema, on SQLite and PostgreSQL;
running twice is a no-op; both dialects end with the same tables and columns; three processes starting at the same
moment on one PostgreSQL database apply each migration exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.storage.db import MIGRATIONS_DIR, Database, migration_files
from tests import backends
from tests.backends import PgSchema

database = backends.database
pg_schema = backends.pg_schema


async def open_backend(backend: str, tmp_path: Path, name: str) -> tuple[Database, PgSchema | None]:
    if backend == "sqlite":
        return await Database(tmp_path / f"{name}.sqlite3").connect(), None
    schema = await PgSchema(await backends.require_postgres()).create()
    return await Database(schema.url).connect(), schema


@pytest.mark.parametrize("backend", backends.BACKENDS)
async def test_fresh_and_upgraded_databases_have_the_same_schema(backend: str, tmp_path: Path) -> None:
    fresh, fresh_schema = await open_backend(backend, tmp_path, "fresh")
    upgraded, upgraded_schema = await open_backend(backend, tmp_path, "upgraded")
    try:
        await fresh.migrate()
        # The "old" database was created when only the first migration existed, and has a user in it.
        old_dir = tmp_path / "old_migrations"
        (old_dir / backend).mkdir(parents=True)
        first_version, first_file = migration_files(dialect=backend)[0]
        shutil.copy(first_file, old_dir / first_file.relative_to(MIGRATIONS_DIR))
        assert await upgraded.migrate(old_dir) == [first_version]
        await upgraded.execute(
            "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?)",
            (1, "ru", "2026-01-01T00:00:00+00:00"),
        )
        applied = await upgraded.migrate(MIGRATIONS_DIR)
        assert applied == [v for v, _ in migration_files(dialect=backend)][1:]

        assert await fresh.schema() == await upgraded.schema()
        assert await upgraded.fetchval("SELECT language FROM users WHERE chat_id = 1") == "ru"
    finally:
        for db, schema in ((fresh, fresh_schema), (upgraded, upgraded_schema)):
            await db.close()
            if schema is not None:
                await schema.drop()


async def test_migrate_twice_applies_nothing_the_second_time(database: Database) -> None:
    assert await database.migrate() == []
    if database.dialect == "sqlite":
        assert await database.fetchval("PRAGMA journal_mode") == "wal"


async def columns(db: Database) -> set[tuple[str, str]]:
    if db.dialect == "sqlite":
        rows = await db.fetchall(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
        )
    else:
        rows = await db.fetchall(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        )
    return {(row[0], row[1]) for row in rows}


async def test_both_dialects_end_with_the_same_tables_and_columns(tmp_path: Path, pg_schema: PgSchema) -> None:
    """A migration changed for one dialect only (a column added to migrations/0002 but not to its PostgreSQL twin)
    shows up here, not in production."""
    sqlite = await Database(tmp_path / "bot.sqlite3").connect()
    postgres = await Database(pg_schema.url).connect()
    try:
        await sqlite.migrate()
        await postgres.migrate()
        assert await columns(sqlite) == await columns(postgres)
        versions = {dialect: [v for v, _ in migration_files(dialect=dialect)] for dialect in backends.BACKENDS}
        assert versions["sqlite"] == versions["postgresql"]
    finally:
        await sqlite.close()
        await postgres.close()


# Imports first, then waits for a line on stdin, so the three processes really start migrating together.
MIGRATOR = """
import asyncio, json, sys
from bot.storage.db import Database

async def main():
    db = await Database(sys.argv[1]).connect()
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        print(json.dumps(await db.migrate()), flush=True)
    finally:
        await db.close()

asyncio.run(main())
"""


async def test_three_processes_starting_together_apply_each_migration_once(pg_schema: PgSchema) -> None:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", MIGRATOR, pg_schema.url, cwd=PROJECT_ROOT, env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    for process in processes:
        assert process.stdout is not None
        assert await asyncio.wait_for(process.stdout.readline(), 60) == b"ready\n"
    for process in processes:  # the starting shot
        assert process.stdin is not None
        process.stdin.write(b"go\n")
    results = [await asyncio.wait_for(process.communicate(), 60) for process in processes]
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
    applied = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in results]

    expected = [v for v, _ in migration_files(dialect="postgresql")]
    assert sorted(v for versions in applied for v in versions) == expected, applied  # each applied exactly once
    db = await Database(pg_schema.url).connect()
    try:
        assert [row[0] for row in await db.fetchall("SELECT version FROM schema_migrations ORDER BY version")] \
            == expected
        assert await db.migrate() == []
    finally:
        await db.close()
