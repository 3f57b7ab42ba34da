"""Ranking search hits by what the question names. A question naming a company, a country, an article, a law, a
year or a regulator prefers entries about exactly that; an entry about another law than the one named is not an
answer at all, and neither is one fine decision for a question about the law's ceiling or a statistic."""

from __future__ import annotations

import re

from bot.kb import KnowledgeBase, SearchResult
from bot.kb import text as T
from bot.kb.countries import COUNTRIES
from bot.kb.index import MIN_COVERAGE, Hit
from bot.kb.models import Entry
from bot.understanding.query import Query
from bot.understanding.roles import DURATION_KEYS
from bot.understanding.samples import (  # noqa: F401 - re-exported: what rank's callers and tests read
    AS_WRITTEN,
    asked_as_written,
    nearly_as_written,
)
from bot.understanding.stories import (  # noqa: F401 - re-exported: what rank's callers and tests read
    NAME_IDF,
    NAMED_STORY_OTHER,
    STORY_NOT_ADVICE,
    STORY_WORDS,
    _looks_like_a_name,
    asked_regimes,
    asking_clause,
    asks_about_its_story,
    asks_within_its_story,
    names_its_subject,
    naming,
    tells_its_story,
)
from bot.understanding.titles import (  # noqa: F401 - re-exported: what rank's callers and tests read
    _NO_TITLE,
    _TITLE_YEAR,
    _YEAR_RANGE,
    DISTINGUISHING,
    DOMAIN_REGIME,
    _content_terms,
    _dated_story,
    _incident_kinds,
    _mentions,
    _names_part,
    _other_years,
    _subject_terms,
    _title_articles,
    _title_figures,
    _title_sources,
    _titles,
    companies_in_title,
    entry_regimes,
    head_share,
    mentions_article,
    month_years,
    percentages,
    question_terms,
    title_percentages,
    title_share,
)
from bot.understanding.vocabulary import (
    AUTHORITIES,
    CONTEXT_DOMAINS,
    CYRILLIC_LANGUAGES,
    OTHER_COUNTRIES,
    default_regime,
)

NAMED_BOOST = 1.3        # the domains of a law the question names
LANGUAGE_CONTEXT = 1.1   # a Russian question naming no law is most likely about Russian law
MEANINGFUL_IDF = 2.0     # a term in fewer than about one entry in eight: worth offering a near match for
COVERAGE_WEIGHT = 0.5    # score x (this + coverage)
TITLE_WEIGHT = 0.3       # score x (1 + this x the share of the question's words in the title)
HEAD_WEIGHT = 0.1        # score x (1 + this x the share of the title head's words in the question)
# Two top entries about different things scoring this close: the question does not say which it means, and the
# first would be a guess. The reply says "not sure" and offers both (their titles usually hold the fact). Calibrated
# on the dev sets, in scope and out of scope together (bench/margin.py prints the trade-off curve): on 406 dev
# questions 0.8 gave the most hits less confident wrong (0.990 and 0.5%, against 0.970 and 3.0% without a margin,
# 0.990 and 1.0% at 0.9; no out-of-scope question answered either way), at the cost of "not sure" first in 18% of
# replies (2% without).
AMBIGUOUS_MARGIN = 0.8
TITLE_DECIDES = 0.5   # half the question's words more in one title than in the other settles two close entries


def search_boost(q: Query) -> dict[str, float] | None:
    named = set(q.regimes)
    if named:
        return {domain: NAMED_BOOST for domain, regime in DOMAIN_REGIME.items() if regime in named}
    return dict.fromkeys(CONTEXT_DOMAINS[q.lang], LANGUAGE_CONTEXT) if q.lang in CONTEXT_DOMAINS else None


