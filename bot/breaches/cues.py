"""How a victim's name shows in English and in place names: company cues ("online training company Udemy"),
victim verbs ("X suffered a data breach"), whose people ("Ticketmaster users"), a name before its type ("the
Clubhouse application"); trimming a captured phrase to the name; places and languages, which are never victims.
Plain regular expressions and Babel's CLDR names; ``victim.py`` scores what these find by role.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.breaches import rules
from bot.breaches.lemmas import tokens
from bot.breaches.org_phrases import keeps_leading_place
from bot.breaches.places import languages

# English: a type noun then the name ("telco Odido", "home security firm ADT"); case-sensitive.
_EN_TYPE = (r"(?:company|retailer|firm|telco|provider|platform|site|website|app|chain|operator|bank|maker|"
            r"marketplace|insurer|brand|giant|startup|service|forum|store|shop|carrier|airline|hospital|"
            r"school|network|game|lender|exchange|broker|processor|agency|pharmacy|ISP|restaurant|hotel|"
            r"university|college|club|community|magazine|newspaper|publisher|developer|studio|manufacturer|"
            r"vendor|clinic|laboratory|lab|charity|organi[sz]ation|council|district|department|ministry|"
            r"library|festival|conference|league|portal|aggregator|messenger|VPN|software|server|program|"
            r"programme|marketer|consultancy|reseller|supplier|distributor|dealer|producer|group|application)")
# A name starts a word: "mate1.com" holds no name "1.com". A brand may open with a lowercase letter before a capital
# ("the iPmart forum", "eBay users", "i-Dressup"), never with a plain lowercase word.
_NAME = r"(?<![\w.'’-])" + rules.EN_NAME.replace("(?P<n>[A-Z0-9]", "(?P<n>(?:[A-Z0-9]|[a-z](?=-?[A-Z]))", 1)
assert _NAME != r"(?<![\w.'’-])" + rules.EN_NAME  # (rules.EN_NAME's opening changed: the line above no longer applies)
EN_COMPANY_CUE = re.compile(
    rf"\b(?:{_EN_TYPE}(?:\s+for)?,?|known\s+as|attributed\s+to|called|named)\s+[\"“]?{_NAME}")
# A name before its type, English's word order ("the Clubhouse application servers", "the Roblox forum", "the Quorlo
# city council"): a name.
# "on the XSS forum", "to the X Telegram channel": where data is posted is the medium, never the victim.
EN_NAME_TYPE = re.compile(rf"(?<!\bon )(?<!\bto )(?<!\bonto )(?<!\bin )\bthe\s+{_NAME}\s+(?:[a-z]+\s+)?{_EN_TYPE}s?\b")
# A name before whose people it is: "1.2 million Orange Belgium customers", "Ticketmaster users' data"; or before its
# leak: "BigBasket data leak is the biggest loot", "the Optus breach".
EN_NAME_ROLE = re.compile(rf"{_NAME}(?:'s|’s)?\s+(?:(?:data\s+)?(?:leak|breach|hack)\b|"
                          r"customers|users|clients|subscribers|members|patients|"
                          r"employees|accounts|passengers|players|students|shoppers|staff|guests|"
                          r"(?:customer|user|client|subscriber|member|patient|employee|student|player|passenger)\s+"
                          r"(?:data|records|information|details|accounts|database|emails))\b")
# Whose systems they are: "Quorlo's database was leaked online", "Quorlo's customer database", "a flaw in Quorlo's
# API". Only with the possessive: "an exposed Elasticsearch database" names the software, not whose data it held.
EN_NAME_SYSTEM = re.compile(rf"{_NAME}(?:'s|’s)\s+(?:[A-Za-z]+\s+)?(?:accounts?|databases?|websites?|site|servers?|"
                            r"systems?|"
                            r"network|platform|apps?|application|API|APIs|backend|back-end|forums?|backups?|"
                            r"cloud|storage)\b")
# The passive, whose data or database it was: "120k records allegedly taken from Quorlo", "accounts scraped from the
# Quorlo forum", "the Quorlo database was leaked online".
EN_TAKEN_FROM = re.compile(rf"\b(?:records|data|accounts|details|information|addresses|rows)\s+(?:[a-z]+ly\s+)?"
                           rf"(?:taken|stolen|obtained|scraped|extracted|exfiltrated|sourced)\s+from\s+(?:the\s+)?{_NAME}")
EN_SCRAPED_FROM = re.compile(rf"\b(?:scraped|harvested|extracted|exfiltrated)\s+(?:[^.;\n]{{0,60}}?\s)?from\s+"
                             rf"(?:the\s+)?{_NAME}")
EN_DATABASE_LEAKED = re.compile(rf"\bthe\s+{_NAME}\s+(?:[a-z]+\s+)?(?:databases?|backups?)\s+(?:was|were|had\s+been|"
                                r"has\s+been)\s+(?:[a-z]+ly\s+)?(?:left\s+)?(?:leaked|exposed|dumped|breached|hacked|compromised|"
                                r"stolen|published)\b")
# Whose product had the flaw: "a vulnerability in the Quorlo app exposed …", "security flaws were identified in the
# Quorlo system designed for parents". (Software others run is no victim: "a flaw in the MOVEit transfer software".)
EN_FLAW_IN = re.compile(rf"\b(?:vulnerabilit(?:y|ies)|flaws?|bugs?|misconfigurations?|weakness(?:es)?)\s+"
                        rf"(?:(?:was|were|been)\s+(?:identified|found|discovered)\s+)?(?:in|on|within|affecting)\s+the\s+{_NAME}\s+(?:[a-z]+\s+)?"
                        r"(?:apps?|application|websites?|site|platform|system|service|portal|forum|game)\b")
# What only the victim does: "Quorlo experienced a data breach", "became aware of unauthorised access", "fell victim to
# a cyberattack", "was impacted by a breach", "self-submitted the data to HIBP". ("exposed", "leaked", "identified":
# also what researchers and reporters do.)
_OWN_EVENT = (r"(?:experienced|was\s+reported\s+to\s+have|learned\s+of|learnt\s+of|became\s+aware|fell\s+victim|"
              r"self-submitted|(?:was|were)\s+(?:impacted|affected)\s+by)\b")
# The subject of a victim's verb, maybe with its type between: "the Carding Mafia forum suffered", "the Bell
# telecommunications company in Canada suffered". A name after "in" is a place, not the subject.
EN_VICTIM_VERB = re.compile(
    rf"(?<!\bin ){_NAME}(?:\s+\([A-Z][\w.&-]*\)|\s+[\"“][^\"”\n]{{1,60}}[\"”])?"  # its other name
    r"(?:\s+(?:[a-z]+|in\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)){0,4}?\s+"
    r"(?:(?:was|were|became|has\s+been)\s+(?:the\s+|a\s+)?(?:victim|target|subject)\b|"
    r"(?:announced|detected|discovered|revealed|admitted|advised|notified|disclosed|suffered|confirmed|reported)\b|"
    r"(?:hit|struck)\s+by\b|"
    r"(?:announces|admits|discloses|confirms|notifies|suffers)\b|"
    rf"{_OWN_EVENT})"
)


# "the iPmart forum (now known as Mobi NUKE)", "the Win7Vista forum (since renamed to the "Beyond Windows 9" forum)",
# "Quorlo (formerly Acme)": the same service's name at another time, in brackets, is never a second victim.
RENAMED = re.compile(r"\((?:now|since|later|formerly|previously|subsequently)\s+(?:(?:known|trading|operating)\s+as|"
                     r"renamed(?:\s+(?:to|as))?|rebranded(?:\s+(?:to|as))?|called|named)?\b[^()\n]{1,80}\)")
# "the Adopt Me Trading Values website for assessing pet trades within the Roblox game suffered a data breach": a
# name inside what the typed subject is for (its purpose, its home) is no subject of the verb; the typed name is.
_CONNECTOR = (r"(?:within|designed|used|built|made|dedicated|that|which|where|"
              r"(?:owned|run|operated|managed|developed|published|hosted|maintained)\s+by)")
_MODIFIED_SUBJECT = re.compile(  # (not where data was posted: "on the XSS forum that …")
    rf"(?<!\bon )(?<!\bto )(?<!\bonto )(?<!\bin )\bthe\s+{_NAME}\s+(?:[a-z]+\s+)?"
    # ("the IP.Board forum for the gaming website WildStar": a purpose, "for assessing …", not the site it serves; but
    # "the X mod for Minecraft" is X's, whatever follows "for")
    rf"(?:(?:{_EN_TYPE}|system),?\s+(?:for\s+[a-z]+ing|{_CONNECTOR})|(?:mod|plugin|bot|extension|add-?on|tool),?\s+"
    rf"(?:for|{_CONNECTOR}))\b(?:(?![.!?]\s)[^,;:()\n])*$")

# "Quorlo, a subsidiary of Velmora, suffered", "Quorlo, owned by Velmora, was hacked": the owner in an apposition is not
# the subject.
_APPOSED_OWNER = re.compile(rf"{_NAME},\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+)?"
                            r"(?:subsidiary|division|unit|brand|part|member)\s+of|(?:owned|run|operated|acquired)\s+by)\s+(?:the\s+)?[^,;:()\n]{0,40}$")


def owning_subject(text: str, at: int) -> tuple[str, int, int] | None:
    """The typed subject whose modifier the name at ``at`` stands in, as (name, start, end), or None."""
    offset = max(0, at - 200)
    match = _MODIFIED_SUBJECT.search(text, offset, at) or _APPOSED_OWNER.search(text, offset, at)
    name = clean_en_name(match.group("n")) if match else None
    if not match or not name:
        return None
    start = match.start("n") + match.group("n").find(name)
    return name, start, start + len(name)

# "a large number of unpatched vBulletin forums were compromised", "hundreds of WordPress sites": software many sites
# run is the victim of none of them.
_MANY_BEFORE = re.compile(r"\b(?:number\s+of|many|multiple|hundreds\s+of|thousands\s+of|dozens\s+of|several|various|"
                          r"numerous|\d[\d,]*)\s+(?:[a-z]+\s+)?$")
_INSTALLS_AFTER = re.compile(r"\s+(?:forums|sites|websites|stores|shops|servers|installations|instances|boards|"
                             r"blogs)\b")

# "records scraped from LinkedIn, Facebook and other sources": the names of a list of sources are none the victim.
LIST_OF_SOURCES = re.compile(r"\bfrom\s+[A-Z][^.;:\n]{0,80}?\s+and\s+(?:other|various|many|several|numerous)\s+"
                             r"(?:[a-z]+\s+)?(?:sources|sites|websites|services|platforms|networks|companies|apps)\b")


def many_installations(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is software counted over many sites ("140 vBulletin forums")."""
    return bool(_INSTALLS_AFTER.match(text, end)) and bool(_MANY_BEFORE.search(text[max(0, start - 40) : start]))

