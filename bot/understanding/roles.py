"""What a word stands for by its neighbours: what each number in a question counts (an amount or a revenue, a
year, a duration, people or records), the concepts word order carries («сколько штрафов» counts, «не уведомили» is a
failure to notify), and who would be fined (a word for a person names the offender only in that role).

The reader (bot/understanding/reader.py) calls these once it has the question's tokens and vocabulary; they read a
`Query` and change nothing but what they return (`grammar` adds its concepts). Kept out of the reader because they
are the rules of a sentence, not of spelling: the reader repairs and matches words, this says what they mean there.
"""

from __future__ import annotations

import re

from bot.kb import text as T
from bot.kb.amounts import Number
from bot.understanding import vocabulary as V
from bot.understanding.query import Query, Token, known_russian, term_keys


def number_kind(query: Query, n: Number) -> str:
    """What the number counts: "revenue", "money", "year", "identifiers", "subjects", "duration", "count" or
    "unknown"."""
    after = [t for t in query.tokens if t.start >= n.end][:3]
    before = [t for t in query.tokens if t.end <= n.start][-3:]
    following = [t for t in after if not (t.keys & _PLAIN_WORDS)][:2]
    if n.currency:
        # "500 million euro revenue": the currency's own word does not separate the amount from what it is
        named = [t for t in after if not t.keys & _CURRENCY_WORDS][:1]
        named = [t for t in named if not re.search(r"[,.;:]", query.text[n.end:t.start])]
        return "revenue" if any(t.keys & _REVENUE for t in before + named) else "money"
    if any(t.keys & _REVENUE for t in before):
        return "revenue"
    year_like = n.multiplier == 1 and n.value == int(n.value) and 1990 <= n.value <= 2035 and not n.grouped
    if year_like and before and (before[-1].keys & _SOURCE_KEYS or T.term(before[-1].word) in query.companies):
        return "year"   # "DLBI 2022 unique phone numbers", "Equifax 2017 customers": the name's year, no count
    if following and (following[0].keys & _IDENTIFIERS or (
            len(following) > 1 and following[0].keys & SUBJECT_KEYS and following[1].keys & _IDENTIFIERS)):
        return "identifiers"   # "50 тысяч записей", "2000 customer records"
    if following and following[0].keys & SUBJECT_KEYS:
        return "subjects"
    if year_like:
        return "year"   # "в 2024 году" is a year, "2 года" a duration
    if following and following[0].keys & _DURATIONS:
        return "duration"
    if len(following) > 1 and following[0].keys & _DATA_WORDS and following[1].keys & SUBJECT_KEYS:
        return "subjects"   # "50 000 данных клиентов"
    return "count" if n.multiplier > 1 or n.value >= 100 else "unknown"


def names_an_edition(query: Query, n: Number) -> bool:
    """A year beside a publisher or a report's word («обзор DLA Piper 2025», "the 2024 CMS report"): the edition,
    published early in that year about the one before, not the period asked about."""
    before = [t for t in query.tokens if t.end <= n.start][-1:]
    after = [t for t in query.tokens if t.start >= n.end][:1]
    if before and before[0].word in _PERIOD_WORDS:
        return False   # "fines in 2024 (DLA Piper)": the year asked about, whoever counted it
    return any(t.keys & _SOURCE_KEYS for t in before + after)


def more_than(query: Query, n: Number) -> bool:
    before = " ".join(t.word for t in query.tokens if t.end <= n.start)
    return any(before.endswith(" " + phrase) or before == phrase for phrase in V.MORE_THAN)


