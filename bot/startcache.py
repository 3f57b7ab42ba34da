"""What the bot builds at start-up from its files, kept in a file between runs: the knowledge base (bot/kb/cache.py),
the service directory (bot/breaches/names.py) and the breach parser's name index (bot/app.py). Building them reads
YAML and JSON and lemmatises thousands of names: seconds of start-up. Reading them back is a fraction of that.

A cache file's name is a hash (`fingerprint`) of everything the built object depends on: the bot's own files (its
source code and the data files it ships: name lists, the HIBP catalogue, locale texts), the inputs the caller adds
(the knowledge directory), and the versions of Python and of the libraries that shape the result. So a stale file is
never read: an edited input or a new version of the code is a new name, and the object is built again.

A pickle runs code when read, so it must never come from anyone else. Only this process's user writes the cache
directory ($XDG_CACHE_HOME/privacy-bot, else ~/.cache/privacy-bot), and that is checked, not assumed (`_ours`): the
directory is made private (0700), and a file that another user owns, or that sits in a directory others may write
to (XDG_CACHE_HOME pointed at a shared folder), is not read; the object is built instead. A file that cannot be
read for any other reason is built again and rewritten; a cache that cannot be written only costs the next start.

Objects that belong to the running process and not to the file (the watch storage's names, the one service
directory) are not copied into a file: `refs` names them, and the file holds the name, bound to the same-named
object of the process that reads it.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

_Built = TypeVar("_Built")

BOT_FILES = Path(__file__).resolve().parent  # the package: its code and its data files
# What the built objects hold besides the bot's own code: lemmas, stems, arrays, models, fuzzy-matching tables.
LIBRARIES = ("pymorphy3", "pymorphy3-dicts-ru", "snowballstemmer", "numpy", "pydantic", "pyyaml", "rapidfuzz")
_SKIPPED_DIRECTORIES = frozenset({"__pycache__"})
_SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo"})


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "privacy-bot"


@functools.lru_cache(maxsize=1)
def _versions() -> str:
    """Python's and the libraries' versions (looked up once: a process does not change them)."""
    found = [sys.version]
    for name in LIBRARIES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return "\n".join(found)


def _files(root: Path) -> list[Path]:
    if not root.is_dir():
        return [root] if root.exists() else []
    return sorted(path for path in root.rglob("*")
                  if path.suffix not in _SKIPPED_SUFFIXES and path.is_file()
                  and not _SKIPPED_DIRECTORIES.intersection(path.relative_to(root).parts))


def fingerprint(inputs: Iterable[Path] = (), *, bot_files: Path = BOT_FILES) -> str:
    """A hash of the versions of Python and `LIBRARIES`, of every file under `bot_files` (the package: code and
    data) and of the `inputs` (files, or directories taken whole), names and contents."""
    digest = hashlib.sha256()
    digest.update(_versions().encode())
    for root in (*inputs, bot_files):
        digest.update(f"<{root.name}>".encode())
        for path in _files(root):
            digest.update(str(path.relative_to(root) if path != root else path.name).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def cached(name: str, build: Callable[[], _Built], *, key: str | None = None, cache_dir: Path | None = None,
           refs: Mapping[str, object] | None = None, kind: type | None = None) -> _Built:
    """`build()`'s result, read from `<cache_dir>/<name>-<key>.pickle` when that file is there and ours, else built
    and written for next time. `key` is `fingerprint()` (the bot's files) unless given. `refs`: objects of this
    process the result points to, each kept out of the file under its name and bound again when the file is read
    (the result's references to them are to these very objects). `kind`: the type the result must have (a file
    holding anything else is built again)."""
    refs = dict(refs or {})
    cache_dir = cache_dir or default_cache_dir()
    path = cache_dir / f"{name}-{key or fingerprint()}.pickle"
    try:
        if not _ours(path):
            raise PermissionError("written by another user, or in a folder others may write to")
        built = _read(path, refs)
        if kind is None or isinstance(built, kind):
            return built
        raise TypeError(f"holds a {type(built).__name__}, not a {kind.__name__}")
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 (a broken cache file is rebuilt, whatever broke it)
        log.warning("start-up cache %s unreadable (%s): rebuilding it", path.name, type(exc).__name__)
    built = build()
    _write(path, built, refs, prefix=f"{name}-")
    return built


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: Any, refs: Mapping[str, object]):
        super().__init__(file)
        self.refs = refs

    def persistent_load(self, pid: Any) -> object:
        try:
            return self.refs[pid]
        except KeyError:
            raise pickle.UnpicklingError(f"the file refers to {pid!r}, which this process did not name") from None


class _Pickler(pickle.Pickler):
    def __init__(self, file: Any, refs: Mapping[str, object]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = {id(obj): name for name, obj in refs.items()}

    def persistent_id(self, obj: Any) -> str | None:
        return self.names.get(id(obj))


def _read(path: Path, refs: Mapping[str, object]) -> Any:
    """Unpickled with the cyclic garbage collector paused: reading back makes hundreds of thousands of containers and
    no garbage, and every few hundred of them would start a collection that walks everything made so far (aiogram's
    models included): two thirds of the read's time, spent finding nothing."""
    with path.open("rb") as file:
        paused = gc.isenabled()
        gc.disable()
        try:
            return _Unpickler(file, refs).load()  # our own file, see the module's docstring
        finally:
            if paused:
                gc.enable()


def _ours(path: Path) -> bool:
    """Could only this user have written the file: it and its directory are ours, and no one else may write to
    either? (FileNotFoundError when there is no file yet.) Without POSIX owners (Windows) the user's profile
    folder, where the cache lives, is private already."""
    if not hasattr(os, "getuid"):
        path.stat()
        return True
    return all(st.st_uid == os.getuid() and not st.st_mode & 0o022 for st in (path.stat(), path.parent.stat()))


def _write(path: Path, built: object, refs: Mapping[str, object], *, prefix: str, keep: int = 4) -> None:
    """Atomically (a process starting meanwhile reads the old file or the new one, never half of one); all but the
    `keep` newest files of this `prefix` are removed (other knowledge directories, earlier versions)."""
    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.parent.stat().st_mode & 0o077:  # made before, or by mkdir under a umask of 002: private from now on
            path.parent.chmod(0o700)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{prefix}", delete=False) as file:
            temporary = Path(file.name)
            _Pickler(file, refs).dump(built)
        os.replace(temporary, path)
        temporary = None
        files = sorted(path.parent.glob(f"{prefix}*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001 (see the module's docstring)
        log.info("start-up cache not written to %s: %s: %s", path.parent, type(exc).__name__, exc)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
