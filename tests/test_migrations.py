"""Migrations: a fresh database and one upgraded step by step end at the same schema; running twice is a no-op."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.storage.db import MIGRATIONS_DIR, Database, migration_files


async def test_fresh_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    fresh = await Database(tmp_path / "fresh.sqlite3").connect()
    await fresh.migrate()

    # The "old" database was created when only the first migration existed, and has a user in it.
    old_dir = tmp_path / "old_migrations"
    old_dir.mkdir()
    first_version, first_file = migration_files()[0]
    shutil.copy(first_file, old_dir / first_file.name)
    upgraded = await Database(tmp_path / "upgraded.sqlite3").connect()
    assert await upgraded.migrate(old_dir) == [first_version]
    await upgraded.execute(
        "INSERT INTO users (chat_id, language, started_at) VALUES (?, ?, ?)", (1, "ru", "2026-01-01T00:00:00+00:00")
    )
    applied = await upgraded.migrate(MIGRATIONS_DIR)
    assert applied == [v for v, _ in migration_files()][1:]

    assert await fresh.schema() == await upgraded.schema()
    assert await upgraded.fetchval("SELECT language FROM users WHERE chat_id = 1") == "ru"
    await fresh.close()
    await upgraded.close()


async def test_migrate_twice_applies_nothing_the_second_time(tmp_path: Path) -> None:
    db = await Database(tmp_path / "bot.sqlite3").connect()
    assert await db.migrate() != []
    assert await db.migrate() == []
    assert await db.fetchval("PRAGMA journal_mode") == "wal"
    await db.close()
