"""How sure a post is that a named service's data leaked: one score, one threshold.

A post alerts watchers only when three things hold together, not when their words merely co-occur:

* **event**: a sentence says data left its owner: a leak word with a data object in the same sentence
  («выставили на продажу базу клиентов», "hackers stole customer records") is strong; a bare attack or hack
  word («хакеры атаковали сайт», "cyberattack") is weak (outages and DDoS are attacks without data);
  a leak of a substance («утечка газа», "water leak") is no event at all;
* **tie**: the victim is the owner of the leaked data: named in the sentence of a strong event, or the
  subject of the headline, rather than somewhere else in the post;
* **support**: a count, two exposed data classes, a vague count or a place the data surfaced.

Counter-evidence subtracts: a fine, a court or a lawsuit in the lead (a post about an old leak), a company's
statement without a count or its checking of a claim it has not confirmed, statistics (several years, shares), an
outage or DDoS, a phishing or scam warning, a question or advice in the headline, a compilation of many sources.

``score = 2 * tie + support - counter``; a post at or above ``SURE`` alerts, below it a post with a victim goes
to the admins as a draft. ``SURE`` is calibrated on every dev set together (``python -m bench.breach_curve``).

The same parts, one feature each (``features.py``), can be weighed by a logistic model learned from the dev splits
(``scripts/train_breach_weights.py`` writes ``evidence_weights.json`` with its cross-validated figures); the parser
uses it only when the file says ``"use": true``, which the script sets only when the learned weights beat this hand
score on cross-validated recall at equal or better precision. Until then the hand score decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.breaches import lexicon as L
from bot.breaches.lemmas import Token

SURE = 4.5
# Below SURE, counter-evidence of this weight (doubts aside) bins the post instead of drafting it.
AGAINST = 2.0

# The strength of the event of each sentence: 2 data left its owner, 1 an attack or hack without a data object.
STRONG, WEAK = 2, 1


@dataclass
class Evidence:
    tie: float = 0.0
    support: float = 0.0
    counter: float = 0.0
    why: list[str] = field(default_factory=list)  # the counter cues that fired, for the admin's draft
    doubt: float = 0.0  # the part of ``counter`` that only doubts the news (a statement, a regulator's word)
    cues: dict[str, float] = field(default_factory=dict)  # each counter cue's weight (features.py reads them apart)
    features: dict[str, float] = field(default_factory=dict)  # the post's feature vector (features.py)
    probability: float | None = None  # the learned model's p(breach), when the parser uses it

    @property
    def score(self) -> float:
        return 2 * self.tie + self.support - self.counter

    def add(self, weight: float, why: str) -> None:
        """One counter cue: its weight, and whether it only doubts the news (``DOUBTS``)."""
        self.counter += weight
        self.doubt += weight if why in DOUBTS else 0.0
        self.cues[why] = self.cues.get(why, 0.0) + weight
        self.why.append(why)

    @property
    def against(self) -> bool:
        """Evidence that the post is about leaks, not one (a lawsuit, statistics, an outage): below ``SURE`` it is
        binned rather than drafted. A company's or a regulator's statement only doubts the news: a draft."""
        return self.counter - self.doubt >= AGAINST


def substance_leak(toks: Sequence[Token], first: int) -> bool:
    """«утечка газа», «утечки воды из трубы», "a gas leak": the leak word is about a substance, not data."""
    near = toks[max(0, first - 2) : first + 3]
    return any(t.lemma in L.SUBSTANCES for t in near)


def sentence_events(toks: Sequence[Token], spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Each sentence that reports a leak, with the strength of its event (``STRONG`` or ``WEAK``)."""
    found: dict[int, int] = {}
    for first, _ in L.LEAK_EVENT.find(toks):
        if substance_leak(toks, first):
            continue
        at = toks[first].start
        index = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
        if index is None:
            continue
        s, e = spans[index]
        sentence = [t for t in toks if s <= t.start < e]
        strong = any(t.lemma in L.DATA_OBJECTS or t.lemma in L.COUNT_NOUNS for t in sentence) \
            or L.CONCRETE.any(sentence)
        found[index] = max(found.get(index, 0), STRONG if strong else WEAK)
    # "…was the victim of an extortion attempt. The data included 1.4M email addresses.": a sentence that opens
    # with the data tells what the attack before it took.
    for index, strength in list(found.items()):
        if strength == WEAK and index + 1 < len(spans):
            s, e = spans[index + 1]
            opening = [t for t in toks if s <= t.start < e][:3]
            if any(t.lemma in L.DATA_OBJECTS for t in opening):
                found[index] = STRONG
    # Data at a venue («оказались на черном рынке», "for sale on a hacking forum") is itself the event.
    for first, _ in L.CONCRETE.find(toks):
        at = toks[first].start
        index = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
        if index is not None:
            found[index] = STRONG
    return found


