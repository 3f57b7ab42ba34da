"""The fines explorer: filters, sorting, paging and aggregates over the structured fines data (`kb.fines`).

Matching by company, country, article and year is `FinesTable`'s own (`FinesTable.parse` / `run`); this module adds
what a browsing user needs on top: authority, sector and amount filters, sorting by date, pages, counts, totals,
averages and the per-year / per-country series the charts draw.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from bot.kb import text as T
from bot.kb.fines import FinesQuery, FinesTable
from bot.kb.models import Entry

PAGE_SIZE = 5
AMOUNT_STEPS = (0, 1_000_000, 10_000_000, 100_000_000)   # "at least" choices, euros
SORTS = ("amount", "date")
# What /fines arguments can say besides a company, country, article or year is read as a `Query` with the one
# vocabulary (bot/understanding/vocabulary.py): "последних" is "latest", "dated" is not "date".
_NOT_COMPANY = {"fines", "fine", "art", "article", "all", "top", "latest", "recent", "newest", "date", "cookie",
                "cookies", "eprivacy", "gdpr", "rgpd"}


def authority_key(name: str) -> str:
    """"Garante per la protezione dei dati personali" and "Garante" -> "garante"; "IMY (Datainspektionen)" -> "imy"."""
    first = re.split(r"[\s(]", name.strip(), maxsplit=1)[0]
    return T.fold(first)


@dataclass(frozen=True)
class FinesFilter:
    country: str | None = None      # ISO code
    authority: str | None = None    # authority_key()
    company: str | None = None      # a company word as typed ("meta")
    article: str | None = None      # GDPR article number ("32")
    year: int | None = None
    sector: str | None = None       # CMS Enforcement Tracker sector name
    min_amount: int = 0             # euros
    eprivacy: bool | None = None    # French cookie fines: None = only when a company is named, True/False = always
    sort: str = "amount"            # "amount" | "date"

    @property
    def empty(self) -> bool:
        return self == FinesFilter(sort=self.sort)


@dataclass
class Page:
    items: list[Entry]
    number: int      # 0-based, clamped to the pages that exist
    pages: int
    total: int
    excluded_eprivacy: int   # cookie (ePrivacy) fines matching the filter but left out
    size: int = PAGE_SIZE


@dataclass
class Aggregate:
    filter: FinesFilter
    count: int
    total: int
    mean: float | None
    median: float | None
    largest: Entry | None
    excluded_eprivacy: int   # cookie (ePrivacy) fines matching the filter but left out


class FinesExplorer:
    def __init__(self, table: FinesTable):
        self.table = table
        self.fines = table.fines
        self.sectors = sorted({e.fine.sector for e in self.fines if e.fine and e.fine.sector})
        names: dict[str, list[str]] = {}
        for entry in self.fines:
            assert entry.fine is not None
            names.setdefault(authority_key(entry.fine.authority), []).append(entry.fine.authority)
        # The label of an authority: the shortest name it appears under ("Garante", not the full Italian name).
        self.authorities = {key: min(values, key=len) for key, values in sorted(names.items())}

    # ------------------------------------------------------------------ data set facts
    @property
    def size(self) -> int:
        return len(self.fines)

    def countries(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for entry in self.fines:
            counts[entry.fine.country] = counts.get(entry.fine.country, 0) + 1  # type: ignore[union-attr]
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def years(self) -> list[int]:
        return sorted({e.fine.decision_date.year for e in self.fines}, reverse=True)  # type: ignore[union-attr]

    # ------------------------------------------------------------------ filtering
    def parse(self, text: str, *, loose: bool = True) -> FinesFilter:
        """A filter from what the user typed after /fines ("meta", "DPC 2024", "article 32", "Испания latest").
        `loose` also takes an unknown Latin word found inside a company name ("clearview"): right for /fines
        arguments, wrong for a whole question ("many" is in "Germany")."""
        folded = T.fold(text)
        q = self.table.read(text)
        query = self.table.query_of(q, regulator_as_country=False) if text.strip() else None
        authority = next((w for w in re.findall(r"[\w/]+", folded) if w in self.authorities and len(w) > 1), None)
        company = query.company_label if query and query.company_terms else None
        if loose and company is None and authority is None:
            company = next((w for w in re.findall(r"[a-z][a-z0-9.&-]{2,}", folded)
                            if w not in _NOT_COMPANY and self._company_substring(w)), None)
        eprivacy = True if q.has("cookie") else (False if "gdpr" in q.laws else None)
        return FinesFilter(
            country=query.country if query else None, authority=authority, company=company,
            article=query.article if query else None, year=query.year if query else None, eprivacy=eprivacy,
            sort="date" if q.has("latest") or "date" in q.text.split() or "дате" in q.text.split() else "amount",
        )

    def _company_substring(self, word: str) -> list[Entry]:
        return [e for e in self.fines if word in T.fold(e.fine.company)]  # type: ignore[union-attr]

    def _matching(self, f: FinesFilter) -> list[Entry]:
        """Everything the filter matches, ePrivacy fines included (the caller decides about those)."""
        query = FinesQuery(country=f.country, article=f.article, year=f.year, include_eprivacy=True,
                           by_date=f.sort == "date")
        found: list[Entry]
        if f.company:
            terms = self.table.filters(f.company)
            if terms is not None and terms.company_terms:
                query.company_terms = terms.company_terms
                found = self.table.run(query)
            else:
                allowed = {e.id for e in self._company_substring(T.fold(f.company))}
                found = [e for e in self.table.run(query) if e.id in allowed]
        else:
            found = self.table.run(query)
        return [
            e for e in found
            if (f.authority is None or authority_key(e.fine.authority) == f.authority)  # type: ignore[union-attr]
            and (f.sector is None or e.fine.sector == f.sector)  # type: ignore[union-attr]
            and e.fine.standing_eur >= f.min_amount  # type: ignore[union-attr]
        ]

    @staticmethod
    def keeps_eprivacy(f: FinesFilter) -> bool:
        return f.eprivacy if f.eprivacy is not None else bool(f.company)

    def select(self, f: FinesFilter) -> tuple[list[Entry], int]:
        """(the fines the filter shows, how many cookie (ePrivacy) fines it matched but leaves out)."""
        found = self._matching(f)
        if self.keeps_eprivacy(f):
            return found, 0
        shown = [e for e in found if e.fine.regime != "eprivacy"]  # type: ignore[union-attr]
        return shown, len(found) - len(shown)

    def query(self, f: FinesFilter) -> list[Entry]:
        return self.select(f)[0]

    def page(self, f: FinesFilter, number: int, size: int = PAGE_SIZE) -> Page:
        found, excluded = self.select(f)
        pages = max(1, -(-len(found) // size))
        number = min(max(number, 0), pages - 1)
        return Page(found[number * size:(number + 1) * size], number, pages, len(found), excluded, size)

    # ------------------------------------------------------------------ aggregates and series
    def aggregate(self, f: FinesFilter) -> Aggregate:
        found, excluded = self.select(f)
        # Statistics count what stands after appeals: a reduced fine at its new amount, an annulled one not at all.
        found = [e for e in found if e.fine.standing_eur > 0]  # type: ignore[union-attr]
        amounts = [e.fine.standing_eur for e in found]  # type: ignore[union-attr]
        return Aggregate(
            filter=f, count=len(found), total=sum(amounts),
            mean=statistics.fmean(amounts) if amounts else None,
            median=statistics.median(amounts) if amounts else None,
            largest=max(found, key=lambda e: e.fine.standing_eur) if found else None,  # type: ignore[union-attr]
            excluded_eprivacy=excluded,
        )

    def by_year(self, f: FinesFilter) -> list[tuple[int, int, int]]:
        """(year, count, total euros), oldest first."""
        return self._series(f, lambda e: e.fine.decision_date.year, key=lambda row: row[0])  # type: ignore[union-attr]

    def by_country(self, f: FinesFilter, limit: int = 12) -> list[tuple[str, int, int]]:
        """(country code, count, total euros), the largest totals first."""
        rows = self._series(f, lambda e: e.fine.country, key=lambda row: (-row[2], row[0]))  # type: ignore[union-attr]
        return rows[:limit]

    def _series(self, f: FinesFilter, group, key) -> list:
        totals: dict = {}
        for entry in self.query(f):
            if not entry.fine.standing_eur:  # type: ignore[union-attr]
                continue   # annulled: not a fine any more
            count, total = totals.get(group(entry), (0, 0))
            totals[group(entry)] = (count + 1, total + entry.fine.standing_eur)  # type: ignore[union-attr]
        return sorted(((k, c, t) for k, (c, t) in totals.items()), key=key)