def grammar(query: Query) -> None:
    """Concepts that word order carries: «сколько штрафов» counts (a genitive plural after «сколько», not hours or
    days); "doesn't report", «не уведомили» is a failure to notify."""
    tokens = query.tokens
    for i, token in enumerate(tokens):
        if token.word in _HOW_MANY_RU:
            following = tokens[i + 1:i + 3]
            # (a word the dictionary lacks is guessed as anything: «сколько штрафанут» asks how much, not a count)
            # («сколько процентов выручки» asks a share, not a count: the first noun says what is counted)
            counted = next((t for t in following if "NOUN" in t.grammemes), None)
            if counted is not None and counted.keys & _SHARES:
                following = []
            if any({"NOUN", "gent", "plur"} <= t.grammemes and not t.keys & _DURATIONS and known_russian(t.word)
                   for t in following):
                query.concepts.add("count_question")
        if token.word in ("с", "со", "from", "under", "over", "до") and i + 2 < len(tokens) and \
                tokens[i + 1].word.isdigit() and int(tokens[i + 1].word) <= 120 and tokens[i + 2].keys & _YEARS_WORD:
            query.concepts.add("age")   # «с 14 лет», "under 18 years"
        if (token.word in _HOW_MANY_RU or token.word == "many") and i + 1 < len(tokens) and \
                tokens[i + 1].word in ("лет", "years") \
                and any(t.keys & _SENTENCE_VERBS for t in tokens[i + 2:i + 5]):
            query.concepts.add("criminal")   # «сколько лет могут дать», "how many years can you get": a sentence
        if (token.word == "how" or token.word in _HOW_MANY_RU) and any(
                t.keys & _DURATIONS for t in tokens[i + 1:i + 3] if t.word not in ("many", "much")):
            # "how many hours", «сколько дней»: a time limit asked, not a count
            query.concepts.discard("count_question")
            query.concepts.add("when")
        if token.word in _COUNT_WORDS and (token.word != "many" or (i and tokens[i - 1].word == "how")):
            counted = [t for t in tokens[i + 1:i + 4] if t.word not in _OF][:2]   # "how many guest records"
            if any(t.keys & (SUBJECT_KEYS | _IDENTIFIERS) for t in counted):
                query.concepts.add("counts_affected")   # "how many users", «сколько клиентов»: not fines counted
        if token.word == "record" and any(t.word in _AUXILIARIES for t in tokens[max(0, i - 3):i]):
            query.concepts.discard("record")   # "how many leaks did Roskomnadzor record": a verb, not a record
        if token.word in _NEGATIONS and any(t.keys & _NOTIFY for t in tokens[i + 1:i + 3]):
            query.concepts.add("notification_failure")
        if token.word in _FIRST and i + 2 < len(tokens) and tokens[i + 1].word.isdigit() and \
                tokens[i + 2].keys & _DURATIONS:
            query.concepts.discard("other_rank")   # "in the first 8 months", «за первые 3 года»: a period, no rank
        if token.keys & _NOTIFY and _tells_the_people(tokens, i):
            query.concepts.add("notify_subjects")


def _tells_the_people(tokens: list[Token], i: int) -> bool:
    """Is the notifying verb at `i` addressed to the people whose data it is: a subject noun in the dative near it
    («самим сотрудникам по GDPR обязаны сообщать»), or its object right after it («уведомить клиентов», "tell the
    customers themselves", "notify affected individuals"), not the data's owners («об утечке данных клиентов»)?
    Telling them is its own duty (GDPR Art. 34), not the regulator's."""
    near = tokens[max(0, i - 5):i] + tokens[i + 1:i + 4]
    # "are they required to tell me", «обязаны ли мне сообщить»: the asker is one of the people told (while "tell
    # me the fine", «скажите мне» ask the bot)
    if any(t.keys & _DUTY for t in tokens[max(0, i - 4):i]) and any(
            t.word in V.ASKER_AS_OBJECT for t in tokens[max(0, i - 2):i + 3]):
        return True
    if any(t.keys & SUBJECT_KEYS and {"datv", "plur"} <= t.grammemes for t in near):
        return True
    after = [t for t in tokens[i + 1:i + 4] if t.word not in _ARTICLES and t.word not in _SUBJECT_QUALIFIERS][:1]
    return bool(after) and bool(after[0].keys & SUBJECT_KEYS) and (
        not T.is_cyrillic(after[0].word) or "accs" in after[0].grammemes)