# ... of which these qualify a case: an entry about a repeat leak is not about a first one. The others (the ceiling,
# turnover, criminal liability) only help when asked: an overview mentions them without being about something else.
QUALIFYING = frozenset({"repeat", "biometric", "special_category", "notification_failure", "cookie", "hack"})
# A statistic (a survey, a tracker's count) answers a question about figures, not "what is the fine for …".
STATISTIC_NOT_ASKED = 0.5
_ASKS_FIGURES = ("count_question", "published_statistic", "sum_question", "mean_question", "which_country")
SHARED_CONCEPT, MISSING_CONCEPT = 1.15, 0.92
RECORD_NOT_ASKED = 0.7
ASKED_FOCUS = 1.3
UNASKED_FOCUS = 0.8   # an entry on how to undo a thing (lift a block) for a question not asking how
DATED_EDITION, OTHER_EDITION = 1.3, 0.75


_ARTICLE_REF = re.compile(r"(?:ст\.|стать[яиейю]|art\.|article|section|s\.)\s*\d")


LARGEST_OF_COMPANY = 1.25
OWN_STORY, OTHER_STORY = 1.3, 0.6   # an entry whose title names companies: the one asked about, or others
NOT_ASKED_DECISION = 0.65
FOREIGN_DECISION = 0.6
COUNTRY_NOT_ASKED = 0.6


def _largest_of(kb: KnowledgeBase, companies: set[str]) -> int:
    """The largest standing fine of the companies a question names."""
    def build(base: KnowledgeBase) -> dict[str, int]:
        largest: dict[str, int] = {}
        for entry in base.fines.fines:
            for term in base.fines.company_terms_of(entry):
                largest[term] = max(largest.get(term, 0), entry.fine.standing_eur)  # type: ignore[union-attr]
        return largest
    table = kb.built("largest_fine_by_company", build)
    return max((table.get(c, 0) for c in companies), default=0)


def not_about_a_decision(q: Query) -> bool:
    """The law's ceiling, a statistic, a comparison of countries: no single fine decision answers it."""
    # ... but "how many guests were affected by the Starwood breach" counts one incident's victims: its decision says
    counts = q.has("count_question") and not q.has("counts_affected")
    # ... nor "how many hours do we have to notify the DPC": a time limit asked, the law's rule, no one's fine
    deadline = q.has("when") and q.has("notify") and not q.has("fine", "plural_fines", "since_when")
    return not q.companies and (counts or deadline or q.has(
        "maximum", "turnover_basis", "published_statistic", "sum_question", "mean_question", "which_country")) \
        and not q.has("record")


OTHER_SOURCE = 0.6


FIGURE_NOT_STATED = 0.7
UNDATED = 0.6   # "since what date …" (asks_date): an entry whose title gives no year is not the date asked for
SAME_SHARE, OTHER_SHARE = 1.3, 0.7   # a share the question states (2%), in the entry's title or another share there


