"""`make console`: a person without a token watches a service as two users, posts a breach into the simulated
source channel, and sees both alerts and the channel post arrive."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import Settings
from tg_sandbox.console import OUTPUT_CHANNEL, run_console

LITRES_ONE_LINE = ("Источник выложил в открытый доступ данные пользователей сервиса электронных книг «Литрес» "
                   "(litres.ru). В свободный доступ попало 3,083,408 строк: имя/фамилия, адрес эл. почты, "
                   "хешированный пароль (SHA1 без соли). Самая свежая запись датируется 03.08.2023.")


async def test_console_shows_a_watch_a_breach_post_and_the_alerts(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the console keeps its database in ./data/
    out = io.StringIO()
    lines = iter([
        "/watch litres",
        ":user 1002 en",
        "/watch Литрес",
        ":channel " + LITRES_ONE_LINE,
        "какой штраф за утечку персональных данных?",
        ":quit",
    ])
    assert await run_console(Settings(_env_file=None), lines=lines, out=out) == 0
    text = out.getvalue()
    assert "Литрес" in text and "litres.ru" in text  # both /watch replies
    assert "(now user 1002, language en)" in text
    assert "bot → chat 1001:\n🔓 Утечка данных: Литрес" in text  # the first user's alert, in Russian
    assert "bot:\n🔓 Data breach: Литрес" in text  # the current user's, in English
    assert f"bot → chat {OUTPUT_CHANNEL}:\n🔓 Утечка данных: Литрес" in text  # the bot's own channel
    assert "13.11" in text  # and an ordinary question still gets its answer
    assert (tmp_path / "data" / "console.sqlite3").exists()


def test_without_the_sandbox_the_console_command_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # An installed bot (its wheel) has no tg_sandbox: `python -m bot console` explains instead of a traceback.
    monkeypatch.setitem(sys.modules, "tg_sandbox.console", None)  # import of it fails as if not installed
    assert main(["console"]) == 2
    assert "make console" in capsys.readouterr().err
