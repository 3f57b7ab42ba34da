"""`KnowledgeIndex`: fuzzy, bilingual search over knowledge entries, built once at start.

Scoring is BM25 over canonical terms (see `bot.kb.text`), with title, keywords and sample questions weighted
above the answer text. A question word the index does not know is repaired before it is given up, cheapest
first: transliteration (`shtraf`), the other keyboard layout (`inhfa`), a longer or shorter word form sharing a
long prefix (`ирландского` ~ `ирландия`), and finally a typo match with rapidfuzz against the vocabulary.

`SearchResult.confident` is False when the best entry explains too little of the question: the bot then says
it is not sure and offers what it has, instead of a confident wrong answer.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from bot.kb import text as T
from bot.kb.countries import country_names
from bot.kb.models import Entry

FIELD_WEIGHTS = {"title": 3.0, "keywords": 3.0, "questions": 2.0, "facts": 2.0, "answer": 1.0}
K1, B = 1.2, 0.75
# Penalties for repaired words: a guess is worth less than a word typed as indexed.
REPAIR_FACTOR = {"exact": 1.0, "translit": 0.95, "layout": 0.95, "prefix": 0.8, "fuzzy": 0.7}
MIN_COVERAGE = 0.5
# An unknown word's weight on coverage, as a share of the rarest known word's: a word of the language no entry holds
# («наркоз» in «согласие на операцию под общим наркозом»), or one the repairs could not read
UNKNOWN_WORD, UNREPAIRED_WORD = 1.0, 0.75
# A long question's asking clause ("… — which device number goes in the contract for foreigners?") weighs above its
# story (the asker's city, friends, tools, in no entry) in how much of the question an entry explains: its words count
# this many times (a hit's coverage is the better of that share and the plain one). The score is left alone: weighing
# the ask there lets a generic ask ("which gdpr article requires that contract?") outweigh the story that says which
# article. Calibrated on the dev sets with the out-of-scope ones: x2, x3 and x4 answer alike.
ASK_COVERAGE = 3.0


# A web address is one name, not words: "pd.rkn.gov.ru" must not make the entry citing it the best match for «пд»
# (personal data), nor for every question with "gov".
_ADDRESS = re.compile(r"(?<![\w.])(?:[a-z0-9-]+\.)+(?:ru|рф|com|org|net|gov|in|eu|uk|de|fr|ie|io|info)(?![\w])",
                      re.IGNORECASE)


def join_addresses(text: str) -> str:
    return _ADDRESS.sub(lambda m: m.group(0).replace(".", "").replace("-", ""), text)


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    coverage: float  # share of the question's weight this entry matched, 0..1


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    confident: bool = False
    unknown_words: list[str] = field(default_factory=list)

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def entry_fields(entry: Entry) -> dict[str, str]:
    """The text of an entry per field, including words for its structured facts (country, year, company)."""
    facts = ""
    if entry.fine:
        fine = entry.fine
        facts = " ".join(
            [
                fine.company,
                fine.authority,
                *country_names(fine.country),
                str(fine.decision_date.year),
                " ".join(f"article {a} статья {a}" for a in fine.articles),
                "eprivacy cookies куки" if fine.regime == "eprivacy" else "gdpr",
            ]
        )
    return {
        "title": f"{entry.title.ru} {entry.title.en}",
        "keywords": " ".join(entry.keywords),
        "questions": " ".join(entry.questions.all()),
        "facts": facts,
        "answer": f"{entry.answer.ru} {entry.answer.en}",
    }


class KnowledgeIndex:
    def __init__(self, entries: Iterable[Entry]):
        self.entries: list[Entry] = list(entries)
        self.by_id = {entry.id: entry for entry in self.entries}
        weighted: list[Counter[str]] = []
        russian: set[str] = set()
        for entry in self.entries:
            counts: Counter[str] = Counter()
            for name, value in entry_fields(entry).items():
                words = [w for w in T.words(join_addresses(value)) if w not in T.STOPWORDS]
                for w in words:
                    counts[T.term(w)] += FIELD_WEIGHTS[name]
                russian.update(w for w in words if T.is_cyrillic(w))
            weighted.append(counts)
        self._build(weighted)
        # A verb and its action noun («подтверждать», «подтверждение»): the terms of one derivational family
        families: dict[str, set[str]] = defaultdict(set)
        for w in russian:
            families[T.family(w)].add(T.term(w))
        self._families = {key: frozenset(members) for key, members in families.items() if members - {key}}

    def _build(self, weighted: list[Counter[str]]) -> None:
        n = max(len(weighted), 1)
        lengths = np.array([sum(c.values()) for c in weighted] or [1.0], dtype=np.float32)
        avg = float(lengths.mean()) or 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for doc, counts in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[doc] / avg)
            for t, tf in counts.items():
                postings[t].append((doc, tf * (K1 + 1) / (tf + norm)))
        self.idf: dict[str, float] = {}
        self._docs: dict[str, np.ndarray] = {}
        self._weights: dict[str, np.ndarray] = {}
        for t, plist in postings.items():
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            self.idf[t] = idf
            self._docs[t] = np.fromiter((d for d, _ in plist), dtype=np.int32, count=len(plist))
            self._weights[t] = np.fromiter((w * idf for _, w in plist), dtype=np.float32, count=len(plist))
        self._doc_terms = [frozenset(c) for c in weighted]
        self._doc_of = {entry.id: doc for doc, entry in enumerate(self.entries)}
        by_domain: dict[str, list[int]] = defaultdict(list)
        for doc, entry in enumerate(self.entries):
            by_domain[entry.domain].append(doc)
        self._domain_rows = {d: np.array(rows, dtype=np.int32) for d, rows in by_domain.items()}
        self._decision_rows = np.array([doc for doc, e in enumerate(self.entries) if e.fine is not None],
                                       dtype=np.int32)
        self.vocabulary = sorted(self.idf)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for t in self.vocabulary:
            self._by_length[len(t)].append(t)
        self._repairs: dict[str, tuple[str, str] | None] = {}
        self._swaps: dict[str, str | None] = {}
        self._max_idf = max(self.idf.values(), default=1.0)

    def related(self, word: str) -> frozenset[str]:
        """The indexed terms of a folded word's derivational family (`text.family`: «подтверждать» reaches
        «подтверждение» and «подтвердить»), its own term aside."""
        return self._families.get(T.family(word), frozenset()) - {T.term(word)} if T.is_cyrillic(word) else frozenset()

    def terms_of(self, entry: Entry) -> frozenset[str]:
        """The terms an entry is indexed under."""
        doc = self._doc_of.get(entry.id)
        return self._doc_terms[doc] if doc is not None else frozenset()

    # -- resolving question words to indexed terms ---------------------------------------------------------
    def _known(self, t: str | None) -> bool:
        return t is not None and t in self.idf

    def resolve(self, word: str) -> tuple[str, str] | None:
        """(term, how) for one folded word, or None if nothing in the index is close enough."""
        if word in self._repairs:
            return self._repairs[word]
        found = self._resolve(word)
        if len(self._repairs) < 100_000:
            self._repairs[word] = found
        return found

    def _resolve(self, word: str) -> tuple[str, str] | None:
        t = T.term(word)
        if self._known(t):
            return t, "exact"
        alt = T.translit_term(word)
        if self._known(alt):
            return alt, "translit"
        if not word.isdigit():
            swapped = [T.term(w) for w in T.words(T.layout_swap(word))]
            if len(swapped) == 1 and self._known(swapped[0]):
                return swapped[0], "layout"
        # A Russian form the stemmer leaves apart shares a long prefix with its term (`irlandsk` ~ `irland`); an
        # English stem is whole, and a misspelt one ("rectifcation" -> `rectifc`) is nearer its own stem (`rectif`)
        # by similarity than by prefix (`rectifi`, of "rectify"): for a Latin word the typo match is tried first.
        typo_first = not T.is_cyrillic(word)
        if typo_first and (typo := self._typo_match(t)):
            return typo, "fuzzy"
        if len(t) >= 5 and not t[0].isdigit():
            prefixed = self._prefix_match(t)
            if prefixed:
                return prefixed, "prefix"
        if not typo_first and (typo := self._typo_match(t)):
            return typo, "fuzzy"
        return None

    def _typo_match(self, t: str) -> str | None:
        """A known term one typo away: similar enough, of a length within one, with the same first letter (a typo
        seldom changes it, while another name often differs there: "sberbank" is not "brabank"), or two neighbouring
        letters swapped."""
        if len(t) < 4 or t[0].isdigit():
            return None
        candidates = [c for size in range(len(t) - 1, len(t) + 2) for c in self._by_length.get(size, ())
                      if c[0] == t[0]]
        match = process.extractOne(t, candidates, scorer=fuzz.ratio, score_cutoff=80)
        return match[0] if match else self._transposed(t)

    def _transposed(self, t: str) -> str | None:
        """A known term with two neighbouring letters swapped ("gdrp", "gpdr" -> "gdpr"): a short word's commonest
        typo, which a similarity ratio of 75 does not reach."""
        for i in range(len(t) - 1):
            candidate = t[:i] + t[i + 1] + t[i] + t[i + 2:]
            if candidate != t and candidate in self.idf:
                return candidate
        return None

    def _prefix_match(self, t: str) -> str | None:
        """A term sharing a long prefix (Russian forms the stemmer leaves apart: `irlandsk` ~ `irland`)."""
        stem = t[: max(5, int(len(t) * 0.75))]
        i = bisect.bisect_left(self.vocabulary, stem)
        best = None
        while i < len(self.vocabulary) and self.vocabulary[i].startswith(stem):
            candidate = self.vocabulary[i]
            if best is None or abs(len(candidate) - len(t)) < abs(len(best) - len(t)):
                best = candidate
            i += 1
        if best is None:
            shorter = t[: max(5, len(t) - 3)]
            while len(shorter) >= 5:
                if shorter in self.idf:
                    return shorter
                shorter = shorter[:-1]
        return best

    def _repair_layout(self, query: str) -> str:
        """Swap the keyboard layout of whole typed tokens the index cannot read but whose swap it can
        (`gthcjyfkmys[` -> `персональных`; the `[` is a Russian letter typed on the English layout)."""
        tokens = query.split()
        changed = False
        for i, token in enumerate(tokens):
            swapped = self._layout_swapped(token)
            if swapped is not None:
                tokens[i] = swapped
                changed = True
        return " ".join(tokens) if changed else query

    def _layout_swapped(self, token: str) -> str | None:
        """The token typed on the other layout, when only that reads; remembered per token (as `resolve`)."""
        if token in self._swaps:
            return self._swaps[token]
        found = None
        own = T.words(token)
        if not all(w in T.STOPWORDS for w in own) and not (
                own and any(self._known(T.term(w)) or self._known(T.translit_term(w)) for w in own)):
            swapped = T.layout_swap(token)
            swapped_words = T.words(swapped)
            if swapped_words and all(
                w in T.STOPWORDS or self._known(T.term(w)) or self._prefix_match(T.term(w)) for w in swapped_words
            ):
                found = swapped
        if len(self._swaps) < 100_000:
            self._swaps[token] = found
        return found

    @staticmethod
    def _unknown_weight(word: str) -> float:
        """The weight on coverage of a question word no entry holds: a Russian word the dictionary knows
        («наркоз») is a subject the knowledge base knows nothing of, and weighs as the rarest word; any other may
        be a typo or a name not repaired, and weighs a little less."""
        return UNKNOWN_WORD if T.is_cyrillic(word) and T.analyzer().word_is_known(word) else UNREPAIRED_WORD

    # -- search ---------------------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 4, domains: set[str] | None = None,
               boost: dict[str, float] | None = None, decisions: bool = True, ask: str = "") -> SearchResult:
        """Best entries for a question. `boost` multiplies the scores of some domains (a tie-breaker: a
        Russian question about "the law" means Russian law unless it names another). `decisions=False` leaves fine
        decisions out (a question about the law's rule: the many decisions naming its regulator would crowd it
        out of the best `limit`). `ask`: the question's asking clause, when it tells a story (`ASK_COVERAGE`)."""
        result = SearchResult(query=query)
        groups = T.word_groups(self._repair_layout(join_addresses(query[:2000])))
        if not groups or not self.entries:
            return result
        own = len(groups)   # the question's own groups, then its asking clause's once more
        groups += T.word_groups(self._repair_layout(join_addresses(ask[:2000]))) if ask else []
        scores = np.zeros(len(self.entries), dtype=np.float32)
        resolved_groups: list[tuple[list[str], float]] = []  # (terms, weight of the group)
        for number, group in enumerate(groups):
            asked = number >= own
            terms: dict[str, float] = {}
            for position, word in enumerate(group):
                # the typed word's derivational family («нарушение» -> «нарушил»), also when its own form is not indexed
                family = self.related(word) if position == 0 else frozenset()
                for related in family:
                    terms[related] = max(terms.get(related, 0.0), 0.6)
                found = self.resolve(word)
                if found is None or (family and found[1] != "exact"):
                    continue   # a word the dictionary knows is not guessed at by prefix or typo beside its family
                t, how = found
                # Synonyms (alternatives after the typed word) count a little less than the word itself.
                factor = REPAIR_FACTOR[how] * (1.0 if position == 0 else 0.6)
                terms[t] = max(terms.get(t, 0.0), factor)
                if position == 0:  # a word brings its synonyms along (by term: every form of «уведомлять»)
                    for synonym in T.TERM_SYNONYMS.get(t, ()):
                        if synonym in self.idf:
                            terms[synonym] = max(terms.get(synonym, 0.0), factor * 0.6)
            if not terms:
                if not asked:
                    result.unknown_words.append(group[0])
                # An unknown word weighs on coverage nearly as much as the rarest known one: it is often the very
                # subject ("fines against <a company we have no entry for>"), and answering the rest is a wrong answer.
                resolved_groups.append(([], self._max_idf * self._unknown_weight(group[0])))
                continue
            for t, factor in terms.items():
                if not asked:
                    scores[self._docs[t]] += self._weights[t] * factor
            resolved_groups.append((list(terms), max(self.idf[t] for t in terms)))
        if domains is not None or boost:
            # by each entry's domain, as arrays: a loop over every entry costs more than the rest of the search
            factor = np.ones(len(self.entries), dtype=np.float32)
            for domain, rows in self._domain_rows.items():
                if domains is not None and domain not in domains:
                    factor[rows] = 0
                elif boost and domain in boost:
                    factor[rows] = boost[domain]
            scores *= factor
        if not decisions and len(self._decision_rows):
            scores[self._decision_rows] = 0
        count = min(limit, int(np.count_nonzero(scores)))
        if count == 0:
            return result
        top = np.argpartition(-scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        top = sorted(top.tolist(), key=lambda i: -scores[i])[:count]
        # the share of the question's weight an entry explains; for a story, the better of that and the share with
        # the asking clause weighed `ASK_COVERAGE` times (its own groups, then the clause's again)
        plain = resolved_groups[:own]
        stressed = plain + [(terms, weight * (ASK_COVERAGE - 1)) for terms, weight in resolved_groups[own:]]
        words_matter = [terms for terms, _ in plain if any(not t[0].isdigit() for t in terms)]
        for doc in top:
            held = self._doc_terms[doc]
            coverage = max(_share(plain, held), _share(stressed, held)) if len(stressed) > own else _share(plain, held)
            result.hits.append(Hit(self.entries[doc], float(scores[doc]), coverage))
        best_terms = self._doc_terms[top[0]]
        # Numbers alone ("2023") never make an answer: some word of the question must match too.
        result.confident = result.hits[0].coverage >= MIN_COVERAGE and any(
            t in best_terms for terms in words_matter for t in terms
        )
        return result


def _share(groups: list[tuple[list[str], float]], held: frozenset[str]) -> float:
    """The share of the groups' weight whose terms an entry holds."""
    total = sum(weight for _, weight in groups) or 1.0
    return sum(weight for terms, weight in groups if any(t in held for t in terms)) / total