def agreement(kb: KnowledgeBase, q: Query, entry: Entry) -> float:
    """How well an entry agrees with what the question names: > 1 for each thing it is about, < 1 for each it
    contradicts (another company's, country's or year's fine)."""
    factor = 1.0
    fine = entry.fine
    gdpr_countries = [c for c in q.countries if c in COUNTRIES]
    if fine is not None and not (q.companies or q.has("fine", "leak", "list", "record", "plural_fines")):
        return NOT_ASKED_DECISION   # a fine decision for a question about no fine ("is Norway covered by the GDPR?")
    if fine is not None and not (q.regimes or q.companies or q.countries or q.authorities or q.years) and \
            DOMAIN_REGIME.get(entry.domain) not in (None, default_regime(q.lang)):
        # «штраф за отсутствие политики конфиденциальности»: a question in Russian naming no law, country or company
        # asks about Russian law; one Spanish bank's GDPR fine is no answer to it
        factor *= FOREIGN_DECISION
    if fine is not None:
        if q.companies:
            terms = kb.fines.company_terms_of(entry)
            own = terms & q.companies
            factor *= 1.6 if own else 1.0 if terms & q.parent_companies else 0.5
            if own and not (q.years or q.countries or q.authorities or q.articles) and \
                    fine.standing_eur >= _largest_of(kb, own):
                factor *= LARGEST_OF_COMPANY   # "тикток штраф": the fine people mean is the company's largest
        if gdpr_countries:
            factor *= 1.3 if fine.country in gdpr_countries else 0.7
        if q.years:
            factor *= 1.2 if fine.decision_date.year in q.years else 0.85
        if q.authorities:
            names = {AUTHORITIES[a][1] for a in q.authorities if a in AUTHORITIES}
            key = T.fold(fine.authority.split()[0])
            factor *= 1.2 if key in q.authorities or fine.country in names else 0.8
    if fine is None and q.companies:
        named = companies_in_title(kb, entry)
        if named:   # a story about a company (a breach, a blocking): the one the question names, or another's
            factor *= OWN_STORY if named & q.companies else OTHER_STORY
    if fine is None and gdpr_countries:
        named = _titles(kb).get(entry.id, _NO_TITLE)[4]
        if named:   # an entry about a country's decisions or figures: the country asked about, or others
            factor *= OWN_STORY if named & set(q.countries) else OTHER_STORY
    elif fine is None and COUNTRY_NOT_ASKED < 1:
        # any other country: "transfers from the EU to the US" is not answered by the entry on transfers to Russia
        asked = set(q.countries) - {"EU"}
        named = _titles(kb).get(entry.id, _NO_TITLE)[4] - {"EU"}
        if asked and named and not asked & named:
            factor *= COUNTRY_NOT_ASKED
    if fine is None and q.sources:
        cited = _title_sources(kb).get(entry.id)
        if cited and not cited & q.sources:
            # figures or advice by another source than the one the question cites or asks about; naming the same one
            # adds nothing (a question citing CMS for "which country fines most" is about countries, not CMS)
            factor *= OTHER_SOURCE
    if fine is None and q.years:
        stated = {int(y) for y in _TITLE_YEAR.findall(entry.title.en + " " + entry.title.ru)}
        if stated & set(q.years):
            factor *= 1.15
        elif stated:
            factor *= 0.75   # "notifications in 2024" is not answered by the report on 2019
        dated = month_years(q.text)
        if dated:
            editions = month_years(entry.title.en + " " + entry.title.ru)
            if editions & dated:
                factor *= DATED_EDITION
            elif {m for m, _ in editions} & {m for m, _ in dated}:
                factor *= OTHER_EDITION   # "DLA Piper Jan 2025" is not the January 2026 edition
        elif q.edition_years:
            editions = {y for _, y in month_years(entry.title.en + " " + entry.title.ru)}
            if editions:   # "DLA Piper 2025 survey": the edition of January 2025, not of 2026
                factor *= DATED_EDITION if editions & q.edition_years else OTHER_EDITION
            elif _YEAR_RANGE.search(entry.title.en):
                factor *= OTHER_EDITION   # ... nor the figures of many years side by side ("2020-2026")
    shares = percentages(q.text)
    stated = title_percentages(kb).get(entry.id) if shares else None
    if stated:   # "the 2 percent tier": the title stating 2%, not the one stating 4%
        factor *= SAME_SHARE if stated & shares else OTHER_SHARE
    own = _titles(kb).get(entry.id, _NO_TITLE)[0]
    asked = q.concepts & set(DISTINGUISHING)
    factor *= SHARED_CONCEPT ** len(own & asked) * MISSING_CONCEPT ** len((own - asked) & QUALIFYING)
    if q.has("count_question") and not q.has("when", "which_country") and fine is None and \
            entry.id not in _title_figures(kb):
        factor *= FIGURE_NOT_STATED   # "how many leaks did RKN count in 2023": not its 2023 advice, which counts none
    if q.has("count_question") and q.years and not q.has("series") and fine is None and \
            _YEAR_RANGE.search(entry.title.en):
        factor *= OTHER_EDITION   # "how many … by end of 2025": a count of that year, not rules in brief for 2023-2025
    if q.has("asks_date") and fine is None and not _TITLE_YEAR.search(entry.title.en + " " + entry.title.ru):
        factor *= UNDATED   # «с какой даты действуют новые штрафы»: the amendments dated, not a bill's critics
    if "published_statistic" in own and not q.has(*_ASKS_FIGURES):
        factor *= STATISTIC_NOT_ASKED
    if "record" in own and fine is None and not q.has("record", "maximum", "most", "other_rank", "ordinal"):
        factor *= RECORD_NOT_ASKED   # an overview of the largest fines imposed does not say what the fine is
    if "series" in own and q.has("series"):
        factor *= ASKED_FOCUS   # "gdpr fines by year": the entry of figures year by year
    if "unblock" in own:
        # "how do I lift the cooling-off block": how to lift it, not what it is; "how long does the cooling period
        # last" asks what it is, not how to lift it
        factor *= ASKED_FOCUS if q.has("unblock") else UNASKED_FOCUS
    if "which_country" in own and q.has("which_country"):
        factor *= ASKED_FOCUS   # "which country …" is answered by the entry about countries, not by its source
    if q.has("which_article") and _ARTICLE_REF.search(T.fold(entry.title.ru + " " + entry.title.en)):
        factor *= 1.2   # "which article says …": an entry that names its article
    if q.articles and any(mentions_article(entry, a.number) for a in q.articles):
        factor *= 1.3
        parts = {a.part for a in q.articles if a.part}
        if parts and any(_names_part(entry, part) for part in parts):
            factor *= 1.5   # "13.11 ч. 12": the entry on part 12, not any part of 13.11
    # An amending law ("420-ФЗ") names its subject; 152-FZ is the context of nearly every Russian entry.
    amending = [n for n in q.fz_numbers if n != "152"]
    if amending and any(_mentions(entry, f"{n}-фз") or _mentions(entry, f"{n}-fz") for n in amending):
        factor *= 1.2
    return factor


