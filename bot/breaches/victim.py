"""Whose data leaked: every service a post names (``candidates.py``), each scored by its role in the sentence.

A candidate becomes the victim by its role: it sits after whose-data words
(«данные клиентов службы доставки СДЭК», "customers of X") or a type noun («сети магазинов „X“»), or
before a leak word ("X's customers", «X подтвердил утечку»), in a sentence that reports the leak. A
name inside a "previously leaked A and B" clause is history, not the news.

``choose`` returns the victim, or the reason there is none: ``"none"`` (nobody plausible) or
``"ambiguous"`` (two services equally plausible; the caller may ask an admin).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.breaches import lexicon as L
from bot.breaches import rules
from bot.breaches.candidates import Candidate, find_candidates, is_person_name, ner_candidates
from bot.breaches.groups import merge_one_organisation
from bot.breaches.lemmas import Token, tokens
from bot.breaches.matcher import NameMatcher
from bot.breaches.names import ServiceDirectory, as_host, canonical_key
from bot.breaches.org_phrases import is_org_head
from bot.breaches.places import is_place

MIN_SCORE = 3.0
ROLE_WINDOW = 6  # words before a name that can give it its role


@dataclass
class Choice:
    name: str | None = None
    domain: str | None = None
    key: str | None = None
    reason: str = "victim"  # "victim", "none", "ambiguous", "ner" (found only by Natasha's NER)
    rivals: list[str] = field(default_factory=list)
    at: list[int] = field(default_factory=list)  # where the victim is named with a role (for evidence.tie_of)
    own: bool = False  # it said it was the victim, or its own systems were entered (no rival then)


class VictimFinder:
    def __init__(self, directory: ServiceDirectory, matcher: NameMatcher | None = None, *, use_ner: bool = True):
        self.directory = directory
        self.matcher = matcher or NameMatcher(directory)
        self.use_ner = use_ner

    # --- candidates ----------------------------------------------------------------------------------

    def candidates(self, text: str, toks: Sequence[Token]) -> list[Candidate]:
        return find_candidates(text, toks, self.directory, self.matcher)

    # --- roles ---------------------------------------------------------------------------------------

    def _score(self, text: str, toks: Sequence[Token], sentences: Sequence[tuple[int, int]], cand: Candidate,
               leak_sentences: set[int]) -> None:
        index = next((i for i, (s, e) in enumerate(sentences) if s <= cand.start < e), 0)
        s_start, _ = sentences[index]
        if index in leak_sentences:
            cand.score += 2
        if index == 0:
            cand.score += 1
        first = next((i for i, t in enumerate(toks) if t.end > cand.start), len(toks))
        last = next((i for i, t in enumerate(toks) if t.start >= cand.end), len(toks))
        before = [t for t in toks[max(0, first - ROLE_WINDOW) : first] if t.start >= s_start]
        after = toks[last : last + 4]
        near = before[-2:]  # «сети магазинов X», "retailer X"
        cand.subsidiary = any(t.lemma in _SUBSIDIARY for t in before[-3:])
        # «взломали X», «хакеры атаковали X», "hackers targeted X" is the victim after a leak or attack verb;
        # "ransomware group X" is the attacker after one.
        acted_on = [t for t in before[-2:] if t.lemma not in L.ATTACKER_WORDS]
        # ("managed by the X": the owner of the systems, however "by" otherwise names who did it)
        owned_by = any(t.lemma == "by" and k > 0 and before[k - 1].lemma in L.OWNER_BY
                       for k, t in enumerate(before) if k >= len(before) - 3)
        # ("the attack on the American Dental Association": what an attack is on is its target, not its author)
        on = len(before) - (2 if before and before[-1].lemma == "the" else 1)
        aimed_at = on > 0 and before[on].lemma in _AIMED_AT and (
            before[on - 1].lemma in L.ATTACK_VERBS or before[on - 1].lemma.endswith("attack"))
        attacker = not owned_by and not aimed_at and (
            any(t.lemma in L.ATTACKERS for t in before[-3:])
            and not (L.LEAK_EVENT.any(acted_on) or any(t.lemma in L.ATTACK_VERBS for t in acted_on))
            or bool(before) and before[-1].lemma == "by")
        # «в Telegram-канале X», "security researcher X", "the Telegram channel of ...": who reports, not who
        # leaked; unless a type noun says what X is ("the economic research company X").
        typed = bool(before) and before[-1].lemma in L.TYPE_NOUNS
        # ("shoes and apparel outlet Zappos": an outlet is a shop unless the press is named before it, "media outlet X")
        shop = bool(before) and before[-1].lemma == "outlet" and not any(t.lemma in L.MEDIA for t in before[-3:-1])
        if shop:
            typed, before = True, before[:-1]
        # "cybersecurity firm Gemini Advisory calculates…", «аналитики ИБ-компании X»: a security firm reports leaks
        # (unless it says it was breached itself: "cybersecurity firm Quorlo suffered a breach")
        security = typed and any(t.lemma in L.SECURITY_FIELD for t in before[-3:]) or any(
            t.lemma in L.SECURITY_FIELD and "-" in t.lemma for t in before[-1:])
        if security and not (any(t.lemma in L.ROLE_AFTER for t in after) or L.VICTIM_EVENT.any(after)):
            typed = False
            before = [*before, _SOURCE_MARK]
        # ("it was reported that X had a breach": X opens the reported clause, it does not report)
        clause = bool(before) and before[-1].lemma == "that"
        # ("According to market experts, BigBasket data leak…": a comma closes the source's phrase)
        detached = bool(before) and "," in text[before[-1].end : cand.start]
        reported_by = any(end == len(before) for _, end in L.REPORTED_BY.find(before))
        source = reported_by or not typed and not clause and (
            not detached and (any(t.lemma in L.SOURCE_NOUNS for t in before[-2:])
                              or any(end == len(before) for _, end in L.SOURCE_LEAD.find(before)))
            or any(t.lemma in L.SOURCE_AFTER for t in after[:1]))
        finder = any(t.lemma in L.FINDER_AFTER for t in after[:1]) or _speakers_employer(before, after) \
            or bool(L.IN_PASSING.find(before))
        # "its EHR was breached", "their CRM": what belongs to someone is a system, not the victim; "distributed
        # via Twitter" is the medium; "hacked from the parent company, Penton": the owner of the victim.
        parent_at = [i for i, t in enumerate(before) if t.lemma in L.PARENT_WORDS and i >= len(before) - 3]
        owner = bool(parent_at) and not any(t.lemma == "of" for t in before[parent_at[-1] :])  # not "parent of X"
        # "misattributed to Acxiom", "originally misattributed to Smiffys": whoever it is, not that one.
        owner = owner or any(t.lemma.startswith("misattribut") for t in before)
        # («рассказал об утечке через социальную сеть Reddit»: the medium, past the words of its kind)
        via = bool(before) and before[-1].lemma == "via" or any(t.lemma == "через" for t in before[-3:])
        # («находились в облачном хранилище Amazon»: whose cloud held the data hosts it, the owner of the data leaked)
        via = via or bool(before) and before[-1].lemma in _HOSTING
        if before and (before[-1].text.lower() in _POSSESSIVES and not typed or via or owner):
            finder = True
        # "leaks the X database on BreachForums", "posted on the Y forum": where the data went is a venue ("an attack
        # on X", "a cyberattack on the X hospital" name the victim)
        on = len(before) - (2 if before and before[-1].lemma == "the" else 1)
        if on > 0 and before[on].text == "on" and before[on - 1].lemma not in L.ATTACK_VERBS \
                and not before[on - 1].lemma.endswith("attack"):
            finder = True
        if attacker or source or finder:
            cand.score = -1.0
            cand.evidence = False
            return
        role = (any(t.lemma in L.ROLE_BEFORE for t in before[-4:])
                or any(t.lemma in L.ATTACK_VERBS or t.lemma in L.TYPE_NOUNS for t in near)
                or any(t.lemma in L.ROLE_AFTER for t in after))
        if role:
            cand.score += 2
            cand.evidence = True
        if any(t.lemma in L.SOURCE_NOUNS for t in toks[first:last]):  # «СМИ», «Telegram-канал» report, not leak
            cand.score = -1.0
            return
        if cand.name and cand.domain is None:
            attached = re.match(r"[»”\"]?\s*\(([^)\s]+)\)", text[cand.end : cand.end + 40])
            host = as_host(attached.group(1)) if attached else None
            if host:
                cand.domain = host
                cand.score += 2
                cand.evidence = True
        clause = [t for t in toks[:first] if t.start >= s_start]
        previously = [i for i, t in enumerate(clause) if t.lemma in L.PREVIOUSLY
                      and not (i + 1 < len(clause) and clause[i + 1].lemma in L.NOT_HISTORY_NEXT)]
        if previously and not any(t.lemma in L.HISTORY_END for t in clause[previously[-1] + 1 :]):
            cand.score -= 4
            cand.evidence = False

    def _entity(self, cand: Candidate) -> str:
        if cand.entity:
            return cand.entity
        if cand.domain:
            owner = self.directory.by_domain(cand.domain)
            return owner.key if owner else self.directory.domain_key(cand.domain)
        name = cand.name or ""
        known = self.directory.exact(name)
        if known is None:  # "Audi USA" is Audi, «Острова чистоты и вкуса» is the directory's name inflected
            words = tokens(name)
            hits = self.matcher.find(words)
            known = self.directory.get(hits[0].key) if hits and hits[0].first == 0 else None
            if known is None and hits and (hits[0].first, hits[0].last) == (0, len(words)):
                return hits[0].key  # a watched term, inflected («Ромашка Маркета»)
        return known.key if known else canonical_key(name)

    def _related(self, a: str, b: str) -> bool:
        sa, sb = self.directory.get(a), self.directory.get(b)
        if not sa or not sb:
            return False
        return sb in self.directory.ancestors(sa) or sa in self.directory.ancestors(sb)

    def _depth(self, key: str) -> int:
        service = self.directory.get(key)
        return len(self.directory.ancestors(service)) if service else 0

    def _merge_overlaps(self, text: str, found: list[Candidate]) -> None:
        """A phrase overlapping a directory name is that service: "Get Revenge On Your" and "Revenge On Your Ex"
        are HIBP's Get Revenge On Your Ex, "RepoSpace" inside "myRepoSpace" is myRepoSpace."""
        known = [c for c in found if c.name is None and c.domain is None and self.directory.get(c.entity)]
        for cand in found:
            if cand.name and not self.directory.get(cand.entity):
                owner = next((k for k in known if k.start < cand.end and cand.start < k.end), None)
                if owner is not None:
                    cand.entity = owner.entity
        # "Virgin Media is … Virgin on Thursday confirmed the breach": the first words of a name named before are that
        # name said short, whatever else the directory calls them.
        for cand in found:
            words = text[cand.start : cand.end].split()
            longer = next((k for k in found if k.start < cand.start and k.end <= cand.start and k.entity != cand.entity
                           and len(text[k.start : k.end].split()) > len(words)
                           and text[k.start : k.end].split()[: len(words)] == words), None)
            if words and longer is not None:
                cand.entity = longer.entity
        # «студентов университета Кворло»: a name that ends a longer one found at the same place (its kind before it)
        # is that name
        for cand in found:
            longer = next((k for k in found if k is not cand and k.name and k.score > 0 and k.start <= cand.start
                           and cand.end <= k.end and k.end - k.start > cand.end - cand.start
                           and cand.name and k.name.endswith(" " + cand.name)), None)
            if cand.name and longer is not None and not self.directory.get(cand.entity):
                cand.entity = longer.entity
        # A quoted or bracketed phrase right after a name is that name's other name: Horse Isle "The Secret Land
        # of Horses", «СберЛогистика» (ранее «Сбер Логистика»).
        for cand in sorted(found, key=lambda c: c.start):
            if cand.name and text[cand.start - 1 : cand.start] in _OPENING:
                owner = next((k for k in found if k is not cand and k.score > 0 and k.end <= cand.start
                              and _APPOSITION.fullmatch(text[k.end : cand.start])), None)
                if owner is not None:
                    cand.entity = owner.entity

    @staticmethod
    def _drop_modifiers(text: str, toks: Sequence[Token], found: list[Candidate]) -> None:
        """"the Roblox hacking forum Vermillion", "the Sony Playstation forum known as PS3Hax": a name that
        qualifies a type noun followed by another name is not the victim, the second name is."""
        starts = sorted(c.start for c in found)
        for cand in found:
            last = next((i for i, t in enumerate(toks) if t.start >= cand.end), len(toks))
            following = toks[last : last + 6]
            typed = next((t for t in following if t.lemma in L.TYPE_NOUNS), None)
            # Only in the same clause: «…«Премиум бонус». Ею пользуются магазины Москвы», «…сети «Кворло», рассказал
            # основатель компании X» qualify nothing.
            if typed is not None and re.search(r"[.!?\n,;]", text[cand.end : typed.start]):
                continue
            if typed is None or any(t.lemma in L.ROLE_BEFORE for t in following if t.start < typed.start):
                continue
            window = toks[toks.index(typed) + 1 : toks.index(typed) + 4]
            if window and any(window[0].start <= s <= window[-1].start for s in starts):
                cand.score -= 2
                cand.evidence = False

    @staticmethod
    def _mark_subjects(toks: Sequence[Token], sentences: Sequence[tuple[int, int]], leak_sentences: set[int],
                       found: list[Candidate]) -> None:
        """The first name of a sentence that goes on to report the leak is its subject: "In 2014, the Forbes
        website succumbed to an attack that leaked ...", «СДЭК допустил утечку»."""
        for index in leak_sentences:
            start, end = sentences[index]
            sentence = [t for t in toks if start <= t.start < end]
            events = L.VICTIM_EVENT.find(sentence)
            if not events:
                continue
            event_at = sentence[events[0][0]].start
            before = sorted((c for c in found if start <= c.start < event_at and c.score > 0), key=lambda c: c.start)
            if before:
                first = [c for c in before if c.entity == before[0].entity]
                for cand in first:
                    cand.evidence = True
                    cand.score += 1

    # --- choice --------------------------------------------------------------------------------------

    def choose(self, text: str, toks: Sequence[Token], sentences: Sequence[tuple[int, int]],
               leak_sentences: set[int], *, use_ner: bool = True) -> Choice:
        """``use_ner``: may ask Natasha when nothing else names a victim (tens of ms: callers pass False
        for posts that could not be a breach anyway)."""
        choice = self._choose(text, toks, sentences, leak_sentences, self.candidates(text, toks))
        if use_ner and self.use_ner and choice.reason == "none" and re.search(r"[а-яё]", text[:600], re.IGNORECASE):
            choice = self._choose(text, toks, sentences, leak_sentences, ner_candidates(text))
            if choice.reason == "victim":  # a statistical tagger's guess: an admin confirms it
                choice.reason = "ner"
        return choice

    def _choose(self, text: str, toks: Sequence[Token], sentences: Sequence[tuple[int, int]],
                leak_sentences: set[int], found: list[Candidate]) -> Choice:
        groups: dict[str, list[Candidate]] = {}
        found = [c for c in found if not is_place(c.name)]
        for cand in found:
            self._score(text, toks, sentences, cand, leak_sentences)
            cand.entity = self._entity(cand)
            if cand.entity.replace("-", "") in _REPORTERS:  # "Have I Been Pwned" named, not only its domain
                cand.score, cand.evidence = -1.0, False
        self._merge_overlaps(text, found)
        merge_one_organisation(text, found, {c.entity for c in found if self.directory.get(c.entity)})
        # («Renault и дочерний бренд Dacia уведомили…»: a subsidiary named beside its parent is the parent's group)
        parents = {}
        for cand in (c for c in found if c.subsidiary):
            clause = re.split(r"[.;!?\n]", text[max(0, cand.start - 50) : cand.start])[-1]
            parent = next((k for k in found if k.entity != cand.entity and text[k.start : k.end] in clause), None)
            if parent is not None:
                parents[cand.entity] = parent.entity
        for cand in found:  # wherever else it is named («Утечка данных Renault и Dacia»)
            cand.entity = parents.get(cand.entity, cand.entity)
        self._drop_modifiers(text, toks, found)
        _described_before(toks, sentences, leak_sentences, found)
        _share_coordinated(text, found)
        self._mark_subjects(toks, sentences, leak_sentences, found)
        for cand in found:
            if cand.entity:
                groups.setdefault(cand.entity, []).append(cand)
        if not groups:
            return Choice(reason="none")
        # One that declares itself the victim is the victim, however many of its clients the headline names.
        owned = {e: c for e, c in groups.items() if any(x.own and x.evidence and x.score >= MIN_SCORE for x in c)}
        own = len(owned) == 1
        if own:
            groups = owned
        ranked = []
        for entity, cands in groups.items():
            best = max(c.score for c in cands)
            bonus = 1.0 if self.directory.get(entity) else 0.0
            ranked.append((best + bonus + min(len(cands) - 1, 3) * 0.5, entity, cands))
        # (at equal scores a name with a role goes first: a service merely mentioned does not hide the victim)
        ranked.sort(key=lambda r: (-r[0], not any(c.evidence for c in r[2]), -self._depth(r[1])))
        # «Яндекс Еда» and «Яндекс» close together: the sub-brand is the more specific reading.
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < 1.0 and self._related(ranked[0][1], ranked[1][1]):
            ranked[:2] = sorted(ranked[:2], key=lambda r: -self._depth(r[1]))
        top, entity, cands = ranked[0]
        if top < MIN_SCORE or not any(c.evidence for c in cands):
            return Choice(reason="none")
        rival = ranked[1] if len(ranked) > 1 else None
        ambiguous = bool(rival and top - rival[0] < 1.0 and any(c.evidence for c in rival[2])
                         and not self._related(entity, rival[1]))
        cyrillic = len(re.findall(r"[а-яё]", text, re.I)) > len(re.findall(r"[a-z]", text, re.I))
        # The entity's own name before its other names (Pony Valley, not its subtitle «The Secret Land…»).
        named = sorted((c for c in cands if c.name), key=lambda c: (canonical_key(c.name or "") != entity, -c.score,
                                                                   c.start))
        domain = next((c.domain for c in sorted(cands, key=lambda c: -c.score) if c.domain), None)
        service = self.directory.get(entity)
        if service:
            name = service.name_ru if cyrillic else service.name_en
        elif named:
            name = named[0].name
        else:
            name = domain
        if not name:
            return Choice(reason="none")
        at = [c.start for c in cands if c.score > 0]
        if ambiguous and rival:  # the best reading, for an admin to confirm or correct
            return Choice(name=name, domain=domain, key=entity, reason="ambiguous", rivals=[entity, rival[1]], at=at)
        return Choice(name=name, domain=domain, key=entity, at=at, own=own)


