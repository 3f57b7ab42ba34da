"""What each knowledge entry's title says, read once per knowledge base and kept until /reload: the concepts
that tell entries apart, the law, companies, countries and sources it names, whether it states a figure, its
years and editions, the articles it names. The ranking (rank.py) compares these with what a question names."""

from __future__ import annotations

import re

from bot.kb import KnowledgeBase
from bot.kb import text as T
from bot.kb.models import Entry
from bot.understanding.query import Query
from bot.understanding.vocabulary import DPDP, GDPR, INCIDENT_IMPLIES, INCIDENT_KINDS, MONTHS, RU, month_forms_ru

DOMAIN_REGIME = {"gdpr": GDPR, "gdpr_fines": GDPR, "ru_pd": RU, "ru_sim": RU, "dpdp": DPDP}


# Concepts that tell entries of one subject apart (a first leak from a repeat one, a fine from the fine for not
# notifying): an entry whose title has one the question lacks is less likely its answer, one sharing it more.
DISTINGUISHING = ("repeat", "biometric", "special_category", "turnover_basis", "notification_failure", "notify",
                  "cookie", "hack", "maximum", "age", "published_statistic", "other_rank", "fine", "leak",
                  "which_country", "record", "criminal", "advice", "series", "unblock", "notify_subjects")


_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


_MONTH_OF = {T.fold(name): n for n, month in enumerate(MONTHS, 1)
             for name in {*month, *month_forms_ru(month)} if name != "may"} | {"may": 5}


# "<month> <year>" (a report's edition, "DLA Piper, January 2025"): a date names one edition of a yearly series
_MONTH_YEAR = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True))
                         + r")\.?\s+((?:19|20)\d\d)(?!\d)")


_YEAR_RANGE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d)")


def month_years(text: str) -> set[tuple[int, int]]:
    return {(_MONTH_OF[m.group(1)], int(m.group(2))) for m in _MONTH_YEAR.finditer(T.fold(text))}


Title = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


def _titles(kb: KnowledgeBase) -> dict[str, Title]:
    """Each entry's title read once per knowledge base: (its distinguishing concepts, the regimes it names, its
    index terms, the companies it names, the countries it names)."""
    def build(base: KnowledgeBase) -> dict[str, Title]:
        from bot.understanding.lexicon import reader_for
        reader = reader_for(base)
        out = {}
        for e in base.entries:
            text = f"{e.title.ru}. {e.title.en}"
            title = reader.read(text)
            # a company is named with a capital ("LinkedIn blocked …"), not as a word of a sentence ("a network")
            capitalised = {T.term(w.lower()) for w in re.findall(r"\b[A-Z][\w&-]+", e.title.en)}
            # a sum of money in a rule's title ("— RUB 100,000–300,000 for companies") is what its fine costs (a
            # decision's title always states its sum: it is about a fine whatever the question asks)
            priced = MONEY_IS_A_FINE and e.fine is None and any(n.currency for n in title.numbers)
            concepts = title.concepts | ({"fine"} if priced else set())
            out[e.id] = (frozenset(concepts & set(DISTINGUISHING)), frozenset(title.regimes),
                         frozenset(T.terms(text)), frozenset(title.companies & capitalised),
                         frozenset(title.countries))
        return out
    return kb.built("entry_titles", build)


MONEY_IS_A_FINE = True