def rank(kb: KnowledgeBase, q: Query, result: SearchResult) -> SearchResult:
    if not result.hits:
        return result
    named = asked_regimes(kb, q) or set(q.regimes)
    no_decision = not_about_a_decision(q)
    counting = q.has("count_question", "published_statistic", "sum_question", "mean_question")
    words = question_terms(q)
    as_written = asked_as_written(kb, q) | nearly_as_written(kb, q, [h.entry for h in result.hits])
    # An incident named by its own rare name ("the Optus hack", «утечка Гемотест»), the fines data knowing no company
    # of that name: its story is preferred to other incidents' (as a named company's is, in `agreement`)
    named_stories = set() if q.companies else {
        h.entry.id for h in result.hits if _dated_story(h.entry) and naming(kb, q, h.entry) == 2}
    advice = q.has("advice") and not q.companies
    defining = q.has("definition")
    # A question citing a publisher of statistics ("по данным F6", "per InfoWatch") asks for its figures: when the
    # bot has them, another source's figures on the same subject (Roskomnadzor's count beside F6's) are no answer.
    # (A regulator named is what the figures are about as often as whose they are: "fines by Ireland's DPC".)
    cited = _title_sources(kb) if q.publishers else {}
    cited_found = any(cited.get(h.entry.id, frozenset()) & q.sources for h in result.hits)
    hits = []
    for hit in result.hits:
        regimes = entry_regimes(kb, hit.entry)
        if named and regimes and not regimes & named:
            continue   # an entry about another law (or country) than the one named is not an answer
        if no_decision and hit.entry.fine is not None:
            continue
        if cited_found and hit.entry.fine is None and cited.get(hit.entry.id, q.sources).isdisjoint(q.sources):
            continue
        if hit.entry.fine is not None and q.has("count_question") and not q.has("fine", "plural_fines") and \
                not _titles(kb).get(hit.entry.id, _NO_TITLE)[0] & {"leak", "hack"} and \
                not states_its_amount(q, hit.entry):
            continue   # "Equifax breach, how many people were affected": a fine for something else does not say
            #   (but «тикток 530 млн — сколько из них за прозрачность» names its €530m decision by its amount)
        if q.has("other_rank") and hit.entry.fine is not None and not q.companies and \
                "other_rank" not in _titles(kb).get(hit.entry.id, _NO_TITLE)[0]:
            continue   # "the first / second / smallest fine": a decision whose title does not say it is none
        if counting and q.years and hit.entry.fine is None and hit.entry.id not in named_stories and (
                _other_years(hit.entry, q.years) or not _TITLE_YEAR.search(hit.entry.title.en)):
            continue   # "how many … in 2024" is answered by the figures of 2024: not 2019's, nor a rule's (an incident
            #   named by its rare name is that incident, whatever year the asker's story mentions)
        # How much of the question an entry explains weighs beside its score: a long entry matching one word
        # many times is not the answer to a question of five.
        score = hit.score * agreement(kb, q, hit.entry) * (COVERAGE_WEIGHT + hit.coverage) * (
            1 + TITLE_WEIGHT * title_share(kb, words, hit.entry))
        if defining:   # "what is personal data": the entry headed by it, not the one on the operator defining it too
            score *= 1 + HEAD_WEIGHT * head_share(kb, words, hit.entry)
        if hit.entry.id in as_written:
            score *= AS_WRITTEN
        if named_stories and _dated_story(hit.entry):
            score *= OWN_STORY if hit.entry.id in named_stories else NAMED_STORY_OTHER
        elif advice and _dated_story(hit.entry) and "advice" not in _titles(kb).get(hit.entry.id, _NO_TITLE)[0]:
            score *= STORY_NOT_ADVICE   # "my email was in a breach, what should I do": advice, not another leak
        hits.append(Hit(hit.entry, score, hit.coverage))
    hits.sort(key=lambda h: -h.score)
    _chosen_by_concept(kb, q, hits)
    ranked = SearchResult(query=result.query, hits=hits, unknown_words=result.unknown_words)
    if hits:
        same_best = result.best is not None and hits[0].entry.id == result.best.entry.id
        ranked.confident = result.confident if same_best else result.confident and hits[0].coverage >= MIN_COVERAGE
        if not ranked.confident and (tells_its_story(kb, q, hits) or asks_within_its_story(kb, q, hits)):
            ranked.confident = True   # the gates below (a rival, the story asked about) still apply
        if q.companies and hits[0].entry.fine is not None and not (
                kb.fines.company_terms_of(hits[0].entry) & (q.companies | q.parent_companies)):
            ranked.confident = False   # another company's fine is not the answer about this one
        chosen = len(hits) > 1 and hits[0].entry.id in as_written and hits[1].entry.id not in as_written
        if (ambiguous(kb, q, hits) and not chosen) or not shares_a_meaningful_term(kb, q, hits[0].entry):
            ranked.confident = False
        elif not asks_about_its_story(kb, q, hits[0].entry):
            ranked.confident = False   # "Optus tariffs", "LinkedIn ads": the name alone, asking nothing of its story
        elif not q.anchored and not title_share(kb, words, hits[0].entry):
            # A question naming nothing of the bot's own ("how many people live in Germany") is not answered by an
            # entry that only mentions its words in passing: its title must say what it asks about.
            ranked.confident = False
    return ranked


