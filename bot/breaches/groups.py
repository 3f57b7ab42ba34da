"""Names in one post that stand for one organisation: a fragment of a longer name, a company's own product, the
brands of one group that share its first word. ``victim.py`` merges them before it weighs rivals, so that a
product or a name said short is no second victim."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.breaches import rules
from bot.breaches.candidates import Candidate
from bot.breaches.places import is_place, languages

# "Zynga game Words with Friends", "Quorlo app Zeta Chat": a company's name, a product's kind, the product's name
_PRODUCT_KIND = re.compile(r"\s+(?:(?:mobile|online|video|puzzle|flagship|popular)\s+)?"
                           r"(?:game|games|app|apps|application|brand|franchise|title)\s+[«\"“‘']?")


def _words(name: str | None) -> list[str]:
    return re.findall(r"[\w&'’.-]+", (name or "").casefold())


def _inside(short: list[str], long: list[str]) -> bool:
    return len(short) < len(long) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _legal_form_only(short: list[str], long: list[str]) -> bool:
    return long[: len(short)] == short and all(w in rules.EN_TRAILING_STOP for w in long[len(short) :])


def _distinctive(word: str) -> bool:
    """A first word that names a group ("Asahi"), not a place, a people or a common word ("American", "National")."""
    return len(word) >= 3 and not is_place(word) and word.casefold() not in languages() \
        and word.casefold() not in rules.EN_NOT_NAMES and word[:1].isupper() and not word.isupper()


def merge_one_organisation(text: str, found: Sequence[Candidate], known: set[str]) -> None:
    """Give one entity to the names of one organisation. ``known``: the entities the directory holds (a name the
    directory keeps apart stays apart: «Яндекс» and «Яндекс Еда»)."""
    named = [c for c in found if c.name and c.score > 0]
    # "Words" and "Friends" inside "Words With Friends"; "the Dallas public school system" before "the Dallas
    # Independent School District": a name's fragment, said before or after it, is that name
    for cand in found:
        words = _words(cand.name)
        if not words or cand.entity in known or is_place(cand.name):
            continue
        # ("Quorlo" beside "Quorlo Inc.": the longer is the shorter with its legal form, which people do not watch)
        longer = next((k for k in named if k.entity != cand.entity and _inside(words, _words(k.name))
                       and not _legal_form_only(words, _words(k.name))), None)
        if longer is not None:
            cand.entity = longer.entity
    # "Zynga game Words with Friends": the product of the company named before its kind
    for cand in sorted(found, key=lambda c: c.start):
        maker = next((k for k in found if k is not cand and k.end <= cand.start and k.score > 0
                      and _PRODUCT_KIND.fullmatch(text[k.end : cand.start])), None)
        if maker is not None and cand.entity not in known:
            old = cand.entity
            for other in found:
                if other.entity == old:
                    other.entity = maker.entity
    # "Asahi Group Holdings … the maker of Asahi Super Dry … Asahi Breweries": one group's names share its first word
    for cand in sorted(found, key=lambda c: c.start):
        words = (cand.name or "").split()
        if len(words) < 2 or cand.entity in known or not _distinctive(words[0]):
            continue
        first = next((k for k in sorted(named, key=lambda c: c.start) if k.start < cand.start
                      and k.entity != cand.entity and len((k.name or "").split()) >= 2
                      and (k.name or "").split()[0] == words[0]), None)
        if first is not None:
            cand.entity = first.entity
