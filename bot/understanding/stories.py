"""Long questions and named subjects: when a question's story, or a name it gives, says which entry it is about.

A long question tells a story (the asker's city, team, tools) that explains little of itself through any entry; it
is answered by the entry its ask leads to (`tells_its_story`, `asks_within_its_story`). A rare name a question gives
("Гемотест", "Equifax") names an entry's subject (`naming`); the name alone does not make a question about that
company's breach or fine (`asks_about_its_story`)."""

from __future__ import annotations

import re

from bot.kb import KnowledgeBase
from bot.kb import text as T
from bot.kb.index import Hit
from bot.kb.models import Entry
from bot.understanding.query import Query, Token
from bot.understanding.titles import (
    _NO_TITLE,
    _TITLE_YEAR,
    DISTINGUISHING,
    _dated_story,
    _incident_kinds,
    _subject_terms,
    _titles,
    companies_in_title,
)
from bot.understanding.vocabulary import INCIDENT_ASKS, LAWS_BY_ID, TOPIC_CONCEPTS

NAME_IDF = 3.0           # a term in fewer than about one entry in twenty: a name


# A long question telling a story ("our bank studies Equifax: a patch alert in March 2017, … how many Social Security
# numbers did the hackers steal?") explains little of itself through any entry: most of its words are the story.
# When it names the best entry's subject by its own rare name and that entry leads the rest by far, it is answered
# by it all the same (the gates of `rank` still apply). Calibrated on the dev sets with their out-of-scope
# companions: a short question's uncovered words are what it asks, so it keeps `MIN_COVERAGE`.
STORY_WORDS = 12        # content words (`Query.content_words`) that make a question a story
STORY_COVERAGE = 0.25   # ... of which the entry must still explain this share
STORY_LEAD = 1.5        # ... and score this many times the runner-up


# A story's clauses: sentences, a dash, a semicolon or a colon, a quotation, a comma before the next clause
_CLAUSE = re.compile(r"[.!?;:—–()«»\"]+|,\s|\s-\s")


def asking_clause(q: Query) -> str:
    """The last clause of a long question (`STORY_WORDS`) that has two words of its own: what it asks ("… — how long
    do we have to answer under the GDPR?"), after the story that leads to it. Empty for a short question, which is
    all ask."""
    if q.content_words < STORY_WORDS:
        return ""
    clauses = [c for c in _CLAUSE.split(q.search_text or q.text) if len(T.word_groups(c)) >= 2]
    return clauses[-1].strip() if len(clauses) > 1 else ""


def asked_regimes(kb: KnowledgeBase, q: Query) -> set[str]:
    """Of two or more laws a question names, each by its name, the one its last clause naming a law asks about when
    the earlier clauses name the others ("gdpr breach goes to the DPA, dpdp breach report goes to who?", «по GDPR 72
    часа, а по 152-ФЗ?»): what the asker already knows is compared with, not asked. Empty when that clause names
    more than one, or one the rest names too, or is the only one ("GDPR vs DPDP, which is stricter?")."""
    regimes = set(q.regimes)
    if len(regimes) < 2:
        return set()
    from bot.understanding.lexicon import reader_for  # (the reader imports the stories' vocabulary)
    reader = reader_for(kb)
    # by a law's name only: a country is as often a place ("or is an EU cloud OK?") as a law asked about
    naming = [named for c in _CLAUSE.split(q.text) if T.word_groups(c)
              if (named := {LAWS_BY_ID[law].regime for law in reader.read(c, q.lang).laws} & regimes)]
    if len(naming) < 2 or len(naming[-1]) != 1:
        return set()
    earlier = set().union(*naming[:-1])
    return naming[-1] if not naming[-1] & earlier else set()


def tells_its_story(kb: KnowledgeBase, q: Query, hits: list[Hit]) -> bool:
    """Is a long question, under-explained by the search, about the best entry's subject, named by its rare name?"""
    best = hits[0]
    if q.content_words < STORY_WORDS or best.coverage < STORY_COVERAGE or naming(kb, q, best.entry) != 2:
        return False
    return len(hits) < 2 or hits[1].score * STORY_LEAD <= best.score