def states_its_amount(q: Query, entry: Entry) -> bool:
    """Does the question state the decision's amount ("тикток 530 млн"), a sum of a million or more within the
    precision it is written with?"""
    fine = entry.fine
    return fine is not None and any(
        n.multiplier >= 10**6 and abs(n.value - fine.amount_eur) <= max(n.tolerance, 0.01 * fine.amount_eur)
        for n in q.numbers)


def publishes_the_figure(kb: KnowledgeBase, q: Query, found: SearchResult) -> bool:
    """Is the best entry found the published figure of what a statistics question narrows to: no single decision,
    but an entry whose title names the year asked and the regulator or country asked ("CNIL, 2024 results: 87
    sanctions and €55.2m in fines")? The regulator's own count answers "how many sanctions did the CNIL impose in
    2024"; the bot's sample of decisions would be a selection presented as the total."""
    best = found.best
    if not found.confident or best is None or best.entry.fine is not None or not q.years:
        return False
    if not {int(y) for y in _TITLE_YEAR.findall(best.entry.title.en)} & set(q.years):
        return False
    _, _, terms, _, countries = _titles(kb).get(best.entry.id, _NO_TITLE)
    authorities = {T.term(AUTHORITIES[a][0][0]) if a in AUTHORITIES else T.term(a) for a in q.authorities}
    return bool(authorities & terms or set(q.countries) & countries)


