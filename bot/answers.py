"""From a question to an answer. The question is read once into a `Query` (bot/understanding/query.py); what
answers it is chosen from what the Query carries (bot/understanding/intents.py): a legal tool (a fine estimate, a
notification deadline, statistics over the fines on record), a list of fines, or an entry found by search and
ranked by what the question names. A question about a law or a country the bot does not cover, or one the search
cannot answer with confidence, gets an honest "not sure". No aiogram here."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from bot.i18n import Html, t
from bot.kb import KnowledgeBase, SearchResult
from bot.kb.countries import country_label
from bot.kb.models import Entry
from bot.legal.answers import aggregate_answer, deadline_answer, estimate_answer
from bot.render import fit, render_entry, render_fines_list, render_not_sure
from bot.understanding import intents as I
from bot.understanding.lexicon import reader_for
from bot.understanding.query import Query
from bot.understanding.rank import (
    asking_clause,
    country_names_of,
    names_its_subject,
    naming,
    not_about_a_decision,
    publishes_the_figure,
    rank,
    search_boost,
    states_the_deadline,
    suggestions,
)

SEE_ALSO = 3
SEARCH_DEPTH = 8   # the search's best entries the ranking by what the question names (rank.py) reorders
SEE_ALSO_MIN_COVERAGE = 0.34
# A question naming nothing of the bot's own (no privacy word, law, regulator, company, country or article; at most
# a fine or leak word) is answered only when an entry explains nearly all of it ("since when can you put a self-ban
# on loans"); calibrated on the dev sets, in scope and out of scope together (bench/questions.py): out-of-scope
# questions reach 0.64.
OFF_TOPIC_COVERAGE = 0.75


@dataclass
class Answer:
    text: str
    buttons: list[Entry] = field(default_factory=list)
    numbered: bool = False
    entry: Entry | None = None  # the entry answered, when one was
    intent: str = I.LOOKUP      # what answered (bot/understanding/intents.py)
    unsure: bool = False        # the reply says the bot is not sure
    offer: str | None = None    # another tool that fits the question too, offered as a button
    # The reply may depend on the moment or the zone it is given in (a deadline tool was tried: "time left" counts
    # from now): never reused by `AnswerCache`.
    dated: bool = field(default=False, repr=False, compare=False)


# Questions remembered with their answers per knowledge base: the same question asked again (a popular one, a
# button's text typed back) is answered without reading or searching it again.
ANSWER_CACHE_SIZE = 2048


class AnswerCache:
    """The last `size` answers, keyed by everything an undated answer depends on: the question as read (stripped),
    the language, the length limit and the tool asked for. Held by the knowledge base (`kb.built`), so a reload,
    which replaces the base's contents, starts an empty one. Each hit is a copy: handlers change their answer."""

    def __init__(self, size: int = ANSWER_CACHE_SIZE):
        self.size = size
        self._answers: OrderedDict[tuple[str, str, int, str | None], Answer] = OrderedDict()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: tuple[str, str, int, str | None]) -> Answer | None:
        answer = self._answers.get(key)
        if answer is None:
            return None
        self._answers.move_to_end(key)
        return replace(answer, buttons=list(answer.buttons))

    def put(self, key: tuple[str, str, int, str | None], answer: Answer) -> None:
        if answer.dated:
            return
        self._answers[key] = replace(answer, buttons=list(answer.buttons))
        if len(self._answers) > self.size:
            self._answers.popitem(last=False)


def answer_cache(kb: KnowledgeBase) -> AnswerCache:
    return kb.built("answers", lambda _: AnswerCache())


def answer_question(kb: KnowledgeBase, question: str, lang: str, *, max_length: int = 1000,
                    tz_name: str | None = None, now: dt.datetime | None = None, intent: str | None = None) -> Answer:
    """`tz_name`: the asker's time zone, for a deadline question (None: the default zone). `intent`: answer with
    that tool if the question fits it (the button offering the runner-up), else as usual."""
    question = question.strip()
    if not question:
        return Answer(t("empty", lang))
    return _answer_question(kb, question, lang, max_length=max_length, tz_name=tz_name, now=now, intent=intent)


def cached_answer(kb: KnowledgeBase, question: str, lang: str, *, max_length: int = 1000,
                  tz_name: str | None = None, intent: str | None = None) -> Answer:
    """`answer_question` for a user's update, now: a question asked before (by anyone) in the same language gets
    the answer it got then, unless that answer was dated (`AnswerCache`)."""
    question = question.strip()
    if not question:
        return Answer(t("empty", lang))
    cache, key = answer_cache(kb), (question, lang, max_length, intent)
    answer = cache.get(key)
    if answer is None:
        answer = _answer_question(kb, question, lang, max_length=max_length, tz_name=tz_name, now=None,
                                  intent=intent)
        cache.put(key, answer)
    return answer


