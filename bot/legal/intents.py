"""What the legal tools take from a question, read once as a `Query` (bot/understanding/query.py): the leak case an
estimate computes, the moment a deadline counts from, the filter of an aggregate over the fines data. Whether a
tool answers at all is decided in bot/understanding/intents.py, from what the Query carries.

The functions here accept the question as text too (the /fine and /deadline handlers, the tests); they then read
it with the reader that knows no knowledge base (laws, numbers and roles need none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from bot.legal.deadlines import parse_moment
from bot.legal.estimator import BIOMETRIC, CITIZEN, GDPR, LEGAL, OFFICIAL, ORDINARY, RU, SPECIAL, LeakCase
from bot.legal.explorer import FinesExplorer, FinesFilter
from bot.understanding import intents as I
from bot.understanding.query import Query
from bot.understanding.reader import Reader
from bot.understanding.roles import SUBJECT_KEYS
from bot.understanding.vocabulary import default_regime

_OFFENDER = {"legal": LEGAL, "sole_trader": LEGAL, "official": OFFICIAL, "citizen": CITIZEN}


@lru_cache(maxsize=1)
def plain_reader() -> Reader:
    """A reader without a knowledge base (no company names): enough for a leak, a moment or a law."""
    return Reader()


def as_query(question: str | Query, lang: str = "ru") -> Query:
    return question if isinstance(question, Query) else plain_reader().read(question, lang)


def regime_of(question: str | Query, lang: str) -> str:
    """The regime the question names, else the one its language suggests."""
    named = [r for r in as_query(question, lang).regimes if r in (RU, GDPR, "dpdp")]
    return named[0] if named else default_regime(lang)


@dataclass
class Quantity:
    value: int
    kind: str      # "subjects" | "identifiers" | "revenue" | "unknown"


def quantities(question: str | Query) -> list[Quantity]:
    """Numbers in a question with what they count: "50 тысяч записей" -> 50,000 identifiers."""
    kinds = {"subjects": "subjects", "identifiers": "identifiers", "revenue": "revenue", "money": "revenue"}
    return [Quantity(int(n.value), kinds.get(n.kind, "unknown")) for n in as_query(question).numbers]


@dataclass
class EstimateIntent:
    case: LeakCase
    offender_named: bool
    specific: bool = False                            # the text stated at least one fact about the leak
    notes: list[str] = field(default_factory=list)   # "records_as_identifiers", "sole_trader"
    over: frozenset[str] = frozenset()   # the counts stated as a bound ("more than 100,000"): "subjects", …
    leak: bool = True                    # the text is about a leak (else only about a fine: a GDPR ceiling)


def extract_case(question: str | Query, lang: str, regime: str | None = None) -> EstimateIntent:
    """Whatever a text says about a leak ("50 тысяч записей", "ООО", "повторная", "выручка 5 млрд"); the rest is
    left at the defaults (a first leak of ordinary data by a legal entity, under the regime named or the language's).
    A count of nobody in particular ("~50 тыс") next to a leak counts people."""
    q = as_query(question, lang)
    subjects = next(iter(q.counts("subjects") or q.counts("count")), None)
    identifiers = next(iter(q.counts("identifiers")), None)
    revenue = next(iter(q.counts("revenue") or (q.counts("money") if q.has("revenue") else [])), None)
    offender = _OFFENDER.get(q.offender or "")
    category = BIOMETRIC if q.has("biometric") else SPECIAL if q.has("special_category") else ORDINARY
    intent = EstimateIntent(
        LeakCase(regime=regime or I.regime_for_case(q) or regime_of(q, lang), subjects=subjects,
                 identifiers=identifiers, category=category, repeat=q.has("repeat"), offender=offender or LEGAL,
                 revenue=revenue),
        offender_named=offender is not None,
        specific=bool(subjects or identifiers or revenue or offender or q.has("repeat")),
        over=frozenset(_bounds(q)),
        leak=q.has("leak"),
    )
    if identifiers is not None and subjects is None and any(t.keys & SUBJECT_KEYS for t in q.tokens):
        intent.notes.append("records_as_identifiers")
    if q.offender == "sole_trader":
        intent.notes.append("sole_trader")
    return intent


def _bounds(q: Query) -> list[str]:
    """The counts the estimate uses that were stated as "more than N" (the first of each kind, as above)."""
    people = [n for n in q.numbers if n.kind == "subjects"] or [n for n in q.numbers if n.kind == "count"]
    records = [n for n in q.numbers if n.kind == "identifiers"]
    return [name for name, found in (("subjects", people), ("identifiers", records)) if found and found[0].more_than]


def estimate_intent(question: str | Query, lang: str) -> EstimateIntent | None:
    """The leak case of a question an estimate answers (bot/understanding/intents.py decides), else None."""
    q = as_query(question, lang)
    choice = next((c for c in I.candidates(q) if c.intent == I.ESTIMATE), None)
    return extract_case(q, lang, choice.regime) if choice else None


@dataclass
class DeadlineIntent:
    regime: str
    discovered: dt.datetime


def moment_in(text: str | Query, *, now: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
    """The moment of discovery a text names (bot/legal/deadlines.py `parse_moment`), read without the counts and
    sums in it: in "утечка 5000 клиентов вчера в 18:00" the 5000 is people, not a year."""
    q = as_query(text)
    folded = list(q.text)
    for n in q.numbers:
        if n.kind not in ("unknown", "duration"):
            folded[n.start:n.end] = " " * (n.end - n.start)
    return parse_moment("".join(folded), now=now, tz=tz, languages=(q.lang,))


def deadline_intent(question: str | Query, lang: str, *, now: dt.datetime, tz: dt.tzinfo) -> DeadlineIntent | None:
    q = as_query(question, lang)
    choice = next((c for c in I.candidates(q) if c.intent == I.DEADLINE), None)
    if choice is None:
        return None
    moment = moment_in(q, now=now, tz=tz)
    return DeadlineIntent(choice.regime or regime_of(q, lang), moment) if moment is not None else None


@dataclass
class AggregateIntent:
    measure: str      # "count" | "sum" | "mean"
    filter: FinesFilter


def aggregate_intent(question: str | Query, explorer: FinesExplorer) -> AggregateIntent | None:
    """A count, total or mean over the fines on record, narrowed to what the question names."""
    q = as_query(question)
    if not any(c.intent == I.FINES_STATS for c in I.candidates(q)):
        return None
    measure = "count" if q.has("count_question") else "mean" if q.has("mean_question") else "sum"
    return AggregateIntent(measure, explorer.parse(q.raw, loose=False))

