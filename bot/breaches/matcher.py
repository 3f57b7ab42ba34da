"""Every directory name and every watched term found in a post at once: an Aho-Corasick automaton
over lemmas, so «СДЭКа», «магазинов „Острова чистоты и вкуса“» and "Udemy's" all match.

Names are indexed as their lemma phrases with spaces at both ends, which makes every match a whole-word
match. Lemmas unify only what morphology does: a Russian word's cases («СДЭКа» is СДЭК), never an English
stem's relatives ("Revolution" and "Revolut" share the stem "revolut", "Apples" is no Apple), so a Latin word of
a name must be written as the name writes it (folded; "Udemy's" is Udemy). A match must also look like a name
where it stands: capitalised as the directory writes it
(«Лента» the retailer, not «лента новостей»), and names of three letters or fewer with the exact
letters («МТС», not «мтс» in a URL). Built once per directory; ``set_terms`` keeps the watched terms the
directory lacks in a small index of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from bot.breaches.domains import as_host
from bot.breaches.lemmas import Token, lemma_phrase, tokens
from bot.breaches.names import ServiceDirectory, canonical_key
from bot.kb.text import fold

MIN_NAME_LENGTH = 2
_CYRILLIC = re.compile(r"[а-я]")


def _spelling(word: str) -> str:
    """A Latin word as written, folded, without the possessive: "Udemy’s" -> "udemy"."""
    return fold(word).replace("’", "'").removesuffix("'s").rstrip("'")


@dataclass(frozen=True)
class NameHit:
    key: str      # the service key (a directory key, or canonical_key of a watched term)
    name: str     # the spelling that matched, as the directory has it
    first: int    # token span in the post
    last: int     # exclusive


@dataclass(frozen=True)
class _Entry:
    key: str
    name: str
    words: int
    short: bool
    capital: bool  # the directory writes it with a capital (or digit) first
    written: tuple[str | None, ...]  # per word: its folded spelling, which the text must repeat (Latin), or None


class _Index:
    """Names as lemma phrases in one Aho-Corasick automaton."""

    def __init__(self) -> None:
        self.entries: dict[str, list[_Entry]] = {}
        self.automaton = ahocorasick.Automaton()

    def add(self, key: str, name: str, *, typed: bool = False) -> None:
        """``typed``: a term as a user typed it, whose capitals say nothing; a name of two words or more is
        then matched in any case, a single word still only capitalised («ромашка» the flower is no shop)."""
        name = " ".join(str(name).split())
        if len(name) < MIN_NAME_LENGTH or as_host(name) or not key or not re.search(r"[^\W\d_]", name):
            return
        phrase = lemma_phrase(name)
        if not phrase:
            return
        words = phrase.count(" ") + 1
        capital = (words == 1) if typed else (name[:1].isupper() or name[:1].isdigit())
        written = tuple(None if _CYRILLIC.search(t.lemma) else _spelling(t.text) for t in tokens(name))
        entry = _Entry(key, name, words, len(canonical_key(name)) <= 3, capital, written)
        self.entries.setdefault(f" {phrase} ", []).append(entry)

    def build(self) -> None:
        self.automaton = ahocorasick.Automaton()
        for pattern, entries in self.entries.items():
            self.automaton.add_word(pattern, (pattern, entries))
        if self.entries:
            self.automaton.make_automaton()

    def hits(self, text: str, index: dict[int, int], toks: Sequence[Token]) -> Iterable[NameHit]:
        if not self.entries:
            return
        for end, (pattern, entries) in self.automaton.iter(text):
            first = index.get(end - len(pattern) + 2)
            if first is None:
                continue
            for entry in entries:
                last = first + entry.words
                if NameMatcher._looks_like_name(entry, toks[first:last]):
                    yield NameHit(entry.key, entry.name, first, last)
                    break


class NameMatcher:
    """The directory's names, indexed once, and the watched terms it lacks, in an index of their own that
    ``set_terms`` rebuilds when the watch list changes (the directory's index is never rebuilt)."""

    def __init__(self, directory: ServiceDirectory, terms: Iterable[str] = ()):
        self._directory = directory
        self._names = _Index()
        for service in directory.services.values():
            for name in {service.name_ru, service.name_en, *service.aliases}:
                self._names.add(service.key, name)
        self._names.build()
        self._terms = _Index()
        self._watched: frozenset[str] = frozenset()
        self._source: object = None
        self.set_terms(terms)

    def set_terms(self, terms: Iterable[str]) -> None:
        """The watched names («Магазин Ромашка») to find in posts; those the directory knows by that exact name
        are its names already. Each is keyed as ``/watch`` stores it (``canonical_key``). A no-op when unchanged."""
        if terms is self._source:  # the watch storage hands the same frozen set until a watch changes it
            return
        self._source = terms
        watched = frozenset(" ".join(str(t).split()) for t in terms) - {""}
        if watched == self._watched:
            return
        self._watched = watched
        self._terms = _Index()
        for term in sorted(watched):
            if self._directory.exact(term) is None:
                self._terms.add(canonical_key(term), term, typed=True)
        self._terms.build()

    def find(self, toks: Sequence[Token]) -> list[NameHit]:
        """Non-overlapping name matches in a post's tokens, longest first."""
        if not toks:
            return []
        text, starts = " ", []
        for tok in toks:
            starts.append(len(text))
            text += tok.lemma + " "
        index = {pos: i for i, pos in enumerate(starts)}
        hits = [*self._names.hits(text, index, toks), *self._terms.hits(text, index, toks)]
        hits.sort(key=lambda h: (h.first - h.last, h.first))
        taken: list[NameHit] = []
        for hit in hits:
            if all(hit.last <= t.first or hit.first >= t.last for t in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h.first)

    @staticmethod
    def _looks_like_name(entry: _Entry, toks: Sequence[Token]) -> bool:
        if not toks or any(w is not None and w != _spelling(t.text) for w, t in zip(entry.written, toks, strict=False)):
            return False
        written = " ".join(t.text for t in toks)
        if entry.short:
            return written.replace(" ", "").upper() == written.replace(" ", "") if entry.name.isupper() \
                else written.replace(" ", "") == "".join(entry.name.split())
        return toks[0].capitalised if entry.capital else True