_SYSTEM_WORDS = frozenset(("it", "hr", "crm", "erp", "cloud", "network", "systems", "servers", "database", "api",
                           "website", "backend", "app", "databases", "server", "platform"))

# Words that open a captured phrase without being part of a name: conjunctions ("Whilst commonly
# reported"), and the victim's type written with a capital ("the Australian Telco Tangerine").
NOT_NAME_START = rules.EN_LEADING_STOP | {
    "whilst", "while", "although", "though", "however", "but", "since", "when", "because", "if", "despite",
    "telco", "telecom", "the", "no", "none", "this", "that", "these", "those", "our", "we", "its", "their",
    "some", "many", "several", "each", "every", "all", "any",
}


# «В Нижнекамской ЦРБ произошла утечка», «У „Ростелекома“ случился взлом»: where a leak happened is whose it is.
# Only a quoted name or one with an abbreviation («ЦРБ», «СДЭК»): «в Москве произошла утечка» names a place.
WHERE_IT_HAPPENED = re.compile(
    r"(?:^|(?<=[\s(]))(?:[Вв]о?|[Уу])\s+([«\"]?[А-ЯЁA-Z][\w-]*(?:\s+[А-ЯЁA-Z«][\w-]*){0,3}[»\"]?)\s+"
    r"(?:произош|случил|зафиксирова|выявле)\w*\s+(?:масштабн\w+\s+|крупн\w+\s+)?"
    r"(?:утечк|взлом|инцидент|кибератак|хакерск)", re.MULTILINE)
