"""Questions about *lists* of fines, answered from the structured `fine:` fields rather than from prose.

"top 10 GDPR fines", "fines against Meta", "штрафы в Италии", "fines under article 32", "GDPR fines 2025":
`FinesTable.parse()` recognises such a question and `FinesTable.run()` returns the matching decisions,
ranked by amount (or by date for "latest"). A question about one fine ("штраф WhatsApp в Ирландии 2021")
is not a list question and goes to the ordinary search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.kb import text as T
from bot.kb.countries import COUNTRIES
from bot.kb.models import Entry

_LIST_WORDS = {"fines", "penalties", "штрафы", "штрафов", "штрафам", "штрафах", "штрафами", "санкции"}
_RANK_WORDS = {
    "top", "топ", "largest", "biggest", "highest", "крупнейшие", "крупнейших", "крупнейший", "крупный", "самые",
    "самых", "больших", "самый", "большой", "максимальный", "рекордный",
    "list", "список", "все", "all", "latest", "recent", "newest", "последние", "новые", "свежие",
}
_BY_DATE_WORDS = {"latest", "recent", "newest", "последние", "новые", "свежие"}
_COOKIE_WORDS = {"cookie", "cookies", "куки", "eprivacy", "кукис"}
_ARTICLE = re.compile(r"(?:art(?:icle)?s?\.?|ст(?:ать[яиеюей]+)?\.?)\s*(\d{1,2})", re.IGNORECASE)
_TOP_N = re.compile(r"(?:top|топ)[\s-]*(\d{1,2})|(\d{1,2})\s+(?:largest|biggest|крупнейш\w*|самых)", re.IGNORECASE)
_YEAR = re.compile(r"\b(20[12]\d)\b")
# Words of company names that say nothing about which company it is.
_GENERIC = {
    "ltd", "limited", "inc", "llc", "gmbh", "ag", "sa", "spa", "srl", "s.r.l", "s.p.a", "bv", "b.v", "nv", "plc", "co",
    "ireland", "europe", "european", "platforms", "technology", "technologies", "group", "holding", "the", "and",
    "de", "la", "of", "et", "services", "international", "company", "corporation", "uk", "france", "italia",
}
# Words naming another law: the fines data is GDPR (and French ePrivacy) only.
_OTHER_LAW_TERMS = {T.term(word) for word in (
    "dpdp", "dpdpa", "india", "indian", "индия", "индийский", "коап", "152", "ркн", "роскомнадзор", "россия",
    "российский", "рубль", "рублей", "ruble", "rouble", "rupee", "рупия", "крор", "crore", "сим", "симка", "sim",
)}
# Brands that own other brands: "fines against Meta" includes Facebook, Instagram and WhatsApp decisions.
_BRAND_FAMILY = {"meta": {"meta", "facebook", "instagram", "whatsapp"}, "alphabet": {"google", "youtube"}}


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


def _country_terms() -> dict[str, str]:
    """Stems of country names and adjectives (`италии`, `italy`, `ирландского`) -> country code."""
    mapping = {}
    for code, names in COUNTRIES.items():
        for name in names:
            words = T.fold(name).split()
            if len(words) == 1 and len(T.term(words[0])) >= 4:
                mapping[T.term(words[0])] = code
    return mapping


class FinesTable:
    def __init__(self, entries: list[Entry]):
        self.fines = [e for e in entries if e.fine is not None]
        self._country_terms = _country_terms()
        self._company_terms: dict[str, set[str]] = {}
        for entry in self.fines:
            assert entry.fine is not None
            words = [w for w in T.fold(entry.fine.company).replace("(", " ").replace(")", " ").split()]
            self._company_terms[entry.id] = {T.term(w) for w in words if w not in _GENERIC and len(w) > 1}
        self._all_company_terms = set().union(*self._company_terms.values()) if self._company_terms else set()

    def parse(self, question: str) -> FinesQuery | None:
        """A FinesQuery when the question asks for a list of fines; None otherwise."""
        folded = T.fold(question)
        words = set(re.findall(r"[0-9a-zа-я]+", folded))
        wants_list = bool(words & _LIST_WORDS)
        ranked = bool(words & _RANK_WORDS) or bool(_TOP_N.search(folded))
        if not (wants_list or (ranked and words & {"fine", "штраф", "штрафы", "штрафов"})):
            return None
        if any(T.term(word) in _OTHER_LAW_TERMS for word in words):  # "the biggest fine under DPDP": not GDPR
            return None
        query = FinesQuery(by_date=bool(words & _BY_DATE_WORDS), include_eprivacy=bool(words & _COOKIE_WORDS))
        if not wants_list and not _TOP_N.search(folded):
            query.single, query.limit = True, 1
        if m := _TOP_N.search(folded):
            query.limit = max(1, min(20, int(m.group(1) or m.group(2))))
        if m := _YEAR.search(folded):
            query.year = int(m.group(1))
        if m := _ARTICLE.search(folded):
            query.article = m.group(1)
        for group in T.word_groups(question):
            for position, word in enumerate(group):
                t = T.term(word)
                # Countries only from what was typed: synonyms added for search ("данные") must not match.
                if position == 0 and t in self._country_terms and query.country is None:
                    query.country = self._country_terms[t]
                    break
                family = _BRAND_FAMILY.get(word)
                if family:
                    query.company_terms |= {T.term(w) for w in family}
                    query.company_label = query.company_label or group[0]
                    break
                if t in self._all_company_terms and t not in {"fine", "shtraf", "gdpr"} and len(word) > 2:
                    query.company_terms.add(t)
                    query.company_label = query.company_label or group[0]
                    break
        if not (query.filtered or ranked):
            return None
        return query

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
            found.sort(key=lambda e: (e.fine.decision_date, e.fine.amount_eur), reverse=True)  # type: ignore[union-attr]
        else:
            found.sort(key=lambda e: (e.fine.amount_eur, e.fine.decision_date), reverse=True)  # type: ignore[union-attr]
        return found

    def excluded_eprivacy(self, query: FinesQuery) -> bool:
        return not query.include_eprivacy and not query.company_terms


def _article_number(article: str) -> str:
    m = re.match(r"\D*(\d+)", article)
    return m.group(1) if m else article
