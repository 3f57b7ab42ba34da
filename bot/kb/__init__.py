"""Knowledge: loading and checking the `knowledge/` files, search, and list questions about fines.
Plain Python: nothing here imports aiogram."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.kb.fines import FinesTable
from bot.kb.index import Hit, KnowledgeIndex, SearchResult
from bot.kb.loader import KnowledgeError, load_knowledge
from bot.kb.models import Entry


@dataclass
class KnowledgeBase:
    entries: list[Entry]
    index: KnowledgeIndex
    fines: FinesTable

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> KnowledgeBase:
        return cls(entries=entries, index=KnowledgeIndex(entries), fines=FinesTable(entries))

    @classmethod
    def load(cls, directory: Path) -> KnowledgeBase:
        return cls.from_entries(load_knowledge(directory))

    def get(self, entry_id: str) -> Entry | None:
        return self.index.by_id.get(entry_id)


__all__ = ["Entry", "Hit", "KnowledgeBase", "KnowledgeError", "KnowledgeIndex", "SearchResult"]
