"""Read a question once: `Reader.read(text, lang)` -> `Query` (bot/understanding/query.py).

The text is folded by the one normaliser (bot/kb/text.py `fold`), a question typed in the wrong keyboard layout or
in Latin transliteration is read back as Russian, every word gets its terms (all pymorphy3 lemmas of a Russian
word, the Snowball stem of an English one) and the vocabulary (bot/understanding/vocabulary.py) is matched by
whole terms. What the question names comes out as fields: laws, articles, authorities, countries, companies the
knowledge base knows, numbers, years, a moment. What each number counts and who the offender is are read by word
order, in bot/understanding/roles.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.kb import text as T
from bot.kb.amounts import numbers
from bot.kb.countries import COUNTRIES
from bot.understanding import vocabulary as V
from bot.understanding.query import TOKEN, Article, Query, Token, analyzer, known_russian, term_keys
from bot.understanding.roles import (
    a_child_of_an_age,
    grammar,
    more_than,
    names_an_edition,
    number_kind,
    offender,
    travellers,
)

_LAYOUT_TOKEN = re.compile(r"\S+")
FZ = re.compile(r"(?<![\d.])(\d{1,3})\s*-?\s*(?:фз|fz)(?![a-zа-я])|(?<![a-zа-я])(?:фз|fz|федеральный закон|"
                 r"federal law|закон)\s*(?:№|no\.?|n)?\s*-?\s*(\d{1,3})(?![\d.])")
_ARTICLE = re.compile(r"(?<![a-zа-я])(?:ст(?:ать[а-я]*)?|art(?:icle)?s?|section|sec|s)\.?\s*(\d{1,3}(?:\.\d{1,2})?)"
                      r"(?:\s*\((\d{1,2}(?:\.\d)?)\))?")
_PART = re.compile(r"(?<![a-zа-я])(?:ч(?:аст[а-я]*)?|part|п)\.?\s*(\d{1,2}(?:\.\d)?)")
_BARE_ARTICLE = re.compile(r"(?<![\d.])(13\.11|272\.1|18\.5|19\.7)(?![\d])")
_DATE = re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d.])|(?<!\d)\d{1,2}:\d{2}(?!\d)")
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d])")
_SPLIT_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s*[/–-]\s*(\d\d)(?![\d])")


class Reader:
    """Reads questions. Built once (the analyser is shared); `companies` / `known_latin` come from the knowledge
    base (bot/understanding/lexicon.py), so a Reader without them still reads laws, numbers and roles."""

    def __init__(self, *, companies: dict[str, str] | None = None, known_latin: Iterable[str] = (),
                 fines_authorities: Iterable[str] = (), ordinary_names: Iterable[str] = (),
                 law_numbers: Iterable[str] | None = None):
        self.morph = analyzer()
        # the federal laws the entries name by number (None: any number is known, a Reader without a knowledge base)
        self.law_numbers = None if law_numbers is None else frozenset(law_numbers)
        # a word of a company's name -> its term; a word that is also the vocabulary's ("data") is not a name
        self.companies = {w: t for w, t in (companies or {}).items() if t not in _CONCEPT_LATIN and len(w) > 2}
        self._long_names = [w for w in self.companies if len(w) >= 6 and w.isalpha()]
        # terms of company names that are ordinary words too ("Social", "Press"): a name only when capitalised
        self.ordinary_names = frozenset(ordinary_names)
        self.known_latin = frozenset(known_latin) | _VOCAB_LATIN
        self.fines_authorities = {a for a in fines_authorities if len(a) > 2 and a not in V.GENERIC_AUTHORITY_WORDS}
        self._phrases: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
        # one-word phrases of the vocabulary by their stems, for misspelt words
        self._vocab_stems: dict[bool, list[str]] = {True: [], False: []}
        self._vocab_stems_keys: dict[str, tuple[str, frozenset[str]]] = {}
        # Russian words of the vocabulary as typed in it (a noun's or verb's lemma: «штраф», «утечка»), for the slang
        # and new forms the dictionary lacks («штрафанут»)
        self._vocab_roots: dict[str, frozenset[str]] = {}
        for label, phrases in _labelled_phrases():
            for phrase in phrases:
                elements = _phrase_elements(phrase, self._vocabulary_keys)
                # every word of a phrase, so that "wich artcle" and «какая стаття» still ask which article
                for word in phrase.split():
                    if not word.startswith("=") and len(word) >= 4 and word.isalpha():
                        stem = T.stem(T.fold(word))
                        if stem not in self._vocab_stems_keys:
                            self._vocab_stems[T.is_cyrillic(word)].append(stem)
                            self._vocab_stems_keys[stem] = (T.fold(word), self._word_keys(T.fold(word)))
                        if T.is_cyrillic(word) and len(word) >= _ROOT_LETTERS:
                            self._vocab_roots.setdefault(T.fold(word), self._word_keys(T.fold(word)))
                if elements:
                    for key in elements[0]:
                        self._phrases.setdefault(key, []).append((elements, label))

    # -- words --------------------------------------------------------------------------------------------
    @lru_cache(maxsize=50_000)  # noqa: B019 - one Reader per knowledge base, built once
    def _parse(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        if T.is_cyrillic(word):
            parses = self.morph.parse(word)[:3]
            keys = {word, "=" + word} | {p.normal_form.replace("ё", "е") for p in parses}
            # a superlative keeps its degree beside its lemma («наибольшего»: «больший» and «больший~supr»)
            keys |= {p.normal_form.replace("ё", "е") + SUPERLATIVE for p in parses if "Supr" in p.tag.grammemes}
            grammemes = set().union(*(p.tag.grammemes for p in parses)) if parses else set()
            return frozenset(keys), frozenset(grammemes)
        return frozenset({word, "=" + word, T.term(word)}), frozenset()

    def _word_keys(self, word: str) -> frozenset[str]:
        return self._parse(word)[0]

    def _vocabulary_keys(self, word: str) -> frozenset[str]:
        """What a vocabulary word matches: a superlative («наибольший», «крупнейший») only a superlative of its
        lemma, not the plain adjective its lemma is («больших данных», «крупный город» name no maximum, no record)."""
        keys = self._parse(word)[0]
        degree = {k for k in keys if k.endswith(SUPERLATIVE)}
        if not degree:
            return keys
        return frozenset(k for k in keys if k.startswith("=") or k == word or k in degree)

    @staticmethod
    def _known_russian(word: str) -> bool:
        return known_russian(word)

    def _english(self, word: str) -> bool:
        return word in T.STOPWORDS or T.term(word) in self.known_latin

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Reader per knowledge base, built once
    def _typo(self, word: str) -> tuple[str, frozenset[str]] | None:
        """The vocabulary word a misspelt word stands for, with its keys («штрав», «утечьку», "gdrp": one letter off
        or two swapped in their stems), when the word is known neither to the Russian dictionary nor as English."""
        if len(word) < 4 or word.isdigit() or self._known_russian(word) or (
                not T.is_cyrillic(word) and self._english(word)):
            return None
        if T.is_cyrillic(word):
            # a word the dictionary lacks built on a vocabulary word («штрафанут», «штрафануть» on «штраф»)
            for n in range(len(word) - 1, _ROOT_LETTERS - 1, -1):
                if word[:n] in self._vocab_roots:
                    return word[:n], self._vocab_roots[word[:n]]
        stem = T.stem(word)
        match = process.extractOne(stem, self._vocab_stems.get(T.is_cyrillic(word), ()), scorer=OSA.distance,
                                   score_cutoff=1)
        if match and len(stem) <= _SHORT_STEM and len(match[0]) == len(stem) and sorted(match[0]) != sorted(stem):
            return None   # a short word with one letter changed is often another name ("PIPA" is Korea's law, not PIPL)
        if match and match[0][0] != stem[0]:
            return None   # a typo seldom changes the first letter: "acounts" is "accounts" misspelt, not "count"
        return self._vocab_stems_keys[match[0]] if match else None

    # -- repair ---------------------------------------------------------------------------------------------
    def _repair(self, folded: str) -> tuple[str, str | None]:
        """A question typed on the wrong layout (`inhfa pf entxre`) or in Latin letters (`shtraf za utechku`) read
        back as Russian, when most of its words then read as Russian and not as English."""
        if T.is_cyrillic(folded):
            english = self._english_typed_on_russian(folded)
            return (english, "layout") if english is not None else (self._repair_tokens(folded), None)
        raw = _LAYOUT_TOKEN.findall(folded)
        words = [w for w in raw if re.search(r"[a-z]", w) and not re.search(r"\d", w)]
        if not words:
            return folded, None
        layout = [T.layout_swap(w).lower() for w in words]
        layout_ok = sum(all(self._known_russian(x) for x in TOKEN.findall(s)) and not self._english(w.strip("?!.,"))
                        for w, s in zip(words, layout, strict=True))
        translit = [self._russian_spelling(w.strip("?!.,")) for w in words]
        translit_ok = sum(c is not None and not self._english(w.strip("?!.,"))
                          for w, c in zip(words, translit, strict=True))
        if layout_ok >= max(1, len(words) * 0.5) and layout_ok >= translit_ok:
            # ... but a Latin name typed among them stays itself ("equifax" is not «уйгшафч»)
            return " ".join(T.layout_swap(w).lower() if re.search(r"[a-z]", w) and not self._latin_name(w) else w
                            for w in raw), "layout"
        english = sum(self._english(w.strip("?!.,")) for w in words)
        if translit_ok >= max(2, len(words) * 0.5) and translit_ok >= english:
            out = []
            for w in raw:
                c = self._russian_spelling(w.strip("?!.,")) if re.search(r"[a-z]", w) else None
                out.append(c if c is not None and not self._english(w.strip("?!.,")) else w)
            return " ".join(out), "translit"
        return folded, None

    def _english_typed_on_russian(self, folded: str) -> str | None:
        """The other direction of the layout: English typed on the Russian layout («ьфккшщее шсщ ашту фьщгте» is
        "marriott ico fine amount"), read back when most of its Cyrillic words are no Russian word the dictionary
        knows and read, swapped, as English or a company's name. A Russian word among them stays itself."""
        raw = _LAYOUT_TOKEN.findall(folded)
        words = [w for w in raw if T.is_cyrillic(w) and not re.search(r"\d", w)]
        if not words:
            return None

        def reads_english(typed: str) -> bool:
            own = TOKEN.findall(typed)
            swapped = T.layout_swap(typed).lower().strip("?!.,;:")
            return bool(own) and not all(self._known_russian(x) for x in own) and bool(
                re.fullmatch(r"[a-z]+", swapped)) and (self._english(swapped) or swapped in self.companies)
        english = [w for w in words if reads_english(w)]
        if len(english) < max(1, len(words) * 0.5):
            return None
        return " ".join(T.layout_swap(w).lower() if w in english else w for w in raw)

    def _latin_name(self, typed: str) -> bool:
        """A Latin word that is English or a company's name and does not read as Russian on the other layout."""
        word = typed.strip("?!.,")
        return bool(re.fullmatch(r"[a-z]+", word)) and (self._english(word) or word in self.companies) and not all(
            self._known_russian(x) for x in TOKEN.findall(T.layout_swap(word).lower()))

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Reader per knowledge base, built once
    def _russian_spelling(self, latin: str) -> str | None:
        """A transliterated word as the Russian word it is, or None: the soft sign, which transliteration drops,
        is tried where Russian words have it ("uvedomlyat" -> «уведомлять», "personalnyh" -> «персональных»)."""
        spellings = [T.to_cyrillic(latin)]
        if re.search(r"c(?!h)", latin):   # a bare "c" is «ц» as often as «к» ("yurlica" -> «юрлица»)
            spellings.append(T.to_cyrillic(re.sub(r"c(?!h)", "ts", latin)))
        if re.search(r"[aeiouy]i$", latin):   # a final «й» written "i" ("kakoi" -> «какой»)
            spellings.append(T.to_cyrillic(latin[:-1] + "j"))
        for word in spellings:
            if self._known_russian(word):
                return word
        for word in spellings:   # a word the dictionary lacks but the vocabulary has («физлицу», «юрлицом»)
            if any(len(k) >= 5 and not k.startswith("=") and k in self._phrases for k in self._word_keys(word)):
                return word
        for word in spellings:
            for i, ch in enumerate(word):
                if ch in "лнтдсзр" and (i == len(word) - 1 or word[i + 1] not in "аеёиоуыэюяь"):
                    candidate = word[:i + 1] + "ь" + word[i + 1:]
                    if self._known_russian(candidate):
                        return candidate
        return None

    def _repair_tokens(self, folded: str) -> str:
        """One token typed on the other layout inside a Russian sentence (`gthcjyfkmys[`)."""
        out = []
        for w in _LAYOUT_TOKEN.findall(folded):
            if re.fullmatch(r"[a-z\[\];',.`]+", w) and re.search(r"[\[\];',.`]", w.strip(",.;")) \
                    and not self._english(w):
                swapped = T.layout_swap(w).lower()
                if all(self._known_russian(x) for x in TOKEN.findall(swapped)):
                    w = swapped
            out.append(w)
        return " ".join(out)

    # -- reading --------------------------------------------------------------------------------------------
    def read(self, text: str, lang: str = "ru") -> Query:
        folded, repaired = self._repair(T.fold(text))
        letters = [ch for ch in folded if ch.isalpha()]
        written = "ru" if letters and sum(T.is_cyrillic(ch) for ch in letters) > len(letters) / 2 else (
            "en" if letters else lang)
        query = Query(raw=text, text=folded, lang=written, repaired=repaired, search_text=folded)
        corrected = []
        for m in TOKEN.finditer(folded):
            keys, grammemes = self._parse(m.group(0))
            typo = self._typo(m.group(0))
            if typo is not None:
                corrected.append((m.start(), m.end(), typo[0]))
                keys |= typo[1]
            query.tokens.append(Token(m.group(0), keys, grammemes, m.start(), m.end()))
        self._match_vocabulary(query)
        if query.has("when"):   # "when did … start": the verb frames the question, the search leaves it out
            corrected += [(t.start, t.end, "") for t in query.tokens if t.keys & _FRAME_VERBS]
        if query.has("all_time"):   # "of all time", «за всё время»: a span, not the word "time" an entry may have
            corrected += [(t.start, t.end, "") for t in query.tokens if t.keys & _ALL_TIME_WORDS]
        corrected += a_child_of_an_age(query.tokens)
        for start, end, word in sorted(corrected, reverse=True):   # the search reads the vocabulary's spelling
            query.search_text = query.search_text[:start] + word + query.search_text[end:]
        self._read_companies(query)
        self._read_structures(query)
        query.offender = offender(query)
        return query

    def _match_vocabulary(self, query: Query) -> None:
        tokens = query.tokens
        found: list[tuple[int, str]] = []
        spans: dict[int, tuple[int, str]] = {}   # offender phrases: start -> (length, kind), the longest
        mentions: list[tuple[int, int, str]] = []   # countries: (token, length, code)
        for i, token in enumerate(tokens):
            for key in token.keys:
                for elements, label in self._phrases.get(key, ()):
                    if i + len(elements) <= len(tokens) and all(
                            tokens[i + j].keys & element for j, element in enumerate(elements)):
                        found.append((i, label))
                        if label.startswith("country:"):
                            mentions.append((i, len(elements), label.partition(":")[2]))
                        if label.startswith("offender:") and len(elements) >= spans.get(i, (0, ""))[0]:
                            spans[i] = (len(elements), label.partition(":")[2])
        query.offender_spans = sorted((i, n, kind) for i, (n, kind) in spans.items())
        for i, label in sorted(found):
            kind, _, name = label.partition(":")
            if kind == "concept" and name == "fine" and any(t.word in _WITHOUT for t in tokens[max(0, i - 2):i]):
                continue   # "without a fine", «без штрафа»: no fine is asked about
            if kind == "concept":
                query.concepts.add(name)
            elif kind == "law" and name not in query.laws:
                query.laws.append(name)
            elif kind == "authority" and name not in query.authorities:
                query.authorities.append(name)
            elif kind == "publisher" and name not in query.publishers:
                query.publishers.append(name)
            elif kind == "country" and name not in query.countries:
                query.countries.append(name)
            elif kind == "moment":
                query.has_moment = True
        grammar(query)
        if query.has("hack_event"):
            query.concepts.add("leak")   # a break-in («взломали», "hit by ransomware") is a personal data breach
        # a country named only as where a person is from or goes is no law asked about
        query.travels = travellers(query, mentions)
        query.countries = [c for c in query.countries if c not in query.travels]
        for token in tokens:
            if token.word in self.fines_authorities and token.word not in query.authorities:
                query.authorities.append(token.word)
        for law in query.laws:   # a named law's country is named too
            if law in ("ru_152fz", "koap", "ru_criminal") and "RU" not in query.countries:
                query.countries.append("RU")

    def _read_structures(self, query: Query) -> None:
        text = query.text
        taken: list[tuple[int, int]] = []
        for m in FZ.finditer(text):
            number = m.group(1) or m.group(2)
            taken.append(m.span())
            if self.law_numbers is not None and number not in self.law_numbers:
                query.unknown_fz.append(number)   # "VPN under 149-ФЗ": no entry speaks of that law
                continue
            query.fz_numbers.append(number)
            law = V.RU_FEDERAL_LAWS.get(number)
            if law and law in V.LAWS_BY_ID and law not in query.laws:
                query.laws.append(law)
        parts = [m.group(1) for m in _PART.finditer(text)]
        for m in _ARTICLE.finditer(text):
            if any(s <= m.start(1) < e for s, e in taken):
                continue
            query.articles.append(Article(m.group(1), m.group(2) or (parts[0] if parts else None)))
            taken.append(m.span())
        for m in _BARE_ARTICLE.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                query.articles.append(Article(m.group(1), parts[0] if parts else None))
                taken.append(m.span())
        taken += [m.span() for m in _PART.finditer(text)]
        for m in _DATE.finditer(text):
            query.has_moment = True
            taken.append(m.span())
        for m in _SPLIT_YEAR.finditer(text):
            # a reporting year ("2023/24", «2023-24»): both calendar years it spans; its second half is no count
            first = int(m.group(1))
            query.years += [first, first // 100 * 100 + int(m.group(2))]
            taken.append((m.start(2) - 1, m.end(2)))
        for n in numbers(text):
            if any(s <= n.start < e for s, e in taken):
                continue
            n.kind = number_kind(query, n)
            if n.kind in ("subjects", "identifiers", "count") and more_than(query, n):
                n.value += 1   # «более 100 тыс человек»: over the band that ends at 100,000
                n.more_than = True   # ... while the reply repeats the bound as stated
            if n.kind == "year" and int(n.value) not in query.years:
                query.years.append(int(n.value))
            if n.kind == "year" and names_an_edition(query, n):
                query.edition_years.add(int(n.value))
            query.numbers.append(n)


    def _read_companies(self, query: Query) -> None:
        for token in query.tokens:
            # A brand written in Russian is reached through the search synonyms (фейсбук -> facebook), in any of its
            # forms («оштрафовал мету» is «мета», Meta)
            lemmas = [k for k in token.keys if T.is_cyrillic(k) and not k.startswith("=") and k != token.word]
            spelt = [w for key in (token.word, *lemmas) for w in T.SYNONYMS.get(key, "").split()]
            for word in dict.fromkeys((token.word, *spelt)):
                family = V.BRAND_FAMILY.get(word)
                if family:
                    query.companies |= {T.term(w) for w in family}
                    query.company_label = query.company_label or token.word
                    break
                query.parent_companies |= {T.term(owner) for owner, brands in V.BRAND_FAMILY.items()
                                           if word in brands and word != owner}
                t = self._company_term(word)
                if t and t in self.ordinary_names and not _capitalised(query.raw, token.word):
                    t = None   # "published online", "a web shop": the word, not "Published" or "Shop"
                if t:
                    query.companies.add(t)
                    query.company_label = query.company_label or token.word
                    break

    def _company_term(self, word: str) -> str | None:
        """The company a word names: the name's own word, or its plural ("tiktoks"); never a shorter name inside
        a longer word ("time" is not TIM)."""
        if word in self.companies:
            return self.companies[word]
        if word.endswith("s") and len(word) > 4 and word[:-1] in self.companies:
            return self.companies[word[:-1]]
        return self._misspelt_company(word)

    @lru_cache(maxsize=20_000)  # noqa: B019 - one Reader per knowledge base, built once
    def _misspelt_company(self, word: str) -> str | None:
        """A long Latin name one letter off a company's ("marriot", "equifx"), when the word is no English word."""
        if T.is_cyrillic(word) or not word.isalpha() or self._english(word):
            return None
        for i in range(1, len(word)):
            # a key pressed twice ("yahooo", "equiffax"): the name with that letter once (a name of 4 letters or more)
            once = word[:i] + word[i + 1:]
            if word[i] == word[i - 1] and len(once) >= _SHORTEST_STUTTERED and once in self.companies:
                return self.companies[once]
        if len(word) < 6:
            return None
        match = process.extractOne(word, self._long_names, scorer=OSA.distance, score_cutoff=1)
        return self.companies[match[0]] if match else None


def _capitalised(raw: str, word: str) -> bool:
    """Is the word written with a capital where the question has it, and not as a sentence's first word?"""
    return any(raw[m.start()].isupper() and raw[:m.start()].strip() and raw[:m.start()].rstrip()[-1] not in ".!?"
               for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", raw, re.IGNORECASE))


def _phrase_elements(phrase: str, word_keys) -> tuple[frozenset[str], ...]:
    """A vocabulary phrase as the term sets its words match; "=word" matches that very form only ("fines" asks for
    a list, "fine" does not)."""
    elements: list[frozenset[str]] = []
    for part in phrase.split():
        if part.startswith("="):
            elements.append(frozenset({"=" + T.fold(part[1:])}))
        else:
            elements += [word_keys(w) for w in TOKEN.findall(T.fold(part))]
    return tuple(elements)


def _labelled_phrases() -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = [(f"concept:{name}", phrases) for name, phrases in V.CONCEPTS.items()]
    out += [(f"law:{law.id}", law.names) for law in V.LAWS]
    out += [(f"authority:{key}", names) for key, (names, _, _) in V.AUTHORITIES.items()]
    out += [(f"publisher:{key}", names) for key, names in V.STATISTIC_PUBLISHERS.items()]
    out += [(f"country:{code}", tuple(n for n in names if len(n) > 2 or code == "EU"))
            for code, names in {**COUNTRIES, **V.OTHER_COUNTRIES}.items()]
    out += [(f"offender:{kind}", phrases) for kind, phrases in V.OFFENDER_KINDS.items()]
    # Month names mark a date too, but not "may" (a verb as often as a month).
    months = tuple(name for month in V.MONTHS for name in month[:3] if name != "may")
    out.append(("moment:", V.MOMENT_WORDS + V.DISCOVERY_WORDS + months))
    return out


_FRAME_VERBS = term_keys(V.FRAME_VERBS)
_ALL_TIME_WORDS = term_keys(("time", "время", "ever"))
_CONCEPT_LATIN = frozenset(T.term(w.lstrip("=")) for phrases in V.CONCEPTS.values() for p in phrases
                           for w in p.split() if not T.is_cyrillic(w))
# English words the vocabulary itself knows, so a Reader without a knowledge base does not take "billion" or
# "meta" for transliterated Russian.
_VOCAB_LATIN = frozenset(
    T.term(w.lstrip("=")) for phrases in (*V.CONCEPTS.values(), tuple(V.MULTIPLIERS), *V.CURRENCIES.values(),
                                          *V.MONTHS, *V.BRAND_FAMILY.values(), *V.OTHER_COUNTRIES.values(),
                                          *V.OFFENDER_KINDS.values(), V.SUBJECT_NOUNS, V.IDENTIFIER_NOUNS)
    for p in phrases for w in p.split() if not T.is_cyrillic(w))
_SHORTEST_STUTTERED = 4   # the shortest name read through a doubled letter ("metaa"); a shorter one is another word
_ROOT_LETTERS = 5   # the shortest vocabulary word another unknown word may be built on («штраф»)
_SHORT_STEM = 4   # a stem this short is corrected for two letters swapped ("gdrp") or one left out ("wich")
_WITHOUT = frozenset({"без", "without"})
SUPERLATIVE = "~supr"   # the key a superlative's lemma gets beside the lemma itself