# ... and a long question about something of the bot's own (a privacy word, a law, a regulator) whose best entry leads
# the rest by as far is answered by it at a lower share still: its story (the asker's city, team, tools: "we're moving
# our CRM to a hosting provider in Dublin, legal says …") is in no entry, its ask ("which gdpr article requires that
# contract?") is in that one. Calibrated on the dev sets with their out-of-scope companions.
ASKED_STORY_COVERAGE = 0.2


def asks_within_its_story(kb: KnowledgeBase, q: Query, hits: list[Hit]) -> bool:
    """Is a long question on the bot's topics, under-explained because most of its words are its story, answered by
    the best entry, which leads the runner-up by `STORY_LEAD` or whose title says more of what the question asks?
    (The gates of `rank` still apply.)"""
    if q.content_words < STORY_WORDS or not q.anchored or len(hits) < 2 or hits[0].coverage < ASKED_STORY_COVERAGE:
        return False   # (a lone hit leads no rival: the search found next to nothing)
    if hits[1].score * STORY_LEAD <= hits[0].score:
        return True
    # ... or its title says more of what the question asks than the runner-up's ("tell the employees themselves":
    # the duty to tell the people, Art. 34, beside the regulator's notification, Art. 33)
    asked = q.concepts & set(DISTINGUISHING)
    first, second = (_titles(kb).get(h.entry.id, _NO_TITLE)[0] & asked for h in hits[:2])
    return second < first


NAMED_STORY_OTHER = 0.6
STORY_NOT_ADVICE = 0.6


def asks_about_its_story(kb: KnowledgeBase, q: Query, entry: Entry) -> bool:
    """An entry about a named company's breach, fine or decision answers a question naming that company only when
    the question also asks something the entry is about: privacy or the law (`vocabulary.INCIDENT_ASKS`), a leak, a
    hack or a fine the entry's title and keywords speak of (`INCIDENT_KINDS`), a regulator, an article, the people
    or records affected, a sum, or the incident's year. Any other question about the company (its prices, its
    app, its share price) is not about its story, however rare the name."""
    # a fine decision, or a dated incident (not the advice on checking one's e-mail in HIBP)
    story = entry.fine is not None or _dated_story(entry)
    if not story or not (kb.fines.company_terms_of(entry) & (q.companies | q.parent_companies)
                         or companies_in_title(kb, entry) & q.companies
                         or naming(kb, q, entry) > 0 or _rare_words(kb, q) & _subject_terms(kb)[entry.id][0]):
        return True
    if q.has(*INCIDENT_ASKS) or (q.has("counts_affected") and q.has("affected")) or q.laws or q.fz_numbers or \
            q.authorities or q.articles or q.concepts & _incident_kinds(kb).get(entry.id, frozenset()):
        return True
    if any(n.kind in ("subjects", "identifiers", "money") or n.currency or n.multiplier > 1 for n in q.numbers):
        return True
    stated = {int(y) for y in _TITLE_YEAR.findall(entry.title.en)}
    if entry.fine is not None:
        stated.add(entry.fine.decision_date.year)
    return bool(stated & set(q.years))


def _rare_words(kb: KnowledgeBase, q: Query) -> set[str]:
    """The question's words rare enough in the knowledge base to be a name (`NAME_IDF`), however written: a dated
    story's title that has one ("uk electoral commission", "23andme") is about what the question names."""
    return {T.term(t.word) for t in q.tokens if not t.word.isdigit() and len(t.word) > 2 and not
            T.is_stopword(t.word) and t.word not in T.SYNONYMS and kb.index.idf.get(T.term(t.word), 0.0) >= NAME_IDF}


def names_its_subject(kb: KnowledgeBase, q: Query, entry: Entry) -> bool:
    """Does the question name what the entry is about (its title, or its keywords, which list its names: "DLBI",
    «РЖД») by a rare word ("Гемотест", "Clearview")? Such a name anchors a question that has no other word of the
    bot's topics: by its title, or by its keywords beside a word of the bot's topics."""
    # ... a name, not a capitalised word of a title the entries also write in lowercase: "the Russian Labour Code"
    # names no subject of the bot's (while "Data Protection Officer" in capitals still tells two entries apart)
    level = naming(kb, q, entry, ordinary=False)
    return level == 2 or (level in (1, 0) and q.has(*TOPIC_CONCEPTS) and (level or quotes_its_title(kb, q, entry)))


