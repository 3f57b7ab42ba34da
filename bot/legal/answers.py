"""Free-text questions the legal tools answer: a deadline, an estimate, an aggregate over the fines data.
`legal_answer()` is one step of bot/answers.py `answer_question`; None lets the question go on to the fines list
and the search."""

from __future__ import annotations

import datetime as dt

from bot.kb import KnowledgeBase
from bot.legal.deadlines import DEFAULT_TZ, deadlines, tzinfo_for
from bot.legal.estimator import DPDP, estimate
from bot.legal.explorer import FinesExplorer
from bot.legal.intents import aggregate_intent, deadline_intent, estimate_intent
from bot.legal.render import render_aggregate, render_deadlines, render_estimate


def explorer_of(kb: KnowledgeBase) -> FinesExplorer:
    """The fines explorer of a knowledge base: built once, and again after /reload replaces the contents."""
    return kb.built("fines_explorer", lambda base: FinesExplorer(base.fines))


def legal_answer(kb: KnowledgeBase, question: str, lang: str, *, tz_name: str | None = None,
                 now: dt.datetime | None = None) -> str | None:
    """The answer of a legal tool, or None. `tz_name` is the asker's time zone (a deadline question is read in it);
    None means the default zone."""
    tz = tzinfo_for(tz_name)
    now = now or dt.datetime.now(tz)
    deadline = deadline_intent(question, lang, now=now, tz=tz)
    if deadline is not None:
        plan = deadlines(deadline.regime, deadline.discovered, now)
        return render_deadlines(plan, tz_name or DEFAULT_TZ, lang)
    leak = estimate_intent(question, lang)
    if leak is not None:
        notes = list(leak.notes)
        if not leak.offender_named and leak.case.regime != DPDP:
            notes.append("offender_assumed")
        return render_estimate(estimate(leak.case), lang, notes=notes, hint=True)
    explorer = explorer_of(kb)
    aggregate = aggregate_intent(question, explorer)
    if aggregate is not None:
        return render_aggregate(explorer, explorer.aggregate(aggregate.filter), aggregate.measure, lang)
    return None
