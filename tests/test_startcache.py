"""The start-up cache (bot/startcache.py): what the bot builds from its files at start (the service directory, the
breach parser's name index) is read back from a file while those files are unchanged, built again when any of them
changes (the data files as much as the code), and the parser read back works on this process's own directory and
watched names."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from bot import startcache
from bot.app import load_breach_parser
from bot.breaches.names import ServiceDirectory, build_default_directory, default_directory

POST = ("Хакеры выложили в открытый доступ базу данных клиентов магазина Ромашка: 1,2 млн записей с телефонами, "
        "адресами и email.")


def _package_copy(tmp_path: Path) -> Path:
    """A copy of the bot's breach package, code and data files, standing for the package whose files key the cache."""
    copy = tmp_path / "package"
    shutil.copytree(Path(startcache.__file__).parent / "breaches", copy / "breaches",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("edited", ["breaches/services_hibp.json", "breaches/services.yaml", "breaches/names.py"])
def test_a_cached_object_is_built_again_when_a_file_of_the_package_changes(tmp_path: Path, edited: str) -> None:
    package, cache = _package_copy(tmp_path), tmp_path / "cache"
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"services": len(builds)}

    def load() -> dict[str, int]:
        return startcache.cached("thing", build, key=startcache.fingerprint(bot_files=package), cache_dir=cache)

    assert load() == load() == {"services": 1}  # built once, then read
    assert len(builds) == 1
    path = package / edited
    path.write_bytes(path.read_bytes() + b"\n")  # a new HIBP catalogue, a new alias, new code
    assert load() == {"services": 2}
    assert len(builds) == 2
    assert load() == {"services": 2} and len(builds) == 2  # and the new file is read from then on
    # a further input (the knowledge directory) is part of the key as well
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "a.yaml").write_text("entries: []\n", encoding="utf-8")
    first = startcache.fingerprint([knowledge], bot_files=package)
    (knowledge / "a.yaml").write_text("entries: [] # edited\n", encoding="utf-8")
    assert startcache.fingerprint([knowledge], bot_files=package) != first


def test_the_directory_read_back_is_the_directory_built(tmp_path: Path) -> None:
    built = build_default_directory()
    cache = tmp_path / "cache"
    startcache.cached("directory", lambda: built, cache_dir=cache)
    again = startcache.cached("directory", pytest.fail, cache_dir=cache, kind=ServiceDirectory)
    assert again is not built and set(again.services) == set(built.services)
    assert again.resolve("Литрес").key == built.resolve("Литрес").key == "litres"
    assert again.resolve("litress").key == "litres"  # the fuzzy index came along
    assert gc.isenabled()  # the collector, paused while reading, runs again


def test_the_parser_read_back_uses_this_processs_directory_and_watched_names(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    directory = default_directory()
    watched: set[str] = set()

    def names() -> frozenset[str]:
        return frozenset(watched)

    load_breach_parser(directory, names)  # built and written
    assert list((tmp_path / "privacy-bot").glob("breach-parser-*.pickle"))
    parser = load_breach_parser(directory, names)  # read back
    assert parser.directory is directory and parser.matcher._directory is directory
    assert parser.analyse(POST)[0] is None or parser.analyse(POST)[0].service != "Магазин Ромашка"
    watched.add("Магазин Ромашка")  # a name watched after the start is found from the next post on
    breach, _ = parser.analyse(POST)
    assert breach is not None and breach.service == "Магазин Ромашка"


def test_a_file_names_the_objects_of_the_process_that_reads_it(tmp_path: Path) -> None:
    cache, shared, other = tmp_path / "cache", object(), object()
    startcache.cached("linked", lambda: {"shared": shared}, cache_dir=cache, refs={"shared": shared})
    read = startcache.cached("linked", pytest.fail, cache_dir=cache, refs={"shared": other})
    assert read["shared"] is other  # not a copy of the writer's object: the reader's own
    # a file naming an object this process does not give is built again, not a crash
    assert startcache.cached("linked", lambda: {"rebuilt": True}, cache_dir=cache) == {"rebuilt": True}
