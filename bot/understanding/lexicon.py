"""What the question reader learns from the knowledge base: the companies its fines name and the English words its
entries use (so an English word is not mistaken for transliterated Russian). Built once per knowledge base and
again after /reload (`KnowledgeBase.built`)."""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.kb import text as T
from bot.understanding.query import Reader
from bot.understanding.vocabulary import GENERIC_COMPANY_WORDS


def company_terms(kb: KnowledgeBase) -> dict[str, str]:
    """Company term -> the company's name, for the words that tell one company from another."""
    found: dict[str, str] = {}
    for entry in kb.fines.fines:
        assert entry.fine is not None
        for word in T.fold(entry.fine.company).replace("(", " ").replace(")", " ").split():
            if word not in GENERIC_COMPANY_WORDS and len(word) > 1 and not T.is_cyrillic(word):
                found.setdefault(T.term(word), entry.fine.company)
    return found


def _build(kb: KnowledgeBase) -> Reader:
    english = {T.term(w) for e in kb.entries
               for w in T.words(" ".join([e.title.en, e.answer.en, *e.questions.en])) if not T.is_cyrillic(w)}
    authorities = {T.fold(e.fine.authority.split()[0]) for e in kb.fines.fines if e.fine is not None}
    return Reader(companies=company_terms(kb), known_latin=english, fines_authorities=authorities)


def reader_for(kb: KnowledgeBase) -> Reader:
    return kb.built("question_reader", _build)
