"""What a question is read into: the `Query` (and its `Token`s and `Article`s) every later step (intent, search,
tools) uses, and how a word is cut and keyed, which the reader (bot/understanding/reader.py) and the roles
(bot/understanding/roles.py) share.

`Reader.read(text, lang)` builds the Query; `roles` says what a number counts and who the offender is. They are kept
apart from this, the plain record, so that whatever reads a question's fields imports neither the reader's
repairs nor its word-order rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.kb import text as T
from bot.kb.amounts import Number
from bot.kb.countries import COUNTRIES
from bot.understanding import vocabulary as V

TOKEN = re.compile(r"[0-9a-zа-я]+(?:\.[0-9]+)*")


analyzer = T.analyzer   # the one morphological analyser


@dataclass(frozen=True)
class Token:
    word: str                 # folded, as typed (after layout / transliteration repair)
    keys: frozenset[str]      # the word, its lemmas (Russian) or stem (English)
    grammemes: frozenset[str]  # of every parse (Russian), e.g. {"NOUN", "gent", "plur"}
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    number: str                # "13.11", "18", "83"
    part: str | None = None    # "1", "5"


@dataclass
class Query:
    raw: str
    text: str                                  # folded, repaired
    lang: str                                  # the language it is written in: "ru" or "en"
    tokens: list[Token] = field(default_factory=list)
    concepts: set[str] = field(default_factory=set)
    laws: list[str] = field(default_factory=list)           # vocabulary law ids, in order of mention
    fz_numbers: list[str] = field(default_factory=list)     # "420" for 420-ФЗ
    # a federal law named by a number no entry names ("63-ФЗ" on e-signatures): a law the bot does not cover
    unknown_fz: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)     # of statistics (vocabulary.STATISTIC_PUBLISHERS)
    countries: list[str] = field(default_factory=list)      # ISO codes (and "EU")
    # countries named only as where a person is from or goes («я из Узбекистана», "back from Turkey"): not in
    # `countries`, whose law or regulator a question asks about
    travels: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)        # company terms the knowledge base's fines know
    # the owner of a brand named ("facebook" -> "meta"): its decisions are that brand's (Meta Platforms Ireland
    # runs Facebook), not another company's, though not only that brand's
    parent_companies: set[str] = field(default_factory=set)
    company_label: str = ""
    numbers: list[Number] = field(default_factory=list)     # with .kind: subjects, identifiers, revenue, money…
    years: list[int] = field(default_factory=list)
    # years that name a report's edition rather than the period asked about ("DLA Piper 2025 survey")
    edition_years: set[int] = field(default_factory=set)
    has_moment: bool = False
    offender: str | None = None        # legal / sole_trader / official / citizen, or None when not said
    offender_spans: list[tuple[int, int, str]] = field(default_factory=list)   # (token, length, kind) of each
    repaired: str | None = None        # "layout" or "translit" when the text was read back as Russian
    search_text: str = ""              # the text with misspelt vocabulary words spelt right, for the search

    def has(self, *concepts: str) -> bool:
        return any(c in self.concepts for c in concepts)

    @property
    def regimes(self) -> list[str]:
        """The regimes the question names: by a law, an authority, a country or a currency, in that order."""
        found = [V.LAWS_BY_ID[law].regime for law in self.laws if V.LAWS_BY_ID[law].regime]
        found += [V.AUTHORITIES[a][2] for a in self.authorities if a in V.AUTHORITIES]
        found += [_COUNTRY_REGIME[c] for c in self.countries if c in _COUNTRY_REGIME]
        found += [V.CURRENCY_REGIME[n.currency] for n in self.numbers if n.currency in V.CURRENCY_REGIME]
        if "ru_jargon" in self.concepts:
            found.append(V.RU)
        return list(dict.fromkeys(r for r in found if r))

    @property
    def sources(self) -> set[str]:
        """Who the question cites or asks about as a source of figures or decisions: regulators and publishers."""
        return set(self.authorities) | set(self.publishers)

    @property
    def uncovered_laws(self) -> list[str]:
        return [law for law in self.laws if V.LAWS_BY_ID[law].regime is None]

    @property
    def uncovered_countries(self) -> list[str]:
        return [c for c in self.countries if c not in _COUNTRY_REGIME]

    @property
    def on_topic(self) -> bool:
        """Does the question touch what the bot covers at all (a privacy word, a law, an authority)?"""
        return bool(self.has(*V.TOPIC_CONCEPTS) or self.laws or self.fz_numbers or self.authorities)

    @property
    def anchored(self) -> bool:
        """Does it name something of the bot's own (a privacy word, a law, a regulator, a company, a country or an
        article)? "A penalty for a handball" has a fine word and nothing else."""
        # A country anchors only beside a word of the topic: "how many people live in Ireland" is not about
        # Ireland's fines; so does a publisher of the bot's statistics ("which country fined the most, DLA Piper"
        # is, "DLA Piper office in London" is not).
        return bool(self.has("privacy_topic", "privacy_law") or self.laws or self.fz_numbers or self.authorities
                    or self.companies or self.articles or (self.has(*V.TOPIC_CONCEPTS) and (self.publishers or [
                        c for c in self.countries if c in _COUNTRY_REGIME])))

    @property
    def content_words(self) -> int:
        return sum(1 for t in self.tokens if len(t.word) > 1 and not t.word.isdigit() and not T.is_stopword(t.word))

    def counts(self, kind: str) -> list[int]:
        return [int(n.value) for n in self.numbers if n.kind == kind]


_COUNTRY_REGIME = {**dict.fromkeys(COUNTRIES, V.GDPR), "EU": V.GDPR, "RU": V.RU, "IN": V.DPDP}


@lru_cache(maxsize=50_000)
def known_russian(word: str) -> bool:
    return T.is_cyrillic(word) and analyzer().word_is_known(word)


def term_keys(words: Iterable[str]) -> frozenset[str]:
    reader_keys: set[str] = set()
    morph = analyzer()
    for phrase in words:
        for w in TOKEN.findall(T.fold(phrase)):
            if T.is_cyrillic(w):
                reader_keys |= {p.normal_form.replace("ё", "е") for p in morph.parse(w)[:1]} | {w}
            else:
                reader_keys |= {w, T.term(w)}
    return frozenset(reader_keys)

