"""The one number parser: numbers written in prose ("€1.2 billion", "1,2 млрд евро", "15 000 евро", "~50 тыс",
"5 crore"), with their multiplier and currency. `kb check` compares what an answer says with its structured
`amount_eur` through `euro_amounts`; the question reader (bot/understanding/reader.py) reads counts and sums with
`numbers`. The multiplier and currency words are the vocabulary's (bot/understanding/vocabulary.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.vocabulary import CURRENCIES, MULTIPLIERS

# Inflected forms people type ("миллиона", "тысяч") read by prefix; short ones ("k", "m", "bn") only whole.
_MULT_PREFIXES = sorted((w for w in MULTIPLIERS if len(w) >= 3), key=len, reverse=True)
_MULT_WORD = r"(?:тыс\w*|тыщ\w*|млн\w*|млрд\w*|миллион\w*|миллиард\w*|thousand\w*|million\w*|billion\w*|crores?|" \
             r"lakhs?|крор\w*|лакх\w*|mln|mn|bn|k|к|m|b|cr)"
_NUMBER = re.compile(r"(?<![\w.,])(\d(?:[\d\u00a0\u202f ,.]*\d)?)(?:\s*(" + _MULT_WORD + r")\.?)?(?![\wа-я])",
                     re.IGNORECASE)
_WORD_NUMBER = re.compile(r"(?<![\w\d])(?:a |one |один |одну )?(миллион|million|миллиард|billion)\w*", re.IGNORECASE)
_CURRENCY_AFTER = {w: code for code, words in CURRENCIES.items() for w in words}
_CURRENCY_RE_AFTER = re.compile(r"\s*(₽|€|\$|₹|£|[a-zа-я]+)")
_CURRENCY_RE_BEFORE = re.compile(r"(₽|€|\$|₹|£|eur|usd|inr|rs|rub|gbp)\.?\s*$", re.IGNORECASE)


@dataclass
class Number:
    value: float
    tolerance: float        # half a unit of the last digit written: "€79.1 million" is 79,050,000..79,150,000
    start: int
    end: int
    multiplier: int = 1
    currency: str | None = None   # "EUR", "RUB", "INR", "USD", "GBP"
    grouped: bool = False         # written with digit grouping ("15 000", "15,000")
    kind: str = "unknown"         # set by the reader: subjects, identifiers, revenue, money, year, duration, count
    more_than: bool = False       # «более 100 000»: `value` is then one above the bound stated


@dataclass(frozen=True)
class Amount:
    value: float       # in euros
    tolerance: float


def parse_number(raw: str, *, has_multiplier: bool) -> tuple[float, float]:
    """(value, unit of the last digit). "1,2" -> 1.2; "15,000" / "15.000" / "15 000" -> 15000."""
    s = re.sub(r"[\s\u00a0\u202f]", "", raw)
    separators = re.findall(r"[.,]", s)
    if not separators:
        return float(s), 1.0
    last = max(s.rfind("."), s.rfind(","))
    decimals = len(s) - last - 1
    grouping = len(separators) > 1 and len(set(separators)) == 1 or (decimals == 3 and not has_multiplier)
    if grouping:
        return float(re.sub(r"[.,]", "", s)), 1.0
    integer = re.sub(r"[.,]", "", s[:last])
    return float(f"{integer}.{s[last + 1:]}"), 10.0 ** -decimals


def multiplier_of(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in MULTIPLIERS:
        return MULTIPLIERS[word]
    return next((MULTIPLIERS[p] for p in _MULT_PREFIXES if word.startswith(p)), 1)


def _currency(text: str, start: int, end: int) -> str | None:
    before = _CURRENCY_RE_BEFORE.search(text[max(0, start - 5):start])
    if before:
        return _CURRENCY_AFTER.get(before.group(1).lower())
    after = _CURRENCY_RE_AFTER.match(text, end)
    if after:
        word = after.group(1).lower()
        return _CURRENCY_AFTER.get(word) or next(
            (code for code, words in CURRENCIES.items() for w in words if len(w) > 2 and word.startswith(w)), None)
    return None


def numbers(text: str) -> list[Number]:
    """Every number in a text with its multiplier and currency ("1,2 млрд евро" -> 1.2e9 EUR), in order."""
    found: list[Number] = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1).strip(" ,.")
        multiplier = multiplier_of(m.group(2)) if m.group(2) else 1
        try:
            value, unit = parse_number(raw, has_multiplier=multiplier > 1)
        except ValueError:
            continue
        grouped = bool(re.search(r"\d[\s\u00a0\u202f,.]\d{3}(?!\d)", raw)) and unit == 1.0
        found.append(Number(value * multiplier, unit * multiplier / 2, m.start(), m.end(), multiplier,
                            _currency(text, m.start(), m.end()), grouped))
    digits = [(n.start, n.end) for n in found]
    for m in _WORD_NUMBER.finditer(text):
        if not any(start <= m.start() < end for start, end in digits):
            value = 10**9 if m.group(1).lower().startswith(("миллиард", "billion")) else 10**6
            found.append(Number(value, 0.5, m.start(), m.end(), value, _currency(text, m.start(), m.end())))
    return sorted(found, key=lambda n: n.start)


def euro_amounts(text: str) -> list[Amount]:
    return [Amount(n.value, n.tolerance) for n in numbers(text) if n.currency == "EUR"]


def mentions_amount(text: str, amount: int) -> bool:
    return any(abs(a.value - amount) <= a.tolerance + 0.5 for a in euro_amounts(text))
