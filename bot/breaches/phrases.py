"""Lemma phrases and the matching of them over a post's tokens: the mechanism under the breach vocabulary.

Phrases are lemmas (``lemmas.lemma``: pymorphy3 normal forms, Snowball stems for English) separated by
spaces; ``a|b`` are alternatives for one word, a trailing ``*`` matches a lemma by prefix, and ``~``
lets up to three other words stand between two parts («выставили базу клиентов на продажу»).
``PhraseSet.find`` runs over a post's tokens once per set; the first slot of each phrase indexes it.
The phrases themselves live in ``lexicon.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.breaches.lemmas import Token

GAP = 3


@dataclass(frozen=True)
class _Slot:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    gap_before: int  # how many other tokens may precede this slot after the previous one

    def accepts(self, lemma: str) -> bool:
        return lemma in self.words or (bool(self.prefixes) and lemma.startswith(self.prefixes))


def _compile(phrase: str) -> tuple[_Slot, ...]:
    slots, gap = [], 0
    for part in phrase.split():
        if part == "~":
            gap = GAP
            continue
        alts = part.split("|")
        slots.append(_Slot(frozenset(a for a in alts if not a.endswith("*")),
                           tuple(a[:-1] for a in alts if a.endswith("*")), gap))
        gap = 0
    return tuple(slots)


class PhraseSet:
    """A named set of lemma phrases, e.g. the ways to say that data went on sale."""

    def __init__(self, *phrases: str):
        self.phrases = [_compile(p) for p in phrases]
        # Indexed by the first word, so a post costs one dictionary look-up per word and phrase set.
        self._by_first: dict[str, list[tuple[_Slot, ...]]] = {}
        self._by_prefix: list[tuple[_Slot, ...]] = []
        for slots in self.phrases:
            for word in slots[0].words:
                self._by_first.setdefault(word, []).append(slots)
            if slots[0].prefixes:
                self._by_prefix.append(slots)
        self._prefixes = tuple(p for slots in self._by_prefix for p in slots[0].prefixes)
        # The phrases a lemma may begin, remembered per lemma: one dictionary look-up per word instead of a look-up
        # and a prefix test (posts repeat their words; the memory is bounded below).
        self._starts: dict[str, tuple[tuple[_Slot, ...], ...]] = {}

    def _starting(self, lem: str) -> tuple[tuple[_Slot, ...], ...]:
        found = tuple(self._by_first.get(lem, ()))
        if self._prefixes and lem.startswith(self._prefixes):
            found += tuple(s for s in self._by_prefix if s[0].accepts(lem))
        if len(self._starts) > 50_000:
            self._starts.clear()
        self._starts[lem] = found
        return found

    def find(self, toks: Sequence[Token], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Token spans ``(first, last + 1)`` where a phrase occurs within ``toks[start:end]``."""
        end = len(toks) if end is None else end
        found = []
        starts = self._starts
        for i in range(start, end):
            lem = toks[i].lemma
            candidates = starts.get(lem)
            if candidates is None:
                candidates = self._starting(lem)
            for slots in candidates:
                at, ok = i, True
                for slot in slots[1:]:
                    nxt = next((j for j in range(at + 1, min(end, at + 2 + slot.gap_before))
                                if slot.accepts(toks[j].lemma)), None)
                    if nxt is None:
                        ok = False
                        break
                    at = nxt
                if ok:
                    found.append((i, at + 1))
                    break
        return found

    def any(self, toks: Sequence[Token], start: int = 0, end: int | None = None) -> bool:
        return bool(self.find(toks, start, end))

    def possible(self, lemmas: frozenset[str] | set[str]) -> bool:
        """Whether a post with these lemmas may hold a phrase (its first word is there): a cheap test before ``find``
        when one post is read against many sets (the data classes)."""
        return not lemmas.isdisjoint(self._by_first) or bool(self._prefixes) and any(
            lem.startswith(self._prefixes) for lem in lemmas)


def lemma_set(*words: str) -> frozenset[str]:
    return frozenset(w for group in words for w in group.split())


def has_any(toks: Iterable[Token], words: frozenset[str]) -> bool:
    return any(t.lemma in words for t in toks)
