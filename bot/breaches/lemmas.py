"""Posts as lemmas: words with their positions, Russian words reduced by pymorphy3, English by Snowball.

Everything that reads a post by meaning (the leak lexicon, the count nouns, the victim's role, the
directory matcher) works on these tokens, so «выставили на продажу», «выставлены на продажу» and
«выставит на продажу» are one phrase, and «СДЭКа», «Острова чистоты и вкуса» match their directory names.
The analyser is loaded once, lazily; lemmas are cached per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from bot.kb.text import fold

# Hyphenated words stay whole: «пресс-службе» is a press office, not a «служба» (a delivery service's noun).
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[а-я]")
_EN_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    text: str   # as written
    lemma: str  # folded lemma (Russian) or stem (English); digits as written
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


def _morph():  # noqa: ANN202 - the project's one pymorphy3 analyser (its dictionaries load once per process)
    from bot.kb.text import analyzer

    return analyzer()


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The lemma of one word: «выставили» -> «выставить», "posted" -> "post", "users'" -> "user"."""
    folded = fold(word).replace("’", "'")
    if folded.isdigit():
        return folded
    if _CYRILLIC.search(folded) and word.isupper() and len(word) > 1:  # «ИНН», «СНИЛС», «МТС»: abbreviations
        return folded
    if _CYRILLIC.search(folded):
        parses = _morph().parse(folded)
        best = parses[0]
        if best.tag.POS in ("PRTF", "PRTS"):  # «данные» are data, not a participle of «дать»
            best = next((p for p in parses if p.tag.POS == "NOUN"), best)
        return best.normal_form.replace("ё", "е")
    return _EN_STEMMER.stemWord(folded.removesuffix("'s"))


def tokens(text: str) -> list[Token]:
    return [Token(m.group(0), lemma(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


def lemma_phrase(text: str) -> str:
    """A name's words as lemmas joined by spaces: «Острова чистоты и вкуса» -> "остров чистота и вкус"."""
    return " ".join(t.lemma for t in tokens(text))


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^a-zа-яё\s])|\n+")
# Abbreviations whose full stop ends no sentence: a title or a company's form before a name ("Mr. Smith", "Quorlo
# Inc. said"), a month or a number sign before a figure ("Dec. 19", "No. 5").
_TITLE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|Bros|vs)\.$")
_BEFORE_FIGURE = re.compile(r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|approx)\.$", re.I)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if "\n" in match.group(0):
        return True
    before = text[max(0, match.start() - 8) : match.start()]
    figure = text[match.end() : match.end() + 1].isdigit()
    return not (_TITLE.search(before) or _BEFORE_FIGURE.search(before) and figure)


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (and lines) of a post."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


_OBLIQUE = {"gent", "datv", "accs", "ablt", "loct"}


def nominative(name: str) -> str:
    """A name found inflected in running text, in the nominative: «Нижнекамской ЦРБ» -> «Нижнекамская ЦРБ»,
    «Почты России» -> «Почта России». Words up to the head noun change; what depends on it («России», «чистоты
    и вкуса») and abbreviations stay as written."""
    out, head_seen = [], False
    for word in name.split():
        if head_seen or not _CYRILLIC.search(word.lower()) or word.isupper():
            head_seen = head_seen or word.isupper()
            out.append(word)
            continue
        parse = _morph().parse(word)[0]
        head_seen = "NOUN" in parse.tag
        form = parse.inflect({"nomn"}) if parse.tag.case in _OBLIQUE and parse.is_known else None
        text = form.word if form else word
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return " ".join(out)


def is_adjective(word: str) -> bool:
    """«Нижнекамской» is half a name: the noun it qualifies is missing."""
    return _CYRILLIC.search(word.lower()) is not None and "ADJF" in _morph().parse(word.lower())[0].tag
