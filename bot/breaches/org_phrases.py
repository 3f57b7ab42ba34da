"""Organisations named by their kind, not by a brand: phrases built around an organisation's head noun.

- An acronym defined in brackets: "The Greater Ludhiana Area Development Authority (GLADA)" names one body, and
  "the GLADA server" later is the same one.
- A Russian phrase around an organisation noun, found by morphology: «у свердловского онкоцентра» (an adjective
  made from a place, agreeing with the noun), «правительства Москвы» (a proper name in the genitive after it),
  «больниц Кембриджского университета»; put in the nominative («Свердловский онкоцентр», «Больницы Кембриджского
  университета»).
- An English name that begins with a place or a people is kept whole when it ends in an organisation's word
  ("American Dental Association", "California Department of Motor Vehicles"); "American retailer X" is X.
- A person with a title ("President William Powers Jr", "CEO Jane Doe") is never a victim.

What these find are candidates only: ``victim.py`` decides by their role in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.breaches import lexicon as L
from bot.breaches.lemmas import Token
from bot.breaches.places import is_place

# English words that end an organisation's name ("Association", "Department of …").
_EN_ORG_HEADS = frozenset((
    "association", "associations", "society", "institute", "institutes", "foundation", "authority", "trust",
    "university", "college", "school", "hospital", "hospitals", "clinic", "department", "ministry", "council",
    "agency", "bureau", "office", "commission", "board", "directorate", "administration", "service", "services",
    "bank", "airlines", "airways", "corporation", "company", "group", "federation", "union", "league", "academy",
    "center", "centre", "museum", "library", "police", "court", "district", "government", "organization",
    "organisation", "network", "system", "systems", "railways", "railway", "insurance", "exchange",
))
# English titles of a person: what follows them is a person's name ("Mr", "Dr", "Vice", "Chief" open brands too:
# "Mr Excel", "Dr. Martens", "Vice Media").
_EN_PERSON_TITLES = frozenset((
    "president", "ceo", "cfo", "cto", "ciso", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
    "director", "founder", "co-founder", "minister", "secretary", "governor", "mayor", "senator", "professor",
    "chancellor", "provost", "commissioner", "sheriff", "attorney", "researcher", "analyst",
))
_FUNCTION = frozenset(("of", "and", "&", "for", "the", "at", "in", "on", "de", "du", "des", "la", "le"))


def keeps_leading_place(words: Sequence[str]) -> bool:
    """"American Dental Association": a capitalised name of three words or more that ends in an organisation's word
    (or has one before "of": "California Department of Motor Vehicles") keeps the place or people it opens with."""
    if len(words) < 3 or words[0].lower() in _FUNCTION or words[0].lower() in ("a", "an"):
        return False
    if not all(w[:1].isupper() or w.lower() in _FUNCTION for w in words):
        return False
    lowered = [w.lower().strip(".,'’") for w in words]
    if lowered[-1] in _EN_ORG_HEADS:
        return True
    return any(w in _EN_ORG_HEADS and lowered[i + 1] == "of" for i, w in enumerate(lowered[1:-1], start=1))


_EN_ORG_NAME = re.compile(r"(?<![\w.'’-])((?:[A-Z][\w&'’.-]*[ \t]+(?:(?:of|for|&)[ \t]+)?){1,5}([A-Z][a-z]+))\b")


def english_org_names(text: str) -> list[tuple[str, int, int]]:
    """"Tampa General Hospital has about 7,000 employees": a capitalised name of two words or more that ends in an
    organisation's word names an organisation, wherever it stands."""
    # (not the tail of a longer name: "Health and Human Services" of "Department of Health and Human Services")
    return [(m.group(1), m.start(1), m.end(1)) for m in _EN_ORG_NAME.finditer(text)
            if is_org_head(m.group(2)) and not _JOINED_BEFORE.search(text, 0, m.start(1))]


_JOINED_BEFORE = re.compile(r"[A-Z][\w.&'’-]*[ \t]+(?:and|of|for|&)[ \t]+\Z")


def initials(name: str) -> str:
    """"E-Sports Entertainment Association" -> "ESEA": the capitals of a name's words (and of their hyphened parts)."""
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part[:1].isupper())


def is_org_head(word: str) -> bool:
    """"Hospital", "hospitals", "Authority": a word an organisation's name ends in."""
    return word.lower() in _EN_ORG_HEADS or word.lower().removesuffix("s") in _EN_ORG_HEADS


