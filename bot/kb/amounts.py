"""Money amounts written in prose ("€1.2 billion", "1,2 млрд евро", "15 000 евро"), so `kb check` can compare
what an answer says with its structured `amount_eur`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MULTIPLIERS = {
    "billion": 10**9, "bn": 10**9, "млрд": 10**9, "миллиарда": 10**9, "миллиардов": 10**9, "миллиард": 10**9,
    "million": 10**6, "mln": 10**6, "m": 10**6, "млн": 10**6, "миллиона": 10**6, "миллионов": 10**6, "миллион": 10**6,
    "thousand": 10**3, "k": 10**3, "тыс": 10**3, "тысяч": 10**3,
}
_NUMBER = r"(\d(?:[\d\s\u00a0\u202f.,]*\d)?)"
_MULT = r"(?:\s*(" + "|".join(sorted(map(re.escape, _MULTIPLIERS), key=len, reverse=True)) + r")\.?(?![a-zа-я]))?"
_EURO_BEFORE = re.compile(r"(?:€|\beur\b)\s*" + _NUMBER + _MULT, re.IGNORECASE)
_EURO_AFTER = re.compile(_NUMBER + _MULT + r"\s*(?:€|евро\b|eur\b|euros?\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    value: float       # in euros
    tolerance: float   # half a unit of the last digit written: "€79.1 million" is 79,050,000..79,150,000


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


def euro_amounts(text: str) -> list[Amount]:
    found = []
    for pattern in (_EURO_BEFORE, _EURO_AFTER):
        for m in pattern.finditer(text):
            multiplier_word = (m.group(2) or "").lower()
            multiplier = _MULTIPLIERS.get(multiplier_word, 1)
            try:
                value, unit = parse_number(m.group(1), has_multiplier=multiplier > 1)
            except ValueError:
                continue
            found.append(Amount(value * multiplier, unit * multiplier / 2))
    return found


def mentions_amount(text: str, amount: int) -> bool:
    return any(abs(a.value - amount) <= a.tolerance + 0.5 for a in euro_amounts(text))