def states_the_deadline(kb: KnowledgeBase, entry: Entry, regime: str | None) -> bool:
    """Is the entry a law's rule on notifying a leak (no decision; its title speaks of notifying; that law's)?"""
    return entry.fine is None and regime in entry_regimes(kb, entry) and \
        "notify" in _titles(kb).get(entry.id, _NO_TITLE)[0] and "notification_failure" not in _titles(kb)[entry.id][0]


# ... by what qualifies the case (a repeat leak, biometrics, the people told), not by a source or a figure's kind
_CHOOSING = QUALIFYING | {"notify_subjects"}


def _chosen_by_concept(kb: KnowledgeBase, q: Query, hits: list[Hit]) -> None:
    """Two close entries, the second's title saying all the first's does of what the question asks and more
    («обязаны ли мне сообщить об утечке»: the duty to tell the people, Art. 34, beside the regulator's notice, Art.
    33): the question chose the second, which goes first (with the first's score, so the margin is not crossed)."""
    if len(hits) < 2 or hits[1].score < AMBIGUOUS_MARGIN * hits[0].score or q.content_words >= STORY_WORDS:
        return   # (a story's concepts may be its story's: «директор хочет никому не сообщать … сколько часов»)
    asked = q.concepts & set(DISTINGUISHING)
    one, two = (_titles(kb).get(h.entry.id, _NO_TITLE)[0] & asked for h in hits[:2])
    if one < two and two - one <= _CHOOSING:
        hits[0], hits[1] = Hit(hits[1].entry, hits[0].score, hits[1].coverage), Hit(
            hits[0].entry, hits[1].score, hits[0].coverage)


def shares_a_meaningful_term(kb: KnowledgeBase, q: Query, entry: Entry) -> bool:
    """Does the entry hold some word of the question that is not a stopword, a number or a unit of time (by its
    term, as repaired and with its synonyms, as the search reads it)? An entry matched by a number alone answers
    nothing."""
    held = kb.index.terms_of(entry)
    # ... nor by a measure: «сколько часов в 72 часах» shares hours and days with the CERT-In 6-hour rule, and asks
    # nothing of it
    measures = {t.word for t in q.tokens if t.keys & DURATION_KEYS}
    for group in T.word_groups(q.search_text or q.text):
        for word in group:
            if word.isdigit() or T.is_stopword(word) or word in measures:
                continue
            found = kb.index.resolve(word)
            if found is not None and (found[0] in held or held.intersection(T.TERM_SYNONYMS.get(found[0], ()))):
                return True
    return False