def _share_coordinated(text: str, found: list[Candidate]) -> None:
    """"They come from the Quorlo Medical Centers, which serves eight locations, and Zeta General Hospital": a name
    joined by "and" to one with a role has that role too (two victims, for an admin to tell apart)."""
    for first in sorted((c for c in found if c.evidence and c.score > 0), key=lambda c: c.start):
        for cand in found:
            if not cand.evidence and cand.score >= 0 and cand.entity != first.entity and first.end < cand.start \
                    and _COORDINATED.fullmatch(text[first.end : cand.start]):
                cand.score, cand.evidence = max(cand.score, first.score), True


def _described_before(toks: Sequence[Token], sentences: Sequence[tuple[int, int]], leak_sentences: set[int],
                      found: list[Candidate]) -> None:
    """"One of the largest hospitals in Florida said hackers stole the data … Tampa General Hospital has 7,000
    employees": an organisation the leak was told of by its kind (a lowercase word) is the first name after it that
    ends in that word."""
    kinds: dict[str, int] = {}
    many: set[str] = set()  # "from two hospitals", "several medical groups": not one of them
    for index in sorted(leak_sentences):
        start, end = sentences[index]
        for k, tok in enumerate(toks):
            if start <= tok.start < end and tok.text.islower() and is_org_head(tok.text):
                kinds.setdefault(tok.lemma, tok.start)
                if any(t.text.lower() in _MANY or t.text.isdigit() for t in toks[max(0, k - 3) : k]):
                    many.add(tok.lemma)
    # ("from two hospitals … Quorlo General Hospital … Zeta County Hospital": a kind that two names end in is neither)
    ends = {}
    for cand in found:
        words = (cand.name or "").split()
        if len(words) >= 2 and is_org_head(words[-1]) and cand.score > 0:
            ends.setdefault(tokens(words[-1])[0].lemma, set()).add(cand.entity)
    taken = {kind for kind, entities in ends.items() if len(entities) > 1} | many
    for cand in sorted(found, key=lambda c: c.start):
        words = (cand.name or "").split()
        if not words or cand.evidence or cand.score <= 0 or not is_org_head(words[-1]) or len(words) < 2:
            continue
        kind = tokens(words[-1])[0].lemma
        if kind in kinds and kinds[kind] < cand.start and kind not in taken:
            taken.add(kind)
            cand.evidence = True
            cand.score += 2


