"""The knowledge base as built, kept in a file between runs: reading the YAML and building the search index (every
term lemmatised) and the structures the first question builds costs seconds of start-up and of the first answer;
unpickling them costs a fraction of that.

The file's name is a hash of everything the built base depends on: the knowledge files (names and contents), the
bot's own source files (any change to how entries are read, indexed or understood makes a new file), the versions of
Python and of the libraries that shape the result. So a stale file is never read; an unreadable one is rebuilt.
Only this process's user writes the cache directory ($XDG_CACHE_HOME/privacy-bot, else ~/.cache/privacy-bot):
a pickle runs code when read, so it must never come from anyone else. That is checked, not assumed (`_ours`): the
directory is made private (0700), and a file that another user owns, or that sits in a directory others may
write to (XDG_CACHE_HOME pointed at a shared folder), is not read; the base is built instead.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from bot.kb import KnowledgeBase

log = logging.getLogger(__name__)

_BOT_SOURCES = Path(__file__).resolve().parent.parent
# What the built base holds besides the bot's own code: lemmas, stems, arrays, models.
_LIBRARIES = ("pymorphy3", "pymorphy3-dicts-ru", "snowballstemmer", "numpy", "pydantic", "pyyaml")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "privacy-bot"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def cache_key(directory: Path) -> str:
    """A hash of the knowledge files, the bot's source files and the versions of what builds the base."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={_version(name)}\n".encode())
    for root in (directory, _BOT_SOURCES):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".yml", ".py"}):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_cached(directory: Path, cache_dir: Path | None = None,
                warm: Callable[[KnowledgeBase], object] | None = None) -> KnowledgeBase:
    """The knowledge base in `directory`: from the cache file when one matches, else loaded and built (then
    `warm(base)` builds what questions build on first use, so that it is cached too) and written for next time."""
    cache_dir = cache_dir or default_cache_dir()
    path = cache_dir / f"kb-{cache_key(directory)}.pickle"
    try:
        if not _ours(path):
            raise PermissionError("written by another user, or in a folder others may write to")
        with path.open("rb") as file:
            base = pickle.load(file)  # noqa: S301 (our own file, see the module's docstring)
        if isinstance(base, KnowledgeBase):
            return base
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 (a broken cache file is rebuilt, whatever broke it)
        log.warning("knowledge cache %s unreadable (%s): rebuilding it", path.name, type(exc).__name__)
    base = KnowledgeBase.load(directory)
    if warm is not None:
        warm(base)
    _write(path, base)
    return base


def _ours(path: Path) -> bool:
    """Could only this user have written the file: it and its directory are ours, and no one else may write to
    either? (FileNotFoundError when there is no file yet.) Without POSIX owners (Windows) the user's profile
    folder, where the cache lives, is private already."""
    if not hasattr(os, "getuid"):
        path.stat()
        return True
    return all(st.st_uid == os.getuid() and not st.st_mode & 0o022 for st in (path.stat(), path.parent.stat()))


def _write(path: Path, base: KnowledgeBase, keep: int = 4) -> None:
    """Atomically (a process starting meanwhile reads the old file or the new one, never half of one); all but the
    `keep` newest files are removed (other knowledge directories, earlier versions). A cache that cannot be
    written only costs the next start its seconds."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.parent.stat().st_mode & 0o077:  # made before, or by mkdir under a umask of 002: private from now on
            path.parent.chmod(0o700)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".kb-", delete=False) as file:
            temporary = Path(file.name)
            pickle.dump(base, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        files = sorted(path.parent.glob("kb-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 (see above)
        log.info("knowledge cache not written to %s: %s: %s", path.parent, type(exc).__name__, exc)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
