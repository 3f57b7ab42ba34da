"""The bot as an operator installs it: a wheel built from the repository's own files, installed into an empty
directory and started from there, with no source tree and a working directory of its own. The wheel carries the
knowledge base, the migrations, the breach name lists and the locale files, and not the development sandbox.

Built offline with the virtualenv's setuptools (`--no-build-isolation --no-index`): pip-tools in
requirements-dev.lock depends on it, so `make install` puts it there."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.botprocess import BotProcess
from tg_sandbox.server import FakeTelegram

# What the build reads; a copy of them, so the build leaves nothing in the checkout and needs nothing else.
SOURCES = ("pyproject.toml", "setup.py", "README.md", "bot", "knowledge", "migrations")
QUESTION = "какой штраф за утечку персональных данных?"
# Generous: the start imports aiogram (~2.5 s alone on an idle machine, 4x that on a loaded CI runner); a passing run
# waits only as long as the bot takes.
START_TIMEOUT = 90.0


def run(*args: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (PROJECT_ROOT / name).is_dir():
            shutil.copytree(PROJECT_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(PROJECT_ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    run("-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist), ".",
        cwd=source)
    [built] = dist.glob("privacy_bot-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    run("-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel), cwd=target)
    return target


def repository_files(directory: str, pattern: str) -> set[str]:
    return {path.relative_to(PROJECT_ROOT / directory).as_posix() for path in (PROJECT_ROOT / directory).glob(pattern)}


def test_the_wheel_carries_the_data_and_not_the_sandbox(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [name for name in names if "sandbox" in name.split("/")[0] or name.startswith("bot/sandbox")]
    assert {f"bot/knowledge/{name}" for name in repository_files("knowledge", "*.yaml")} <= names
    assert {f"bot/migrations/{name}" for name in repository_files("migrations", "**/*.sql")} <= names
    assert {f"bot/{name}" for name in repository_files("bot", "breaches/*.yaml")} <= names
    assert {f"bot/{name}" for name in repository_files("bot", "breaches/*.json")} <= names
    assert {f"bot/{name}" for name in repository_files("bot", "locales/**/*.ftl")} <= names
    assert {f"bot/{name}" for name in repository_files("bot", "**/*.py")} <= names  # no subpackage left out


def test_the_installed_bot_finds_its_data_inside_the_install(installed: Path, tmp_path: Path) -> None:
    probe = ("import json, bot, bot.resources as r; "
             "print(json.dumps([bot.__file__, str(r.knowledge_dir()), str(r.migrations_dir())]))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(installed), "PATH": ""})
    assert done.returncode == 0, done.stderr
    module, knowledge, migrations = (Path(path) for path in json.loads(done.stdout))
    assert module.is_relative_to(installed)
    assert knowledge == installed / "bot" / "knowledge" and migrations == installed / "bot" / "migrations"


async def test_the_bot_starts_from_the_wheel_and_answers(installed: Path, telegram: FakeTelegram,
                                                         tmp_path: Path) -> None:
    process = BotProcess(telegram, tmp_path)
    process.env["PYTHONPATH"] = str(installed)  # the install only: not the checkout
    del process.env["KNOWLEDGE_DIR"]  # the packaged knowledge base
    await process.start()
    try:
        await process.wait_until(lambda: bool(telegram.calls("getUpdates")), timeout=START_TIMEOUT)
        telegram.send_user_message("/start", user_id=1001, language_code="en")
        [greeting] = await telegram.wait_for_messages(1001, 1, timeout=30)
        telegram.send_user_message(QUESTION, user_id=1001, language_code="ru")
        [_, answer] = await telegram.wait_for_messages(1001, 2, timeout=30)
        assert await process.stop() == 0
    finally:
        await process.close()
    assert "Hi!" in greeting["text"]
    assert "13.11" in answer["text"]  # an entry of the packaged knowledge base
    assert (tmp_path / "bot.sqlite3").exists()  # the packaged migrations made the schema