def _speakers_employer(before: Sequence[Token], after: Sequence[Token]) -> bool:
    """«рассказал основатель компании DeviceLock Ашот Оганесян», "DeviceLock founder Ashot Oganesyan": a company
    between a person's title and the person's name is whose expert speaks, not whose data leaked."""
    titled = any(t.lemma in L.PERSON_TITLES for t in before[-3:])
    return titled and len(after) >= 2 and is_person_name(after[0].text) and after[1].capitalised


# The names of the breach search services, never victims (``rules.BREACH_INDEXES`` without the TLD).
_REPORTERS = frozenset(host.split(".")[0].replace("-", "") for host in rules.BREACH_INDEXES)

# Stands for a source noun at the end of the words before a name (a security firm's name is who reports).
_SOURCE_MARK = Token("channel", "channel", -1, -1)

_COORDINATED = re.compile(r"(?:,[^,.;:!?\n]{0,80})?,?\s+(?:and|и)\s+(?:the\s+)?[«\"“]?")
_MANY = frozenset("two three four five six seven eight nine ten several many multiple dozens hundreds".split())
_SUBSIDIARY = frozenset(("дочерний", "subsidiari", "sister"))
_AIMED_AT = frozenset(("on", "against", "на", "против"))
_OPENING = ("\"", "«", "“", "(")
_APPOSITION = re.compile(r"[\s»”\"]*[\s(]?[«“\"(]")
_HOSTING = frozenset(("хранилище", "облако", "хостинг"))
_POSSESSIVES = frozenset("its their our his her your my".split())
