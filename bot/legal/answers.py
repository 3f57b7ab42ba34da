"""The legal tools' answers to a question already read as a `Query` and routed to them by
bot/understanding/intents.py: a notification deadline, a fine estimate, statistics over the fines on record."""

from __future__ import annotations

import datetime as dt

from bot.kb import KnowledgeBase
from bot.legal.deadlines import DEFAULT_TZ, deadlines, tzinfo_for
from bot.legal.estimator import DPDP, estimate
from bot.legal.explorer import FinesExplorer
from bot.legal.intents import aggregate_intent, extract_case, moment_in
from bot.legal.render import render_aggregate, render_deadlines, render_estimate
from bot.understanding import intents as I
from bot.understanding.lexicon import reader_for
from bot.understanding.query import Query


def explorer_of(kb: KnowledgeBase) -> FinesExplorer:
    """The fines explorer of a knowledge base: built once, and again after /reload replaces the contents."""
    return kb.built("fines_explorer", lambda base: FinesExplorer(base.fines))


def deadline_answer(q: Query, lang: str, regime: str | None, *, tz_name: str | None = None,
                    now: dt.datetime | None = None) -> str | None:
    """The deadlines from the moment the question names, in the asker's zone; None when no moment is read."""
    tz = tzinfo_for(tz_name)
    now = now or dt.datetime.now(tz)
    moment = moment_in(q, now=now, tz=tz)
    if moment is None or regime is None:
        return None
    return render_deadlines(deadlines(regime, moment, now), tz_name or DEFAULT_TZ, lang)


def estimate_answer(q: Query, lang: str, regime: str | None) -> str:
    leak = extract_case(q, lang, regime)
    notes = list(leak.notes)
    if not leak.offender_named and leak.case.regime != DPDP:
        notes.append("offender_assumed")
    return render_estimate(estimate(leak.case), lang, notes=notes, hint=True, over=leak.over, leak=leak.leak)


def aggregate_answer(kb: KnowledgeBase, q: Query, lang: str) -> str:
    explorer = explorer_of(kb)
    aggregate = aggregate_intent(q, explorer)
    assert aggregate is not None, "routed here only when the statistics intent fits"
    return render_aggregate(explorer, explorer.aggregate(aggregate.filter), aggregate.measure, lang)


def legal_answer(kb: KnowledgeBase, question: str, lang: str, *, tz_name: str | None = None,
                 now: dt.datetime | None = None) -> str | None:
    """The answer of a legal tool to a question, or None when no tool is the likeliest answer."""
    q = reader_for(kb).read(question, lang)
    best, _ = I.choose(q)
    if best.intent == I.DEADLINE:
        return deadline_answer(q, lang, best.regime, tz_name=tz_name, now=now)
    if best.intent == I.ESTIMATE:
        return estimate_answer(q, lang, best.regime)
    if best.intent == I.FINES_STATS:
        return aggregate_answer(kb, q, lang)
    return None