def _opens_with_anaphor(toks: Sequence[Token], span: tuple[int, int]) -> bool:
    """«Компания подтвердила взлом…», "It said hackers stole…", «Об этом сообщила…»: the sentence speaks of
    the one named just before."""
    first = [t for t in toks if span[0] <= t.start < span[1]][:3]
    return any(t.lemma in L.ANAPHORS for t in first)


def tie_of(victim_at: Sequence[int], events: dict[int, int], toks: Sequence[Token],
           spans: Sequence[tuple[int, int]], head_end: int) -> float:
    """How the victim is tied to the event: 2 named in a strong event's sentence, or in the sentence before
    one that refers back to it («Компания подтвердила…»), or as the victim of an attack whose data the next two
    sentences tell; 1.5 the headline's subject while the event is told
    below, or named in the sentence right after the event («Об этом сообщила X»); 1 named in a weak event's
    sentence or near a strong one; 0.5 elsewhere."""
    sentences = {next((i for i, (s, e) in enumerate(spans) if s <= at < e), -1) for at in victim_at}
    strong = {i for i, v in events.items() if v == STRONG}
    if sentences & strong:
        return 2.0
    after = {i for i in sentences if i + 1 in strong and _opens_with_anaphor(toks, spans[i + 1])}
    before = {i for i in sentences if i - 1 in strong and _opens_with_anaphor(toks, spans[i])}
    if after or before:
        return 2.0
    # "Quorlo was hacked in March. … The attack exposed 300,000 accounts": the victim of the attack, whose data the
    # next sentences say it lost
    if any(events.get(i) == WEAK and (i + 1 in strong or i + 2 in strong) for i in sentences):
        return 2.0
    if strong and any(at < head_end for at in victim_at) or any(i - 1 in strong for i in sentences):
        return 1.5
    if sentences & set(events) or any(i + 1 in strong or i - 2 in strong for i in sentences):
        return 1.0
    return 0.5


def support_of(has_count: bool, classes: int, vague: bool, concrete: bool, size: bool = False) -> float:
    """A count, two data classes, a vague count or a venue, the size of the dump («1,4 ТБ», "188 347 файлов")."""
    return min(2.0, (1.0 if has_count else 0.0) + (1.0 if classes >= 2 else 0.0)
               + (0.5 if vague or concrete else 0.0) + (0.5 if size else 0.0))


# The size of what was taken: «300 Гб», «1,4 ТБ», «188 347 файлов», "2 TB of files".
_SIZE = re.compile(r"\d\s?(?:[гтмgtm][бb](?!\w)|гигабайт|терабайт|gigabyte|terabyte|файл\w*|files|documents|"
                   r"документ\w*)", re.IGNORECASE)


def has_size(text: str) -> bool:
    return _SIZE.search(text) is not None


# The event noun in the plural: «утечек», «инцидентов», "breaches" (not «утечки», which is also one leak's genitive).
# («сливы дампов с Cit0day»: leaks and dumps in the plural are a collection of them)
_MANY_EVENTS = re.compile(r"\b(?:утечек|утечкам|утечками|утечках|инцидентов|сливы|сливов|дампы|дампов|взломов|"
                          r"кибератак|breaches|incidents|compromises|cyberattacks)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\d\s?%|\bper\s?cent\b|процент", re.IGNORECASE)
