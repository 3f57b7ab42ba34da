"""Where the bot's data files are: the knowledge base and the SQL migrations.

In the repository they sit at the top (`knowledge/`, `migrations/`), where their editors and reviewers look for
them; the wheel ships them inside the package as `bot/knowledge` and `bot/migrations` (setup.py maps them), so an
installed bot needs no source tree and no particular working directory. Both are found the same way: the packaged
copy when there is one, else the checkout's. `KNOWLEDGE_DIR` (bot/config.py) still points the bot at another
knowledge base. Files inside `bot/` itself (the breach name lists, the locale files) are ordinary package data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _data_dir(name: str) -> Path:
    packaged = files("bot") / name
    if isinstance(packaged, Path) and packaged.is_dir():  # an installed wheel (a zip import has no Path: not served)
        return packaged
    return _CHECKOUT / name  # a checkout (editable install, PYTHONPATH): the directory beside bot/


def knowledge_dir() -> Path:
    """The knowledge base's YAML files."""
    return _data_dir("knowledge")


def migrations_dir() -> Path:
    """The numbered SQL migrations (and their per-dialect replacements in subdirectories)."""
    return _data_dir("migrations")
