"""The notification-deadline calculator: when a leak was discovered (a phrase such as "вчера в 18:00", "2 days ago",
"15.11.2026 09:30", understood by dateparser relative to "now" in the user's time zone) -> the exact deadlines of a
regime, computed in absolute time (so a deadline that crosses a daylight-saving change is still 24 hours away)
and shown in the user's zone.

* 152-FZ art. 21(3.1): Roskomnadzor within 24 hours, the results of the internal investigation within 72 hours;
* GDPR: the supervisory authority without undue delay and, where feasible, within 72 hours (art. 33); the people
  affected without undue delay when the risk to them is high (art. 34);
* DPDP Rules 2025, Rule 7: the Board without delay, a detailed report within 72 hours, every affected person
  without delay.
Each duty names the knowledge-base entry that states it, so a test can check the two agree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.legal.estimator import DPDP, GDPR, RU
from bot.understanding.vocabulary import MOMENT_WORDS, MONTHS, month_forms_ru

DEFAULT_TZ = "Europe/Moscow"
DPDP_RULE_7_FROM = dt.date(2027, 5, 13)   # knowledge: dpdp-phased-timeline, dpdp-breach-notification
MAX_PHRASE = 200
OLDEST = dt.timedelta(days=5 * 365)   # a moment of discovery further back than this is a misreading, not a leak
LATEST = dt.timedelta(days=1)         # ... and so is one more than a day ahead (a day: a typo in the hour is kept)

_152FZ_TEXT = "https://www.consultant.ru/document/cons_doc_LAW_61801/"   # the law's text (ConsultantPlus)
_EURLEX = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
_DPDP_RULES = "https://egazette.gov.in/WriteReadData/2025/267650.pdf"


@dataclass(frozen=True)
class Duty:
    regime: str
    key: str                # what to do: "rkn_notice", "sa_notice", ...
    hours: int | None       # None: "without (undue) delay", no fixed clock
    entry_id: str
    source_url: str
    quote: str              # the words of the entry's English answer that state the period
    conditional: bool = False   # only in some cases (GDPR art. 34: when the risk is high)


DUTIES: dict[str, list[Duty]] = {
    RU: [
        Duty(RU, "rkn_notice", 24, "pd-breach-notification-24-72", _152FZ_TEXT,
             "Within 24 hours it reports the incident"),
        Duty(RU, "rkn_results", 72, "pd-breach-notification-24-72", _152FZ_TEXT,
             "Within 72 hours it reports the results of its internal investigation"),
    ],
    GDPR: [
        Duty(GDPR, "sa_notice", 72, "gdpr-breach-notification-art-33", _EURLEX,
             "without undue delay and, where feasible, within 72 hours of becoming aware of it"),
        Duty(GDPR, "subjects", None, "gdpr-breach-communication-art-34", _EURLEX,
             "requires the controller to tell the affected people without undue delay", conditional=True),
    ],
    DPDP: [
        Duty(DPDP, "board_intimation", None, "dpdp-breach-notification", _DPDP_RULES,
             "The Board gets a first intimation without delay"),
        Duty(DPDP, "board_report", 72, "dpdp-breach-notification", _DPDP_RULES,
             "within 72 hours of the fiduciary becoming aware"),
        Duty(DPDP, "principals", None, "dpdp-breach-notification", _DPDP_RULES,
             "Each affected person must be told without delay"),
    ],
}


# --------------------------------------------------------------------------------------------- time zones

# Names people type that are not IANA zone names (IANA's own names, "Kolkata", "Europe/Berlin", come from zoneinfo).
_ALIASES = {
    "москва": "Europe/Moscow", "мск": "Europe/Moscow", "msk": "Europe/Moscow", "санкт-петербург": "Europe/Moscow",
    "петербург": "Europe/Moscow", "спб": "Europe/Moscow", "st petersburg": "Europe/Moscow",
    "калининград": "Europe/Kaliningrad", "самара": "Europe/Samara", "екатеринбург": "Asia/Yekaterinburg",
    "ekaterinburg": "Asia/Yekaterinburg", "омск": "Asia/Omsk", "новосибирск": "Asia/Novosibirsk",
    "красноярск": "Asia/Krasnoyarsk", "иркутск": "Asia/Irkutsk", "якутск": "Asia/Yakutsk",
    "владивосток": "Asia/Vladivostok", "магадан": "Asia/Magadan", "камчатка": "Asia/Kamchatka",
    "калькутта": "Asia/Kolkata", "колката": "Asia/Kolkata", "дели": "Asia/Kolkata", "нью-дели": "Asia/Kolkata",
    "мумбаи": "Asia/Kolkata", "индия": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata", "india": "Asia/Kolkata",
    "ist": "Asia/Kolkata", "calcutta": "Asia/Kolkata", "берлин": "Europe/Berlin", "лондон": "Europe/London",
    "париж": "Europe/Paris",
    "дублин": "Europe/Dublin", "мадрид": "Europe/Madrid", "рим": "Europe/Rome", "амстердам": "Europe/Amsterdam",
    "минск": "Europe/Minsk", "киев": "Europe/Kyiv", "kiev": "Europe/Kyiv", "алматы": "Asia/Almaty",
    "ташкент": "Asia/Tashkent", "ереван": "Asia/Yerevan", "тбилиси": "Asia/Tbilisi", "дубай": "Asia/Dubai",
    "utc": "UTC", "gmt": "UTC", "всемирное": "UTC",
}
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?:[:.]?(\d{2}))?$")


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Lower-cased IANA keys and their last parts ("kolkata", "new york") -> the key."""
    names: dict[str, str] = {}
    for key in sorted(available_timezones(), key=lambda k: (k.count("/"), k)):
        if key.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            continue
        names.setdefault(key.lower(), key)
        names.setdefault(key.rsplit("/", 1)[-1].replace("_", " ").lower(), key)
    return names