# A digest announced by the headline: "a list of recorded payroll security breaches", "a roundup of this week's leaks",
# «подборка крупнейших утечек»: many leaks, each its own victim (the parser's gate reads it in the headline only).
DIGEST = re.compile(r"\b(?:list|roundup|round-up|digest|overview|recap|summary)\s+of\b[^.\n]{0,60}?\b(?:breaches|leaks|"
                    r"incidents|hacks|cyberattacks)\b|(?:список|подборк\w*|обзор|дайджест)\s+(?:\w+\s+){0,4}?"
                    r"(?:утечек|инцидентов|взломов|сливов)", re.IGNORECASE)


# Before a regulator, words that make it the one told rather than the one acting: "disclosed the breach to the data
# regulator", "notified the ICO", «уведомила Роскомнадзор»: the victim's own report, no doubt about the leak.
_TOLD = frozenset(("to", "with", "notifi", "inform", "уведомить", "уведомлять", "проинформировать"))


# After a regulator, a verb that makes it a witness of the leak: «РКН подтвердил информацию об утечке», "the ICO
# confirmed the breach". A confirmation is no doubt about the news.
_CONFIRMS = frozenset(("подтвердить", "подтверждать", "confirm"))


def _regulators(toks: Sequence[Token]) -> list[int]:
    """Where a regulator is named in ``toks``; not a law: the stem "regul" is also the "General Data Protection
    Regulation"'s."""
    return [i for i, t in enumerate(toks)
            if t.lemma in L.REGULATORS and not t.text.lower().startswith(("regulation", "regulatory"))]


def _acting_regulator(toks: Sequence[Token]) -> bool:
    """A regulator acting in ``toks``; not one told of the breach."""
    return any(not any(b.lemma in _TOLD for b in toks[max(0, i - 6) : i]) for i in _regulators(toks))


def _confirming_regulator(toks: Sequence[Token]) -> bool:
    """A regulator confirming the leak (its verb within the next three words, past an abbreviation in brackets)."""
    return any(any(a.lemma in _CONFIRMS for a in toks[i + 1 : i + 4]) for i in _regulators(toks))


# A regulator or a prosecutor reporting that a leak happened is its witness too: «Шведская прокуратура во вторник
# сообщила, что в результате кибератаки в сеть попали данные 1,5 млн человек» ("the ICO said it is investigating" is no
# report: a report is followed by what it reports, «что»/"that", and a leak event after it).
_REPORTS = frozenset(("сообщить", "заявить", "said", "say", "report", "announc"))


def _reporting_regulator(toks: Sequence[Token]) -> bool:
    for i in _regulators(toks):
        for j in range(i + 1, min(len(toks), i + 10)):
            if toks[j].lemma in _REPORTS and any(t.lemma in ("что", "that") for t in toks[j + 1 : j + 3]) \
                    and L.LEAK_EVENT.any(toks, j + 1):
                return True
    return False


def _in_a_name(toks: Sequence[Token], i: int) -> bool:
    """«Star Citizen», "Citizens Bank": a capitalised word after another in a headline that is not in title case is
    part of a name, not the word it spells (a headline about "citizens" is statistics; a game's is not)."""
    words = [t for t in toks if len(t.text) >= 4 and t.text[:1].isalpha()]
    title_case = len(words) > 2 and sum(not t.capitalised for t in words) <= 1  # (names alone make no title case)
    return not title_case and i > 0 and toks[i].capitalised and toks[i - 1].capitalised


def _reports_with_count(text: str, head: Sequence[Token]) -> bool:
    """The headline itself reports a leak and its size: «…подтвердил утечку данных 1 млн клиентов X», "X reported a
    breach that compromised the data of nearly 900,000 patients"."""
    from bot.breaches.extract import extract_counts  # (extract reads the lexicon too; imported when needed)

    return L.LEAK_EVENT.any(head) and any(n is not None for n in extract_counts(text))


_ATTACK = frozenset(("attack", "атака", "кибератака"))


# Words that undo a confirmation before it: "could not yet confirm", "has yet to confirm", «не подтвердила».
_NEGATIONS = frozenset(("not", "no", "yet", "unabl", "cannot", "не", "нет"))
# The doubts: they question the news rather than tell another story (below ``SURE`` the post is a draft, not binned).
DOUBTS = ("statement", "regulator", "unverified")


