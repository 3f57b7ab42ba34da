"""The names a breach post gives, before any is chosen: the candidates for its victim, each with a base score.

Candidates come from the directory matcher (names and watched terms), domains, «quoted» names,
English company cues (``cues.py``: "online training company Udemy", "French retailer Cultura"), English victim
phrases ("X suffered a data breach"), the subjects of Russian and English sentences, capitalised names after a
whose-data or type noun and, when nothing else names anyone, organisations found by Natasha's Russian NER.
``victim.py`` scores them by their role in the sentence and chooses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.breaches import lexicon as L
from bot.breaches import rules
from bot.breaches.cues import (
    EN_COMPANY_CUE,
    EN_DATABASE_LEAKED,
    EN_FLAW_IN,
    EN_NAME_ROLE,
    EN_NAME_SYSTEM,
    EN_NAME_TYPE,
    EN_SCRAPED_FROM,
    EN_TAKEN_FROM,
    EN_VICTIM_VERB,
    KNOWN_AS_NUMBER,
    LIST_OF_SOURCES,
    RENAMED,
    WHERE_IT_HAPPENED,
    clean_en_name,
    english_subjects,
    headline_subject,
    inside_phrase,
    latin_subjects,
    many_installations,
    owning_subject,
    russian_subjects,
)
from bot.breaches.lemmas import Token, is_adjective, nominative, sentences
from bot.breaches.matcher import NameMatcher
from bot.breaches.names import ServiceDirectory, as_host, canonical_key
from bot.breaches.org_phrases import (
    acronym_definitions,
    english_org_names,
    initials,
    is_titled_person,
    russian_org_phrases,
)
from bot.breaches.rules import EN_LONG_NAME

_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]")
# Who suffered, the subject after its verb opening a sentence: «Пострадал Университетский больничный центр в Загребе
# (KBC Zagreb)», «Пострадала «Кворло»»; up to a preposition, «и» or a comma; a Latin name in brackets after it is the
# name its watchers know (not «Пострадали данные», lowercase).
_WHO_SUFFERED = re.compile(
    r"(?:^|(?<=[.!?]\s))Пострада(?:л|ла|ло|ли)\s+(?P<n>[«\"]?[А-ЯЁ][\w-]*[»\"]?(?:\s+[«\"]?[\w-]+[»\"]?){0,3}?)"
    r"(?=\s+(?:в|во|на|из|от|и)\s|[,.;:!?\n]|\s*\(|\s+—)(?:[^.(\n]{0,40}\((?P<latin>[A-Z][\w&.' -]{1,40})\))?",
    re.MULTILINE)
# The name of what was just described: «базы данных, известной как World-Check», «сервис под названием „Кворло“» (a
# hacker «известный как X» is an attacker: his word before it says so to ``victim._score``).
_KNOWN_AS_RU = re.compile(r"(?:известн\w+\s+как|под\s+названием)\s+([«\"]?[A-ZА-ЯЁ][\w&+-]*(?:\.\w+)*"
                          r"(?:[ \t]+[A-ZА-ЯЁ][\w&+-]*(?:\.\w+)*){0,2}[»\"]?)")
# «ИТ-систем», «ИБ-компании»: an abbreviation joined to a common noun is a kind of thing, not a name
_KIND_COMPOUND = re.compile(r"[А-ЯЁA-Z]{2,}-(?:[а-яё]+|[a-z]+)")

@dataclass
class Candidate:
    name: str | None
    domain: str | None
    start: int
    end: int
    score: float
    entity: str = ""
    evidence: bool = False  # something marks it as the victim, not a service named nearby
    own: bool = False  # it says so itself: "X … confirmed that it has been the victim of a data breach"
    subsidiary: bool = False  # named as another's subsidiary («Renault и дочерний бренд Dacia»)


@lru_cache(maxsize=1)
def _ner():  # noqa: ANN202 - Natasha's models ship inside the package; loaded once, on first need
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def organisations(text: str) -> list[tuple[int, int, str]]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [(s.start, s.stop, s.text) for s in doc.spans if s.type == "ORG"]

    return organisations


def find_candidates(text: str, toks: Sequence[Token], directory: ServiceDirectory, matcher: NameMatcher
                    ) -> list[Candidate]:
    """Every name the post gives, each with a base score: directory names and watched terms, domains, quoted names,
    English company cues and victim phrases, the subjects of Russian and English sentences."""
    found: list[Candidate] = []
    for hit in matcher.find(toks):
        # A watched term the directory lacks is named as its watcher typed it («Ромашка Маркет», not the
        # inflected «Ромашка Маркета» of the post): its key is the one the watch was stored under.
        name = None if directory.get(hit.key) else hit.name
        found.append(Candidate(name, None, toks[hit.first].start, toks[hit.last - 1].end, 1.0, hit.key))
    for match in rules.DOMAIN_IN_TEXT.finditer(text):
        host = as_host(match.group(1))
        if host and host not in rules.NOT_VICTIM_HOSTS and not host.endswith(".t.me"):
            found.append(Candidate(None, host, match.start(), match.end(), 2.0, evidence=True))
    for match in rules.QUOTED.finditer(text):
        name = match.group(1).strip(" .,")
        if (name[:1].isupper() or name[:1].isdigit()) and len(name.split()) <= 5 and name[-1:] not in "!?":
            found.append(Candidate(name, None, match.start(1), match.end(1), 1.0))
    for match in rules.ORG_LATIN_RE.finditer(text):
        found.append(Candidate(match.group("n").rstrip(".,"), None, match.start("n"), match.end("n"), 1.5))
    cues = ((_SYSTEM_PUBLISHED, 2.5), (EN_COMPANY_CUE, 2.5), (EN_VICTIM_VERB, 2.5), (EN_NAME_ROLE, 2.0),
            (EN_NAME_SYSTEM, 2.0), (EN_NAME_TYPE, 1.0), (EN_FLAW_IN, 2.5), (EN_TAKEN_FROM, 2.5),
            (EN_DATABASE_LEAKED, 2.5), (EN_SCRAPED_FROM, 2.5),
            *((p, 2.5) for p in rules.EN_PATTERNS), *((p, 2.5) for p in rules.EN_SYSTEM_OWNER))
    for pattern, base in cues:
        own = pattern in rules.EN_SYSTEM_OWNER
        for match in pattern.finditer(text):
            # "a ransom of 3 Bitcoins": a count of a unit, not a name ("146,000 IU students" is whose students)
            if pattern in rules.EN_PATTERNS and _QUANTITY.match(match.group("n")):
                continue
            name = clean_en_name(match.group("n"))
            at = match.start("n") + match.group("n").find(name) if name else -1
            # "The Record reported that Quorlo suffered…": who reports that another did is no victim
            if name and _REPORTS_ANOTHER.match(text, at + len(name)):
                continue
            # "The Times of Central Asia reported that the data of citizens…": a newspaper that reports is the source
            if name and _PRESS_TITLE.intersection(name.casefold().split()) and _REPORTS.match(text, at + len(name)):
                continue
            # (a name after words the cleaning dropped, "Los Angeles-based X", begins no phrase)
            if name and not (at == match.start("n") and inside_phrase(text, at)):
                found.append(Candidate(name, None, at, at + len(name), base, evidence=True, own=own))
    for match in KNOWN_AS_NUMBER.finditer(text):  # "the Chinese email service known as 126"
        found.append(Candidate(match.group(1), None, match.start(1), match.end(1), 2.5, evidence=True))
    for match in _KNOWN_AS_RU.finditer(text):  # «особой базы данных, известной как World-Check»
        found.append(Candidate(match.group(1).strip("«»\""), None, match.start(1), match.end(1), 2.5, evidence=True))
    for match in WHERE_IT_HAPPENED.finditer(text):
        name = match.group(1).strip("«»\"")
        if match.group(1)[:1] in "«\"" or re.search(r"\b[A-ZА-ЯЁ]{2,}\b", name):
            found.append(Candidate(nominative(name), None, match.start(1), match.end(1), 2.5, evidence=True))
    for match in _WHO_SUFFERED.finditer(text):  # «Пострадал Университетский больничный центр в Загребе (KBC Zagreb)»
        group = "latin" if match.group("latin") else "n"
        name = match.group(group)
        if group == "latin" or len(name.split()) >= 2 or match.group("n")[:1] in "«\"":
            name = name.strip("«»\"")
            # (3.0: the sentence says it suffered, which is the victim's role, in whatever sentence the leak is told)
            found.append(Candidate(name if group == "latin" else nominative(name), None, match.start(group),
                                   match.end(group), 3.0, evidence=True))
    spans = sentences(text)
    for name, start, end in russian_subjects(text, toks, spans):  # «Университет X сообщил об утечке»
        found.append(Candidate(name, None, start, end, 1.5, evidence=True))
    # «Кворло: утечка данных 180 тыс. клиентов»
    subject = headline_subject(text, toks, lambda name: directory.exact(name) is not None)
    if subject:
        found.append(Candidate(subject[0], None, subject[1], subject[2], 1.5, evidence=True))
    for name, start, end in latin_subjects(text, toks, spans):  # «В июне Aflac объявила о кибератаке»
        found.append(Candidate(name, None, start, end, 1.5, evidence=True))
    # "X, which runs 40 clinics, had a data breach"; "X … confirmed that it has been the victim of a data breach"
    for name, start, end, own in english_subjects(text, spans):
        found.append(Candidate(name, None, start, end, 1.5, evidence=True, own=own))
    found += capitalised_after_role(text, toks)
    found += _speaker(text)
    # "the iPmart forum (now known as Mobi NUKE)": the service's name at another time is no rival to it; "scraped from
    # LinkedIn, Facebook and other sources": nor is any of a list of sources
    renamed = [m.span() for m in RENAMED.finditer(text)] + [m.span() for m in LIST_OF_SOURCES.finditer(text)]
    # ("140 unpatched vBulletin forums were compromised": the software of many sites is none of their victims)
    found = [c for c in found if not any(a < c.start < b for a, b in renamed)
             and not many_installations(text, c.start, c.end)]
    acronyms = {c.name for c in found if c.name and c.name.isupper() and len(c.name) >= 3}
    for raw, _start, end in english_org_names(text):  # "Tampa General Hospital has about 7,000 employees"
        name = clean_en_name(raw)
        if name and raw.endswith(name):
            # ("The E-Sports Entertainment Association said …" beside "ESEA": the name its initials stand for)
            short = initials(name)
            found.append(Candidate(short if short in acronyms else name, None, end - len(name), end, 1.0))
    found = [c for c in found if not (c.name and is_titled_person(c.name))]  # "President William Powers Jr"
    # ("CANBERRA, Australia — …", "DALLAS (AP) — …": a news dateline is where the story was filed, never who leaked)
    datelines = [m.span() for m in DATELINE.finditer(text)]
    found = [c for c in found if not any(a <= c.start < b for a, b in datelines)]
    # ("…stole the data of 1.2 million people, the Tampa Bay Times reported.": who reports, after a comma)
    found = [c for c in found if not (_ATTRIBUTED_BEFORE.search(text, max(0, c.start - 12), c.start)
                                      and _ATTRIBUTION_AFTER.match(text, c.end))]
    return [_owner_instead(text, c) for c in _organisation_phrases(text, toks, found)]


def _organisation_phrases(text: str, toks: Sequence[Token], found: list[Candidate]) -> list[Candidate]:
    """Organisations named by their kind (``org_phrases.py``): «у свердловского онкоцентра», "The Greater Ludhiana
    Area Development Authority (GLADA)". A phrase that holds a name found otherwise is that name, read whole
    («больниц Кембриджского университета», not «Больница Кембриджского»); "GLADA" later is its long name."""
    for name, start, end in russian_org_phrases(text, toks):
        inside = [c for c in found if c.name and start <= c.start and c.end <= end]
        for cand in inside:
            cand.name = name
        if not inside and not any(c.start < end and start < c.end for c in found):
            found.append(Candidate(name, None, start, end, 1.0))
    for long, start, end, acronym in acronym_definitions(text):
        named = [c for c in found if c.name and canonical_key(c.name) in (canonical_key(acronym), canonical_key(long))]
        for cand in named:
            cand.name = long
        if not any(c.start <= start < c.end or start <= c.start < end for c in found):
            found.append(Candidate(long, None, start, end, 1.0))
    return found


def _owner_instead(text: str, cand: Candidate) -> Candidate:
    """"the X website for trading pets within the Roblox game suffered": X suffered, not Roblox ("the X server for the
    game Quorlo", "the X forum run by Quorlo": X); what the name's role says goes to the subject it stands in."""
    owner = None if cand.domain else owning_subject(text, cand.start)
    if not owner:
        return cand
    return Candidate(owner[0], None, owner[1], owner[2], cand.score, evidence=cand.evidence, own=cand.own)

def _speaker(text: str) -> list[Candidate]:
    """"As soon as we became aware, we took immediate steps to secure our systems … Health NZ's investigation into
    this incident": a statement in the first person is its author's, who names itself with a possessive."""
    if len(_FIRST_PERSON.findall(text)) < 3:
        return []
    return [Candidate(m.group("n"), None, m.start("n"), m.end("n"), 3.0, evidence=True, own=True)
            for m in _OWN_POSSESSIVE.finditer(text)
            if not re.match(r"(?:The|This|That|It|Our|We|A|An)\b", m.group("n"))][:1]


def capitalised_after_role(text: str, toks: Sequence[Token]) -> list[Candidate]:
    """«данные пациентов Нижнекамской ЦРБ», «клиентов банка Зенит»: capitalised words right after a whose-data
    or type noun, in the middle of a sentence, are a name (what Natasha would find, at no cost)."""
    def text_between(a: Token, b: Token) -> str:
        return text[a.end : b.start]

    found = []
    for i, tok in enumerate(toks[:-1]):
        if tok.lemma not in L.ROLE_BEFORE and tok.lemma not in L.TYPE_NOUNS:
            continue
        j = i + 1  # only spaces between: «операторов: ФИО» is a list, not a name
        while j < len(toks) and j - i <= 4 and toks[j].capitalised and _CYRILLIC_WORD.match(toks[j].text) \
                and not _KIND_COMPOUND.fullmatch(toks[j].text) \
                and not text_between(toks[j - 1], toks[j]).strip(" ") \
                and not (j > i + 1 and j + 1 < len(toks) and toks[j + 1].capitalised
                         and is_person_name(toks[j].text)) \
                and not (j == i + 1 and j + 1 < len(toks) and is_first_name(toks[j].text)
                         and is_person_name(toks[j + 1].text)):
            # («компании Зетасек Ашот Оганесян»: a person after the name; «рынков данных Иван Бегтин»: a person alone)
            j += 1
        # «клиентов МФО»: an abbreviation of a kind of company names no company
        if j > i + 1 and not is_adjective(toks[j - 1].text) \
                and not (j == i + 2 and toks[i + 1].lemma in L.TYPE_NOUNS):
            name = nominative(" ".join(t.text for t in toks[i + 1 : j]))
            if tok.lemma in L.INSTITUTIONS and not tok.capitalised and j == i + 2:
                # «университета Батлера», «больницы Кворло»: a public body is named by its kind and its name, the name
                # as written («Университет Батлера», as «данные полиции Шанхая» below)
                name = tok.lemma.capitalize() + " " + toks[i + 1].text
            found.append(Candidate(name, None, toks[i + 1].start, toks[j - 1].end, 1.0))
        elif tok.lemma in L.ROLE_BEFORE and j == i + 1 and j + 1 < len(toks) and toks[j].lemma in L.INSTITUTIONS \
                and not toks[j].capitalised and toks[j + 1].capitalised and _CYRILLIC_WORD.match(toks[j + 1].text) \
                and not text_between(toks[j], toks[j + 1]).strip(" "):
            # «данные полиции Шанхая»: a public body is named by its kind and its place («Полиция Шанхая»)
            k = j + 1
            while k < len(toks) and k - j <= 3 and toks[k].capitalised and _CYRILLIC_WORD.match(toks[k].text) \
                    and not text_between(toks[k - 1], toks[k]).strip(" "):
                k += 1
            name = toks[j].lemma.capitalize() + " " + " ".join(t.text for t in toks[j + 1 : k])
            found.append(Candidate(name, None, toks[j].start, toks[k - 1].end, 1.0))
        elif _CYRILLIC_WORD.match(tok.text) and tok.lemma not in _TECHNICAL:
            found += _latin_after(text, toks, i)
    return found

def ner_candidates(text: str) -> list[Candidate]:
    head = text[:400]  # the victim of a Russian news item is named early; NER is the slow part
    return [Candidate(nominative(name), None, start, stop, 1.0) for start, stop, name in _ner()(head)
            if len(name) > 2 and canonical_key(name)]


def is_first_name(word: str) -> bool:
    """«Иван», «Ашот»: a Russian first name (the analyser's best reading), not only a word that may be a surname."""
    from bot.breaches.lemmas import _morph

    return _CYRILLIC_WORD.match(word) is not None and "Name" in _morph().parse(word)[0].tag


def is_person_name(word: str) -> bool:
    from bot.breaches.lemmas import _morph

    return _CYRILLIC_WORD.match(word) is not None and any(
        "Name" in p.tag or "Surn" in p.tag for p in _morph().parse(word)[:2])


# A news dateline opening a paragraph: a place in capitals, maybe its region and the agency, and a dash.
DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?"
                      r"[ \t]*(?:\([A-Za-z. ]+\)[ \t]*)?[—–-]{1,2}[ \t]")
