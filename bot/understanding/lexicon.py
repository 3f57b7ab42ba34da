"""What the question reader learns from the knowledge base: the companies its fines name and the English words its
entries use (so an English word is not mistaken for transliterated Russian). Built once per knowledge base and
again after /reload (`KnowledgeBase.built`)."""

from __future__ import annotations

import re

from bot.kb import KnowledgeBase
from bot.kb import text as T
from bot.understanding.reader import FZ, Reader

COMMON_WORD_IDF = 1.5   # a company word found in more entries than this says is a word, not a name ("data")


_LOWERCASE_WORD = re.compile(r"(?<![\w.@-])[a-z][a-z]+(?![\w-]|\.\w)")   # a word, not a web address's part


def _build(kb: KnowledgeBase) -> Reader:
    english = {T.term(w) for e in kb.entries
               for w in T.words(" ".join([e.title.en, e.answer.en, *e.questions.en])) if not T.is_cyrillic(w)}
    authorities = {T.fold(e.fine.authority.split()[0]) for e in kb.fines.fines if e.fine is not None}
    companies = {word: term for word, term in kb.fines.company_words.items()
                 if not T.is_cyrillic(word) and kb.index.idf.get(term, 99.0) >= COMMON_WORD_IDF}
    # A company word the entries also write in lowercase ("published", "social", "shop", "credit") is an ordinary word
    lowercase = {T.term(w) for e in kb.entries for w in _LOWERCASE_WORD.findall(f"{e.title.en} {e.answer.en}")}
    ordinary = {term for term in companies.values() if term in lowercase}
    # The federal laws the entries name by number ("420-ФЗ", "41-FZ"): a question naming another asks about a law
    # the bot does not cover ("63-FZ on e-signatures", "VPN under 149-ФЗ").
    law_numbers = {m.group(1) or m.group(2) for e in kb.entries for m in FZ.finditer(
        T.fold(" ".join([e.title.ru, e.title.en, *e.keywords, e.answer.ru, e.answer.en])))}
    return Reader(companies=companies, known_latin=english, fines_authorities=authorities, ordinary_names=ordinary,
                  law_numbers=law_numbers)


def reader_for(kb: KnowledgeBase) -> Reader:
    return kb.built("question_reader", _build)