def confirmed(toks: Sequence[Token]) -> bool:
    """Someone confirms the leak (``L.CONFIRMED``), with no negation just before or within."""
    return any(not any(t.lemma in _NEGATIONS for t in toks[max(0, first - 3) : end])
               for first, end in L.CONFIRMED.find(toks))


def doubt_unverified(ev: Evidence, toks: Sequence[Token], lead_end: int, *, has_count: bool) -> None:
    """The one named checking a claim in the lead ("is looking into claims made by the X gang", «проверяет
    информацию»): a claim to confirm, so a post that would alert is a draft, unless someone confirms the leak or the
    post counts what leaked (a count is data somebody has seen). Called on the whole score: a post that is a draft
    anyway keeps its weakest part as the draft's reason."""
    if ev.score < SURE or has_count or confirmed(toks):
        return
    if L.UNVERIFIED.any([t for t in toks if t.end <= lead_end]):
        ev.add(2.0, "unverified")


def counter_of(text: str, toks: Sequence[Token], head_end: int, lead_end: int, *, has_count: bool) -> Evidence:
    """The counter-evidence of a post, with the cues that fired."""
    ev = Evidence()
    head = [t for t in toks if t.end <= head_end]
    lead = [t for t in toks if t.end <= lead_end]

    add = ev.add

    # (a short headline is read with its subtitle; a law named in the subtitle beside the leak and its size,
    # "…had hacked the data of all its 4 million customers, as the government introduced legislation…", is context)
    title_end = text.find("\n", 0, head_end)
    title = head if title_end < 0 else [t for t in head if t.end <= title_end]
    if L.LEGAL.any(title):
        add(3.0, "penalty")  # a fine, a court, a lawsuit in the headline: the story is the consequence of a leak
    elif L.LEGAL.any(lead):
        # below a headline that reports the leak with its size, a lawsuit or a court is the news's follow-up
        # ("…compromised the data of 900,000 patients. HSHS faces class action lawsuits"), not its subject
        # ("… Now a court has ordered it to pay": a sanction that is the news now makes the leak the old story)
        now = any(t.lemma in L.NEWS_AGAIN for t in lead[len(head):])
        add(1.0 if _reports_with_count(text[:head_end], head) and not now else 2.0, "penalty")
    elif L.LEGAL.any(toks) and not has_count:
        add(1.0, "penalty")
    if L.STATEMENT.any(head) and not has_count and not L.VAGUE_COUNT.any(toks):
        add(2.0, "statement")
    # a collection of files or credential lists below the headline (in it, the parser's gate): the data of many
    # sources, not one service's (one tied by its name to the leak still alerts)
    if L.COLLECTION.any(toks, len(head)):
        add(1.0, "compilation")
    # (a share in the headline is a statistic; "20% of its users" below is the size of one leak; two years are
    # no statistic either: "in 2016 … the breach dated back to 2013")
    if _PERCENT.search(text[:head_end]) or L.PERIOD.any(head) \
            or any(t.lemma in L.POPULATION and not _in_a_name(head, i) for i, t in enumerate(head)):
        add(1.0, "statistics")
    if _confirming_regulator(head) or _reporting_regulator(head):
        pass  # a regulator confirming the leak in the headline: what it does next is the leak's consequence
    elif _acting_regulator(head):
        add(2.0, "regulator")
    elif _acting_regulator(lead):
        add(1.0, "regulator")
    if _MANY_EVENTS.search(text[:head_end]):
        add(1.0, "many_events")  # «число утечек», "breaches rose": a post about leaks, not about one
    if L.OLD_NEWS.any(head):
        add(1.0, "old_news")  # "following a hack last year": the story is what came of an old leak
    if L.OUTAGE.any(head):  # (below the headline an outage is a detail: "the site was later taken offline")
        add(1.0, "outage")
    # (a phishing attack is how a breach began, not a warning: "stole the data … after a phishing attack")
    if any(end >= len(head) or head[end].lemma not in _ATTACK for _, end in L.SCAM.find(head)):
        add(1.0, "scam")
    if "?" in text[:head_end] or L.ADVICE.any(head):
        add(1.0, "advice")
    return ev