def is_titled_person(name: str) -> bool:
    """"President William Powers Jr", "CEO Jane Doe": a title, then a person's name, is a person."""
    words = name.replace(".", " ").split()
    return len(words) >= 2 and words[0].lower() in _EN_PERSON_TITLES and words[1][:1].isupper() \
        and not any(w.lower() in _EN_ORG_HEADS or w.lower() in _FUNCTION for w in words[1:])


# --- acronyms ------------------------------------------------------------------------------------------------

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9}?)s?\s*\)")
_LONG_WORD = re.compile(r"[A-Z][\w&'’.-]*|of|and|for|the|&|at|on|in|de")


def acronym_definitions(text: str) -> list[tuple[str, int, int, str]]:
    """"The Greater Ludhiana Area Development Authority (GLADA)": (long name, its start, its end, acronym) for each
    bracketed acronym whose letters are the initials of the capitalised words right before it."""
    found = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym.upper() if c.isalnum()]
        if sum(c.isupper() for c in acronym) < 2:
            continue
        words = list(re.finditer(r"\S+", text[max(0, match.start() - 200) : match.start()]))
        offset = max(0, match.start() - 200)
        run: list[re.Match[str]] = []
        for word in reversed(words):
            if not _LONG_WORD.fullmatch(word.group(0)) or len(run) > 12:
                break
            run.insert(0, word)
        # the shortest tail of the run whose capitalised initials spell the acronym
        for first in range(len(run) - 1, -1, -1):
            tail = run[first:]
            if tail[0].group(0).lower() in _FUNCTION:
                continue
            initials = [w.group(0)[0].upper() for w in tail if w.group(0)[:1].isupper()]
            if initials == letters or [w.group(0)[0].upper() for w in tail] == letters:
                if len(tail) >= 2:
                    found.append((" ".join(w.group(0) for w in tail), offset + tail[0].start(),
                                  offset + tail[-1].end(), acronym))
                break
    return found


# --- Russian organisation phrases ----------------------------------------------------------------------------

# Organisation nouns beyond the lexicon's institutions and kinds of company («онкоцентр» ends in «центр»).
_RU_EXTRA_HEADS = frozenset("центр диспансер институт академия фонд управление инспекция комитет".split())
_CYRILLIC = re.compile(r"[а-яё]", re.I)
_OWN_LATIN_NAME = re.compile(r"(?:\s+в\s+[А-ЯЁ][\w-]*(?:[\s-][А-ЯЁ][\w-]*)?)?\s*(?:\((?=[^)\n]{2,80}\))|[«\"]?)"
                             r"((?:[A-Z]|\d+[a-z]*[ \t]+[A-Z])[\w&.'’-]*"
                             r"(?:[ \t]+(?:[A-Z][\w&.'’-]*|of|and|for|&)){0,7})")


def _morph():  # noqa: ANN202
    from bot.breaches.lemmas import _morph as morph

    return morph()


@lru_cache(maxsize=8192)
def _is_head(lemma: str) -> bool:
    if lemma in L.INSTITUTIONS or lemma in _RU_EXTRA_HEADS:
        return True
    # «онкоцентр», «онкодиспансер», «горбольница»: a compound ends in a head noun
    return len(lemma) > 6 and any(lemma.endswith(h) and len(lemma) - len(h) >= 3
                                  for h in (*_RU_EXTRA_HEADS, *L.INSTITUTIONS))


@lru_cache(maxsize=8192)
def _parses(word: str) -> tuple:
    return tuple(_morph().parse(word))


@lru_cache(maxsize=4096)
def _noun(word: str):  # noqa: ANN202 - the best noun reading of a word, or None
    return next((p for p in _morph().parse(word.lower()) if p.tag.POS == "NOUN"), None)


@lru_cache(maxsize=4096)
def is_place_adjective(lemma: str) -> bool:
    """«свердловский» (Свердловск), «кембриджский» (Кембридж): an adjective made from a place's name; not from a
    country's («канадский университет» is any of a country's universities)."""

    places = []
    for suffix in ("ский", "цкий", "ской"):
        if lemma.endswith(suffix):
            stem = lemma[: -len(suffix)]
            # Свердловск, Кембридж, Тверь, Москва (москов-ский), Калифорния (калифорний-ский)
            bases = (stem, stem + "ск", stem + "а", stem + "ь", stem[:-2] + "ва" if stem.endswith("ов") else "",
                     stem[:-1] + "я" if stem.endswith("й") else "")
            for base in bases:
                if base and any("Geox" in p.tag and p.is_known and p.normal_form == base for p in _morph().parse(base)):
                    places.append(base)
    return bool(places) and not any(is_place(base) for base in places)


