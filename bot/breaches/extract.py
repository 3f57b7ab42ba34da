"""Field extractors for breach posts (Russian and English): numbers, counts, dates, data classes,
password storage. Pure functions over text; ``parser.py`` decides whether a post is a breach at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from bot.breaches.lemmas import Token, lemma, sentences, tokens
from bot.breaches.lexicon import ATTACKERS, COUNT_BREAK, COUNT_NOUNS, NOT_COUNT, NUMBER_WORDS, ROW_NOUNS, SCALE_WORDS
from bot.kb.amounts import multiplier_of, parse_number

# --- numbers -----------------------------------------------------------------------------------------

_SEP = r"[ \u00a0\u202f\u2009,.']"
NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"(?:\s?(?P<mult>млрд|млн|тыс(?:яч[аи]?)?|миллиард(?:а|ов)?|миллион(?:а|ов)?|thousand|millions?|"
    r"billion|mln|mn|bn|lakhs?|crores?|[kmbКkMB])\.?)?(?![\w])",
    re.IGNORECASE,
)


def parse_count(text: str) -> int | None:
    """``"3,083,408"``, ``"3 083 408"``, ``"590 тыс."``, ``"1,5 млн"``, ``"2.3 million"``, ``"1.2M"``,
    ``"500k"``, ``"более 160 млн"`` -> int. Returns None when no number is found."""
    match = NUMBER_RE.search(text)
    return _to_int(match) if match else None


def _to_int(match: re.Match[str]) -> int | None:
    raw, mult = match.group("num"), match.group("mult")
    factor = multiplier_of(mult) if mult else 1  # the vocabulary's multiplier words, read by the one number parser
    try:  # the project's one reading of digits and separators ("1,5", "3,083,408", "58.000", "3 083 408")
        value, _unit = parse_number(raw.replace("'", " "), has_multiplier=factor > 1)
    except ValueError:
        return None
    result = round(value * factor)
    return result if result > 0 else None


# --- counts ------------------------------------------------------------------------------------------

_EMAILS_RE = re.compile(
    rf"{NUMBER_RE.pattern}\s+(?:(?:уникальн\w+\s+(?:адрес\w*|email\w*|e-mail\w*|почт\w*))|"
    r"(?:адрес\w*\s+(?:эл\.?\s*почт\w*|электронн\w+\s+почт\w*))|(?:unique\s+)?e-?mail\s+addresses|"
    r"unique\s+e-?mails?|e-?mail-?адрес\w*)",
    re.IGNORECASE,
)
# A number said by the seller, not seen by the channel: "the full dump has 97 million rows".
_CLAIM_RE = re.compile(
    r"утвержда\w+|заявля\w+|по\s+словам|якобы|полн\w+\s+(?:дамп|баз)\w*|всего\s+в\s+базе|claim\w*|allegedly|"
    r"full\s+(?:dump|database)|reportedly",
    re.IGNORECASE,
)


_JOINING = frozenset(("и", "или", "and", "or"))


def _sentence_of(text: str, pos: int) -> str:
    for start, end in sentences(text):
        if start <= pos <= end:
            return text[start:end]
    return text


def extract_counts(text: str, toks: list[Token] | None = None) -> tuple[int | None, int | None]:
    """Return ``(record_count, unique_emails)``.

    Rows/records beat people nouns (a dump of 3 million rows about 590 thousand people has
    3 million records); within a kind the first mention wins, except that numbers only claimed
    by the seller are used when nothing else is found.
    """
    unique_emails = None
    email_spans: list[tuple[int, int]] = []
    for match in _EMAILS_RE.finditer(text):
        email_spans.append(match.span())
        if unique_emails is None:
            unique_emails = _to_int(match)
    candidates: list[tuple[float, int, int]] = []  # (rank, position, value)
    toks = tokens(text) if toks is None else toks
    starts = [t.start for t in toks]
    numbers = [n for n in _numbers(text, toks)
               if not (any(s <= n[0] < e for s, e in email_spans) or text[n[1] : n[1] + 2].strip().startswith("%"))]
    nouns = [_counted(text, toks, starts, start, end) for start, end, _, _ in numbers]
    # A number without its noun borrows the next one's: "two million to 2.5 million customers", «от 1 до 1,5 млн
    # клиентов» (a range counts with its lower bound, the upper one is left out); "2.5 million of its 77 million
    # customers" (a part of the whole counts what the whole does).
    ranges = set()
    for i in range(len(numbers) - 2, -1, -1):
        link = nouns[i][1]
        if nouns[i][0] is None and link and nouns[i + 1][0] is not None:
            nouns[i] = (nouns[i + 1][0], None)
            if link == "range":
                ranges.add(i + 1)
    for i, (start, _end, value, in_words) in enumerate(numbers):
        counted = nouns[i][0]
        if counted is None or i in ranges:
            continue
        rank = 0 if counted == "rows" else 1
        if i + 1 in ranges:
            in_words = in_words and numbers[i + 1][3]  # (a range's lower bound is as precise as its upper one)
        sentence = _sentence_of(text, start)
        if _CLAIM_RE.search(sentence):
            rank += 2
        if _SAMPLE_RE.search(text[max(0, start - 50) : start]):  # «пробник … на 800 записей»: a sample's size
            rank += 3
        if _TOTAL_RE.search(text[max(0, start - 30) : start]):  # "of its 77 million customers": all it has
            continue
        # A number in words is a round figure («о миллиарде», "half a billion"): digits win, even a seller's claim.
        candidates.append((rank + 2.5 * in_words, start, value))
    if not candidates:
        return None, unique_emails
    best = min(candidates)
    # "3m+ patients" in the headline, "3,300,638 patients" below: the exact figure the round one rounds is the count
    # ("73 million customers" is not a rounding of "65.4 million former account holders").
    exact = [c for c in candidates if c[0] <= best[0] + 1 and _digits(c[2]) > _digits(best[2])
             and _rounded(c[2], _digits(best[2])) == best[2]]
    return (max(exact, key=lambda c: _digits(c[2]))[2] if exact else best[2]), unique_emails


_LINKS = {"to": "range", "до": "range"}
# Who is counted before a number, beside the count nouns: "the number of victims", «число пострадавших» (not count nouns
# themselves: "was the victim of an attack" holds no data).
_VICTIMS = frozenset(("victim", "пострадать", "пострадавший"))
_WHOLE = frozenset(("it", "their", "the", "its", "всех", "весь"))
# Before a number, its noun: "the number of victims was 521,046", «число пострадавших составило 4 тыс.».
_NOUN_BEFORE = re.compile(r"(?:\b(?:number|total)\s+of\s+(?:affected\s+)?(?P<en>\w+)[^.\n]{0,40}?"
                          r"(?:was|is|were|reached|totals?|stands\s+at|:)|(?:число|количество)\s+(?P<ru>\w+)[^.\n]{0,40}?"
                          r"(?:составил\w*|составля\w+|достиг\w*|[—:-]))\s*$", re.IGNORECASE)


def _counted(text: str, toks: list[Token], starts: list[int], start: int, end: int) -> tuple[str | None, str | None]:
    """What a number counts, ``("rows" | "people", None)``, or ``(None, "range" | "part" | None)`` when it counts
    what the next number does."""
    # What is counted: the first counted noun among the next words («записей», «пользователей», «адресов», "customer
    # records"); a unit («300 Гб», «рублей») or a preposition first means no count. (the post's own tokens from the
    # number's end on: no second reading of the text)
    at = bisect_left(starts, end)
    # (the noun stands in the number's own sentence: «гимназии № 37\nРодители ученика…» counts no parents)
    stop = _SENTENCE_END.search(text, end, end + 80)
    after = [t.lemma for t in toks[at : at + 4] if t.start < (stop.start() if stop else end + 80)]
    # «бывших и нынешних клиентов», "current and former customers": a conjunction between two adjectives joins them;
    # before a number («10 тысяч и 5 тысяч») it ends the count.
    breaks = [w in COUNT_BREAK and not (w in _JOINING and i + 1 < len(after) and not after[i + 1][:1].isdigit())
              for i, w in enumerate(after)]
    noun = next((i for i, w in enumerate(after) if w in COUNT_NOUNS or w in NOT_COUNT or breaks[i]), None)
    if noun is not None and after[noun] in COUNT_NOUNS:
        return ("rows" if any(w in ROW_NOUNS for w in after[: noun + 2]) else "people"), None
    # «997 перебежчиков», «1000 пенсионеров»: any Russian animate noun right after a number counts people (not
    # «5 хакеров», who took them)
    if after and at < len(toks) and _is_people(toks[at].text) and after[0] not in ATTACKERS:
        return "people", None
    before = _NOUN_BEFORE.search(text[max(0, start - 80) : start])
    if before and lemma(before.group("en") or before.group("ru")) in COUNT_NOUNS | _VICTIMS:
        return "people", None
    if after and after[0] in _LINKS and len(after) > 1 and after[1][:1].isdigit():
        return None, _LINKS[after[0]]
    if len(after) > 2 and after[0] == "of" and after[1] in _WHOLE and after[2][:1].isdigit():
        return None, "part"
    return None, None


def _is_people(word: str) -> bool:
    from bot.breaches.lemmas import _morph

    tag = _morph().parse(word)[0].tag if re.match(r"[а-яё]", word) else None
    return tag is not None and "NOUN" in tag and "anim" in tag and "plur" in tag


def _rounded(value: int, digits: int) -> int:
    """``value`` to ``digits`` significant digits: 3,300,638 to 1 is 3,000,000, 882,782 to 1 is 900,000."""
    return int(float(f"{value:.{max(1, digits)}g}"))


def _digits(value: int) -> int:
    """Significant digits: 3,000,000 has 1, 3,300,638 has 7."""
    return len(str(value).rstrip("0"))


# Before a number, the whole of which the leak is a part: "2 million of its 77 million customers" (not «база из
# 450 тысяч аккаунтов», where «из» says what the dump is made of).
_TOTAL_RE = re.compile(r"\b(?:of|out\s+of)\s+(?:its|their|all)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$",
                       re.IGNORECASE)
# (a part shown to buyers: «пробный фрагмент базы из 200 строк», "an excerpt of 1,000 rows")
_SAMPLE_RE = re.compile(r"пробн\w*|образ[ец]\w*|выборк\w*|фрагмент\w*|\bsample\s+of\b|\bteaser|\bexcerpt|\bsnippet",
                        re.IGNORECASE)


def _numbers(text: str, toks: list[Token]) -> list[tuple[int, int, int, bool]]:
    """``(start, end, value)`` of every number: digits («1,5 тыс.», "1.4M") and words («двух миллионов»)."""
    found = []
    for match in NUMBER_RE.finditer(text):
        value = _to_int(match)
        upper = _RANGE_UPPER.match(text, match.end())
        if value is not None and upper and not match.group("mult") and upper.group("mult"):
            value *= multiplier_of(upper.group("mult"))  # «от 1 до 1,5 млн»: the range shares its scale
        if value is not None and value >= 10 and not _looks_like_year(match) \
                and not _IDENTIFIER_MARK.search(text[max(0, match.start() - 6) : match.start()]):
            # «2 млн 300 тыс. клиентов»: a number of a smaller scale right after one of a larger is its remainder
            prev = found[-1] if found and not found[-1][3] else None
            if prev and not text[prev[1] : match.start()].strip() and match.group("mult") and value < prev[2] \
                    and NUMBER_RE.fullmatch(text[prev[0] : prev[1]]) and _scale(text[prev[0] : prev[1]]) > _scale(
                        match.group(0)):
                found[-1] = (prev[0], match.end(), prev[2] + value, False)
                continue
            found.append((match.start(), match.end(), value, False))
    for i, tok in enumerate(toks):
        if tok.lemma in SCALE_WORDS and (i == 0 or not toks[i - 1].text[:1].isdigit()):
            factor = NUMBER_WORDS.get(toks[i - 1].lemma) if i else None
            if factor is not None:
                found.append((toks[i - 1].start, tok.end, round(factor * SCALE_WORDS[tok.lemma]), True))
            elif tok.lemma.startswith("пол") or _ONE_SCALE.fullmatch(tok.text):
                # «полмиллиона», «о миллиарде жителей», "a million users": one of the scale (never the plural,
                # «миллионы», "millions", nor «тысячи», which may be either)
                half = i > 1 and toks[i - 1].lemma == "a" and toks[i - 2].lemma == "half"  # "half a billion"
                found.append((toks[i - 2].start if half else tok.start, tok.end,
                              SCALE_WORDS[tok.lemma] // (2 if half else 1), True))
        elif NUMBER_WORDS.get(tok.lemma, 0) >= 100 and not (i + 1 < len(toks) and toks[i + 1].lemma in SCALE_WORDS):
            found.append((tok.start, tok.end, NUMBER_WORDS[tok.lemma], True))  # «более ста человек»
    return sorted(found)


def _scale(number: str) -> int:
    """The multiplier a written number carries: «2 млн» 1,000,000, «300 тыс.» 1,000, «300» 1."""
    match = NUMBER_RE.fullmatch(number.strip())
    return multiplier_of(match.group("mult")) if match and match.group("mult") else 1


# A number after «№», "No." or "#" names a thing («гимназия № 37», "Store No. 512"): it counts nothing.
_IDENTIFIER_MARK = re.compile(r"(?:№|\bNo\.?|#)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\n|[.!?](?=\s)")
_RANGE_UPPER = re.compile(rf"\s+(?:до|to)\s+{NUMBER_RE.pattern}", re.IGNORECASE)
_ONE_SCALE = re.compile(r"(?:миллиард|миллион)(?:а|у|ом|е)?|million|billion", re.IGNORECASE)


def _looks_like_year(match: re.Match[str]) -> bool:
    return not match.group("mult") and re.fullmatch(r"(19|20)\d\d", match.group("num")) is not None


# --- dates -------------------------------------------------------------------------------------------

_RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_EN_MONTHS = {
    m: i
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"],
        start=1,
    )
    for m in names.split()
}
_RU_MONTH_RE = r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|" \
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
_EN_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"), "dmy"),
    (re.compile(r"\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(rf"\b(\d{{1,2}})\s+{_RU_MONTH_RE}\s+((?:19|20)\d\d)", re.IGNORECASE), "d_ru_y"),
    (re.compile(rf"\b{_RU_MONTH_RE}\s+((?:19|20)\d\d)", re.IGNORECASE), "ru_y"),
    (re.compile(rf"\b{_EN_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", re.IGNORECASE), "en_d_y"),
    (re.compile(rf"\b(\d{{1,2}})\s+{_EN_MONTH_RE}\s+((?:19|20)\d\d)", re.IGNORECASE), "d_en_y"),
    (re.compile(rf"\b{_EN_MONTH_RE}\s+((?:19|20)\d\d)", re.IGNORECASE), "en_y"),
]
# Only dates introduced by one of these say when the breach happened; others are news dates.
_DATE_CUE = re.compile(
    r"(свеж\w*|последн\w+\s+запис\w*|актуальн\w*|состояни\w+\s+на|датиру\w+|произош\w*|случил\w*|"
    r"выгружен\w*|сделан\w*|собран\w*|охватыва\w*|dated|occurred|happened|took\s+place|as\s+of|"
    r"most\s+recent|latest\s+record|newest|current\s+(?:as|to)|between|dates?\s+(?:back\s+)?(?:to|from)|"
    r"discovered\s+on|breached\s+(?:on|in)|^\W*(?:in|on)\b|^\W*в\b)",
    re.IGNORECASE,
)


def _ru_month(word: str) -> int:
    word = word.lower()
    for stem, num in _RU_MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or word[:3] in {"май", "мая", "мае"}):
            return num
    raise ValueError(word)


def _make_date(kind: str, groups: tuple[str, ...]) -> date:
    if kind == "dmy":
        return date(int(groups[2]), int(groups[1]), int(groups[0]))
    if kind == "ymd":
        return date(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "d_ru_y":
        return date(int(groups[2]), _ru_month(groups[1]), int(groups[0]))
    if kind == "ru_y":
        return date(int(groups[1]), _ru_month(groups[0]), 1)
    if kind == "en_d_y":
        return date(int(groups[2]), _EN_MONTHS[groups[0].lower().rstrip(".")], int(groups[1]))
    if kind == "d_en_y":
        return date(int(groups[2]), _EN_MONTHS[groups[1].lower().rstrip(".")], int(groups[0]))
    return date(int(groups[1]), _EN_MONTHS[groups[0].lower().rstrip(".")], 1)


def extract_breach_date(text: str) -> date | None:
    """The date the breach happened or the freshest record, when the post states one with a cue
    ("самая свежая запись датируется 03.08.2023", "in March 2024", "data current as of ...").
    A month without a day becomes the 1st, as HIBP does."""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            before = text[max(0, match.start() - 60) : match.start()]
            sentence_start = max(before.rfind("."), before.rfind("\n"), before.rfind("!"))
            if not _DATE_CUE.search(before[sentence_start + 1 :]):
                continue
            try:
                found.append((match.start(), _make_date(kind, match.groups())))
            except (ValueError, KeyError):
                continue
            # "between August 2011 and February 2021", "с 01.01.2020 по 15.06.2024": the end of the
            # range is the freshest data, which is what breach_date means for us.
            tail = re.match(r"\s*(?:and|to|through|until|по|до|[-–—])\s*", text[match.end() :])
            if tail:
                end = _date_at(text, match.end() + tail.end())
                if end:
                    found[-1] = (match.start(), end)
    return min(found)[1] if found else None


def _date_at(text: str, pos: int) -> date | None:
    for pattern, kind in _DATE_PATTERNS:
        match = pattern.match(text, pos)
        if match:
            try:
                return _make_date(kind, match.groups())
            except (ValueError, KeyError):
                return None
    return None


# --- data classes ------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[\n;,:.()!?•🌵—–]|\bно\b|\bbut\b|\bа\s+также\b")
_NEGATION_BEFORE = re.compile(r"(?:^|\s)(?:не|нет|без|ни|not|no|nor|neither|without|except|excluding)(?:\s|$)")
_NEGATION_AFTER = re.compile(
    r"^\s*(?:(?:были|был[аио]?|не)\s+)*(?:не\s+(?:был\w*\s+)?(?:затронут|скомпрометирован|пострадал|утекл|попал|раскрыт)|"
    r"(?:were|was|are|is|have\s+been|has\s+been)\s+not\b|(?:weren't|wasn't|aren't)\b|not\s+(?:affected|exposed|included|compromised))",
    re.IGNORECASE,
)


# "пароли, кэш и платёжные данные отсутствуют в базе": the negation closes a list.
_LIST_NEGATED = re.compile(r"^[^.;:!?\n]{0,50}?\b(?:отсутству\w*|не\s+(?:попал|затронут|утекл|пострадал|содерж)\w*)")


def _negated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if _NEGATION_BEFORE.search(clause.lower()):
        return True
    return bool(_NEGATION_AFTER.match(text[end : end + 60]) or _LIST_NEGATED.match(text[end : end + 60]))


def extract_data_classes(text: str, toks: list[Token] | None = None) -> list[str]:
    """HIBP data classes named in ``text`` (``lexicon_classes.DATA_CLASSES``, by lemma) and not negated ("но не к
    платёжным данным", "no passwords were exposed"), in HIBP's alphabetical order."""
    from bot.breaches.lexicon_classes import DATA_CLASSES

    folded = text.lower().replace("ё", "е")  # same length as text: token offsets stay valid
    toks = tokens(text) if toks is None else toks
    lemmas = {t.lemma for t in toks}
    found: set[str] = set()
    for data_class in DATA_CLASSES:
        if data_class.name in found or not data_class.phrases.possible(lemmas):
            continue
        for first, end in data_class.phrases.find(toks):
            if data_class.lowercase and not toks[first].text.islower():
                continue
            # «Королевская почта», «Новая почта»: a lowercase word after a capitalised one is part of a name
            if data_class.lowercase and first and toks[first - 1].text[:1].isupper() \
                    and not text[toks[first - 1].end : toks[first].start].strip():
                continue
            # Neighbours count only within the phrase: "addresses, email addresses" has two data classes.
            if first and toks[first - 1].lemma in data_class.not_before \
                    and not text[toks[first - 1].end : toks[first].start].strip():
                continue
            if end < len(toks) and toks[end].lemma in data_class.not_after \
                    and not text[toks[end - 1].end : toks[end].start].strip():
                continue
            if not _negated(folded, toks[first].start, toks[end - 1].end):
                found.add(data_class.name)
                break
    if "Partial credit card data" in found and not re.search(r"полн\w+\s+номер|full\s+card", folded):
        found.discard("Credit cards")
    return sorted(found)


# --- password storage --------------------------------------------------------------------------------

_ALGOS = [
    ("bcrypt", r"bcrypt"), ("argon2", r"argon2\w*"), ("scrypt", r"\bscrypt"), ("PBKDF2", r"pbkdf2"),
    ("SHA512", r"sha-?512"), ("SHA256", r"sha-?256"), ("SHA1", r"sha-?1\b"), ("MD5", r"md5"),
]
_PLAINTEXT_RE = re.compile(
    r"в\s+открытом\s+виде|открыт\w+\s+текст\w*|plain\s?-?text|in\s+(?:the\s+)?clear(?:\s?text)?|cleartext|"
    r"незашифрованн\w+\s+парол\w*|парол\w+\s+без\s+(?:хе?[шэ]|шифровани)\w*",
    re.IGNORECASE,
)
_UNSALTED_RE = re.compile(r"без\s+соли|unsalted|without\s+(?:a\s+)?salt|не\s*соленн?\w*|несолен\w*", re.IGNORECASE)
_SALTED_RE = re.compile(r"(?<!un)salted|с\s+сол\w+|солен\w+", re.IGNORECASE)
_HASHED_RE = re.compile(r"хе?[шэ]\w*|hash\w*", re.IGNORECASE)
_ENCRYPTED_RE = re.compile(r"зашифрован\w*|encrypted", re.IGNORECASE)


def extract_password_storage(text: str) -> str | None:
    """"SHA1 unsalted", "MD5 salted", "bcrypt", "plaintext", "hashed" (algorithm not named),
    "encrypted" (reversible), or None when passwords are not mentioned. Several algorithms are
    joined with " / " ("MD5 / bcrypt")."""
    folded = text.lower().replace("ё", "е")
    spots = [m for m in re.finditer(r"парол\w*|passwords?|credentials", folded)]
    if not spots:
        return None
    # Look only near where passwords are discussed: hashes of other things are irrelevant.
    window = " ".join(folded[max(0, m.start() - 80) : m.end() + 80] for m in spots)
    if _PLAINTEXT_RE.search(window):
        return "plaintext"
    algos = [name for name, pattern in _ALGOS if re.search(pattern, window)]
    if algos:
        storage = " / ".join(algos)
        if _UNSALTED_RE.search(window):
            return f"{storage} unsalted"
        if _SALTED_RE.search(window):
            return f"{storage} salted"
        return storage
    if _ENCRYPTED_RE.search(window):
        return "encrypted"
    if _HASHED_RE.search(window):
        return "hashed"
    return None


def is_weak_storage(storage: str | None) -> bool:
    """Passwords that should be treated as public: plaintext, reversible encryption, fast or
    unsalted hashes (MD5, SHA1)."""
    if not storage:
        return False
    lowered = storage.lower()
    return any(word in lowered for word in ("plaintext", "unsalted", "encrypted", "md5", "sha1"))
