"""All SQL lives in this package. Queries use `?` parameters and syntax both SQLite and PostgreSQL run (ON CONFLICT,
no INSERT OR IGNORE, RETURNING instead of lastrowid); `bot.storage.db` numbers the parameters for PostgreSQL.
DDL that must differ lives in `migrations/<dialect>/`."""

from bot.storage.db import Database, PostgresDatabase, SqliteDatabase, utcnow

__all__ = ["Database", "PostgresDatabase", "SqliteDatabase", "utcnow"]
