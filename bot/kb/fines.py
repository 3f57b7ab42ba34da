"""Questions about *lists* of fines, answered from the structured `fine:` fields rather than from prose.

"top 10 GDPR fines", "fines against Meta", "штрафы в Италии", "fines under article 32", "GDPR fines 2025":
`FinesTable.parse()` recognises such a question and `FinesTable.run()` returns the matching decisions,
ranked by amount (or by date for "latest"). A question about one fine ("штраф WhatsApp в Ирландии 2021")
is not a list question and goes to the ordinary search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.kb import text as T
from bot.kb.countries import COUNTRIES
from bot.kb.models import Entry
from bot.understanding.vocabulary import GENERIC_AUTHORITY_WORDS, GENERIC_COMPANY_WORDS

if TYPE_CHECKING:
    from bot.understanding.query import Query

_ARTICLE = re.compile(r"(?:art(?:icle)?s?\.?|ст(?:ать[яиеюей]+)?\.?)\s*(\d{1,2})", re.IGNORECASE)
_TOP_N = re.compile(r"(?:top|топ)[\s-]*(\d{1,2})|(\d{1,2})\s+(?:largest|biggest|крупнейш\w*|самых)", re.IGNORECASE)
# "Vodafone Spain" is a Vodafone: a country in a company's name does not name the company.
_COUNTRY_TERMS = {T.term(w) for names in COUNTRIES.values() for name in names for w in T.fold(name).split()}
# The word lists (list and record words, other laws, cookies, brands) are the vocabulary's:
# bot/understanding/vocabulary.py, read through a `Query`.


@dataclass
class FinesQuery:
    company_terms: set[str] = field(default_factory=set)
    company_label: str = ""
    country: str | None = None
    article: str | None = None
    year: int | None = None
    limit: int = 10
    by_date: bool = False
    include_eprivacy: bool = False
    single: bool = False  # "the biggest fine": one decision, answered in full

    @property
    def filtered(self) -> bool:
        return bool(self.company_terms or self.country or self.article or self.year)


class FinesTable:
    def __init__(self, entries: list[Entry]):
        self.fines = [e for e in entries if e.fine is not None]
        self._company_terms: dict[str, set[str]] = {}
        self.company_words: dict[str, str] = {}   # a word of a company's name -> its term
        for entry in self.fines:
            assert entry.fine is not None
            # The question's own tokeniser, so that "Meta Platforms Ireland Ltd (Facebook, Instagram)" is a
            # Facebook's decision: splitting on spaces kept "facebook," with its comma, a term no question has.
            words = [w for w in T.words(entry.fine.company)
                     if w not in GENERIC_COMPANY_WORDS and len(w) > 1 and T.term(w) not in _COUNTRY_TERMS]
            self._company_terms[entry.id] = {T.term(w) for w in words}
            self.company_words.update({w: T.term(w) for w in words})
        self._reader = None
        # A regulator named alone ("последние штрафы CNIL") narrows the list to its country.
        self.authority_country = {T.fold(e.fine.authority.split()[0]): e.fine.country for e in self.fines
                                  if e.fine is not None and T.fold(e.fine.authority.split()[0])
                                  not in GENERIC_AUTHORITY_WORDS}

    def company_terms_of(self, entry: Entry) -> set[str]:
        return self._company_terms.get(entry.id, set())

    def read(self, question: str) -> Query:
        """The question as a `Query`, read knowing this table's companies."""
        if self._reader is None:
            from bot.understanding.reader import Reader  # (bot.understanding reads through bot.kb)
            self._reader = Reader(companies=self.company_words)
        return self._reader.read(question)

    def parse(self, question: str | Query) -> FinesQuery | None:
        """A FinesQuery when the question asks for a list of fines (or the biggest one); None otherwise."""
        from bot.understanding.intents import gdpr_scope
        q = self.read(question) if isinstance(question, str) else question
        top_n = _TOP_N.search(q.text)
        ranked = q.has("record", "latest", "list") or bool(top_n)
        if not (q.has("fine") and (ranked or q.has("plural_fines"))) or not gdpr_scope(q):
            return None   # "the biggest fine under DPDP": not the GDPR decisions on record
        if q.has("since_when", "which_article", "turnover_basis", "estimate_verb") or (
                q.has("maximum") and not q.has("record", "list")):
            return None   # a date, an article, the law's ceiling: an entry answers
        query = self.query_of(q)
        # "fines" alone lists nothing: "fines against <a company we know nothing of>" is not every fine
        return query if query.filtered or ranked else None

    def query_of(self, q: Query, *, regulator_as_country: bool = True) -> FinesQuery:
        """The filters a question names (company, country, article, year, cookies, how many, newest first).
        `regulator_as_country`: a regulator named alone narrows to its country (the explorer filters by regulator
        itself)."""
        top_n = _TOP_N.search(q.text)
        query = FinesQuery(by_date=q.has("latest"), include_eprivacy=q.has("cookie"),
                           company_terms=set(q.companies), company_label=q.company_label)
        query.country = next((c for c in q.countries if c in COUNTRIES), None)
        if query.country is None and regulator_as_country:
            query.country = next((self.authority_country[a] for a in q.authorities if a in self.authority_country),
                                 None)
        query.year = q.years[0] if q.years else None
        query.article = next((a.number for a in q.articles if a.number.isdigit() and len(a.number) <= 2), None)
        if query.article is None and (m := _ARTICLE.search(q.text)):
            query.article = m.group(1)
        if top_n:
            query.limit = max(1, min(20, int(top_n.group(1) or top_n.group(2))))
        elif q.has("ordinal"):
            query.limit = 5   # "the second largest fine": the top five, the second among them
        elif q.has("record") and not q.has("list", "plural_fines"):
            query.single, query.limit = True, 1
        return query

    def filters(self, text: str) -> FinesQuery:
        """What a /fines argument names ("meta", "Испания 2024"), whatever else it says."""
        return self.query_of(self.read(text))

    def run(self, query: FinesQuery) -> list[Entry]:
        found = []
        for entry in self.fines:
            fine = entry.fine
            assert fine is not None
            if fine.regime == "eprivacy" and not query.include_eprivacy and not query.company_terms:
                continue
            if query.country and fine.country != query.country:
                continue
            if query.year and fine.decision_date.year != query.year:
                continue
            if query.article and not any(_article_number(a) == query.article for a in fine.articles):
                continue
            if query.company_terms and not (self._company_terms[entry.id] & query.company_terms):
                continue
            found.append(entry)
        if query.by_date:
            found.sort(key=lambda e: (e.fine.decision_date, e.fine.standing_eur), reverse=True)  # type: ignore[union-attr]
        else:
            # By the amount that stands after appeals: an annulled fine goes last, a reduced one where it now is.
            found.sort(key=lambda e: (e.fine.standing_eur, e.fine.decision_date), reverse=True)  # type: ignore[union-attr]
        return found

    def excluded_eprivacy(self, query: FinesQuery) -> bool:
        return not query.include_eprivacy and not query.company_terms


def _article_number(article: str) -> str:
    m = re.match(r"\D*(\d+)", article)
    return m.group(1) if m else article