# A term the asker quotes: 'cooling period', «периода охлаждения», "View As" (not an apostrophe: "Meta's")
_QUOTED = re.compile(r"(?<![\w])'([^'\n]{3,40})'(?![\w])|«([^»\n]{3,40})»|\"([^\"\n]{3,40})\"|“([^”\n]{3,40})”")


def quotes_its_title(kb: KnowledgeBase, q: Query, entry: Entry) -> bool:
    """Does the question quote a term of two words or more that the entry's title holds word for word (its
    lemmas): "operator says 'cooling period'", «во время «периода охлаждения»»? Quoting marks the words as the
    name of a thing, which an entry titled by it is about, whatever else the question's story tells (beside a word
    of the bot's topics: a bank's 'cooling period' on loans is another thing)."""
    title = _subject_terms(kb).get(entry.id, (frozenset(), frozenset()))[0]
    for m in _QUOTED.finditer(q.raw):
        terms = [T.term(w) for w in T.words(next(g for g in m.groups() if g)) if not T.is_stopword(w)]
        if len(terms) >= 2 and set(terms) <= title:
            return True
    return False


def naming(kb: KnowledgeBase, q: Query, entry: Entry, *, ordinary: bool = True) -> int:
    """2: the entry's title names what the question names by a rare word, 1: only its keywords do, 0: neither. An
    entry about the name beats one listing it, which beats one mentioning it in passing (an overview of cases).
    `ordinary=False`: a capitalised English word the entries also write in lowercase is no name."""
    title, listed = _subject_terms(kb).get(entry.id, (frozenset(), frozenset()))
    # A word the search reads as other words («персданные», «ркн») is shorthand for a topic, not a name.
    # ... and a word of a number («100 тыс», "5 mln") names nothing
    in_number = [(n.start, n.end) for n in q.numbers]
    names = {T.term(t.word) for t in q.tokens if not t.word.isdigit() and len(t.word) > 2
             and t.word not in T.SYNONYMS and kb.index.idf.get(T.term(t.word), 0.0) >= NAME_IDF
             and not any(s <= t.start < e for s, e in in_number) and _looks_like_a_name(q, t)
             and (ordinary or T.is_cyrillic(t.word) or T.term(t.word) not in _ordinary_words(kb)
                  or T.term(t.word) in q.companies)}
    return 2 if names & title else 1 if names & listed else 0


_LOWERCASE_WORD = re.compile(r"(?<![\w.@-])[a-z][a-z]+(?![\w-]|\.\w)")


def _ordinary_words(kb: KnowledgeBase) -> frozenset[str]:
    """The English terms the entries also write in lowercase ("forced labour"): capitalised in a question ("the
    Russian Labour Code"), such a word is a title's word, not the rare name of an entry's subject."""
    return kb.built("ordinary_english_terms", lambda base: frozenset(
        T.term(w) for e in base.entries for w in _LOWERCASE_WORD.findall(f"{e.title.en} {e.answer.en}")))


_NAME_GRAMMEMES = frozenset({"Orgn", "Abbr"})   # not a place: a country is no entry's subject


def _looks_like_a_name(q: Query, token: Token) -> bool:
    """A Russian word the dictionary does not know («гемотест») or knows as a name or an abbreviation («ржд»,
    «яндекс»), or a Latin word written with a capital."""
    if T.is_cyrillic(token.word):
        # A company the dictionary knows («ржд», «мтс») is also an everyday word of trains and phone plans: it names
        # an entry's subject beside a word of the bot's topics (a leak, a fine), not alone («ржд вакансии»).
        return not T.analyzer().word_is_known(token.word) or bool(
            token.grammemes & _NAME_GRAMMEMES and q.has(*TOPIC_CONCEPTS))
    at = q.raw.lower().find(token.word)
    # "Equifax", or a name mixing figures and letters ("23andMe"), which no ordinary word does
    return at >= 0 and (q.raw[at].isupper() or (token.word[0].isdigit() and any(ch.isalpha() for ch in token.word)))
