"""Numbers, money, dates and durations in the reader's locale, one way: digits by Babel (grouping and decimal marks
from CLDR: "12 345,6" / "12,345.6"), words and patterns from the locale files (bot/locales/<lang>/formatting.ftl:
the date pattern, unit words, where a currency sign goes). A new language brings its own patterns; nothing here
names a language. Plain module: no aiogram."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, localcontext
from functools import cache, lru_cache

from babel import Locale
from babel.dates import DateTimePattern
from babel.dates import parse_pattern as parse_date_pattern
from babel.numbers import NumberPattern
from babel.numbers import parse_pattern as parse_number_pattern

from bot.i18n import t

_CRORE = 10**7
_THOUSAND, _MILLION, _BILLION = 10**3, 10**6, 10**9
_SHORT_UNITS = ((_BILLION, "billion"), (_MILLION, "million"), (_THOUSAND, "thousand"))


# What Babel builds for a call, built once per language and pattern (a reply formats dozens of figures: parsing the
# locale and the pattern each time cost more than the formatting). The calls below are what Babel's format_decimal
# and format_date do with them, with the same defaults, so every output is as before.
@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _number_pattern(decimals: int) -> NumberPattern:
    return parse_number_pattern("#,##0" + ("." + "#" * decimals if decimals else ""))


@cache
def _date_pattern(lang: str, precision: str) -> DateTimePattern:
    return parse_date_pattern(t("date_pattern_month" if precision == "month" else "date_pattern", lang))


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """12345.6 -> "12 345,6" (ru) / "12,345.6" (en): at most `decimals` decimals, trailing zeros dropped, a half
    rounded up as people do ("€2.265m" -> "€2.27m"; Babel's default would round it to the even "€2.26m")."""
    with localcontext(rounding=ROUND_HALF_UP):
        return _number_pattern(decimals).apply(value, _locale(lang), decimal_quantization=True, group_separator=True,
                                               numbering_system="latn")


def format_date(value: dt.date | dt.datetime, lang: str, precision: str = "day") -> str:
    """"3 августа 2023" / "3 Aug 2023"; precision "month": "август 2023" / "Aug 2023"; "year": "2023"."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if precision == "year":
        return str(day.year)
    return _format_day(day, lang, precision)


# A day or a whole amount formatted once is remembered: the text depends only on the arguments and the locale files,
# which never change, and lists repeat the same fines and dates. Keyed by a calendar day (two datetimes equal as
# instants may fall on different days) and by an int (0.0 and -0.0 are equal, not the same text).
@lru_cache(maxsize=4096)
def _format_day(day: dt.date, lang: str, precision: str) -> str:
    return _date_pattern(lang, precision).apply(day, _locale(lang))


def format_duration(seconds: float, lang: str) -> str:
    """The two largest units of a span of time: "2 д 23 ч", "6 ч", "2 мин 50 с" / "2 d 23 h", "11 s"."""
    rest = int(round(abs(seconds)))
    parts = []
    for key, size in (("dur_days", 86400), ("dur_hours", 3600), ("dur_minutes", 60), ("dur_seconds", 1)):
        count, rest = divmod(rest, size)
        if parts or count:
            parts.append(t(key, lang, n=count) if count else "")
        if len(parts) == 2:
            break
    return " ".join(p for p in parts if p) or t("dur_seconds", lang, n=0)


def _money_parts(amount: int, currency: str, lang: str, style: str) -> tuple[str, str]:
    """(number, unit) of an amount in a style (see `format_money`); unit is "" or a name the locale files spell."""
    if style == "short":
        for size, unit in _SHORT_UNITS:
            if amount >= size:
                return format_number(amount / size, lang, 2), unit
    elif style == "words":
        if currency == "INR" and amount >= _CRORE and amount % (_CRORE // 100) == 0:
            return format_number(amount / _CRORE, lang, 2), "crore"
        for size, unit in _SHORT_UNITS[:2]:
            if amount >= size and amount % (size // 1000) == 0:
                return format_number(amount / size, lang, 3), unit
    return format_number(amount, lang), ""


def _dress(number: str, unit: str, currency: str, lang: str, style: str) -> str:
    if unit == "crore":
        return t("money_crore", lang, number=number)
    unit_text = t("money_unit_short" if style == "short" else "money_unit_words", lang, unit=unit or "none")
    return t("money", lang, number=number, unit=unit_text, currency=currency)


def format_money(amount: int, currency: str, lang: str, *, style: str = "words") -> str:
    """An amount of RUB, EUR or INR. Styles:
    "words": exact, in millions or billions when it is round: "3 млн ₽" / "RUB 3 million", "150 000 ₽",
             "250 крор рупий" / "₹250 crore";
    "short": for lists and buttons, to two decimals: "1,2 млрд €" / "€1.2bn", "150 тыс. €" / "€150k";
    "full":  every digit: "1 200 000 000 €" / "€1,200,000,000"."""
    if type(amount) is int:
        return _whole_money(amount, currency, lang, style)
    return _dress(*_money_parts(amount, currency, lang, style), currency, lang, style)


@lru_cache(maxsize=4096)
def _whole_money(amount: int, currency: str, lang: str, style: str) -> str:
    return _dress(*_money_parts(amount, currency, lang, style), currency, lang, style)


def format_money_range(low: int, high: int, currency: str, lang: str) -> str:
    """"от 3 до 5 млн ₽" / "RUB 3–5 million" when both ends share a unit, else each end in full."""
    (low_number, low_unit), (high_number, high_unit) = (_money_parts(low, currency, lang, "words"),
                                                        _money_parts(high, currency, lang, "words"))
    if low_unit == high_unit:
        numbers = t("money_range_numbers", lang, low=low_number, high=high_number)
        return t("money_range_same_unit", lang, money=_dress(numbers, high_unit, currency, lang, "words"))
    return t("money_range", lang, low=format_money(low, currency, lang), high=format_money(high, currency, lang))