def _answer_question(kb: KnowledgeBase, question: str, lang: str, *, max_length: int, tz_name: str | None,
                     now: dt.datetime | None, intent: str | None) -> Answer:
    prefix = ""
    if len(question) > max_length:
        question = question[:max_length]
        prefix = t("too_long", lang, limit=max_length) + "\n\n"
    q = reader_for(kb).read(question, lang)
    answer = _answer(kb, q, lang, tz_name=tz_name, now=now, intent=intent)
    answer.text = prefix + answer.text
    return answer


def _answer(kb: KnowledgeBase, q: Query, lang: str, *, tz_name: str | None, now: dt.datetime | None,
            intent: str | None = None) -> Answer:
    found = _search(kb, q)
    # A question naming what an entry's title is about by its own rare name (an incident: «утечка Гемотест»,
    # "Optus breach") asks about that: not about a law the bot does not cover, nor for an estimate of a case like it.
    incident = not q.uncovered_laws and any(
        h.entry.domain == "breaches" and naming(kb, q, h.entry) == 2 for h in found.hits[:3])
    not_covered = None if incident else _not_covered(q, lang)
    if not_covered is not None:
        return Answer(not_covered, unsure=True)
    if q.has("made_up") or q.unknown_fz and not (q.fz_numbers or q.laws or q.companies or q.authorities):
        # A federal law named by a number no entry speaks of ("VPN under 149-ФЗ", "63-FZ e-signature") is what the
        # question is about: the nearest entry on 152-FZ would answer another law. A joke or a poem about the bot's
        # topics ("a joke about data protection officers") asks for something made up, which no entry is.
        return _not_sure(kb, q, found, lang)
    # A regulator's own count for the year asked answers a statistics question, not a sum over the bot's sample.
    published = publishes_the_figure(kb, q, found)
    candidates = [c for c in I.candidates(q) if not (incident and c.intent == I.ESTIMATE)
                  and not (published and c.intent == I.FINES_STATS)]
    best = next((c for c in candidates if c.intent == intent), candidates[0])
    answer = _answer_with(kb, q, lang, best, found, tz_name=tz_name, now=now)
    # told from now, in the asker's zone (or found untellable, which may depend on both too)
    answer.dated = best.intent == I.DEADLINE
    if answer.intent != I.LOOKUP and not answer.unsure:
        answer.offer = next((c.intent for c in candidates if c.intent not in (answer.intent, I.LOOKUP)), None)
    return answer


def _answer_with(kb: KnowledgeBase, q: Query, lang: str, best: I.Choice, found: SearchResult, *,
                 tz_name: str | None, now: dt.datetime | None) -> Answer:
    see_also = _see_also(found)
    # A tool's answer offers the entry the search would have answered with.
    entry_offered = [found.best.entry] if found.confident and found.best is not None else []
    if best.intent == I.DEADLINE:
        text = deadline_answer(q, lang, best.regime, tz_name=tz_name, now=now)
        if text is not None:
            return Answer(text, buttons=entry_offered, intent=I.DEADLINE)
        if found.best is not None and states_the_deadline(kb, found.best.entry, best.regime):
            # No moment read («ночью обнаружили»), but the question asks when to notify of a leak under this law:
            # the search's best entry, that law's notification rule, answers it however little of a story it covers.
            found.confident = True
    elif best.intent == I.ESTIMATE:
        return Answer(estimate_answer(q, lang, best.regime), buttons=entry_offered, intent=I.ESTIMATE)
    elif best.intent == I.FINES_STATS:
        return Answer(aggregate_answer(kb, q, lang), buttons=entry_offered, intent=I.FINES_STATS)
    elif best.intent == I.FINES_LIST:
        listed = _fines_list(kb, q, lang, found)
        if listed is not None:
            return listed
    named = found.best is not None and names_its_subject(kb, q, found.best.entry)
    off_topic = not q.anchored and not named
    if off_topic and q.content_words < 2:
        found.confident = False   # one word of nothing the bot covers ("привет, что ты умеешь?") answers nothing
    if not found.confident or found.best is None or (off_topic and found.best.coverage < OFF_TOPIC_COVERAGE):
        return _not_sure(kb, q, found, lang)
    entry = found.best.entry
    return Answer(fit(render_entry(entry, lang)), buttons=see_also, entry=entry)