KNOWN_AS_NUMBER = re.compile(r"\bknown\s+as\s+[\"“]?(\d{2,6})\b(?![.,]\d)")
_WORD_BEFORE = re.compile(r"([A-Z][\w.&'’-]*)[ \t]+$")
# Capitalised words that are not part of a name before them: function words and dates ("In January Acme ...").
_NOT_PHRASE = frozenset(
    "the in on at a an and or but while whilst when since after before during by for from with as of to this that "
    "these those its their last earlier later then also meanwhile monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december".split())


# "The University of Nebraska is investigating": "of Nebraska" continues a name.
_OF_BEFORE = re.compile(r"([A-Z][\w.&'’-]*)[ \t]+(?:of|and|&|for|de)[ \t]+$")


def inside_phrase(text: str, start: int) -> bool:
    """"in British Columbia suffered": a name does not begin inside a capitalised phrase (a sentence's first
    word, "The", "In", is not part of one)."""
    window = text[max(0, start - 40) : start]
    before = _WORD_BEFORE.search(window) or _OF_BEFORE.search(window)
    word = before.group(1).lower().strip(".,") if before else ""
    return bool(before) and word not in _NOT_PHRASE and word not in languages() \
        and not re.search(r"(?:^|[.!?\n]\s*)$", text[: start - len(before.group(0))])