_NO_TITLE: Title = (frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


def _content_terms(text: str) -> frozenset[str]:
    return frozenset(T.term(w) for w in T.words(text) if not T.is_stopword(w))


def question_terms(q: Query) -> frozenset[str]:
    return frozenset(T.term(w) for w in T.words(q.search_text or q.text) if not T.is_stopword(w) and not w.isdigit())


def title_share(kb: KnowledgeBase, words: frozenset[str], entry: Entry) -> float:
    """The share of the question's words (`question_terms`) the entry's title has: a title says what the entry is
    about, so an entry whose title answers the question's words beats one that only mentions them in passing."""
    return len(words & _titles(kb).get(entry.id, _NO_TITLE)[2]) / len(words) if words else 0.0


# A title's head: what it is about, before what it says of it ("Оператор и обработка персональных данных: определения
# ст. 3" is about the operator and processing; "What personal data is under Russian law (Art. 3): …" about the data)
_HEAD_END = re.compile(r":|\s[—–-]\s|\(")


def head_share(kb: KnowledgeBase, words: frozenset[str], entry: Entry) -> float:
    """The share of the title head's words that the question has (in the title's language that has most): the
    question «что такое персональные данные по 152-ФЗ» asks about the entry headed by personal data, not about the
    one headed by the operator that defines it beside them."""
    def build(base: KnowledgeBase) -> dict[str, tuple[frozenset[str], ...]]:
        return {e.id: tuple(_content_terms(_HEAD_END.split(title, 1)[0]) - _DIGITS
                            for title in (e.title.ru, e.title.en)) for e in base.entries}
    heads = kb.built("entry_title_heads", build).get(entry.id, ())
    return max((len(head & words) / len(head) for head in heads if head), default=0.0)


_DIGITS = frozenset(str(n) for n in range(10))


def entry_regimes(kb: KnowledgeBase, entry: Entry) -> frozenset[str]:
    """The law an entry is about: its domain's, else the one its title names (a leak statistic about Russia)."""
    regime = DOMAIN_REGIME.get(entry.domain)
    return frozenset({regime}) if regime else _titles(kb).get(entry.id, _NO_TITLE)[1]


def _title_sources(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The regulators and publishers each entry's title names ("InfoWatch on leaks in 2024", "Leaks in 2024 per
    Roskomnadzor"): whose figures or decisions it reports."""
    def build(base: KnowledgeBase) -> dict[str, frozenset[str]]:
        from bot.understanding.lexicon import reader_for
        reader = reader_for(base)
        out = {}
        for e in base.entries:
            named = reader.read(f"{e.title.ru}. {e.title.en}").sources
            if named:
                out[e.id] = frozenset(named)
        return out
    return kb.built("entry_title_sources", build)


# What a title's figures may be that count nothing: an article, a part, a law's number, a year, a date, a duration
_NOT_A_FIGURE = re.compile(r"(?<![\w])(?:ст|art|arts|article|articles|section|sec|s|rule|rules|ч|part|п|№|no)\.?\s*"
                           r"\d[\d.()\-–, ]*|\d+\s*-?\s*(?:фз|fz)|(?<!\d)(?:19|20)\d\d(?!\d)"
                           r"|\d{1,2}\s+[a-zа-я]+\s+(?:19|20)\d\d"
                           # ... and a time limit ("24 hours", «72 часа»), which counts no thing
                           r"|\d+\s*(?:hours?|days?|weeks?|months?|years?|working days|час[а-я]*|сут[а-я]*|дн[а-я]*"
                           r"|рабочих дн[а-я]*|недел[а-я]*|месяц[а-я]*|лет|год[а-я]*)(?![a-zа-я])")


def _title_figures(kb: KnowledgeBase) -> frozenset[str]:
    """The entries whose title states a figure (a count, a sum, a share: «2023 — 168 утечек»), beside the
    articles, laws, years and dates any title may name."""
    def build(base: KnowledgeBase) -> frozenset[str]:
        return frozenset(e.id for e in base.entries if any(
            re.search(r"\d", _NOT_A_FIGURE.sub(" ", T.fold(title))) for title in (e.title.en, e.title.ru)))
    return kb.built("entry_title_figures", build)


_PERCENT = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%|percent|per cent|pct|процент[а-я]*)")


def percentages(text: str) -> frozenset[str]:
    """The shares a text states ("2%", "2 percent", «4 процента»), as "2", "4", "1.5"."""
    return frozenset(m.group(1).replace(",", ".") for m in _PERCENT.finditer(T.fold(text)))


def title_percentages(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The shares each entry's title states: "up to €10 million or 2%" is the tier of 2%, not of 4%."""
    def build(base: KnowledgeBase) -> dict[str, frozenset[str]]:
        return {e.id: found for e in base.entries if (found := percentages(e.title.en + " " + e.title.ru))}
    return kb.built("entry_title_percentages", build)


def _other_years(entry: Entry, years: list[int]) -> bool:
    stated = {int(y) for y in _TITLE_YEAR.findall(entry.title.en + " " + entry.title.ru)}
    return bool(stated) and not stated & set(years)


def _names_part(entry: Entry, part: str) -> bool:
    title = T.fold(entry.title.ru + " " + entry.title.en)
    return re.search(rf"(?:ч\.?\s*|part\s+|\(){re.escape(part)}(?![\d.])", title) is not None


def _mentions(entry: Entry, needle: str) -> bool:
    text = T.fold(" ".join([entry.title.ru, entry.title.en, " ".join(entry.keywords)]))
    return re.search(r"(?<![\w.])" + re.escape(needle) + r"(?![\w]|\.\d)", text) is not None


_ARTICLE_MENTION = re.compile(r"(?:ст\.|стать[а-я]*|art\.|arts?\b|articles?|section|sec\.|s\.|rule|§)\s*"
                              r"(\d{1,3}(?:\.\d{1,2})?)(?![\d])")


def mentions_article(entry: Entry, number: str) -> bool:
    """Does the entry's title or keywords name article `number` as an article («ст. 10», "Art. 10", "Arts 37-39"),
    not as any figure ("within 10 working days")? A dotted number ("13.11") is an article however written."""
    if "." in number:
        return _mentions(entry, number)
    text = T.fold(" ".join([entry.title.ru, entry.title.en, " ".join(entry.keywords)]))
    return number in _ARTICLE_MENTION.findall(text) or number in _title_articles(entry)


def _dated_story(entry: Entry) -> bool:
    """An incident's story: a breach entry whose title dates it (not the advice on checking one's e-mail)."""
    return entry.fine is None and entry.domain == "breaches" and _TITLE_YEAR.search(entry.title.en) is not None


def _incident_kinds(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """What each entry is about among `INCIDENT_KINDS`, read from its title and keywords (a fine decision is
    about a fine whatever its title says)."""
    def build(base: KnowledgeBase) -> dict[str, frozenset[str]]:
        from bot.understanding.lexicon import reader_for
        reader = reader_for(base)
        out = {}
        for e in base.entries:
            read = reader.read(f"{e.title.ru}. {e.title.en}. {', '.join(e.keywords)}")
            kinds = read.concepts & set(INCIDENT_KINDS) | ({"fine"} if e.fine is not None else set())
            out[e.id] = frozenset(kinds.union(*(INCIDENT_IMPLIES.get(k, ()) for k in kinds)))
        return out
    return kb.built("entry_incident_kinds", build)


def companies_in_title(kb: KnowledgeBase, entry: Entry) -> frozenset[str]:
    """The companies (known to the fines data) an entry's title names: a fine's own, or one a story is about."""
    return _titles(kb).get(entry.id, _NO_TITLE)[3]


_TITLE_ARTICLE = re.compile(r"(?:art\.|article|section|s\.|rule)\s*(\d{1,3}(?:\.\d{1,2})?)")


_ARTICLE_RANGE = re.compile(r"(?:arts?\.?|articles?)\s*(\d{1,3})\s*[-–]\s*(\d{1,3})(?![\d.(])")


def _title_articles(entry: Entry) -> set[str]:
    """The article numbers an entry's title names, a range spelt out ("Arts 37-39": 37, 38, 39)."""
    title = T.fold(entry.title.en)
    found = set(_TITLE_ARTICLE.findall(title))
    for m in _ARTICLE_RANGE.finditer(title):
        low, high = int(m.group(1)), int(m.group(2))
        if 0 < high - low <= 20:
            found |= {str(n) for n in range(low, high + 1)}
    return found


def _subject_terms(kb: KnowledgeBase) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    def build(base: KnowledgeBase) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        return {e.id: (frozenset(T.term(w) for w in T.words(f"{e.title.ru} {e.title.en}")),
                       frozenset(T.term(w) for w in T.words(" ".join(e.keywords)))) for e in base.entries}
    return kb.built("entry_subject_terms", build)
