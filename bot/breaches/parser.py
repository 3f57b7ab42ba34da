"""Turn a channel post (Russian or English) into a ``Breach``, or None when it is not a new breach of
one named service.

Precision over recall: a wrong alert teaches users to ignore alerts, a missed one is usually caught
by another channel or by HIBP. So a post must pass every gate:

1. it is not off-topic: statistics ("67% компаний..."), law and regulator news (bills, fines,
   Roskomnadzor guidance), court cases, research (an acoustic keyboard attack), product features
   ("Google will warn users..."), or a company denying a leak;
2. it describes a leak event (утечка, слили, выложили в открытый доступ, breach, leaked, exposed...);
3. it names exactly one victim service convincingly (see ``_pick_service``);
4. it carries evidence: a record count, or at least two exposed data classes;
5. it is not a company's statement about an already reported leak: «Литрес подтвердил утечку» adds
   no new breach, the alert went out when the data surfaced. A "confirmation" that brings a record
   count is kept (English news often first reports a breach that way) and merges with the earlier
   report through ``Breach.dedupe_key``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.breaches import rules
from bot.breaches.extract import (
    extract_breach_date,
    extract_counts,
    extract_data_classes,
    extract_password_storage,
)
from bot.breaches.models import Breach, looks_russian
from bot.breaches.names import ServiceDirectory, as_host, canonical_key, default_directory

MIN_SERVICE_SCORE = 3.0


@dataclass
class _Candidate:
    """One mention of a possible victim service in a post."""

    name: str | None
    domain: str | None
    start: int
    score: float
    end: int = 0
    entity: str = ""
    evidence: bool = False  # something marks it as the victim, not just a service mentioned nearby


def clean_post(text: str) -> str:
    """Drop forwarding headers, reaction counters and the repeated paragraphs some exports contain."""
    lines, seen = [], set()
    for raw in (text or "").splitlines():
        line = " ".join(raw.split())
        if not line or rules.BOILERPLATE.match(line) or rules.REACTIONS.match(line):
            continue
        if line in seen:
            continue
        seen.add(line)
        lines.append(line)
    return "\n".join(lines)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, pos), *(text.rfind(p, 0, pos) for p in (". ", "! ", "? "))) + 1
    ends = [i for i in (text.find("\n", pos), *(text.find(p, pos) for p in (". ", "! ", "? "))) if i != -1]
    return start, min(ends) if ends else len(text)


class BreachParser:
    """Rule-based breach post parser; one instance can parse many posts."""

    def __init__(self, directory: ServiceDirectory | None = None):
        self.directory = directory or default_directory()
        self._scan_terms = self._build_scan_terms()

    def parse(
        self,
        text: str,
        *,
        posted_at: datetime | None = None,
        source_name: str | None = None,
        source_url: str | None = None,
        origin: str = "channel",
    ) -> Breach | None:
        """Return the breach described by ``text`` or None (see the module docstring for the gates)."""
        return self.analyse(text, posted_at=posted_at, source_name=source_name, source_url=source_url,
                            origin=origin)[0]

    def analyse(
        self,
        text: str,
        *,
        posted_at: datetime | None = None,
        source_name: str | None = None,
        source_url: str | None = None,
        origin: str = "channel",
    ) -> tuple[Breach | None, str]:
        """Like ``parse`` but also returns why: "breach" or the gate that rejected the post."""
        clean = clean_post(text)
        if not clean:
            return None, "empty"
        headline = clean.split("\n", 1)[0]
        record_count, unique_emails = extract_counts(clean)
        has_count = record_count is not None or unique_emails is not None
        if rules.GUIDE_RE.search(headline):
            return None, "guide_or_digest"
        if rules.DENIAL_RE.search(clean):
            return None, "denial"
        if rules.STATS_RE.search(headline) or (not has_count and rules.STATS_RE.search(clean)):
            return None, "statistics"
        if rules.LAW_RE.search(headline) or (not has_count and rules.LAW_BODY_RE.search(clean)):
            return None, "law"
        if rules.COURT_RE.search(headline) or (not has_count and rules.COURT_RE.search(clean)):
            return None, "court"
        if not has_count and (rules.RESEARCH_RE.search(clean) or rules.FEATURE_RE.search(clean)):
            return None, "research_or_feature"
        if not rules.LEAK_RE.search(clean):
            return None, "no_leak_event"
        if rules.STATEMENT_RE.search(clean) and record_count is None:
            return None, "statement"
        classes = extract_data_classes(clean)
        storage = extract_password_storage(clean)
        if storage and "Passwords" not in classes:
            classes = sorted({*classes, "Passwords"})
        if not has_count and (len(classes) < 2 or not rules.CONCRETE_LEAK_RE.search(clean)):
            return None, "no_evidence"
        picked = self._pick_service(clean)
        if picked is None:
            return None, "no_single_service"
        name, domain = picked
        breach = Breach(
            service=name,
            domain=domain,
            record_count=record_count,
            unique_emails=unique_emails,
            data_classes=classes,
            password_storage=storage,
            breach_date=extract_breach_date(clean),
            reported_at=posted_at,
            origin=origin,
            source_name=source_name,
            source_url=source_url,
            description=_describe(clean),
        )
        known = self.directory.services_for_breach(breach)
        if known:
            service = known[0]
            breach.domain = breach.domain or (service.domains[0] if service.domains else None)
            breach.aliases = [n for n in dict.fromkeys((service.name_ru, service.name_en)) if n != name]
            breach.is_russian_operator = service.country == "ru" if service.country else looks_russian(name, domain)
        else:
            breach.is_russian_operator = looks_russian(name, breach.domain)
        return breach, "breach"

    # --- service -------------------------------------------------------------------------------------

    def _build_scan_terms(self) -> list[tuple[re.Pattern[str], str]]:
        """Regexes finding directory names in running text, tolerant of Russian case endings
        («Спортмастера», «Ламоды», «Литресе»); names of three letters or fewer must match case-sensitively."""
        terms = []
        for service in self.directory.services.values():
            for name in {service.name_ru, service.name_en, *service.aliases}:
                words = re.findall(r"[\w'’&.+-]+", name)
                short = len(name) <= 3
                if not words or as_host(name) or len(name) < 2 or (short and not name.isupper()):
                    continue
                pattern = r"(?<![\w-])" + r"[\s.-]?".join(_inflectable(w) for w in words) + r"(?![\w-])"
                terms.append((re.compile(pattern, 0 if short else re.I), service.key))
        return terms

    def _known_key(self, name: str) -> str | None:
        """Directory key for a name as written in a post, including inflected forms."""
        service = self.directory.exact(name)
        if service:
            return service.key
        return next((key for pattern, key in self._scan_terms if pattern.fullmatch(name)), None)

    def _candidates(self, text: str) -> list[_Candidate]:
        """Every mention that could name the victim: domains, «quoted» names, directory names,
        Latin brands after Russian nouns, English victim phrases. Base scores reflect how much each
        kind of mention says on its own."""
        found: list[_Candidate] = []
        for match in rules.DOMAIN_IN_TEXT.finditer(text):
            host = as_host(match.group(1))
            if host and host not in rules.NOT_VICTIM_HOSTS and not host.endswith(".t.me"):
                found.append(_Candidate(None, host, match.start(), 2.0, match.end(), evidence=True))
        for match in rules.QUOTED.finditer(text):
            name = match.group(1).strip(" .,")
            # Names start with a capital or digit; long or exclamatory quotes are speech, not names.
            if (name[:1].isupper() or name[:1].isdigit()) and len(name.split()) <= 5 and name[-1:] not in "!?":
                found.append(_Candidate(name, None, match.start(), 1.0, match.end()))
        # Longest directory match wins, so «Яндекс Еда» is not also counted as a mention of Яндекс.
        hits = sorted(((m.start(), m.end(), key) for pattern, key in self._scan_terms for m in pattern.finditer(text)),
                      key=lambda h: h[0] - h[1])
        taken: list[tuple[int, int]] = []
        for start, end, key in hits:
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                found.append(_Candidate(None, None, start, 1.0, end, entity=key))
        for match in rules.ORG_LATIN_RE.finditer(text):
            found.append(_Candidate(match.group("n").rstrip(".,"), None, match.start("n"), 1.5, match.end("n")))
        for pattern in rules.EN_PATTERNS:
            for match in pattern.finditer(text):
                name = _clean_en_name(match.group("n"))
                if name:
                    # The English patterns are victim phrases ("X data breach", "breach at X") themselves.
                    at = match.start("n") + match.group("n").find(name)
                    found.append(_Candidate(name, None, at, 2.5, at + len(name), evidence=True))
        return found

    def _score(self, text: str, cand: _Candidate) -> None:
        """Add context points to a mention (see ``_pick_service``) and mark victim evidence."""
        start, end = _sentence_bounds(text, cand.start)
        sentence = text[start:end]
        if rules.LEAK_RE.search(sentence):
            cand.score += 2
        if cand.start < max(text.find("\n"), 0) or start == 0:  # in the headline or first sentence
            cand.score += 1
        if rules.VICTIM_BEFORE.search(text[max(start, cand.start - 90) : cand.start]) or rules.VICTIM_AFTER.match(
            text, cand.end
        ):
            cand.score += 2
            cand.evidence = True
        after = text[cand.start : cand.start + 90]
        if cand.name and cand.domain is None:
            attached = re.match(r"[«“\"]?" + re.escape(cand.name) + r"[»”\"]?\s*\(([^)\s]+)\)", after)
            host = as_host(attached.group(1)) if attached else None
            if host:
                cand.domain = host
                cand.score += 2
                cand.evidence = True
        previous = rules.PREVIOUS_RE.search(text, start, cand.start)
        if previous and not rules.PREVIOUS_END_RE.search(text, previous.end(), cand.start):
            cand.score -= 4

    def _entity(self, cand: _Candidate) -> str:
        """The key mentions are grouped by: «Литрес», "litres.ru" and "Литресе" are one entity."""
        if cand.entity:
            return cand.entity
        if cand.domain:
            owner = self.directory.by_domain(cand.domain)
            return owner.key if owner else self.directory.domain_key(cand.domain)
        return self._known_key(cand.name or "") or canonical_key(cand.name or "")

    def _depth(self, key: str) -> int:
        service = self.directory.get(key)
        return len(self.directory.ancestors(service)) if service else 0

    def _related(self, a: str, b: str) -> bool:
        sa, sb = self.directory.get(a), self.directory.get(b)
        if not sa or not sb:
            return False
        return sb in self.directory.ancestors(sa) or sa in self.directory.ancestors(sb)

    def _pick_service(self, text: str) -> tuple[str, str | None] | None:
        """Group candidate mentions by entity and keep the best-scored one, if it is clearly ahead.

        A mention scores for sitting in a sentence about the leak, right after a victim phrase
        ("данные пользователей сервиса ...", "records from ..."), carrying a domain in brackets, being
        in the headline and being a known service; it loses heavily inside a "previously leaked X, Y"
        clause. Two entities within one point of each other means the post is about several services
        (or we cannot tell which), and we return None.
        """
        groups: dict[str, list[_Candidate]] = {}
        for cand in self._candidates(text):
            self._score(text, cand)
            cand.entity = self._entity(cand)
            if cand.entity:
                groups.setdefault(cand.entity, []).append(cand)
        if not groups:
            return None
        ranked = []
        for entity, cands in groups.items():
            best = max(c.score for c in cands)
            bonus = 1.0 if self.directory.get(entity) else 0.0
            ranked.append((best + bonus + min(len(cands) - 1, 2) * 0.5, entity, cands))
        # On a near-tie between a brand and its sub-brand («Яндекс Еда» and «Яндекс»), the sub-brand
        # is the more specific reading of the post.
        ranked.sort(key=lambda r: (-r[0], -self._depth(r[1])))
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < 1.0 and self._related(ranked[0][1], ranked[1][1]):
            ranked[:2] = sorted(ranked[:2], key=lambda r: -self._depth(r[1]))
        top_score, entity, cands = ranked[0]
        if top_score < MIN_SERVICE_SCORE or not any(c.evidence for c in cands):
            return None
        if len(ranked) > 1 and top_score - ranked[1][0] < 1.0 and not self._related(entity, ranked[1][1]):
            return None
        cyrillic = len(re.findall(r"[а-яё]", text, re.I)) > len(re.findall(r"[a-z]", text, re.I))
        named = sorted((c for c in cands if c.name), key=lambda c: (-c.score, c.start))
        domain = next((c.domain for c in sorted(cands, key=lambda c: -c.score) if c.domain), None)
        service = self.directory.get(entity)
        if named and (service is None or self.directory.exact(named[0].name or "")):
            name = named[0].name  # as written: «Литрес», "ЛитРес", or an unknown service's own spelling
        elif service:
            name = service.name_ru if cyrillic else service.name_en
        else:
            name = domain
        return (name, domain) if name else None


def _inflectable(word: str) -> str:
    """Regex for a Cyrillic word in any case form: «Ламода» -> Ламод(а|ы|е|у|ой...)."""
    if not re.search(r"[а-яё]$", word, re.I):
        return re.escape(word) + r"(?:'s|’s)?"
    if re.search(r"[аяоеьйыи]$", word, re.I) and len(word) > 4:
        return re.escape(word[:-1]) + r"(?:а|я|о|е|ь|й|ы|и|у|ю|ой|ей|ом|ем|ами|ями|ах|ях|ам|ям)"
    return re.escape(word) + r"(?:а|у|ом|е|ой|ы|и|ов|ам|ах|ами)?"


def _is_leading_stop(word: str) -> bool:
    return word.lower() in rules.EN_LEADING_STOP or word.lower().removesuffix("'s") in rules.EN_NOT_NAMES


def _clean_en_name(raw: str) -> str | None:
    """Trim a capitalised phrase caught by an English pattern down to the service name:
    "Massive Chinese gaming site Acme's" -> "Acme"; None when nothing name-like is left."""
    words = raw.replace("’", "'").split()
    while words and _is_leading_stop(words[0]):
        words = words[1:]
    while words and words[-1].lower().removesuffix("'") in rules.EN_TRAILING_STOP:
        words = words[:-1]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    name = " ".join(words).strip(".,'")
    if len(name) < 2 or name.lower() in rules.EN_NOT_NAMES or not re.search(r"[^\W\d_]", name):
        return None
    if re.fullmatch(r"[\d.,]+\s?[kmb]?", name, re.I):  # "261k" is a count, not a name
        return None
    return name


def _describe(text: str, limit: int = 300) -> str:
    """First sentence or two, as plain text, for the alert's short description."""
    flat = re.sub(r"^[^\w«\"(]+", "", " ".join(text.split("\n")[:3])).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    stop = max(cut.rfind(". "), cut.rfind("! "))
    return cut[: stop + 1] if stop > limit // 2 else cut.rsplit(" ", 1)[0] + "…"