def clean_en_name(raw: str) -> str | None:
    """Trim a capitalised phrase down to the service name: "Massive Chinese gaming site Acme's" -> "Acme"."""
    # "17173. Whilst" ends at the full stop, "Mr. Green Gaming" does not.
    words = re.split(r"(?:(?<=[^\W\d_]{3})|(?<=\d))[.!?]\s", raw.replace("’", "'"))[0].split()
    # "40,000 Acer customers", "Los Angeles-based Barlow Hospital": a number's tail or a place is not the name.
    # ("American Dental Association": a place that opens an organisation's name stays in it)
    while not keeps_leading_place(words) and (len(words) > 1 and words[0].lower() in languages() or words and (
            re.fullmatch(r"[\d.,]+(?:[kmb]|bn|mn)?\+?|[\w.-]+-based", words[0], re.I)
            or words[0].lower() in NOT_NAME_START or words[0].lower().removesuffix("'s") in rules.EN_NOT_NAMES
            or words[0].lower().removesuffix("s") in rules.EN_NOT_NAMES)):  # "of Russians": a people, not a victim
        words = words[1:]
    # "Hong Kong-based Cathay Pacific Airways": a place of two words before "-based" is no part of the name either
    based = next((i for i, w in enumerate(words[:-1]) if w.lower().endswith("-based")), None)
    if based is not None:
        words = words[based + 1 :]
    # "Quorlo's IT systems": a name ends at its possessive before a system's word ("Domino's India" is one name)
    # ("Quorlo's 120k users": nor before a count)
    cut = next((i for i, w in enumerate(words[:-1]) if w.endswith("'s") and (
        words[i + 1].lower() in _SYSTEM_WORDS or re.fullmatch(r"[\d.,]+(?:[kmb]|bn|mn)?\+?", words[i + 1], re.I))),
               None)
    if cut is not None:
        words = words[: cut + 1]
    while words and words[-1].lower().removesuffix("'") in rules.EN_TRAILING_STOP:
        words = words[:-1]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    name = " ".join(words).strip(".,'")
    # ("the English city council": a language or people alone; "the attack on Jan. 10": a month said short)
    if len(name) < 2 or name.lower() in rules.EN_NOT_NAMES or name.lower() in languages() \
            or _MONTH_SHORT.fullmatch(name) or not re.search(r"[^\W\d_]", name):
        return None
    # "3m+ patients": a number; "leaked 2.8GB of data": a size
    if re.fullmatch(r"[\d.,]+\s?(?:[kmb]|bn|mn|[kmgt]b|bytes?)?\+?", name, re.I):
        return None
    return name