def ambiguous(kb: KnowledgeBase, q: Query, hits: list[Hit]) -> bool:
    """The two best entries score within `AMBIGUOUS_MARGIN` of each other and are about different things."""
    if len(hits) < 2 or hits[0].score <= 0:
        return False
    first, second = hits[0].entry, hits[1].entry
    if hits[1].score < AMBIGUOUS_MARGIN * hits[0].score or _same_subject(first, second):
        return False
    if first.fine is not None and second.fine is not None and q.companies and not (
            q.years or q.countries or q.authorities or q.articles) and \
            kb.fines.company_terms_of(first) & kb.fines.company_terms_of(second) & q.companies:
        return False   # two fines of the company named alone: its largest is meant (`LARGEST_OF_COMPANY`)
    if not q.regimes and not q.uncovered_laws and not q.uncovered_countries:
        own, other = entry_regimes(kb, first), entry_regimes(kb, second)
        if own == {default_regime(q.lang)} and other and not other & own:
            # "right to erasure" asked in English, naming no law: the GDPR's article, not India's section on the
            # same right (a question in Russian means Russian law: `vocabulary.DEFAULT_REGIME`)
            return False
    asked = q.concepts & set(DISTINGUISHING)
    one, two = _titles(kb).get(first.id, _NO_TITLE)[0], _titles(kb).get(second.id, _NO_TITLE)[0]
    if asked and asked & two <= asked & one and two - asked >= one - asked and one != two:
        # The first's title says at least what the question asks that the second's does, and the second's is also
        # about something not asked (the notification, beside the fine for a leak): the question chose.
        return False
    # A case of one company (LinkedIn blocked for not localising) beside the rule it illustrates is no rival
    # answer to a question that names no company.
    if companies_in_title(kb, second) - q.companies and not companies_in_title(kb, first) - q.companies:
        return False
    # The first's title has clearly more of the question's words ("Meta fine for data transfers to the US": the
    # transfers fine, not WhatsApp's whose text mentions transfers): the question chose by what it names.
    words = question_terms(q)
    if asked & two <= asked & one and title_share(kb, words, first) >= title_share(kb, words, second) + TITLE_DECIDES:
        return False   # (unless the second's title has more of what the question asks: "how do I lift the block")
    # "сколько заплатил Гемотест": the question names the first's subject by its own name (the costliest test)
    return naming(kb, q, first) <= naming(kb, q, second)


def _same_subject(a: Entry, b: Entry) -> bool:
    """One decision filed under two companies of a group (Google LLC and Google Ireland, CNIL, 31 Dec 2021), or
    two parts of one article (13.11(12) and 13.11(13), told apart by a figure the question did not give): either
    answers as well as the other."""
    if a.fine is not None and b.fine is not None:
        return a.fine.decision_date == b.fine.decision_date and a.fine.authority == b.fine.authority
    if a.fine is not None or b.fine is not None or a.domain != b.domain:
        return False
    return bool(_title_articles(a) & _title_articles(b))


def suggestions(kb: KnowledgeBase, q: Query, result: SearchResult) -> SearchResult:
    """The near matches worth offering with "not sure": those sharing a meaningful (rare) term with the question."""
    words = [t.word for t in q.tokens if not T.is_stopword(t.word) and not t.word.isdigit()]
    shared = {T.term(w) for w in words} | {x for w in words if (x := T.translit_term(w))}
    rare = {w for w in shared if kb.index.idf.get(w, 0.0) >= MEANINGFUL_IDF}
    # The entries the question could not choose between (`ambiguous`) are offered when they share any word of it
    # but a stopword: they are what it was about. Any other needs a rarer word in common.
    contenders = len(contenders_of(kb, q, result.hits))
    near = [h for i, h in enumerate(result.hits)
            if (rare if i >= contenders else shared) & kb.index.terms_of(h.entry)]
    return SearchResult(query=result.query, hits=near[:3], confident=False)


def contenders_of(kb: KnowledgeBase, q: Query, hits: list[Hit]) -> list[Hit]:
    """The hits scoring within `AMBIGUOUS_MARGIN` of the best, when they are about different things."""
    if not ambiguous(kb, q, hits):
        return []
    return [h for h in hits if h.score >= AMBIGUOUS_MARGIN * hits[0].score]


def country_names_of(code: str, lang: str) -> str:
    names = OTHER_COUNTRIES.get(code, (code,))
    if lang in CYRILLIC_LANGUAGES:
        return next((n for n in names if T.is_cyrillic(n)), code).capitalize()
    return next((n for n in names if not T.is_cyrillic(n) and len(n) > 3), names[0]).title()