# A number and one capitalised word ending the phrase: "3 Bitcoins", "2 Terabytes" ("40,000 Acer customers" goes on)
_QUANTITY = re.compile(r"[\d][\d.,]*\s+[A-Z][\w]*\s*$")

_REPORTS_ANOTHER = re.compile(r"\s+(?:has\s+|had\s+)?(?:reported|reports|said|says|announced|revealed|wrote|writes)"
                              r"\s+that\s+(?!It\b|Its\b|The\s+company\b|They\b|We\b|Our\b)[A-Z\"«“]")

# The words newspapers' titles are made of, and what a newspaper does
_PRESS_TITLE = frozenset("times post herald journal gazette tribune telegraph chronicle inquirer courier".split())
_REPORTS = re.compile(r"\s+(?:has\s+|had\s+)?(?:reported|reports|wrote|writes|revealed|learned)\b")

_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b")
# "Health NZ's investigation", "Quorlo Bank's systems": a name, its possessive and what it did or owns
_OWN_POSSESSIVE = re.compile(r"(?<![\w'’])(?P<n>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})['’]s\s+"
                             r"(?:own\s+)?(?:investigation|systems?|network|statement|notification|response|review)\b")

_ATTRIBUTED_BEFORE = re.compile(r",\s*(?:the\s+)?$")
_ATTRIBUTION_AFTER = re.compile(r"\s+(?:has\s+)?(?:reported|reports|said|says|wrote|writes|noted|added|told\s+\w+)"
                                r"\s*(?:[.,;]|$)")

