"""/reload reaches every replica: two bots on one PostgreSQL database, each with its own knowledge base loaded from
the same files; an admin's /reload in one makes the other answer from the edited files too (NOTIFY, heard on the
other's LISTEN connection)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from pydantic import SecretStr

from bot.config import Settings
from bot.kb import KnowledgeBase
from tests import backends
from tests.backends import PgSchema
from tests.conftest import ADMIN_ID, BotHarness, running_bot
from tests.test_admin_rights import BIOMETRICS, LEAK, ROSKOMNADZOR, write_base
from tests.waiting import until
from tg_sandbox.server import FakeTelegram

pg_schema = backends.pg_schema
QUESTION = "биометрия и согласие"


@contextlib.asynccontextmanager
async def two_replicas(tmp_path: Path, telegram: FakeTelegram, settings: Settings,
                       pg_schema: PgSchema) -> AsyncIterator[tuple[BotHarness, BotHarness, Path]]:
    """Two bots on one schema and one knowledge directory, each behind a sandbox of its own (one Telegram each, so
    that each gets the updates meant for it); both listening once they poll."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    write_base(knowledge, ROSKOMNADZOR, LEAK)
    shared = settings.model_copy(update={"database_url": pg_schema.url, "knowledge_dir": knowledge})
    other_telegram = FakeTelegram()
    await other_telegram.start()
    other = shared.model_copy(update={"bot_token": SecretStr(other_telegram.token),
                                      "telegram_api_url": other_telegram.base_url})
    try:
        async with running_bot(telegram, shared, KnowledgeBase.load(knowledge)) as first, \
                running_bot(other_telegram, other, KnowledgeBase.load(knowledge)) as second:
            await until(lambda: first.services.db.listening and second.services.db.listening, timeout=30)
            yield first, second, knowledge
    finally:
        await other_telegram.stop()


async def test_a_reload_in_one_replica_is_seen_by_the_other(tmp_path: Path, telegram: FakeTelegram,
                                                             settings: Settings, pg_schema: PgSchema) -> None:
    async with two_replicas(tmp_path, telegram, settings, pg_schema) as (first, second, knowledge):
        assert "Биометрия" not in (await second.say(QUESTION, user_id=5))["text"]
        write_base(knowledge, ROSKOMNADZOR, LEAK, BIOMETRICS)

        reply = await first.say("/reload", user_id=ADMIN_ID, language_code="en")
        assert "reloaded: 3 entries (was 2)" in reply["text"]
        await until(lambda: len(second.services.kb.entries) == 3, timeout=30)  # the other replica, told by the database
        assert "Биометрия и согласие" in (await second.say(QUESTION, user_id=5))["text"]
        assert "Биометрия и согласие" in (await first.say(QUESTION, user_id=5))["text"]

