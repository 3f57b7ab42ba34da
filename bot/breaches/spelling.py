"""Watch terms and service names as keys, without the directory: splitting a ``/watch`` argument, Cyrillic to
Latin, and ``canonical_key`` ("ЛитРес", "https://www.litres.ru/x" -> "litres").

The folding and the Cyrillic->Latin table are the project's one normaliser (``bot/kb/text.py``); brand names add
one rule of their own on top, a final «кс» spelled "x" (Яндекс -> yandex). ``names.py`` (the directory) and
``phonetic.py`` (the sound key) both build on this module, which depends on neither.
"""

from __future__ import annotations

import re
import unicodedata

from bot.breaches.domains import as_host, split_host
from bot.kb.text import fold, to_latin

MAX_TERM_LENGTH = 64
_TERM_SEPARATORS = re.compile(r"[,;\n\r\uff0c\uff1b]+")
_QUOTES = "\"'«»“”„`"


def split_watch_terms(text: str) -> list[str]:
    """Split a ``/watch`` argument into terms.

    Commas, semicolons and newlines separate terms; spaces do not ("яндекс еда" is one service).
    Each term is trimmed, loses surrounding quotes, has inner whitespace collapsed and is capped at
    64 characters. Empty terms and repeats (case-insensitive) are dropped, order is kept.
    """
    terms: list[str] = []
    seen: set[str] = set()
    for raw in _TERM_SEPARATORS.split(text or ""):
        term = " ".join(raw.split()).strip(_QUOTES + " ")
        term = term[:MAX_TERM_LENGTH].strip()
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def _translit_word(word: str) -> str:
    # Brand names spell a final "кс" as "x" (Яндекс -> yandex, Фикс -> fix) while "такси" stays "taksi"; only at
    # the end of a word, so the table stays deterministic.
    if word.endswith("кс"):
        return to_latin(word[:-2]) + "x"
    return to_latin(word)


def transliterate(text: str) -> str:
    """Cyrillic -> Latin with the project's one table (ё folded to е first; ъ/ь vanish: "Тинькофф" -> "tinkoff");
    other characters are kept."""
    return re.sub(r"[а-яёіїєґ]+", lambda m: _translit_word(m.group(0).replace("ё", "е")), text)


def canonical_key(term: str) -> str:
    """Normalise a service name, domain or URL into a key: ``"ЛитРес"``, ``"https://www.litres.ru/x"``
    -> ``"litres"``; ``"Яндекс.Еда"``, ``"яндекс еда"`` -> ``"yandex-eda"``.

    Lowercase, ё->е, URL scheme/www/path and the TLD dropped, Cyrillic transliterated, accents
    removed, apostrophes removed ("Domino's" -> "dominos"), every other non-alphanumeric run becomes
    one "-". Deterministic and directory-free: spelling variants the table cannot unify ("сдэк" ->
    "sdek" vs "cdek") are unified by ``ServiceDirectory``.
    """
    text = fold(term or "").strip()
    host = as_host(text)
    if host:
        text = " ".join(split_host(host)[0])
    text = transliterate(text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’ʼ`´]", "", text)
    return "-".join(re.findall(r"[a-z0-9]+", text))[:MAX_TERM_LENGTH].strip("-")