def _not_sure(kb: KnowledgeBase, q: Query, found: SearchResult, lang: str) -> Answer:
    near = suggestions(kb, q, found)
    return Answer(render_not_sure(near, lang), buttons=[h.entry for h in near.hits[:3]], unsure=True)


def _search(kb: KnowledgeBase, q: Query) -> SearchResult:
    result = kb.index.search(q.search_text or q.text, limit=SEARCH_DEPTH, boost=search_boost(q),
                             decisions=not not_about_a_decision(q), ask=asking_clause(q))
    return rank(kb, q, result)


def _see_also(result: SearchResult) -> list[Entry]:
    if not result.confident:
        return []
    return [h.entry for h in result.hits[1:] if h.coverage >= SEE_ALSO_MIN_COVERAGE][:SEE_ALSO]


def _fines_list(kb: KnowledgeBase, q: Query, lang: str, found_by_search: SearchResult) -> Answer | None:
    query = kb.fines.parse(q)
    if query is None:
        return None
    found = kb.fines.run(query)
    if query.single and found:
        return Answer(fit(render_entry(found[0], lang)), buttons=found[1: 1 + SEE_ALSO], entry=found[0],
                      intent=I.FINES_LIST)
    if found:
        return Answer(render_fines_list(kb, query, found, lang), buttons=found[: min(query.limit, 10)], numbered=True,
                      intent=I.FINES_LIST)
    best = found_by_search.best
    if query.country and found_by_search.confident and best is not None and (
            country_label(query.country, "en") in best.entry.title.en
            or country_label(query.country, "ru")[:-1] in best.entry.title.ru):
        # No decision with an amount on record, but an entry about that very country may know (Slovenia's
        # anonymised decisions); anything else would be a confident wrong answer.
        return Answer(fit(render_entry(best.entry, lang)), entry=best.entry)
    return Answer(render_fines_list(kb, query, [], lang), intent=I.FINES_LIST)


# A law the bot does not cover (vocabulary.LAWS, regime None) -> the keys of its name and of what it is
# ("Japan's privacy law"), in bot/locales/<lang>/bot.ftl.
_UNCOVERED_LAW: dict[str, tuple[str, str]] = {
    "appi": ("law_appi_name", "law_appi_where"),
    "lgpd": ("law_lgpd_name", "law_lgpd_where"),
    "ccpa": ("law_ccpa_name", "law_ccpa_where"),
    "pipl": ("law_pipl_name", "law_pipl_where"),
    "pipeda": ("law_pipeda_name", "law_pipeda_where"),
    "popia": ("law_popia_name", "law_popia_where"),
    "uk_dpa": ("law_uk_dpa_name", "law_uk_dpa_where"),
    "pdpa": ("law_pdpa_name", "law_pdpa_where"),
    "kvkk": ("law_kvkk_name", "law_kvkk_where"),
    "fadp": ("law_fadp_name", "law_fadp_where"),
    "privacy_act_au": ("law_privacy_act_au_name", "law_privacy_act_au_where"),
    "hipaa": ("law_hipaa_name", "law_hipaa_where"),
    "coppa": ("law_coppa_name", "law_coppa_where"),
    "glba": ("law_glba_name", "law_glba_where"),
    "ru_advertising": ("law_ru_advertising_name", "law_ru_advertising_where"),
    "ru_consumer": ("law_ru_consumer_name", "law_ru_consumer_where"),
    "pdpl": ("law_pdpl_name", "law_pdpl_where"),
}


def _not_covered(q: Query, lang: str) -> str | None:
    """A question about a law or a country's law the bot does not cover, and about nothing it does: say so by
    name instead of answering with the nearest entry about another law."""
    if q.regimes or q.companies or q.authorities:
        return None
    if q.uncovered_laws:
        name, where = _UNCOVERED_LAW[q.uncovered_laws[0]]
        return t("law_not_covered", lang, law=Html(t(name, lang)), where=Html(t(where, lang)))
    if q.uncovered_countries and q.on_topic:
        return t("country_not_covered", lang, country=country_names_of(q.uncovered_countries[0], lang))
    return None


def answer_entry(kb: KnowledgeBase, entry: Entry, lang: str) -> Answer:
    """An entry opened from a button, with its own neighbours as "see also"."""
    neighbours = kb.index.search(entry.title.get(lang), limit=SEE_ALSO + 1).hits
    see_also = [h.entry for h in neighbours if h.entry.id != entry.id][:SEE_ALSO]
    return Answer(fit(render_entry(entry, lang)), buttons=see_also, entry=entry)
