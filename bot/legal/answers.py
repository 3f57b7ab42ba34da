"""Free-text questions the legal tools answer: a deadline, an estimate, an aggregate over the fines data.
`legal_answer()` is one step of bot/answers.py `answer_question`; None lets the question go on to the fines list
and the search."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from bot.kb import KnowledgeBase
from bot.kb.fines import FinesTable
from bot.legal.deadlines import DEFAULT_TZ, deadlines, tzinfo_for
from bot.legal.estimator import DPDP, estimate
from bot.legal.explorer import FinesExplorer
from bot.legal.intents import aggregate_intent, deadline_intent, estimate_intent
from bot.legal.render import render_aggregate, render_deadlines, render_estimate


@lru_cache(maxsize=8)
def explorer_for(table: FinesTable) -> FinesExplorer:
    """One explorer per fines table (a knowledge base loaded once lives for the whole process)."""
    return FinesExplorer(table)


def legal_answer(kb: KnowledgeBase, question: str, lang: str, *, tz_name: str | None = None,
                 now: dt.datetime | None = None) -> str | None:
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
    explorer = explorer_for(kb.fines)
    aggregate = aggregate_intent(question, explorer)
    if aggregate is not None:
        return render_aggregate(explorer, explorer.aggregate(aggregate.filter), aggregate.measure, lang)
    return None