def offender(query: Query) -> str | None:
    """Who would be fined. «физлиц», "customers", "individuals' data" are the people whose data it was: a word
    for a person names the offender only in that role ("штраф для физлица", «гражданину», "as a private person")."""
    explicit: list[str] = []
    present: set[str] = set()
    tokens = query.tokens
    for i, length, kind in query.offender_spans:
        head = tokens[i + length - 1]   # «физическое лицо»: the noun says the case
        j = i - 1
        while j >= 0 and tokens[j].word in _ARTICLES:
            j -= 1
        before = tokens[j] if j >= 0 else None
        after = tokens[i + length] if i + length < len(tokens) else None
        marked = before is not None and bool(before.keys & _MARKERS)
        if kind == "citizen":
            subject = (("gent" in head.grammemes and "plur" in head.grammemes and "datv" not in head.grammemes)
                       or (before is not None and (before.word in _OF or before.keys & SUBJECT_KEYS
                                                   or before.keys & _DATA_WORDS or before.word.isdigit()))
                       or (after is not None and after.keys & (_DATA_WORDS | _IDENTIFIERS))
                       or head.word in ("individuals", "citizens", "persons"))
            if marked or ("datv" in head.grammemes and not subject):
                explicit.append(kind)
            elif not subject:
                present.add(kind)
        elif marked:
            explicit.append(kind)
        else:
            present.add(kind)
    if explicit:
        return explicit[0]
    return next((kind for kind in _PRIORITY if kind in present), None)


SUBJECT_KEYS = term_keys(V.SUBJECT_NOUNS)
_IDENTIFIERS = term_keys(V.IDENTIFIER_NOUNS)
_REVENUE = term_keys(V.CONCEPTS["revenue"])
_CURRENCY_WORDS = term_keys(w for names in V.CURRENCIES.values() for w in names)
DURATION_KEYS = _DURATIONS = term_keys(w for units in V.DURATION_UNITS.values() for w in units)
_DATA_WORDS = term_keys(("данные", "data", "персональный", "записи"))
_NOTIFY = term_keys(p for p in V.CONCEPTS["notify"] if " " not in p)
_YEARS_WORD = term_keys(("год", "лет", "years", "year"))
_NEGATIONS = frozenset(V.NEGATIONS)
_SENTENCE_VERBS = term_keys(("дать", "грозить", "получить", "сидеть", "give", "get", "face"))
# the publishers of statistics ("DLBI", "InfoWatch", "DLA Piper"): a year-like figure after one is its year
_SOURCE_KEYS = frozenset(
    k for k in term_keys(p for p in V.CONCEPTS["published_statistic"] if not any(ch.isdigit() for ch in p)) - term_keys(
        ("a", "the", "of", "to", "by", "end", "date", "day", "per", "so", "far", "according", "group", "по", "в",
         "к", "на", "конец", "данным", "сегодня", "день", "сутки"))
    if not T.is_stopword(k.lstrip("=")))   # a stopword of a name ("cert-in") is no publisher
_PLAIN_WORDS = term_keys(("уникальный", "unique", "наших", "our", "своих", "их", "персональный", "личный"))
_MARKERS = term_keys(V.OFFENDER_ROLE_MARKERS)
_OF = frozenset({"of", "from"})
_PERIOD_WORDS = frozenset({"in", "for", "during", "since", "of", "в", "во", "за", "с", "на"})
# «сколько» as chat writes it too («скок штрафов», «скока утечек»)
_HOW_MANY_RU = frozenset({"сколько", "скок", "скока", "скоко", "скольк", "скольки"})
_COUNT_WORDS = frozenset({"many", "number", "количество", "count", "число"}) | _HOW_MANY_RU
_PRIORITY = ("official", "sole_trader", "legal", "citizen")
_ARTICLES = frozenset({"a", "an", "the"})
_SUBJECT_QUALIFIERS = frozenset({"affected", "all", "our", "your", "their", "its", "impacted", "every", "each"})
_AUXILIARIES = frozenset({"did", "do", "does", "will", "would", "to", "can", "could", "has", "have", "had"})