_MONTH_SHORT = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")


# Words for "a company" that open a Russian subject without being its name («Университет штата Миссури» keeps its own).
_COMPANY_WORDS = frozenset(("компания", "корпорация", "холдинг", "фирма"))
_NOT_IN_A_NAME = {"VERB", "INFN", "ADVB", "PRTS", "GRND", "PRCL", "CONJ", "PREP", "NPRO"}


def russian_subjects(text: str, toks: list, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """«Университет штата Миссури официально сообщил о крупной утечке»: a capitalised Russian phrase of two words or
    more that opens a sentence whose verb reports the leak is its subject, up to the first verb or adverb. Whoever
    reports or attacks («Эксперты сообщили», «Хакеры заявили») and a place («В Москве») are not."""
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import _morph, nominative

    found = []
    for start, end in spans:
        sentence = [t for t in toks if start <= t.start < end]
        if not sentence or not re.match(r"[А-ЯЁ]", sentence[0].text):
            continue
        events = L.VICTIM_EVENT.find(sentence)
        if not events or not (1 if _unknown_word(sentence[0].text) else 2) <= events[0][0] <= 6:
            continue
        phrase: list = []
        for tok in sentence[: events[0][0]]:
            joined = not phrase or not text[phrase[-1].end : tok.start].strip()  # no comma or dash inside a name
            if not joined or _morph().parse(tok.text.lower())[0].tag.POS in _NOT_IN_A_NAME:
                break
            phrase.append(tok)
        # (one word will do when it is a brand: a word the dictionary does not know, «Кворло признала, что …»)
        if len(phrase) < 2 and not (phrase and events[0][0] == 1 and _unknown_word(phrase[0].text)) \
                or not (phrase[-1].capitalised or _named_kind(phrase)) \
                or any(t.lemma in L.ATTACKERS or t.lemma in L.SOURCE_NOUNS for t in phrase):
            continue
        if phrase[0].lemma in _COMPANY_WORDS and phrase[1].capitalised:
            phrase = phrase[1:]  # «Компания Кворло допустила утечку»: "company" is no part of the name
        found.append((nominative(text[phrase[0].start : phrase[-1].end]), phrase[0].start, phrase[-1].end))
    return found


def _named_kind(phrase: list) -> bool:
    """«Манчестерский университет», «Свердловский онкоцентр»: a capitalised adjective before a kind of body names
    one."""
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import is_adjective

    return len(phrase) == 2 and phrase[0].capitalised and is_adjective(phrase[0].text) \
        and (phrase[1].lemma in L.TYPE_NOUNS or phrase[1].lemma in L.INSTITUTIONS)


_LATIN_NAME_WORD = re.compile(r"[A-Z][\w&.+-]*$|\d[\w&.+-]*[A-Za-z][\w&.+-]*$")


def latin_subjects(text: str, toks: list, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """«В июне Aflac объявила о кибератаке»: in Russian text, a brand written in Latin right before the verb of the
    victim's event is its subject, wherever the sentence begins."""
    from bot.breaches import lexicon as L

    found = []
    for start, end in spans:
        sentence = [t for t in toks if start <= t.start < end]
        for first, _ in L.VICTIM_EVENT.find(sentence):
            if first == 0 or not _CYRILLIC_VERB.match(sentence[first].text):
                continue
            k = first
            while k > 0 and first - k < 3 and _LATIN_NAME_WORD.match(sentence[k - 1].text) \
                    and not text[sentence[k - 1].end : sentence[k].start].strip():
                k -= 1
            if k < first:
                a, b = sentence[k].start, sentence[first - 1].end
                found.append((text[a:b], a, b))
    return found


_CYRILLIC_VERB = re.compile(r"[а-яё]", re.IGNORECASE)

# «Кворло: утечка данных 180 тыс. клиентов произошла из-за подрядчика», "Quorlo: breach exposed millions": a name of
# one to three capitalised words opening the headline before a colon is whom the headline is about.
HEADLINE_SUBJECT = re.compile(r"\A[«\"]?([A-ZА-ЯЁ0-9][\w.&+-]*(?:[ \t]+[A-ZА-ЯЁ0-9][\w.&+-]*){0,2})[»\"]?:[ \t]")


def headline_subject(text: str, toks: list, known: Callable[[str], bool] = lambda name: False,
                     ) -> tuple[str, int, int] | None:
    """The name opening a headline ``Name: …`` whose headline reports a leak (``known``: the directory has it)."""
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import _morph

    match = HEADLINE_SUBJECT.match(text)
    if not match:
        return None
    line_end = text.find("\n")
    head = [t for t in toks if t.start >= match.end() and (line_end < 0 or t.end <= line_end)]
    words = tokens(match.group(1))
    if not words or not L.LEAK_EVENT.any(head) or words[0].lemma in L.SOURCE_NOUNS | L.TYPE_NOUNS | L.ATTACKERS:
        return None
    # «Важно:», «Срочно:», «Эксклюзив:», "Breaking:", "Update:": a rubric, not a name. A Russian name is a word the
    # dictionary does not know (a brand) or knows as an organisation; an English one is no rubric word.
    first = words[0].text
    if known(match.group(1)):
        pass
    elif re.search(r"[А-Яа-яЁё]", first):
        parse = _morph().parse(first.lower())[0]
        if parse.is_known and "Orgn" not in parse.tag and "Trad" not in parse.tag:
            return None
    elif first.lower() in _RUBRICS or first.lower() in rules.EN_NOT_NAMES:
        return None
    return match.group(1), match.start(1), match.end(1)


_RUBRICS = frozenset("breaking update updated exclusive important urgent report analysis opinion explainer watch live "
                     "video photo news alert warning new latest exclusive: study survey research".split())


def _unknown_word(word: str) -> bool:
    """A Russian word the dictionary does not know, or knows as an organisation: a brand («Кворло», «Сбербанк»)."""
    from bot.breaches.lemmas import _morph

    if not re.fullmatch(r"[А-ЯЁ][а-яё-]+", word):
        return False
    parse = _morph().parse(word.lower())[0]
    return not parse.is_known or "Orgn" in parse.tag


# What may stand between an English subject and its verb: its other name in brackets, an apposition (", which runs
# 40 clinics in Ohio,"), a time ("on Friday (Dec. 19)", "last week").
_EN_BETWEEN = (r"(?:\s*\([^()\n]{1,80}\)|,\s+(?:which|who|whose|a|an|the|one)\b[^,;:!?\n]{1,120},"
               r"|\s+(?:on|last|this|earlier|late)\s+(?:[A-Z][a-z]+|week|month|year)(?:\s+\d{1,2})?"
               r"(?:\s*\([^()\n]{1,20}\))?)*")
_EN_REPORTING = (r"(?:(?:has|have|had|says|said|files|filed|confirm(?:s|ed)|disclos(?:es|ed)|report(?:s|ed)|"
                 r"announc(?:es|ed)|notif(?:ies|ied)|admit(?:s|ted)|reveal(?:s|ed)|warn(?:s|ed)|suffer(?:s|ed)|discover(?:s|ed)|"
                 r"detect(?:s|ed)|is\s+investigating|is\s+(?:notifying|warning|alerting|contacting)|"
                 r"was\s+(?:[a-z]+ly\s+)?(?:hit|breached|hacked|targeted|attacked|compromised))\b|" + _OWN_EVENT + ")")
# The subject opening a sentence, maybe after when or where it spoke ("On Tuesday, ", "In a filing with the Maine
# attorney general, "), or the clause after "reported that".
EN_SUBJECT = re.compile(
    r"(?:^(?:(?:On|In|Last|This|Earlier|Early|Late|Later|Mid|During|Between|Circa|Sometime|Around|At|Prior|"
    r"Throughout)\b[^,\n]{1,60},\s+)?|\bthat\s+)(?:[Tt]he\s+)?"
    r"(?P<n>[A-ZА-ЯЁ][\w&'’.+-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.+-]*|of|and|&)){0,4})"
    rf"{_EN_BETWEEN}\s+{_EN_REPORTING}")


# The subject declares itself the victim: "X … confirmed that it has been the victim of a data breach".
_OWN_VICTIM = re.compile(r"\b(?:it|they|we)\s+(?:has|have|had|was|were)\s+(?:been\s+)?(?:the\s+)?(?:victims?\s+of|"
                         r"hacked|breached|compromised|targeted)\b", re.IGNORECASE)
_SPEAKS_OF_ITSELF = re.compile(r"\b(?:it|its|they|their|we|our)\b|\bthe\s+(?:company|firm)\b", re.IGNORECASE)


def english_subjects(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int, bool]]:
    """"Staples on Friday (Dec. 19) said that … payment cards were impacted in the breach", "it was reported that
    Brightwell Health Partners, which runs 40 clinics, had a data breach": the subject of a sentence that goes on to
    report the leak, past what may stand between it and its verb. Whoever reports, attacks or is counted ("Officials
    said", "Hackers have", "Customers were") is not."""
    from bot.breaches import lexicon as L

    found = []
    for start, end in spans:
        sentence = text[start:end]
        for match in EN_SUBJECT.finditer(sentence):
            raw = match.group("n")
            words = raw.split()
            # a sentence's capitalised first word is a name only when the rest of the phrase or the lexicon says so
            name = clean_en_name(raw)
            rest = tokens(sentence[match.end("n") :])  # its verb on: "was hacked" is the event itself
            if not name or not (L.VICTIM_EVENT.any(rest) or L.LEAK_EVENT.any(rest)):
                continue
            # "Izvestia said, citing a report …": who says or reports is the victim only when the rest speaks of it
            # ("said that it has confirmed", "its customers")
            # ("Quorlo Health, a chain of hospitals, reported a data breach": an apposition that gives its type makes
            # it a company speaking of itself, not a newspaper)
            verb = sentence[match.end() - 9 : match.end()]
            # (what stands between the name and its verb, the verb's last word left out)
            between = {t.lemma for t in tokens(sentence[match.end("n") : match.end()])[:-1]}
            typed = bool(between & L.TYPE_NOUNS) and not between & (L.SOURCE_NOUNS | L.MEDIA)
            if re.search(r"\b(?:says|said|reports?|reported)$", verb) and not typed and not _SPEAKS_OF_ITSELF.search(
                    sentence[match.end() :]):
                continue
            lemmas = {t.lemma for t in tokens(name)}
            if len(words) == 1 and lemmas & (L.SOURCE_NOUNS | L.ATTACKERS | L.COUNT_NOUNS | L.TYPE_NOUNS | L.ANAPHORS
                                             | L.POPULATION | L.REGULATORS | L.DATA_OBJECTS):
                continue
            # all of a sentence-opening phrase is capitalised: a capitalised noun the trimming dropped is the name's own
            # ("Community Health Systems"), unless it says whose people or data ("Quorlo Customers")
            tail = raw[raw.find(name) + len(name) :].split()
            while tail and tail[0][:1].isupper() and not {t.lemma for t in tokens(tail[0])} & (L.COUNT_NOUNS
                                                                                          | L.DATA_OBJECTS):
                name += " " + tail.pop(0)
            at = start + match.start("n") + raw.find(name)
            found.append((name, at, at + len(name), bool(_OWN_VICTIM.search(sentence[match.end() :]))))
    return found
