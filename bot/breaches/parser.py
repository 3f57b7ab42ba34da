"""Turn a channel post (Russian or English) into a ``Breach``, or say why it is not one.

A post is read as lemmas (``lemmas.py``) against one vocabulary (``lexicon.py``) learned from real
breach news, and decided in this order:

1. a company denying a leak, or a headline about statistics, law, fines, courts and their proceedings
   ("In re X Data Breach Litigation", «мировое соглашение»), regulators or a guide, is not a new breach ("denial",
   "off_topic"); only the headline counts for the second, because breach reports mention fines and laws in
   passing; a headline about a compilation of old leaks or stealer logs is none either ("compilation");
2. some sentence must report a leak event («появились файлы с данными», «выставили на продажу»,
   "posted for sale on a hacking forum") ("no_leak_event");
3. the victim is chosen by role (``victim.py``); none is "no_single_service";
4. evidence: a count («более 160 млн записей», "1.4M unique email addresses"), a vague count
   («десятков тысяч клиентов») or two exposed data classes.

Unsure is not silent: a clear victim with weak evidence, a company's statement about a leak without a
count, a company checking a claim it has not confirmed ("is looking into claims made by the X gang"), a
compilation of files told below the headline, or a strong leak with two equally plausible victims (also the
victim listed with other organisations whose clients the post tells, «клиентов банков A, B и C») comes back as
``"unsure:<why>"`` with the best reading as a ``Breach``, for an admin to confirm (``parse`` returns only sure
breaches).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime

from bot.breaches import evidence as E
from bot.breaches import features as F
from bot.breaches import lexicon as L
from bot.breaches import rules
from bot.breaches.extract import (
    extract_breach_date,
    extract_counts,
    extract_data_classes,
    extract_password_storage,
)
from bot.breaches.lemmas import sentences, tokens
from bot.breaches.matcher import NameMatcher
from bot.breaches.models import Breach, looks_russian
from bot.breaches.names import ServiceDirectory, default_directory
from bot.breaches.victim import Choice, VictimFinder

UNSURE = "unsure:"
_PERCENT = re.compile(r"\d\s?%|\bper\s?cent\b", re.IGNORECASE)


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
        # (a hard-wrapped paragraph: a line that ends mid-sentence and goes on in lowercase is one sentence)
        if lines and line[:1].islower() and lines[-1][-1:].isalnum() and len(lines[-1]) >= 30:
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


class BreachParser:
    """One instance parses many posts; the directory's name index is built once, here."""

    def __init__(self, directory: ServiceDirectory | None = None, *,
                 watched_terms: Iterable[str] | Callable[[], Iterable[str]] = (), use_ner: bool = True):
        """``watched_terms``: the names people watch, so one the directory lacks is found in posts like a
        directory name; a callable is read at every parse (the watch storage's in-memory set: a new watch
        counts from the next post on), and the matcher's small term index is rebuilt only when it changed."""
        self.directory = directory or default_directory()
        self._watched = watched_terms if callable(watched_terms) else _fixed(tuple(watched_terms))
        self.matcher = NameMatcher(self.directory, self._watched())
        self.victims = VictimFinder(self.directory, self.matcher, use_ner=use_ner)
        # The learned weights of the evidence (features.py, evidence_weights.json), or None for the hand score;
        # ``sure`` is the one alert threshold on the model's probability or on the hand score (bench/breach_curve.py
        # moves it to draw the curve).
        self.model = F.default_model()
        self.sure = self.model.sure if self.model else E.SURE
        self.last_evidence: E.Evidence | None = None

    def parse(self, text: str, *, posted_at: datetime | None = None, source_name: str | None = None,
              source_url: str | None = None, origin: str = "channel") -> Breach | None:
        """The breach ``text`` reports, or None (also None when unsure; see ``analyse``)."""
        breach, why = self.analyse(text, posted_at=posted_at, source_name=source_name, source_url=source_url,
                                   origin=origin, drafts=False)
        return breach if why == "breach" else None

    def analyse(self, text: str, *, posted_at: datetime | None = None, source_name: str | None = None,
                source_url: str | None = None, origin: str = "channel",
                drafts: bool = True) -> tuple[Breach | None, str]:
        """``(breach, "breach")``, ``(best reading, "unsure:<why>")`` or ``(None, <why not>)``.

        ``drafts=False``: the caller wants sure breaches only, so the NER fallback (tens of ms, and its
        victims are only ever drafts) is not run."""
        clean = clean_post(text)
        if not clean:
            return None, "empty"
        self.matcher.set_terms(self._watched())
        toks = tokens(clean)
        spans = sentences(clean)
        # The headline; a short one («Базы тянут ко дну») is read with its subtitle.
        head_end = spans[0][1]
        if len(spans) > 1 and len([t for t in toks if t.end <= head_end]) < 8:
            head_end = spans[1][1]
        head = [t for t in toks if t.end <= head_end]
        owned = L.APOLOGY.any(head) and L.LEAK_EVENT.any(head)  # (then a denial below is of a detail)
        if L.DENIAL.any(toks) and not owned or L.DENIED_CLAIM.any(head):
            return None, "denial"
        blamed = L.BLAMED_INSIDER.find(head)  # (a company blaming its staff reports its leak)
        off_topic = any(not any(a <= first < b for a, b in blamed) for first, _ in L.OFF_TOPIC_HEADLINE.find(head))
        if off_topic or E.DIGEST.search(clean[:head_end]) \
                or _PERCENT.search(clean[:head_end]) and not _share_of_a_leak(clean, head):
            return None, "off_topic"
        if L.COMPILATION.any(head):
            return None, "compilation"
        events = E.sentence_events(toks, spans)
        leak_sentences = set(events)
        if not leak_sentences:
            return None, "no_leak_event"
        record_count, unique_emails = extract_counts(clean, toks)
        has_count = record_count is not None or unique_emails is not None
        lead_end = spans[min(1, len(spans) - 1)][1]
        classes = extract_data_classes(clean, toks)
        storage = extract_password_storage(clean)
        if storage and "Passwords" not in classes:
            classes = sorted({*classes, "Passwords"})
        vague, concrete = L.VAGUE_COUNT.any(toks), L.CONCRETE.any(toks)
        evidence = has_count or len(classes) >= 2 or vague or concrete
        # Natasha only for a post that has everything but a named victim (it costs tens of ms), and only when
        # the caller takes drafts: a victim only NER found is never alerted on without an admin.
        choice = self.victims.choose(clean, toks, spans, leak_sentences, use_ner=evidence and drafts)
        if choice.reason == "none" or not choice.name:
            return None, "no_single_service"
        if record_count is not None and re.search(rf"(?<!\d){record_count}(?!\d)", choice.name):
            # «клиникой 56 Dean Street»: a number in the victim's name counts nothing; counted again without the name
            masked = clean.replace(choice.name, "Q" * len(choice.name))
            record_count, unique_emails = extract_counts(masked, tokens(masked))
            has_count = record_count is not None or unique_emails is not None
        breach = Breach(
            service=choice.name, domain=choice.domain, record_count=record_count, unique_emails=unique_emails,
            data_classes=classes, password_storage=storage, breach_date=extract_breach_date(clean),
            reported_at=posted_at, origin=origin, source_name=source_name, source_url=source_url,
            description=_describe(clean),
        )
        self._complete(breach)
        # (many companies' customers in the headline and one whose systems were entered: that one is the victim)
        if choice.reason == "ambiguous" or not choice.own and (
                L.MANY_VICTIMS.any(head) or self._listed_with_others(clean, toks, lead_end, choice)):
            return breach, UNSURE + "two_victims"
        if choice.reason == "ner":
            return breach, UNSURE + "ner_victim"
        score = self.evidence(clean, toks, spans, head_end, lead_end, events, choice.at,
                              has_count=has_count, classes=len(classes), vague=vague, concrete=concrete)
        score.features = F.features(
            score, has_count=has_count, classes=len(classes), vague=vague, concrete=concrete,
            size=E.has_size(clean), events=events, victim_at=choice.at, spans=spans, head_end=head_end,
            own=choice.own, known=bool(choice.key and self.directory.get(choice.key)),
            english=not re.search(r"[а-яё]", clean[:600], re.IGNORECASE))
        self.last_evidence = score
        if self.model is not None:
            score.probability = self.model.probability(score.features)
            if score.probability >= self.sure:
                return breach, "breach"
            # below the draft threshold the learned evidence is against the leak: binned, not drafted
            if score.probability < self.model.draft:
                return None, "off_topic:" + (",".join(score.why) or "weak_evidence")
            return breach, UNSURE + (score.why[0] if score.why else "weak_evidence")
        if score.score < self.sure:
            # Evidence against the leak (a lawsuit, statistics) is no doubt for an admin to settle: the post is about
            # leaks, not one.
            if score.against:
                return None, "off_topic:" + ",".join(score.why)
            return breach, UNSURE + (score.why[0] if score.why else "weak_evidence")
        return breach, "breach"

    @staticmethod
    def evidence(clean: str, toks: list, spans: list[tuple[int, int]], head_end: int, lead_end: int,
                 events: dict[int, int], victim_at: list[int], *, has_count: bool, classes: int, vague: bool,
                 concrete: bool) -> E.Evidence:
        """The post's score (``evidence.py``): the victim's tie to the event, the support, the counter-evidence."""
        score = E.counter_of(clean, toks, head_end, lead_end, has_count=has_count)
        score.tie = E.tie_of(victim_at, events, toks, spans, head_end)
        score.support = E.support_of(has_count, classes, vague, concrete, E.has_size(clean))
        E.doubt_unverified(score, toks, lead_end, has_count=has_count)
        return score

    def _listed_with_others(self, text: str, toks: list, lead_end: int, choice: Choice) -> bool:
        """«данные клиентов банков ОТП-банка, Альфа-банка и ХКФ-банка оказались в открытом доступе», "the data of
        customers of Quorlo and Zentrix": the victim named in the lead in a list of names whose people or data the
        post tells (a whose-word before the list, or one after it) shares the leak with the others, so none of them is
        sure. Unless the list is one group's brands (the victim's parent is named: «сетей „К-Руока“ и „К-Раута“
        финской Kesko») or one of them confirmed the leak ("Auchan confirmed the leak")."""
        lists = [m for m in rules.NAME_LIST.finditer(text[:lead_end])
                 if any(m.start() <= at < m.end() for at in choice.at)]
        if not lists:
            return False
        for listed in lists:
            before = [t for t in toks if t.end <= listed.start()][-2:]
            after = [t for t in toks if t.start >= listed.end()][:1]
            whose = any(t.lemma in L.ROLE_BEFORE or t.lemma in L.TYPE_NOUNS for t in before) \
                or any(t.lemma in L.ROLE_AFTER for t in after)
            if whose and self.directory.resolve(listed.group(0)).key != choice.key:
                break
        else:
            return False
        service = self.directory.get(choice.key or "")
        parents = {parent.key for parent in self.directory.ancestors(service)} if service else set()
        if parents and parents & {hit.key for hit in self.matcher.find(toks)}:
            return False
        return not E.confirmed(toks)

    def _complete(self, breach: Breach) -> None:
        """Domain, other names and the operator's country from the directory, when it knows the service."""
        known = self.directory.services_for_breach(breach)
        if known:
            service = known[0]
            breach.domain = breach.domain or (service.domains[0] if service.domains else None)
            breach.aliases = [n for n in dict.fromkeys((service.name_ru, service.name_en)) if n != breach.service]
            breach.is_russian_operator = (service.country == "ru" if service.country
                                          else looks_russian(breach.service, breach.domain))
        else:
            breach.is_russian_operator = looks_russian(breach.service, breach.domain)


def _share_of_a_leak(text: str, head: list) -> bool:
    """«…получили доступ к данным клиентов, составляющих менее 1% пользователей, сообщила X»: a share of a company's
    users in a headline that tells a leak sizes that leak; a share alone («40% пользователей используют один пароль»,
    "60% of companies") is a statistic. The evidence still counts the share against the post
    (``evidence.counter_of``)."""
    head_text = text[: head[-1].end] if head else ""
    people = any(t.lemma in L.COUNT_NOUNS for share in _PERCENT.finditer(head_text)
                 for t in [t for t in head if t.start >= share.end()][:3])
    return people and L.LEAK_EVENT.any(head) and not L.PERIOD.any(head)


def _fixed(terms: tuple[str, ...]) -> Callable[[], tuple[str, ...]]:
    return lambda: terms


def _describe(text: str, limit: int = 300) -> str:
    """First sentence or two, as plain text, for the alert's short description."""
    flat = re.sub(r"^[^\w«\"(]+", "", " ".join(text.split("\n")[:3])).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    stop = max(cut.rfind(". "), cut.rfind("! "))
    return cut[: stop + 1] if stop > limit // 2 else cut.rsplit(" ", 1)[0] + "…"
