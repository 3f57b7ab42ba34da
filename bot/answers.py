"""From a question to an answer: the legal tools (a deadline, a fine estimate, an aggregate over the fines data),
then list questions about fines, then search, then "not sure". No aiogram here."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.kb import KnowledgeBase, SearchResult
from bot.kb.countries import country_label
from bot.kb.models import Entry
from bot.kb.text import term as text_term
from bot.kb.text import words as text_words
from bot.legal.answers import legal_answer
from bot.render import fit, render_entry, render_fines_list, render_not_sure, suggestions_for
from bot.texts import t

SEE_ALSO = 3
SEE_ALSO_MIN_COVERAGE = 0.34
# A question asked in Russian that names no other jurisdiction is most likely about Russian law.
RUSSIAN_CONTEXT = {"ru_pd": 1.1, "ru_sim": 1.1, "breaches": 1.1}
# A question that names a foreign law is about that law, whatever language it is asked in.
FOREIGN_LAWS = {
    ("gdpr", "gdpr_fines"): ("gdpr", "гдпр", "eu", "ес", "евросоюз", "европа", "европейский", "edpb", "europe",
                             "european"),
    ("dpdp",): ("dpdp", "dpdpa", "india", "indian", "индия", "индийский"),
}
_FOREIGN_TERMS = {text_term(word): domains for domains, names in FOREIGN_LAWS.items() for word in names}


def context_boost(question: str) -> dict[str, float] | None:
    """Which domains a question's own words point to: a named foreign law, else Russian law for Russian text."""
    named = {domain for word in text_words(question) for domain in _FOREIGN_TERMS.get(text_term(word), ())}
    if named:
        return dict.fromkeys(named, 1.3)
    return RUSSIAN_CONTEXT if is_russian(question) else None


def is_russian(text: str) -> bool:
    letters = [ch for ch in text.lower() if ch.isalpha()]
    return bool(letters) and sum("а" <= ch <= "я" or ch == "ё" for ch in letters) > len(letters) / 2


@dataclass
class Answer:
    text: str
    buttons: list[Entry] = field(default_factory=list)
    numbered: bool = False
    entry: Entry | None = None  # the entry answered, when one was


def answer_question(kb: KnowledgeBase, question: str, lang: str, *, max_length: int = 1000,
                    tz_name: str | None = None) -> Answer:
    """`tz_name`: the asker's time zone, for a deadline question (None: the default zone)."""
    question = question.strip()
    if not question:
        return Answer(t("empty", lang))
    prefix = ""
    if len(question) > max_length:
        question = question[:max_length]
        prefix = t("too_long", lang, limit=max_length) + "\n\n"
    legal = legal_answer(kb, question, lang, tz_name=tz_name)  # a deadline, a fine estimate, a fines aggregate
    if legal is not None:
        return Answer(prefix + legal)
    fines_query = kb.fines.parse(question)
    if fines_query is not None:
        found = kb.fines.run(fines_query)
        if fines_query.single and found:
            return Answer(prefix + fit(render_entry(found[0], lang)), buttons=found[1 : 1 + SEE_ALSO], entry=found[0])
        if found:
            text = render_fines_list(kb, fines_query, found, lang)
            return Answer(prefix + text, buttons=found[: min(fines_query.limit, 10)], numbered=True)
    result = kb.index.search(question, limit=SEE_ALSO + 1, boost=context_boost(question))
    if fines_query is not None and not _about_country(result, fines_query.country):
        # No structured fine matches: an entry about that very country may still know (Slovenia's anonymised
        # decisions have no amount on record); anything else would be a confident wrong answer.
        return Answer(prefix + render_fines_list(kb, fines_query, [], lang))
    if not result.confident or result.best is None:
        return Answer(prefix + render_not_sure(result, lang), buttons=suggestions_for(result))
    best = result.best.entry
    see_also = [h.entry for h in result.hits[1:] if h.coverage >= SEE_ALSO_MIN_COVERAGE][:SEE_ALSO]
    return Answer(prefix + fit(render_entry(best, lang)), buttons=see_also, entry=best)


def _about_country(result: SearchResult, country: str | None) -> bool:
    if country is None or not result.confident or result.best is None:
        return False
    title = result.best.entry.title
    return country_label(country, "en") in title.en or country_label(country, "ru")[:-1] in title.ru


def answer_entry(kb: KnowledgeBase, entry: Entry, lang: str) -> Answer:
    """An entry opened from a button, with its own neighbours as "see also"."""
    neighbours = kb.index.search(entry.title.get(lang), limit=SEE_ALSO + 1).hits
    see_also = [h.entry for h in neighbours if h.entry.id != entry.id][:SEE_ALSO]
    return Answer(fit(render_entry(entry, lang)), buttons=see_also, entry=entry)