# Whose system put the data out is the victim: "The Quorlo Water Authority (QWA) website, a government website,
# published online around 20,100 ID numbers", "the Quorlo portal exposed the records of 3,000 patients".
_SYSTEM_PUBLISHED = re.compile(
    rf"{EN_LONG_NAME}(?:\s+\([A-Z][\w&]*\))?\s+(?:website|site|portal|server|app|application|database)s?"
    r"(?:,[^,.\n]{1,60},)?\s+(?:has\s+|had\s+)?(?:published|exposed|leaked|posted|made\s+public|left\s+open)"
    r"(?:\s+online)?\s+(?:the\s+)?(?:around\s+|about\s+|over\s+|more\s+than\s+|nearly\s+)?"
    r"(?:\d|data|records|personal|sensitive|names|details|information|customer|user|patient)")

# «сервер MongoDB», «система 1С»: after these a Latin name is the software, not whose data it is.
_TECHNICAL = frozenset("сервер система инфраструктура база дамп файл".split())
_LATIN_WORD = re.compile(r"[A-Z][\w.&+-]*$")


def _latin_after(text: str, toks: Sequence[Token], i: int) -> list[Candidate]:
    """«клиентов сервиса Clubhouse», «сети детских садов Kido»: in Russian text a Latin capitalised name after
    a whose-data or type noun (maybe past two lowercase words) is a name; Russian writes brands in Latin."""
    j = i + 1

    def skippable(tok: Token) -> bool:  # a lowercase Russian word, or a kind written as a compound («ИТ-систем»)
        return bool(_CYRILLIC_WORD.match(tok.text)) and not tok.capitalised or bool(_KIND_COMPOUND.fullmatch(tok.text))

    while j < len(toks) and j - i <= 3 and skippable(toks[j]) and not text[toks[j - 1].end : toks[j].start].strip(" "):
        j += 1
    k = j
    while k < len(toks) and k - j < 4 and _LATIN_WORD.match(toks[k].text) \
            and not text[toks[k - 1].end : toks[k].start].strip(" "):
        k += 1
    if k == j or text[toks[j - 1].end : toks[j].start].strip(" "):
        return []
    return [Candidate(text[toks[j].start : toks[k - 1].end].rstrip(".,"), None, toks[j].start, toks[k - 1].end, 1.0)]
