"""Choosing what answers a question, from what the `Query` carries rather than from which detector fires first.

Each tool says whether the question gives it what it needs, and how likely it is what was asked:
* a fine **estimate** needs a leak and a regime (named, or the language's when the question describes a case);
* a notification **deadline** needs a moment of discovery and a notify/when question about a leak or a regulator;
* a **fines list** (the GDPR decisions on record) needs a fine, a list or record word and the GDPR's scope;
* **fines statistics** over the bot's own sample need a count, sum or mean of fines narrowed to a company,
  country, article, year or authority; a published statistic (a survey, a tracker, "since 2018") is not that;
* otherwise an entry **lookup** (search). When two fit, the likelier answers and the other is offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.understanding.query import Query
from bot.understanding.vocabulary import DPDP, GDPR, RU, default_regime

ESTIMATE, DEADLINE, FINES_LIST, FINES_STATS, LOOKUP = "estimate", "deadline", "fines_list", "fines_stats", "lookup"
LOOKUP_SCORE = 0.5


@dataclass(frozen=True)
class Choice:
    intent: str
    score: float
    regime: str | None = None   # estimate / deadline: the regime to compute under


def case_facts(q: Query) -> int:
    """How many facts about a leak the question states: a count, the revenue, the offender, a repeat, a category."""
    counts = q.counts("subjects") + q.counts("identifiers") + q.counts("count")
    return sum(map(bool, (counts, q.counts("revenue"), q.offender, q.has("repeat"),
                          q.has("biometric", "special_category"))))


def regime_for_case(q: Query) -> str | None:
    """The regime a described case falls under: the one named, else the language's when the question describes
    a concrete case (a Russian company's leak of 50,000 records is under Russian law)."""
    covered = [r for r in q.regimes if r in (RU, GDPR, DPDP)]
    if covered:
        return covered[0]
    if q.uncovered_laws or q.uncovered_countries:
        return None
    if case_facts(q) and (q.counts("subjects") or q.counts("identifiers") or q.counts("count") or q.offender):
        return default_regime(q.lang)
    return None


def gdpr_scope(q: Query) -> bool:
    """Is this about the GDPR decisions on record? Another law named is not; a Russian question that names no
    GDPR law, country, company or regulator is about Russian law."""
    if q.uncovered_laws or any(r != GDPR for r in q.regimes):
        return False
    if GDPR in q.regimes or q.companies or q.authorities:
        return True
    return default_regime(q.lang) == GDPR and not q.uncovered_countries


def _estimate(q: Query) -> Choice | None:
    # A revenue stated beside a leak asks what it will cost, unless the question is when to notify.
    costs = q.has("fine", "estimate_verb", "cost") or (q.counts("revenue") and not q.has("notify", "when"))
    # The GDPR's ceilings hold for any infringement: "calculate the GDPR fine, turnover €100m" or "the max GDPR
    # fine for us, turnover €2bn" needs no leak.
    gdpr_asked = (q.has("estimate_verb") or q.counts("revenue")) and GDPR in q.regimes and q.has("fine")
    if not ((q.has("leak") or gdpr_asked) and costs):
        return None
    if q.companies or q.has("published_statistic", "since_when", "which_article", "appeal"):
        return None   # a known fine's incident, a statistic, a date, an article, an appeal: an entry answers
    counted = q.counts("subjects") + q.counts("identifiers") + q.counts("count") + q.counts("revenue")
    if q.has("record", "list", "plural_fines") and not counted:
        return None   # "the biggest fines for leaks" is a list; "our customer list of 3,000 leaked" is a case
    facts = case_facts(q)
    if q.has("notification_failure") and not (q.counts("subjects") or q.counts("identifiers")):
        return None   # the fine for not notifying has its own entry
    if q.has("maximum", "turnover_basis") and not facts:
        return None   # "the maximum turnover fine": the law's ceiling, an entry
    if not facts and not q.has("estimate_verb"):
        return None
    regime = regime_for_case(q)
    if regime is None:
        return None
    return Choice(ESTIMATE, min(0.95, 0.6 + 0.1 * facts + 0.1 * q.has("estimate_verb")), regime)


def _deadline(q: Query) -> Choice | None:
    if not (q.has_moment and q.has("notify", "when") and (q.has("leak") or q.authorities)):
        return None
    if q.has("count_question", "published_statistic", "since_when") or (q.has("fine") and not q.has("notify")):
        return None
    covered = [r for r in q.regimes if r in (RU, GDPR, DPDP)]
    return Choice(DEADLINE, 0.9, covered[0] if covered else default_regime(q.lang))


def _fines_list(q: Query) -> Choice | None:
    if not (q.has("fine") and q.has("list", "record", "latest", "plural_fines")) or not gdpr_scope(q):
        return None
    if q.has("since_when", "which_article", "estimate_verb", "published_statistic", "turnover_basis",
             "count_question", "sum_question", "mean_question", "which_country", "other_rank"):
        return None
    if q.has("series") and not q.has("record", "list"):
        return None   # "gdpr fines by year": the yearly figures; "the largest fines by year" is still a list
    if q.has("maximum") and not q.has("record", "list"):
        return None   # "the maximum fine" is the law's ceiling
    return Choice(FINES_LIST, 0.8 if q.has("record", "list") else 0.6)


def _stats_scope(q: Query) -> bool:
    """Statistics exist over the GDPR decisions only: an article number with no law named means the GDPR's."""
    return gdpr_scope(q) or bool(q.articles and not q.regimes and not q.uncovered_laws)


def _fines_stats(q: Query) -> Choice | None:
    if not (q.has("fine") and q.has("count_question", "sum_question", "mean_question")) or not _stats_scope(q):
        return None
    if q.has("published_statistic", "record", "since_when", "which_country", "series"):
        return None
    if q.has("sum_question") and q.has("one_fine") and not q.has("plural_fines", "count_question", "mean_question"):
        return None   # "what was the combined fine", «общая сумма штрафа»: one decision's amount, not a sum of many
    if q.has("counts_affected") and not q.has("sum_question", "mean_question"):
        return None   # "how many users were in the leak Meta was fined for": the people, not the fines, are counted
    narrowed = q.companies or q.countries or q.articles or q.authorities or q.has("cookie")
    if not narrowed:
        return None   # a total of everything (or of a year) would be the bot's sample presented as all fines
    return Choice(FINES_STATS, 0.85)


def candidates(q: Query) -> list[Choice]:
    """Every intent the question gives what it needs, likeliest first; an entry lookup is always among them."""
    found = [c for c in (_deadline(q), _estimate(q), _fines_stats(q), _fines_list(q)) if c is not None]
    found.append(Choice(LOOKUP, LOOKUP_SCORE))
    return sorted(found, key=lambda c: -c.score)


def choose(q: Query) -> tuple[Choice, Choice | None]:
    """The likeliest intent and the runner-up worth offering as a button (None when there is none)."""
    found = candidates(q)
    return found[0], (found[1] if len(found) > 1 else None)
