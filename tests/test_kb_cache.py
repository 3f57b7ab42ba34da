"""The knowledge cache (bot/kb/cache.py) is a pickle, which runs code when read: a file someone else could have
written is never read, whatever its name says."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase
from bot.kb.cache import load_cached
from bot.resources import knowledge_dir

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_cache_others_could_have_written_is_built_again_not_read(tmp_path: Path) -> None:
    directory, cache = tmp_path / "knowledge", tmp_path / "cache"
    directory.mkdir()
    shutil.copy(knowledge_dir() / "dpdp_basics.yaml", directory / "dpdp_basics.yaml")
    built: list[KnowledgeBase] = []
    load_cached(directory, cache, warm=built.append)
    assert len(built) == 1 and _mode(cache) == 0o700  # written, in a folder of this user's alone
    load_cached(directory, cache, warm=built.append)
    assert len(built) == 1  # read

    cache.chmod(0o777)  # a shared folder (XDG_CACHE_HOME=/some/shared/dir): anyone could have put the file there
    load_cached(directory, cache, warm=built.append)
    assert len(built) == 2  # not read: built again
    assert _mode(cache) == 0o700  # and the folder made private, so the next start reads its own file
    load_cached(directory, cache, warm=built.append)
    assert len(built) == 2

    [file] = cache.glob("kb-*.pickle")
    file.chmod(0o666)  # a file others may write to
    load_cached(directory, cache, warm=built.append)
    assert len(built) == 3
