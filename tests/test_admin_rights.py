"""Admin rights: admin commands do nothing and reveal nothing for anyone else (their reply is the unknown-command
reply, word for word), appear in the command menu of admins only, and /reload swaps the knowledge base in place
only when the new files pass the check."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.app import ADMIN_COMMANDS, USER_COMMANDS
from bot.config import Settings
from bot.handlers.admin import DraftAction
from bot.kb import KnowledgeBase
from tests.conftest import ADMIN_ID, BotHarness, running_bot
from tests.test_e2e_alerts import LITRES_POST
from tg_sandbox.server import FakeTelegram

STRANGER = 4242
# Every admin command with the arguments an admin would give it. A new admin command belongs here (and in
# ADMIN_COMMANDS, which the test below checks against this list).
ADMIN_INVOCATIONS = {
    "stats": "/stats",
    "breach": "/breach " + LITRES_POST,
    "post": "/post <b>Новость</b> для канала",
    "schedule": "/schedule",
    "digest": "/digest now",
    "reload": "/reload",
}


def test_every_admin_command_in_the_menu_is_checked_here() -> None:
    for lang in ("ru", "en"):
        assert [name for name, _ in ADMIN_COMMANDS[lang]] == list(ADMIN_INVOCATIONS)


@pytest.mark.parametrize("name", list(ADMIN_INVOCATIONS))
async def test_for_a_non_admin_an_admin_command_is_exactly_an_unknown_command(harness: BotHarness,
                                                                              name: str) -> None:
    invocation = ADMIN_INVOCATIONS[name]
    unknown = await harness.say("/made_up_command", user_id=STRANGER)
    reply = await harness.say(invocation, user_id=STRANGER)
    assert reply["text"] == unknown["text"] and reply.get("reply_markup") == unknown.get("reply_markup")
    bare = await harness.say(invocation.split()[0], user_id=STRANGER)
    assert bare["text"] == unknown["text"]
    # In a group, addressed to the bot: the same unknown-command answer, no counts, no names.
    group = {"chat_id": -800, "chat_type": "group", "chat_title": "Public group", "user_id": STRANGER}
    in_group = await harness.say(f"/{name}@{harness.telegram.bot_username}", **group)
    assert in_group["text"] == (await harness.say(f"/made_up@{harness.telegram.bot_username}", **group))["text"]
    # The same command from an admin really does something: the test above compares against a live command.
    admin = await harness.say(invocation, user_id=ADMIN_ID)
    assert admin["text"] != (await harness.say("/made_up_command", user_id=ADMIN_ID))["text"]


async def test_a_stranger_leaves_no_trace_with_admin_commands(harness: BotHarness) -> None:
    for invocation in ADMIN_INVOCATIONS.values():
        await harness.say(invocation, user_id=STRANGER)
    db = harness.services.db
    assert await db.fetchval("SELECT COUNT(*) FROM breaches") == 0  # /breach drafted nothing, not even a draft
    assert await db.fetchval("SELECT COUNT(*) FROM channel_posts") == 0  # /post made no draft
    assert await db.fetchval("SELECT COUNT(*) FROM outbox") == 0


async def test_a_stranger_forwarding_a_post_gets_a_question_answer_not_a_draft(harness: BotHarness) -> None:
    reply = await harness.say(LITRES_POST, user_id=STRANGER,
                              forward_origin={"type": "hidden_user", "sender_user_name": "x", "date": 1})
    assert "reply_markup" not in reply or all("bd:" not in b["callback_data"]
                                              for row in reply["reply_markup"]["inline_keyboard"] for b in row)
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM breaches") == 0  # no draft either


async def test_a_stranger_pressing_an_admins_draft_button_publishes_nothing(harness: BotHarness) -> None:
    await harness.say("/watch litres", user_id=1)
    draft = await harness.say("/breach " + LITRES_POST, user_id=ADMIN_ID)
    publish = draft["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    query_id = harness.telegram.press_button(draft, publish, user_id=STRANGER)
    await harness.telegram.wait_until(lambda: query_id in harness.telegram.callback_answers)
    assert "устарела" in harness.telegram.callback_answers[query_id]["text"]
    await harness.idle()
    stored = await harness.services.breaches.get(DraftAction.unpack(publish).id)
    assert stored is not None and stored.status == "draft"
    assert len(harness.telegram.messages(1)) == 1  # the watcher heard nothing


async def test_admin_commands_are_in_the_menu_of_admins_only(harness: BotHarness) -> None:
    telegram = harness.telegram
    await telegram.wait_until(lambda: telegram.commands(scope_type="chat", chat_id=ADMIN_ID) != [])
    admin_only = {name for name, _ in ADMIN_COMMANDS["en"]}
    for lang in ("ru", "en", ""):
        everyone = {c["command"] for c in telegram.commands(language_code=lang)}
        assert everyone and not everyone & admin_only
        admin = {c["command"] for c in telegram.commands(scope_type="chat", chat_id=ADMIN_ID, language_code=lang)}
        assert admin == admin_only | {name for name, _ in USER_COMMANDS[lang or "en"]}
    assert telegram.commands(scope_type="chat", chat_id=STRANGER) == []
    ru = telegram.commands(scope_type="chat", chat_id=ADMIN_ID, language_code="ru")
    assert any(c["command"] == "reload" and "базу" in c["description"] for c in ru)


# --- /reload ---------------------------------------------------------------------------------------------------

def entry_yaml(entry_id: str, ru: str, en: str, keywords: str) -> str:
    return textwrap.indent(textwrap.dedent(f"""\
        - id: {entry_id}
          title: {{ru: "{ru}", en: "{en}"}}
          answer: {{ru: "{ru}: ответ.", en: "{en}: the answer."}}
          keywords: [{keywords}]
          questions: {{ru: ["{ru.lower()}"], en: ["{en.lower()}"]}}
          source: {{title: "Test source", url: "https://example.org/{entry_id}"}}
          checked: 2025-01-01
        """), "  ")


def write_base(directory: Path, *entries: str) -> None:
    (directory / "ru_pd.yaml").write_text("domain: ru_pd\nentries:\n" + "".join(entries), encoding="utf-8")


ROSKOMNADZOR = entry_yaml("pd-rkn", "Роскомнадзор регулятор", "Roskomnadzor the regulator", "ркн, роскомнадзор")
LEAK = entry_yaml("pd-leak", "Штраф за утечку данных", "Fine for a data leak", "утечка, штраф")
BIOMETRICS = entry_yaml("pd-biometrics", "Биометрия и согласие", "Biometrics and consent", "биометрия, biometrics")


@pytest.fixture
async def small_base(tmp_path: Path, telegram: FakeTelegram, settings: Settings):
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    write_base(knowledge, ROSKOMNADZOR, LEAK)
    settings.knowledge_dir = knowledge
    async with running_bot(telegram, settings, KnowledgeBase.load(knowledge)) as harness:
        yield harness, knowledge


async def test_reload_swaps_in_the_edited_base(small_base) -> None:
    harness, knowledge = small_base
    assert "Биометрия" not in (await harness.say("биометрия и согласие", user_id=5))["text"]
    write_base(knowledge, ROSKOMNADZOR, LEAK, BIOMETRICS)
    reply = await harness.say("/reload", user_id=ADMIN_ID, language_code="en")
    assert "reloaded: 3 entries (was 2)" in reply["text"]
    assert "Биометрия и согласие" in (await harness.say("биометрия и согласие", user_id=5))["text"]


@pytest.mark.parametrize(("broken", "problem"), [
    ("domain: ru_pd\nentries:\n  - id: [unclosed\n", "not valid YAML"),
    ("domain: ru_pd\nentries:\n" + ROSKOMNADZOR + ROSKOMNADZOR, "duplicate id"),
    ("domain: ru_pd\nentries:\n" + LEAK.replace("checked: 2025-01-01", "checked: soon"), "checked"),
])
async def test_a_broken_file_keeps_the_old_base_and_the_admin_is_told_why(small_base, broken: str,
                                                                          problem: str) -> None:
    harness, knowledge = small_base
    (knowledge / "ru_pd.yaml").write_text(broken, encoding="utf-8")
    reply = await harness.say("/reload", user_id=ADMIN_ID, language_code="en")
    assert "Not reloaded" in reply["text"] and "old base (2 entries)" in reply["text"]
    assert problem in reply["text"]
    assert not harness.telegram.errors
    assert len(harness.services.kb.entries) == 2
    assert "Роскомнадзор" in (await harness.say("кто такой роскомнадзор регулятор", user_id=5))["text"]