def resolve_timezone(text: str) -> str | None:
    """A time zone name to store for what the user typed ("Europe/Berlin", "Kolkata", "Москва", "+3", "UTC+5:30"),
    or None when it is not one. Fixed offsets are stored as "UTC+05:30"."""
    raw = " ".join(text.strip().lower().replace("_", " ").split())
    if not raw or len(raw) > 64:
        return None
    if raw in _ALIASES:
        return _ALIASES[raw]
    if m := _OFFSET.match(raw.replace(" ", "")):
        sign = -1 if m.group(1) in "-−" else 1
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        total = hours * 60 + minutes
        if minutes >= 60 or total > (14 if sign > 0 else 12) * 60:
            return None
        if hours == minutes == 0:
            return "UTC"
        return f"UTC{'+' if sign > 0 else '-'}{hours:02d}:{minutes:02d}"
    return _zone_names().get(raw) or _zone_names().get(raw.replace(" ", "/"))


def tzinfo_for(name: str | None) -> dt.tzinfo:
    """The tzinfo of a stored name; the default zone (Moscow) for None or a name that no longer resolves."""
    if name and (m := re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", name)):
        delta = dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return dt.timezone(delta if m.group(1) == "+" else -delta, name)
    try:
        return ZoneInfo(name or DEFAULT_TZ)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def utc_offset_label(moment: dt.datetime) -> str:
    """"UTC+3", "UTC+5:30", "UTC" for an aware datetime."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# --------------------------------------------------------------------------------------------- the moment

# A phrase is read as a moment only when it has the shape of one: a clock time ("18:00", "6pm"), a dotted date
# ("15.11.2026"), a day and a month's name ("15 ноября") or a relative word ("вчера", "2 days ago"). A bare number
# is not a moment: dateparser reads "5000" as a year and English "we" as Wednesday.
_RELATIVE_WORDS = frozenset(word for phrase in MOMENT_WORDS for word in phrase.split())
_RU_MONTHS = "|".join(sorted({form for month in MONTHS for form in month_forms_ru(month)}, key=len, reverse=True))
_EN_MONTHS = "(?:" + "|".join(sorted({name for month in MONTHS for name in month[2:]}, key=len, reverse=True)) + r")\.?"
# a day and a month's name: "15 ноября", "15 Nov", "Nov 15" (a month's name alone is too often another word: "may")
_MONTH_DATE = re.compile(rf"\b\d{{1,2}}\s*(?:{_RU_MONTHS}|{_EN_MONTHS})(?![a-zа-я])|\b{_EN_MONTHS}\s*\d{{1,2}}\b")
_CLOCK_OR_DATE = re.compile(r"\d:\d\d|\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\d\s*(?:am|pm)\b")
# dateparser does not read the Russian "9 утра" / "в 2 часа дня": say it in 24-hour time first. "дня" is also
# "days" ("2 дня назад"): it is the afternoon only after "в" or "часа".
_RU_DAYTIME = re.compile(r"(?:\b(в)\s+)?\b(\d{1,2})(?::(\d{2}))?\s*(час[а-я]*\s+)?(утра|ночи|дня|вечера)\b")

# A part of the day said in Russian without a clock time («вчера вечером», «в пятницу утром») is read as the hour
# dateparser gives the English words ("yesterday evening" 18:00, "this morning" 09:00); dateparser drops the Russian
# ones, and the moment was then the current time of that day, hours off. The night is its start (the earlier moment
# gives the earlier, safer deadline); the reply shows the moment it read.
_RU_PART_OF_DAY_HOURS = {"утром": "09:00", "днем": "12:00", "вечером": "18:00", "ночью": "00:00"}
_RU_PART_OF_DAY = re.compile(r"(?<![а-я])(" + "|".join(_RU_PART_OF_DAY_HOURS) + r")(?![а-я])")
_CLOCK = re.compile(r"\d:\d\d")
# ... and beside a clock time it only says which half of the day the clock is in (left in, it parted "вчера" from
# "в 7:30" and the day was lost)
_RU_PART_THEN_CLOCK = re.compile(r"(?<![а-я])(" + "|".join(_RU_PART_OF_DAY_HOURS) + r")\s+(?:в\s+)?(\d{1,2}):(\d\d)")

# "15.11" without a year: the latest 15 November not in the future (dateparser alone reads "15.11 в 10:00" as the
# 11th). Not when it names an article: "ст. 13.11", "13.11 КоАП".
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d\d)(?!\d|\.\d|\s*(?:час|hour|мин|min|дн|day|млн|млрд|тыс|mln|bn|"
                        r"million|billion|%|€|₽))")   # "1.5 часа", "2.50 млн" are not dates
_ARTICLE_BEFORE = re.compile(r"(?<![a-zа-я])(?:ст|стать[а-я]*|art|article|part|ч)\.?\s*$")
_ARTICLE_AFTER = re.compile(r"\s*(?:коап|koap)")

# What every piece of a text that `_meaningful` accepts contains: its shapes without the word edges a piece cut out
# of a longer text may lose ("15.11" for "\b15.11\b"), and a moment's word not inside another word. A text without
# one names no moment, and dateparser need not read it; a piece dateparser found without one is not the moment, and
# need not be parsed (dateparser's reading of a long text is mostly parsing such pieces: "we", "a week", "2024").
_MAY_NAME_A_MOMENT = re.compile(
    rf"\d:\d\d|\d[./]\d|\d\s*(?:am|pm)|\d\s*(?:{_RU_MONTHS}|{_EN_MONTHS})|{_EN_MONTHS}\s*\d"
    r"|(?<![^\W\d_])(?:" + "|".join(sorted(_RELATIVE_WORDS, key=len, reverse=True)) + r")(?![^\W\d_])")


def _with_year(text: str, today: dt.date) -> str:
    def add(m: re.Match[str]) -> str:
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12) or _ARTICLE_BEFORE.search(text[:m.start()]) \
                or _ARTICLE_AFTER.match(text, m.end()):
            return m.group(0)
        year = today.year - 1 if (month, day) > (today.month, today.day) else today.year
        return f"{day:02d}.{month:02d}.{year}"

    return _DAY_MONTH.sub(add, text)


def _normalise(text: str) -> str:
    text = " ".join(text.lower().split())[:MAX_PHRASE]
    text = text.replace("только что", "сейчас").replace("ё", "е")

    def daytime(m: re.Match[str]) -> str:
        at, hour, minutes, hours_word, part = m.group(1), int(m.group(2)), m.group(3), m.group(4), m.group(5)
        if part == "дня" and not (at or hours_word):
            return m.group(0)
        if part in ("дня", "вечера") and hour < 12:
            hour += 12
        elif part == "ночи" and hour == 12:
            hour = 0
        return f"{'в ' if at else ''}{hour:02d}:{minutes or '00'}"

    text = _RU_DAYTIME.sub(daytime, text)

    def part_then_clock(m: re.Match[str]) -> str:   # «вечером в 7:30» is 19:30
        hour = int(m.group(2)) + (12 if m.group(1) == "вечером" and int(m.group(2)) < 12 else 0)
        return f"в {hour:02d}:{m.group(3)}"

    text = _RU_PART_THEN_CLOCK.sub(part_then_clock, text)
    if not _CLOCK.search(text):   # «вчера вечером» with no clock time: the hour dateparser gives "yesterday evening"
        text = _RU_PART_OF_DAY.sub(lambda m: f"в {_RU_PART_OF_DAY_HOURS[m.group(1)]}", text)
    return text


def _meaningful(phrase: str) -> bool:
    """Whether what dateparser matched has the shape of a moment (not a bare number, not "we")."""
    phrase = phrase.strip()
    if len(phrase) < 3:
        return False
    return bool(_CLOCK_OR_DATE.search(phrase) or _MONTH_DATE.search(phrase)
                or set(re.findall(r"\w+", phrase)) & _RELATIVE_WORDS)


@lru_cache(maxsize=1)
def _moment_search():  # noqa: ANN202 (dateparser's classes: imported here, not at the top, for start-up time)
    """dateparser's search of a text in one language, that parses only the pieces which may name a moment.

    The same search as `dateparser.search.search_dates` (its sentences, its pieces, its parsing of each, its
    language check), less the parsing of pieces `_meaningful` would throw away anyway: in one language nothing else
    depends on them (no earlier date is a base, `RELATIVE_BASE` is set), so what is left is found the same."""
    import copy

    from dateparser.search import _search_with_detection
    from dateparser.search.search import _ExactLanguageSearch

    class PiecesThatMayNameAMoment(_ExactLanguageSearch):
        def search(self, shortname: str, text: str, settings):  # noqa: ANN001, ANN202
            language = self.get_current_language(shortname)
            translated: list[str] = []
            original: list[str] = []
            # each sentence is read on its own (Locale.translate_search): only those with a moment's shape
            for sentence in language._sentence_split(text, settings=settings):
                if _MAY_NAME_A_MOMENT.search(sentence):
                    more, pieces = language.translate_search(sentence, settings=settings)
                    keep = [i for i, piece in enumerate(pieces) if _MAY_NAME_A_MOMENT.search(piece)]
                    translated += [more[i] for i in keep]
                    original += [pieces[i] for i in keep]
            return translated, original

    # search_dates' own searcher with its locales, not a new one (that would load every locale's map again: 40 ms)
    searcher = copy.copy(_search_with_detection)
    searcher.search = PiecesThatMayNameAMoment(searcher.loader)
    return searcher


def _search_moments(phrase: str, languages: list[str], settings: dict) -> list[tuple[str, dt.datetime]]:
    """(piece, moment) that dateparser finds in a phrase; in one language, only the pieces that may be a moment."""
    from dateparser.search import search_dates

    if len(languages) != 1:   # the first language to find any date wins: every piece counts
        return search_dates(phrase, languages=languages, settings=settings) or []
    searcher = _moment_search()
    phrase = searcher.preprocess_text(phrase, languages)   # what search_dates does first
    _, dates = searcher._search_dates(text=phrase, languages=languages, settings=settings)
    return [date[:2] for date in dates or []]


@lru_cache(maxsize=8)
def _weekday_stubs(languages: tuple[str, ...]) -> re.Pattern[str] | None:
    """The two-letter weekday abbreviations of dateparser's locales ('we', 'mo', 'tu' …) as whole words. Nobody
    writes a weekday so in a chat, but 'we' is the pronoun of half the questions: read as Wednesday, it splits
    "yesterday at 6pm we found it" into "yesterday" and "6pm we" and the moment becomes noon of the day before."""
    from dateparser.languages.loader import default_loader

    stubs = {name for language in languages for key in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                        "saturday", "sunday")
             for name in default_loader.get_locale(language).info.get(key, []) if len(name) == 2}
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(stubs)) + r")(?![^\W\d_])") if stubs else None


def parse_moment(text: str, *, now: dt.datetime, tz: dt.tzinfo,
                 languages: tuple[str, ...] = ("ru", "en")) -> dt.datetime | None:
    """The moment a phrase names, in `tz`, read relative to `now`; None when the text names no moment.
    Accepts a bare phrase ("вчера в 18:00") or a sentence with one in it ("утечку обнаружили 2 дня назад").
    `languages`: the text's own language alone when known (dateparser then tries half as much, and reads only the
    pieces of a long text that may name a moment)."""
    phrase = _with_year(_normalise(text), now.astimezone(tz).date())
    if not _MAY_NAME_A_MOMENT.search(phrase):   # nothing dateparser could find would be kept
        return None
    settings = {
        "RELATIVE_BASE": now.astimezone(tz).replace(tzinfo=None),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }
    import dateparser  # here, not at the top: it costs start-up time (and its language data, on first use)

    stubs = _weekday_stubs(tuple(languages))
    if stubs is not None:
        phrase = stubs.sub(" ", phrase)

    found = dateparser.parse(phrase, languages=list(languages), settings=settings) if _meaningful(phrase) else None
    if found is None:
        matches = [(p, d) for p, d in _search_moments(phrase, list(languages), settings) if _meaningful(p)]
        if not matches:
            return None
        found = max(matches, key=lambda pair: len(pair[0]))[1]
    moment = found.replace(tzinfo=tz) if found.tzinfo is None else found.astimezone(tz)
    return moment if now - OLDEST <= moment <= now + LATEST else None


# --------------------------------------------------------------------------------------------- deadlines

@dataclass(frozen=True)
class Deadline:
    duty: Duty
    due: dt.datetime | None   # None: no fixed clock ("without delay")


@dataclass
class DeadlinePlan:
    regime: str
    discovered: dt.datetime
    now: dt.datetime
    deadlines: list[Deadline]
    notes: list[str] = field(default_factory=list)


def deadlines(regime: str, discovered: dt.datetime, now: dt.datetime) -> DeadlinePlan:
    """The deadlines of `regime` for a leak discovered at `discovered` (aware). Each is counted in elapsed time and
    given back in the zone of `discovered`."""
    if discovered.tzinfo is None:
        raise ValueError("the moment of discovery must carry its time zone")
    zone = discovered.tzinfo
    items = []
    for duty in DUTIES[regime]:
        due = None
        if duty.hours is not None:
            due = (discovered.astimezone(dt.UTC) + dt.timedelta(hours=duty.hours)).astimezone(zone)
        items.append(Deadline(duty, due))
    plan = DeadlinePlan(regime, discovered, now.astimezone(zone), items)
    if discovered > now + dt.timedelta(minutes=1):
        plan.notes.append("future")
    if regime == DPDP and discovered.date() < DPDP_RULE_7_FROM:
        plan.notes.append("dpdp_not_in_force")
    if regime == GDPR:
        plan.notes.append("gdpr_late_reasons")
    return plan
