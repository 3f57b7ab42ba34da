"""A sound key for brand names, the same for any script: ЮТэйр = Utair, Юдеми = Udemy, СДЭК = CDEK.

Brands are not transliterated letter by letter, they are written as they sound, so the key keeps what
survives a re-spelling: the consonant skeleton (vowels are where spellings disagree: "tair"/"тэйр"),
whether the word starts with a vowel sound (Ozon is not Zen), and digits. Latin spellings of one sound
are folded first (ck/c/k/q, ph/f, w/v, x/ks, tz/ts ...). It builds on ``spelling.canonical_key``, the
project's one Cyrillic->Latin table, so nothing here transliterates on its own.

The key is deliberately coarse; it is used only as a last resort (after the directory's exact names and
typo matching) and only when exactly one known service has that key, and words are never dropped:
«Яндекс Такси» and «Яндекс Еда» keep different keys.
"""

from __future__ import annotations

import re

from bot.breaches.spelling import canonical_key

_DIGRAPHS = [
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"),
    ("ck", "k"), ("ph", "f"), ("th", "t"), ("tz", "ts"), ("ks", "x"), ("cs", "x"), ("w", "v"), ("q", "k"),
    ("ou", "u"), ("ee", "i"), ("oo", "u"),
]
_VOWELS = set("aeiouy")
MIN_SKELETON = 3  # "vk", "ok": too short to say anything by sound


def _word_key(word: str) -> str:
    if word.isdigit():
        return word
    # A leading y-glide is how Cyrillic ю/я/е are spelled ("yuteyr" for ЮТэйр): the sound is the vowel.
    word = re.sub(r"^y(?=[aeiou])", "", word)
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    # c before e/i/y sounds as s; a leading c before a consonant is how Russian brands spell С (CDEK).
    word = re.sub(r"c(?=[eiy])|^c(?=[^aeiouyh])", "s", word)
    word = word.replace("ch", "4").replace("c", "k").replace("4", "ch")
    head = "a" if word[:1] in _VOWELS else ""
    skeleton = "".join(ch for ch in word if ch not in _VOWELS)
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    return head + skeleton


def phonetic_key(name: str) -> str:
    """``"ЮТэйр"`` and ``"Utair"`` -> ``"atr"``; ``"Яндекс Такси"`` -> ``"yndx-tx"``. Empty for nothing."""
    words = [w for w in canonical_key(name).split("-") if w]
    return "-".join(_word_key(w) for w in words)


def is_distinctive(key: str) -> bool:
    """Enough consonants to be worth matching by sound alone."""
    return len(key.replace("-", "")) >= MIN_SKELETON