def _agrees(adj, noun) -> bool:  # noqa: ANN001
    return adj.tag.case == noun.tag.case and (adj.tag.number == noun.tag.number) and (
        noun.tag.number == "plur" or adj.tag.gender in (None, noun.tag.gender))


def _agreeing(word: str, nouns: list):  # noqa: ANN001, ANN202
    """The reading of an adjective that agrees with one of the noun's readings, and that noun reading."""
    parses = _parses(word.lower())
    if parses[0].tag.POS != "ADJF":  # «базу данных полиции»: «данных» is a noun first
        return None
    for adj in parses:
        if adj.tag.POS == "ADJF":
            noun = next((n for n in nouns if _agrees(adj, n)), None)
            if noun is not None:
                return adj, noun
    return None


def russian_org_phrases(text: str, toks: Sequence[Token]) -> list[tuple[str, int, int]]:
    """Each organisation noun with what makes it a name: agreeing adjectives before it (one capitalised or made from a
    place) or a capitalised genitive after it; the phrase in the nominative with its span."""
    found = []
    for i, tok in enumerate(toks):
        if not _is_head(tok.lemma) or tok.text.isupper():
            continue
        nouns = [p for p in _parses(tok.text.lower()) if p.tag.POS == "NOUN"]
        if not nouns:
            continue
        noun, adjectives = nouns[0], []
        first, named = i, False
        while first > 0 and not text[toks[first - 1].end : toks[first].start].strip():
            pair = _agreeing(toks[first - 1].text, nouns) if _CYRILLIC.match(toks[first - 1].text) else None
            if pair is None:
                break
            adj, noun = pair
            nouns, adjectives = [noun], [adj, *adjectives]
            first -= 1
            opening = text[max(0, toks[first].start - 6) : toks[first].start].rstrip(" \t«\"„“")
            sentence_start = toks[first].start < 6 and not opening or opening[-1:] in (".", "!", "?", "\n", ":")
            named = named or (toks[first].capitalised and not sentence_start) or is_place_adjective(adj.normal_form)
        last = i + 1
        # «правительства Москвы», «больниц Кембриджского университета»: a capitalised genitive after the noun
        j = i + 1
        while j < len(toks) and j - i <= 3 and toks[j].capitalised and _CYRILLIC.match(toks[j].text) \
                and not text[toks[j - 1].end : toks[j].start].strip():
            word = next((p for p in _parses(toks[j].text.lower())
                         if p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent"), None)
            if word is None:
                break
            j += 1
            if word.tag.POS == "ADJF":  # «Кембриджского университета»: the adjective's noun, lowercase or not
                if j < len(toks) and not text[toks[j - 1].end : toks[j].start].strip() \
                        and (n := _noun(toks[j].text)) is not None and n.tag.case == "gent":
                    j += 1
                else:
                    j -= 1
                    break
        if j > i + 1:
            named, last = True, j
        # «медицинских центров Калифорнийского университета в Лос-Анджелесе UCLA Health», «больничный центр в Загребе
        # (KBC Zagreb)»: a Latin name right after the phrase (past where it is) is its own name
        own = _OWN_LATIN_NAME.match(text, toks[last - 1].end)
        if own:
            found.append((own.group(1), toks[first].start, toks[last - 1].end))
        elif named:
            found.append((_nominative(toks, first, i, last, noun, adjectives), toks[first].start, toks[last - 1].end))
    # («больниц Кембриджского университета» holds «Кембриджского университета»: the longer phrase is the name)
    return [f for f in found if not any(o != f and o[1] <= f[1] and f[2] <= o[2] for o in found)]


def _nominative(toks: Sequence[Token], first: int, head: int, last: int, noun, adjectives: list) -> str:  # noqa: ANN001
    number = noun.tag.number or "sing"
    head_form = noun.inflect({"nomn", number})
    words = []
    for k, adj in zip(range(first, head), adjectives, strict=True):
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", noun.tag.gender or "masc"}
        form = adj.inflect(grammemes) if adj is not None else None
        words.append(form.word if form else toks[k].text)
    words.append(head_form.word if head_form else toks[head].text)
    words += [t.text for t in toks[head + 1 : last]]
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]
