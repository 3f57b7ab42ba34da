"""Recognising a free-text question that one of the legal tools answers better than a looked-up entry, and
pulling out what it says:

* an estimate: "утекло 50 тысяч записей клиентов, какой штраф ООО?", "repeat leak, revenue 5 billion, fine?";
* a deadline: "когда уведомить РКН если утечку обнаружили вчера в 18:00" (the moment itself is read by dateparser
  in bot/legal/deadlines.py);
* an aggregate over the fines data: "how many fines did Spain issue", "total GDPR fines of Meta",
  "average fine under article 32".

Each detector is deliberately narrow: a question it does not claim goes on to the fines list and the search, as
before ("какой штраф за утечку биометрии" still gets the entry about part 17).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bot.kb import text as T
from bot.kb.amounts import parse_number
from bot.legal.deadlines import parse_moment
from bot.legal.estimator import BIOMETRIC, CITIZEN, DPDP, GDPR, LEGAL, OFFICIAL, ORDINARY, RU, SPECIAL, LeakCase
from bot.legal.explorer import FinesExplorer, FinesFilter

_LEAK = ("утечк", "утек", "утекл", "слив", "слил", "слит", "leak", "breach", "инцидент", "incident", "взлом", "hack")
_FINE = ("штраф", "fine", "penalt", "заплат", "санкци", "sanction", "грозит", "pay")
_ESTIMATE_VERBS = ("посчита", "рассчита", "оцени", "калькул", "estimate", "calculat", "how much")
_NOTIFY = ("уведом", "сообщ", "notif", "report", "inform", "срок", "deadline", "когда", "when", "до какого", "by when")
_AUTHORITY = ("ркн", "роскомнадзор", "dpc", "регулятор", "надзор", "authority", "supervisory", "board", "ico",
              "cnil")

# The laws a question can name, each by whole words (compared as bot.kb.text terms: "России" is "Россия", while
# "Евросеть" is not the euro nor "1520" 152-FZ), plus the currency signs. The one list regime_of() and the aggregate
# detector read.
LAW_NAMES: dict[str, tuple[str, ...]] = {
    DPDP: ("dpdp", "dpdpa", "india", "indian", "индия", "индийский", "rupee", "рупия", "crore", "крор",
           "data protection board"),
    GDPR: ("gdpr", "гдпр", "ргпд", "rgpd", "dsgvo", "eu", "ес", "евросоюз", "европа", "европейский", "europe",
           "european", "dpc", "cnil", "supervisory", "евро", "euro"),
    RU: ("коап", "koap", "152", "152фз", "13.11", "ркн", "роскомнадзор", "россия", "российский", "рф", "russia",
         "russian", "ооо", "рубль", "руб", "rub", "rouble"),
}
_LAW_SIGNS = {"₹": DPDP, "€": GDPR, "₽": RU}
_LAW_TERMS = {regime: [tuple(T.term(w) for w in T.words(name)) for name in names]
              for regime, names in LAW_NAMES.items()}

_LEGAL = ("ооо", "оао", "зао", "пао", " ао", "юрлиц", "юридическ", "компани", "организаци", "фирм", "банк", "llc",
          "ltd", "inc.", "company", "corporation", "business", "firm", "legal entity", "organisation", "organization",
          "ип ", "индивидуальн", "sole trader")
_OFFICIAL = ("должностн", "директор", "руководител", "official", "officer", "director")
_CITIZEN = ("гражданин", "гражданка", "физлиц", "физическ", "частное лицо", "individual", "citizen", "private person")
_REPEAT = ("повторн", "снова", "опять", "второй раз", "ещё раз", "еще раз", "repeat", "again", "second time",
           "second leak")
_BIOMETRIC = ("биометр", "biometr", "отпечат", "fingerprint", "face id", "изображени лица")
_SPECIAL = ("медицинск", "здоровь", "диагноз", "health", "medical", "религи", "relig", "расов", "racial",
            "политическ", "political", "национальн", "интимн", "sexual", "специальн", "спецкатегор", "special categ")

_IDENTIFIER_NOUNS = ("запис", "строк", "идентификатор", "record", "row", "identifier", "id", "аккаунт", "account",
                     "учетн", "email", "e-mail", "телефон", "номер", "phone", "логин")
_SUBJECT_NOUNS = ("клиент", "пользовател", "человек", "люд", "субъект", "абонент", "пациент", "сотрудник", "граждан",
                  "покупател", "customer", "user", "people", "person", "subscriber", "patient", "employee", "client",
                  "individual", "member", "student", "студент")
_REVENUE_WORDS = ("выручк", "оборот", "revenue", "turnover", "доход")
_MONEY_WORDS = ("₽", "руб", "rub", "€", "евро", "eur", "$", "долл", "dollar", "₹", "рупи", "rupee", "crore", "крор")

_MULTIPLIERS = {"тыс": 10**3, "k": 10**3, "к": 10**3, "thousand": 10**3, "млн": 10**6, "миллион": 10**6,
                "million": 10**6, "mln": 10**6, "m": 10**6, "млрд": 10**9, "миллиард": 10**9, "billion": 10**9,
                "bn": 10**9}
_NUMBER = re.compile(
    r"(?<![\w.,])(\d(?:[\d\u00a0\u202f ,.]*\d)?)\s*(тыс\w*|млн\w*|миллион\w*|млрд\w*|миллиард\w*|thousand|million|"
    r"billion|mln|bn|k|к|m)?(?![\wа-я])", re.IGNORECASE)
_WORD_NUMBER = re.compile(r"(?<![\w\d])(?:a |one |один |одну )?(миллион|million|миллиард|billion)\w*", re.IGNORECASE)

_REPORTING = ("уведом", "сообщ", "notif", "report")
_COUNT_MARKERS = ("how many", "number of", "count of", "сколько штрафов", "сколько раз", "количество", "число штраф",
                  "how often")
_SUM_MARKERS = ("total", "sum of", "in sum", "altogether", "combined", "всего", "суммарн", "в сумме", "сумма штраф",
                "общая сумма", "общую сумму", "итого", "совокупн")
_MEAN_MARKERS = ("average", "mean ", "avg", "средн", "median", "медиан", "typical")


def _has(text: str, stems: tuple[str, ...]) -> bool:
    return any(stem in text for stem in stems)


def _padded(question: str) -> str:
    return f" {T.fold(question)} "


def _terms(question: str) -> list[str]:
    return [T.term(w) for w in T.words(question)]


def laws_named(question: str) -> list[str]:
    """The regimes whose names (LAW_NAMES) the question uses, in the order DPDP, GDPR, Russia."""
    terms = _terms(question)

    def says(name: tuple[str, ...]) -> bool:
        return any(tuple(terms[i:i + len(name)]) == name for i in range(len(terms) - len(name) + 1))

    signs = {regime for sign, regime in _LAW_SIGNS.items() if sign in question}
    return [regime for regime, names in _LAW_TERMS.items() if regime in signs or any(map(says, names))]


def regime_of(question: str, lang: str) -> str:
    """The regime the question names (the first of DPDP, GDPR, Russia), else the one its language suggests."""
    named = laws_named(question)
    return named[0] if named else (RU if lang == "ru" else GDPR)


@dataclass
class Quantity:
    value: int
    kind: str      # "subjects" | "identifiers" | "revenue" | "unknown"
    noun: str = ""
    span: tuple[int, int] = (0, 0)   # where it is in T.fold(question)


def quantities(question: str) -> list[Quantity]:
    """Numbers in a question with what they count: "50 тысяч записей" -> 50,000 identifiers."""
    text = T.fold(question)
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        raw, word = m.group(1).strip(" ,."), (m.group(2) or "").lower()
        multiplier = next((v for k, v in _MULTIPLIERS.items() if word.startswith(k)), 1) if word else 1
        try:
            number, _ = parse_number(raw, has_multiplier=multiplier > 1)
        except ValueError:
            continue
        found.append(_classify(int(number * multiplier), text, m.start(), m.end()))
    digits = [m.span() for m in _NUMBER.finditer(text)]
    for m in _WORD_NUMBER.finditer(text):
        if not any(start <= m.start() < end for start, end in digits):
            found.append(_classify(10**9 if m.group(1).startswith(("миллиард", "billion")) else 10**6,
                                   text, m.start(), m.end()))
    return found


def _classify(value: int, text: str, start: int, end: int) -> Quantity:
    before = text[max(0, start - 25):start]
    after = text[end:end + 30].lstrip(" ,.")
    noun = after.split(" ")[0] if after else ""
    if _has(before, _REVENUE_WORDS) or _has(after[:12], _MONEY_WORDS) or _has(before[-6:], _MONEY_WORDS):
        kind = "revenue"
    elif noun.startswith(_IDENTIFIER_NOUNS):
        kind = "identifiers"
    elif noun.startswith(_SUBJECT_NOUNS) or noun.startswith(("данных", "data")) and _has(after, _SUBJECT_NOUNS):
        kind = "subjects"
    else:
        kind = "unknown"
    return Quantity(value, kind, noun, (start, end))


@dataclass
class EstimateIntent:
    case: LeakCase
    offender_named: bool
    specific: bool = False                            # the text stated at least one fact about the leak
    notes: list[str] = field(default_factory=list)   # "records_as_identifiers", "sole_trader"


def extract_case(question: str, lang: str) -> EstimateIntent:
    """Whatever a text says about a leak ("50 тысяч записей", "ООО", "повторная", "выручка 5 млрд"); the rest is
    left at the defaults (a first leak of ordinary data by a legal entity, under the regime the language suggests)."""
    text = _padded(question)
    numbers = quantities(question)
    counts = [q for q in numbers if q.kind in ("subjects", "identifiers")]
    revenue = next((q.value for q in numbers if q.kind == "revenue"), None)
    offender = OFFICIAL if _has(text, _OFFICIAL) else CITIZEN if _has(text, _CITIZEN) else (
        LEGAL if _has(text, _LEGAL) else None)
    repeat = _has(text, _REPEAT)
    regime = regime_of(question, lang)
    category = BIOMETRIC if _has(text, _BIOMETRIC) else SPECIAL if _has(text, _SPECIAL) else ORDINARY
    subjects = next((q.value for q in counts if q.kind == "subjects"), None)
    identifiers = next((q.value for q in counts if q.kind == "identifiers"), None)
    intent = EstimateIntent(
        LeakCase(regime=regime, subjects=subjects, identifiers=identifiers, category=category, repeat=repeat,
                 offender=offender or LEGAL, revenue=revenue),
        offender_named=offender is not None,
        specific=bool(counts or revenue or offender or repeat),
    )
    if identifiers is not None and subjects is None and _has(text, _SUBJECT_NOUNS):
        intent.notes.append("records_as_identifiers")
    if _has(text, (" ип ", "индивидуальн", "sole trader")):
        intent.notes.append("sole_trader")
    return intent


def estimate_intent(question: str, lang: str) -> EstimateIntent | None:
    """A question asking what a described leak will cost: a leak word, a fine word and at least one fact (a count,
    the revenue, who the offender is, a repeat) or an explicit "estimate"."""
    text = _padded(question)
    if not (_has(text, _LEAK) and (_has(text, _FINE) or _has(text, _ESTIMATE_VERBS))):
        return None
    intent = extract_case(question, lang)
    if _has(text, _REPORTING) and intent.case.subjects is None and intent.case.identifiers is None:
        return None   # "fine for not reporting a leak" is the notification fine: its own entry answers it
    return intent if intent.specific or _has(text, _ESTIMATE_VERBS) else None


@dataclass
class DeadlineIntent:
    regime: str
    discovered: dt.datetime


def may_ask_deadline(question: str) -> bool:
    """The words of a deadline question (cheap: no date parsing): notify / when + a leak or an authority."""
    text = _padded(question)
    if not (_has(text, _NOTIFY) and (_has(text, _LEAK) or _has(text, _AUTHORITY))):
        return False
    # "какой штраф за утечку 2 дня назад" is about money, not deadlines
    return not (_has(text, _FINE) and not _has(text, _REPORTING))


def moment_in(text: str, *, now: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
    """The moment of discovery a text names (bot/legal/deadlines.py `parse_moment`), read without the counts and
    sums in it: in "утечка 5000 клиентов вчера в 18:00" the 5000 is people, not a year."""
    folded = list(T.fold(text))
    for q in quantities(text):
        if q.kind != "unknown":
            start, end = q.span
            folded[start:end] = " " * (end - start)
    return parse_moment("".join(folded), now=now, tz=tz)


def deadline_intent(question: str, lang: str, *, now: dt.datetime, tz: dt.tzinfo) -> DeadlineIntent | None:
    if not may_ask_deadline(question):
        return None
    moment = moment_in(question, now=now, tz=tz)
    return DeadlineIntent(regime_of(question, lang), moment) if moment is not None else None


@dataclass
class AggregateIntent:
    measure: str      # "count" | "sum" | "mean"
    filter: FinesFilter


def aggregate_intent(question: str, explorer: FinesExplorer) -> AggregateIntent | None:
    text = _padded(question)
    named = laws_named(question)
    if not _has(text, ("штраф", "fine", "penalt")) or RU in named or DPDP in named:
        return None   # the fines data is GDPR's only
    if _has(text, _COUNT_MARKERS):
        measure = "count"
    elif _has(text, _MEAN_MARKERS):
        measure = "mean"
    elif _has(text, _SUM_MARKERS):
        measure = "sum"
    else:
        return None
    spec = explorer.parse(question, loose=False)
    if spec.empty and GDPR not in named:   # (cookie words make the filter non-empty)
        return None
    return AggregateIntent(measure, spec)
