"""The knowledge base as built, kept in a file between runs (bot/startcache.py): reading the YAML and building the
search index (every term lemmatised) and the structures the first question builds costs seconds of start-up and of
the first answer; reading them back costs a fraction of that.

The file's name is a hash of everything the built base depends on: the knowledge files (names and contents), the
bot's own files (any change to how entries are read, indexed or understood makes a new file), the versions of
Python and of the libraries that shape the result. So a stale file is never read; an unreadable one, or one that
another user could have written, is not read either: the base is built instead (bot/startcache.py says how).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot import startcache
from bot.kb import KnowledgeBase

_BOT_SOURCES = startcache.BOT_FILES


def cache_key(directory: Path) -> str:
    """A hash of the knowledge files, the bot's files and the versions of what builds the base."""
    return startcache.fingerprint([directory], bot_files=_BOT_SOURCES)


def load_cached(directory: Path, cache_dir: Path | None = None,
                warm: Callable[[KnowledgeBase], object] | None = None) -> KnowledgeBase:
    """The knowledge base in `directory`: from the cache file when one matches, else loaded and built (then
    `warm(base)` builds what questions build on first use, so that it is cached too) and written for next time."""

    def build() -> KnowledgeBase:
        base = KnowledgeBase.load(directory)
        if warm is not None:
            warm(base)
        return base

    return startcache.cached("kb", build, key=cache_key(directory), cache_dir=cache_dir, kind=KnowledgeBase)
