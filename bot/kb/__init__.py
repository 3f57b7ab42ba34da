"""Knowledge: loading and checking the `knowledge/` files, search, and list questions about fines.
Plain Python: nothing here imports aiogram."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bot.kb.fines import FinesTable
from bot.kb.index import Hit, KnowledgeIndex, SearchResult
from bot.kb.loader import KnowledgeError, load_entries, load_knowledge
from bot.kb.models import Entry

_Built = TypeVar("_Built")


@dataclass
class KnowledgeBase:
    entries: list[Entry]
    index: KnowledgeIndex
    fines: FinesTable
    # Objects other modules build from the contents once (the fines explorer); replace() drops them.
    _built: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> KnowledgeBase:
        return cls(entries=entries, index=KnowledgeIndex(entries), fines=FinesTable(entries))

    @classmethod
    def load(cls, directory: Path) -> KnowledgeBase:
        return cls.from_entries(load_knowledge(directory))

    @classmethod
    def load_checked(cls, directory: Path) -> tuple[KnowledgeBase | None, list[str]]:
        """(base, []) when the files load and pass `kb check`, else (None, problems). Slow (seconds): run it in a
        thread. Never raises: an unreadable file is a problem like any other."""
        from bot.kb.check import check_entries

        try:
            result = load_entries(directory)
            problems = result.problems or check_entries(result.entries)
            if problems:
                return None, problems
            return cls.from_entries(result.entries), []
        except Exception as exc:  # a broken file must leave the running base alone, whatever it breaks
            return None, [f"{type(exc).__name__}: {exc}"]

    def replace(self, other: KnowledgeBase) -> None:
        """Take `other`'s contents in place: every holder of this object (handlers, the channel poster) sees the
        new base from the next question on. One synchronous step, so no coroutine sees half of each."""
        self.entries, self.index, self.fines = other.entries, other.index, other.fines
        self._built = {}

    def built(self, name: str, build: Callable[[KnowledgeBase], _Built]) -> _Built:
        """`build(self)`, made on first use and kept until the contents are replaced."""
        if name not in self._built:
            self._built[name] = build(self)
        return self._built[name]

    def get(self, entry_id: str) -> Entry | None:
        return self.index.by_id.get(entry_id)


__all__ = ["Entry", "Hit", "KnowledgeBase", "KnowledgeError", "KnowledgeIndex", "SearchResult"]
