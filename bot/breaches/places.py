"""Places and languages, which a post names beside its victim but which are never the victim themselves
(Babel's CLDR data: country and region names in English and Russian, English names of languages)."""

from __future__ import annotations

from functools import lru_cache

from bot.breaches.lemmas import tokens
from bot.breaches.spelling import canonical_key


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Country and region names in English and Russian (Babel's CLDR data), folded."""
    from babel import Locale

    names = {n for lang in ("en", "ru") for n in Locale(lang).territories.values()}
    # the names news writes inside CLDR's formal ones: «Гонконг (САР)» is Гонконг, «Республика Корея» Корея
    names |= {n.split(" (")[0].removeprefix("Республика ").removeprefix("Republic of ") for n in names}
    # CLDR has the full names; news writes the short ones
    names |= {"США", "РФ", "ОАЭ", "КНР", "ЕС", "USA", "US", "UK", "UAE", "EU", "PRC"}
    # and the formal ones it writes too («один из крупнейших университетов Соединённого Королевства»)
    names |= {"Соединённое Королевство", "Соединенное Королевство", "Соединённые Штаты", "Соединенные Штаты"}
    return frozenset(canonical_key(n) for n in names)


@lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    """English names of languages (Babel's CLDR data), lowercase: "Portuguese Legendas.TV" is Legendas.TV."""
    from babel import Locale

    return frozenset(n.lower() for n in Locale("en").languages.values() if " " not in n)


def is_place(name: str | None) -> bool:
    """"Indonesia's", «России»: a country is where a victim is, never the victim."""
    if not name:
        return False
    words = name.replace("’", "'").removesuffix("'s")
    if canonical_key(words) in _places() or canonical_key(" ".join(t.lemma for t in tokens(words))) in _places():
        return True
    # «Южная Корея», "Western Australia": a quarter of a place is a place
    toks = tokens(words)
    return len(toks) >= 2 and toks[0].lemma in _QUARTERS and is_place(words[toks[1].start :])


_QUARTERS = frozenset(("южный", "северный", "западный", "восточный", "south", "north", "west", "east", "southern",
                       "northern", "western", "eastern"))
