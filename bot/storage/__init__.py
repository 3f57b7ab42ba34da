"""All SQL lives in this package. Queries use `?` parameters only and PostgreSQL-compatible syntax
(ON CONFLICT, no INSERT OR IGNORE), so moving to PostgreSQL means swapping the driver, not the queries."""

from bot.storage.db import Database, utcnow

__all__ = ["Database", "utcnow"]