def travellers(query: Query, mentions: list[tuple[int, int, str]]) -> set[str]:
    """The countries named only as where a person is from or goes, not as the law or regulator asked about: «я из
    Узбекистана», "my friend from Uzbekistan", "came back from Turkey", "moving to Germany", «поездка в Китай»,
    «гражданин Узбекистана», "a Turkish tourist"; nor one a rule is compared with («как в Европе», "like in the
    EU"). «Сим-карта не работает в Турции», "data sent to China" or «данные
    из Китая» name the place the question is about."""
    tokens = query.tokens
    roles: dict[str, bool] = {}
    for i, length, code in mentions:
        before = tokens[i - 1] if i else None
        earlier = tokens[max(0, i - 4):max(0, i - 1)]
        after = tokens[i + length] if i + length < len(tokens) else None
        j = i - 1
        while j >= max(0, i - 3) and tokens[j].word in _AT:
            j -= 1
        compared = j >= 0 and tokens[j].word in _LIKE   # «как в Европе», "like in the EU", "than Europe"
        if length == 1 and before is not None and _a_people(tokens[i]) and (
                before.word in _COUNT_WORDS or before.word.isdigit() or before.word in V.MULTIPLIERS):
            person = True   # "how many Americans were affected", «сколько американцев»: people counted
        elif compared:
            person = True   # «штрафуют от оборота, как в Европе», "like in the EU": a comparison, not the law asked
        elif before is not None and before.word in _FROM:
            person = any(t.keys & (_PEOPLE | _GOING) for t in earlier)
        elif before is not None and before.word in _TO:
            person = any(t.keys & _GOING for t in earlier)
        else:   # «гражданин Узбекистана», "Turkish tourist"
            person = any(t is not None and _a_foreigner(t) for t in (before, after))
        roles[code] = roles.get(code, True) and person
    return {code for code, person in roles.items() if person}


def a_child_of_an_age(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """"a 12-year-old", «12-летний»: a person under the age of majority is a child, as the entries say; the age
    words are read by the search as that word (the figure stays)."""
    out = []
    for i, token in enumerate(tokens[:-1]):
        if not token.word.isdigit() or int(token.word) >= _MAJORITY:
            continue
        unit = tokens[i + 1:i + 3]
        if unit[0].keys & _AGED_RU:
            out.append((unit[0].start, unit[0].end, "ребёнок"))
        elif len(unit) == 2 and unit[0].word in ("year", "years") and unit[1].word == "old":
            out.append((unit[0].start, unit[1].end, "child"))
    return out


def _a_foreigner(token: Token) -> bool:
    """«гражданин», "citizens", "tourist": by a Russian word's lemma, an English word as written (a stem would take
    "personal" for "person")."""
    if T.is_cyrillic(token.word):
        return bool(token.keys & _FOREIGNERS)
    return token.word in _FOREIGNER_NOUNS or token.word.removesuffix("s") in _FOREIGNER_NOUNS


def _a_people(token: Token) -> bool:
    """A word for a country's people ("Americans", «американцев»), not the country or its adjective."""
    if T.is_cyrillic(token.word):
        return "anim" in token.grammemes and "NOUN" in token.grammemes
    return token.word.endswith(("ans", "ese"))


_DUTY = term_keys(V.DUTY_WORDS)
_SHARES = term_keys(V.SHARE_WORDS)
_FIRST = frozenset({"first", "первый", "первые", "первых", "первого", "первом", "первую", "первая"})
_FOREIGNER_NOUNS = tuple(w for w in V.FOREIGNER_WORDS + V.OFFENDER_KINDS["citizen"] if " " not in w)
_FOREIGNERS = term_keys(_FOREIGNER_NOUNS)
_PEOPLE = term_keys(V.PEOPLE_WORDS + V.SUBJECT_NOUNS) | _FOREIGNERS
_GOING = term_keys(V.GOING_WORDS)
_FROM = frozenset({"из", "from"})
_TO = frozenset({"в", "во", "to", "into"})
_AT = _TO | {"in", "the"}
_LIKE = frozenset({"как", "like", "чем", "than"})
_MAJORITY = 18
_AGED_RU = frozenset({"летний"})
