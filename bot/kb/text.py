"""Text normalisation shared by the knowledge index and the question parser.

Every word is reduced to one canonical *term* so that spelling variants meet in the index:

* case, `ё`/`е`, zero-width characters and punctuation are folded;
* Russian words are reduced to their lemma (pymorphy3; of a word's likeliest readings a noun's, so «данные» and
  «данных» meet) and then transliterated to Latin, English words are stemmed (Snowball), so `штрафом`, `штрафы`,
  `shtraf` and `shtrafa` all become the term `shtraf`, and «приняли» and «принят» the term `prinyat`;
* abbreviations and synonyms are expanded before stemming (`РКН` -> `роскомнадзор`, `ПДн` -> `персональные
  данные`, `152 фз` -> `152fz`);
* a word typed in the wrong keyboard layout (`inhfa` for `штраф`) is recovered by the index, which knows which
  terms exist (see `KnowledgeIndex`); this module only provides the layout maps.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pymorphy3
import snowballstemmer

from bot.understanding.vocabulary import AUTHORITIES, LAWS

_EN_STEMMER = snowballstemmer.stemmer("english")
_RU_STEMMER = snowballstemmer.stemmer("russian")

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "e", "ґ": "g",
}
# Longest first: "shch" must win over "sh".
_LAT_TO_CYR = [
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("yo", "е"), ("ye", "е"), ("ja", "я"), ("ju", "ю"), ("a", "а"), ("b", "б"), ("c", "к"),
    ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "й"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"),
    ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "ы"), ("z", "з"),
]
# Adjective endings as people transliterate them: "kakoy" is «какой», "personalnyy" «персональный».
_LAT_TO_CYR[:0] = [("iy", "ий"), ("oy", "ой"), ("yy", "ый"), ("yj", "ый"), ("ij", "ий")]
# "c" before e, i, y reads as "ц" (medicinskih -> медицинских), elsewhere as "к" (kompanii, cookie).
_LAT_TO_CYR.insert(0, ("ce", "це"))
_LAT_TO_CYR.insert(0, ("ci", "ци"))
_LAT_TO_CYR.insert(0, ("cy", "цы"))
_LAT_TO_CYR_RE = re.compile("|".join(re.escape(latin) for latin, _ in _LAT_TO_CYR))
_LAT_TO_CYR_MAP = dict(_LAT_TO_CYR)

_EN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
_RU_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю"
EN_TO_RU_LAYOUT = str.maketrans(_EN_KEYS + _EN_KEYS.upper(), _RU_KEYS + _RU_KEYS.upper())
RU_TO_EN_LAYOUT = str.maketrans(_RU_KEYS + _RU_KEYS.upper(), _EN_KEYS + _EN_KEYS.upper())

_ZERO_WIDTH = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_NUMBER_WITH_SEPARATORS = re.compile(r"(?<=\d)[.,](?=\d)")
_WORD = re.compile(r"[0-9a-zа-я]+(?:\.[0-9]+)*")

# Phrases and abbreviations people use, mapped to the words the knowledge base uses. Applied to normalised
# text on word boundaries, so keys are lowercase with `е` for `ё`.
SYNONYMS: dict[str, str] = {
    # (the names of laws and regulators come from bot/understanding/vocabulary.py: see _vocabulary_synonyms)
    "пдн": "персональные данные",
    "пд": "персональные данные",
    "персданные": "персональные данные",
    "персданных": "персональные данные",
    "персональных данных": "персональные данные",
    # chat English for children: the entries write "children", "child"
    "kids": "kids children",
    "kid": "kid child",
    "kid's": "kid child",
    # chat slang: «персы», «обработка персов» are personal data
    "персы": "персональные данные",
    "персов": "персональные данные",
    "персам": "персональные данные",
    "персами": "персональные данные",
    "персах": "персональные данные",
    # a company's legal form is the offender's kind, which the entries write as «юрлицо»: not an unknown name
    "ооо": "ооо юрлицо",
    "оао": "оао юрлицо",
    "зао": "зао юрлицо",
    "пао": "пао юрлицо",
    "personal data": "персональные данные personal data",
    "закон о персональных данных": "152fz закон персональные данные",
    "закона о персональных данных": "152fz закон персональные данные",
    "закон о защите цифровых персональных данных": "dpdp закон персональные данные",
    "esia": "есиа госуслуги",
    "есиа": "есиа госуслуги",
    "ебс": "ебс биометрия",
    "ebs": "ебс биометрия",
    "симка": "сим карта",
    "симки": "сим карты",
    "симок": "сим карт",
    "симку": "сим карту",
    "симкарта": "сим карта",
    "симкарты": "сим карты",
    "sim card": "sim сим карта",
    "sim cards": "sim сим карты",
    "фейсбук": "facebook meta",
    "facebook": "facebook meta",
    "инстаграм": "instagram meta",
    "instagram": "instagram meta",
    "мета": "meta",
    "гугл": "google",
    "гугла": "google",
    "гуглу": "google",
    "тикток": "tiktok",
    "амазон": "amazon",
    "амазону": "amazon",
    "вотсап": "whatsapp",
    "ватсап": "whatsapp",
    "линкедин": "linkedin",
    "убер": "uber",
    "литрес": "litres литрес",
    "litres": "litres литрес",
    "утечка": "утечка breach leak",
    "утечки": "утечка breach leak",
    "утечке": "утечка breach leak",
    "утечку": "утечка breach leak",
    "утечек": "утечка breach leak",
    "слив": "утечка",
    "leak": "leak утечка breach",
    "breach": "breach утечка leak",
    "штраф": "штраф fine",
    "штрафа": "штраф fine",
    "штрафы": "штраф fine",
    "fine": "fine штраф",
    "fined": "fine штраф",
    "fines": "fine штраф",
    "penalty": "penalty fine штраф",
    "индия": "индия india",
    "индии": "индия india",
    "india": "india индия",
    "россия": "россия russia",
    "russia": "russia россия",
    "russian": "russia россия",
    "рф": "россия",
    # the Russian segment of the internet: a question about leaks "in runet" is about Russia
    "рунет": "россия russia",
    "runet": "russia россия",
    "иностранец": "иностранец иностранный foreigner",
    "иностранцу": "иностранец иностранный foreigner",
    "иностранцам": "иностранец иностранный foreigner",
    "мигрант": "иностранец мигрант foreigner",
    "госуслуги": "госуслуги gosuslugi",
    "госуслугах": "госуслуги gosuslugi",
    "gosuslugi": "госуслуги gosuslugi",
    # "max penalty" is asked as often as "maximum penalty"; entries write the long form
    "max": "maximum максимальный",
    "макс": "максимальный maximum",
    "kick in": "take effect apply",
    "come into force": "take effect in force",
    "come into effect": "take effect in force",
    # Verbs and nouns of one act whose lemmas differ (aspect pairs, verb and noun): met by term, in any form.
    "уведомлять": "уведомить уведомление",
    "уведомить": "уведомлять уведомление",
    "уведомление": "уведомить уведомлять",
    "сообщать": "сообщить уведомить",
    "сообщить": "сообщать уведомить",
    "обрабатывать": "обработка",
    "обработать": "обработка",
    "хранить": "хранение",
    "удалить": "удаление",
    "удалять": "удаление",
    "возражать": "возражение",
    "возразить": "возражение",
    "отозвать": "отзыв",
    "отзывать": "отзыв",
    "исправить": "исправление",
    "исправлять": "исправление",
    "ограничить": "ограничение",
    "ограничивать": "ограничение",
    "передать": "передача",
    "передавать": "передача",
    "собирать": "сбор",
    "собрать": "сбор",
    "уничтожить": "уничтожение",
    "уничтожать": "уничтожение",
    "обжаловать": "обжалование",
    "заблокировать": "блокировка",
    "блокировать": "блокировка",
    # a "privacy policy" is what 152-FZ calls the policy on processing personal data (Art. 18.1)
    "политика конфиденциальности": "политика конфиденциальности обработки персональных данных",
    "политики конфиденциальности": "политики конфиденциальности обработки персональных данных",
    "политику конфиденциальности": "политику конфиденциальности обработки персональных данных",
    "спецкатегория": "специальные категории",
    "спецкатегории": "специальные категории",
    # the GDPR "designates" a DPO or a representative where the entries say "appoint" (Arts 27, 37)
    "designate": "designate appoint",
    "designated": "designated appointed",
    "designating": "designating appointing",
    "designation": "designation appointment",
}

# What an asker says for what the entries say, one way only: applied to questions (`word_groups`, `TERM_SYNONYMS`),
# never to the entries' text. An entry whose own words are the everyday ones (Art. 21 keeps "unsubscribe" for
# marketing) does not thereby gain the entries' word: it would then match the entries' word as well as its owner.
ASKED_AS: dict[str, str] = {
    # Unsubscribing or opting out withdraws a consent (Art. 7(3), s.6(4), art. 9 of 152-FZ) as much as it objects to
    # marketing (Art. 21); ticking a box or clicking "agree" is how consent is given.
    "unsubscribe": "unsubscribe withdraw consent",
    "unsubscribed": "unsubscribed withdraw consent",
    "unsubscribing": "unsubscribing withdraw consent",
    "opt out": "opt out withdraw consent",
    "opted out": "opted out withdraw consent",
    "opting out": "opting out withdraw consent",
    "отписаться": "отписаться отозвать согласие",
    "отписался": "отписался отозвать согласие",
    "отписалась": "отписалась отозвать согласие",
    "отписка": "отписка отзыв согласия",
    "отписки": "отписки отзыв согласия",
    "отписку": "отписку отзыв согласия",
    "clicked agree": "clicked agree consent",
    "click agree": "click agree consent",
    "ticked the box": "ticked the box consent",
    "tick the box": "tick the box consent",
    "ticked a box": "ticked a box consent",
    "нажал согласен": "нажал согласен согласие",
    "нажала согласен": "нажала согласен согласие",
    "поставил галочку": "поставил галочку согласие",
    "поставила галочку": "поставила галочку согласие",
}


def _vocabulary_synonyms() -> dict[str, str]:
    """The laws' and regulators' names (bot/understanding/vocabulary.py), as the words the index knows them by:
    «ГДПР», "DSGVO" -> gdpr; «ркн» -> роскомнадзор россия; "CNIL" -> cnil франция."""
    from bot.kb.countries import country_label
    out: dict[str, str] = {}
    for law in LAWS:
        if law.search_as:
            for name in law.names:
                out.setdefault(name.lower().replace("ё", "е").replace("-", " "), law.search_as)
    for names, code, _ in AUTHORITIES.values():
        country = country_label(code, "ru").lower() if code not in ("EU", "IN", "RU") else {
            "EU": "ес", "IN": "индия", "RU": "россия"}[code]
        for name in names:
            if " " not in name:
                out.setdefault(name.lower(), f"{names[0]} {country}")
    return out


SYNONYMS.update({k: v for k, v in _vocabulary_synonyms().items() if k not in SYNONYMS})
_SYNONYM_RE = re.compile(
    r"(?<![0-9a-zа-я])(" + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True)) + r")(?![0-9a-zа-я])"
)

STOPWORDS = frozenset(
    """
    а в во на с со к ко о об от до по за из у и или но не ни да же ли бы то это этот эта эти тот та те
    как какой какая какое какие каков сколько что чем чего кто кого кому где когда куда зачем почему ли
    ведь мне меня мой моя мои я ты вы мы он она они его ее их им ему ей был была были будет быть есть
    нет нужно надо можно ли уже еще так там тут при про для без под над через между после перед the a an
    of to in on at by for from with about into is are was were be been being do does did how what which
    who whom when where why whose can could should would will shall may might must there their this that
    these those it its as or and not no yes if than then i me my we our you your he she they them tell
    me please please
    наш наша наше наши нашей нашу нам нас ваш ваша ваше ваши вам вас свой своя свое свои нужен нужна нужны
    хотим хочу подскажите скажите пожалуйста здравствуйте привет добрый день вообще просто вот ну
    hello hi hey our us many much
    need needs
    скок скока скоко скольк скольки чё че шо щас плиз pls плз
    say says said mean means говорит гласит сказано
    actually really basically exactly currently anyway вообще-то реально именно
    """.split()
) | frozenset(
    # every form of the possessive and demonstrative pronouns (pymorphy3's lexemes of свой, мой, наш, ваш, твой,
    # этот, тот, себя, который): «к своим данным» asks about data, and a rare form of «свой» must not weigh as the
    # question's rarest word
    """
    случай случая случаю случаем случае случаи случаев случаям случаями случаях
    своего своей своему своею своим своими своих свою своя свое своем
    моего моей моему моею моим моими моих мою мое моем
    нашего нашем нашему нашим нашими наших нашу
    вашего вашей вашем вашему вашим вашими ваших вашу
    твой твоего твоей твоему твоею твои твоим твоими твоих твою твоя твое твоем
    этим этими этих этого этой этом этому этою эту
    тем теми тех того той том тому ту
    себя себе собой собою
    который которая которого которое которой котором которому которую которые которым которыми которых
    """.split()
)


@lru_cache(maxsize=100_000)
def is_stopword(word: str) -> bool:
    """Also Russian stopwords typed in Latin letters (`dlya`, `za`), so they do not fuzzy-match real terms."""
    return word in STOPWORDS or (not is_cyrillic(word) and word.isalpha() and to_cyrillic(word) in STOPWORDS)


def fold(text: str) -> str:
    """Lowercase, NFKC, `ё`->`е`, no zero-width or direction marks, decimal separators unified."""
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text).lower().replace("ё", "е")
    return _NUMBER_WITH_SEPARATORS.sub(".", text)


_JOINING_HYPHEN = re.compile(r"(?<=[0-9a-zа-я])-(?=[0-9a-zа-я])")


def expand_synonyms(folded: str) -> str:
    # The original words are kept (rare words may be in the base verbatim), the expansion is appended. A hyphen
    # joins what a space would ("152-ФЗ" is "152 фз", "сим-карта" is "сим карта").
    return _SYNONYM_RE.sub(lambda m: f"{m.group(1)} {SYNONYMS[m.group(1)]}", _JOINING_HYPHEN.sub(" ", folded))


def words(text: str) -> list[str]:
    """Folded words (letters and digits) of a text, synonyms expanded, stopwords kept."""
    return _WORD.findall(expand_synonyms(fold(text)))


_CYRILLIC = re.compile("[а-я]")


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


def to_latin(word: str) -> str:
    return "".join(_CYR_TO_LAT.get(ch, ch) for ch in word)


def to_cyrillic(word: str) -> str:
    return _LAT_TO_CYR_RE.sub(lambda m: _LAT_TO_CYR_MAP[m.group(0)], word)


class _Analyzer(pymorphy3.MorphAnalyzer):
    """pymorphy3's analyser, safe on any text a user can type: its shape check asks `unicodedata.name` of each letter
    and fails on the letters Unicode gives no name (a Tangut ideograph beside a Russian letter: «𗀀а»); such a
    word is read without them."""

    def parse(self, word: str) -> list:  # type: ignore[override]
        try:
            return super().parse(word)
        except ValueError:
            named = "".join(ch for ch in word if unicodedata.name(ch, ""))
            return super().parse(named or "-")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The one Russian morphological analyser (its dictionaries load once per process)."""
    return _Analyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a folded Russian word: of its three likeliest readings a noun's first (so that «данные», read
    first as a participle of «дать», and «данных» meet), else the likeliest. A word the dictionary does not know is
    read as the known word one doubled letter away («автоматизированые», «комерческий»: `_doubling_repaired`), else
    (a typo: «штарф») gets its Snowball stem instead of a guessed lemma, which the index's typo repair can reach."""
    if not analyzer().word_is_known(word):
        repaired = _doubling_repaired(word)
        if repaired is None:
            return _RU_STEMMER.stemWord(word)
        word = repaired
    parses = analyzer().parse(word)[:3]
    if not parses:
        return word
    chosen = next((p for p in parses if p.tag.POS == "NOUN"), parses[0])
    return chosen.normal_form.replace("ё", "е")


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def _doubling_repaired(word: str) -> str | None:
    """The known word a misspelt one stands for when the typo is Russian spelling's commonest: a doubled consonant
    written once («автоматизированые», «обработаные», «комерческий») or a single one doubled («колличество»).
    Only a change whose result the dictionary knows, and only one such change; None when no single change, or
    more than one word, fits (a guess between two words is no reading)."""
    if len(word) < 6:
        return None
    found = set()
    for i, letter in enumerate(word):
        if letter not in _CONSONANTS:
            continue
        if i + 1 < len(word) and word[i + 1] == letter:
            candidate = word[:i] + word[i + 1:]          # «колличество» -> «количество»
        elif i > 0:
            candidate = word[:i] + letter + word[i:]     # «автоматизированые» -> «автоматизированные»
        else:
            continue
        if analyzer().word_is_known(candidate):
            found.add(candidate)
    return found.pop() if len(found) == 1 else None


# A verb and its action noun share a root but not a lemma («подтверждать», «подтвердить» -> «подтверждение»): the
# noun is derived by the regular suffixes, the last consonant of an -ить/-еть stem alternating as it does in Russian
# («судить» -> «суждение», «похитить» -> «похищение», «уведомить» -> «уведомление»), and kept only when the
# dictionary knows it as a noun. The first known candidate wins.
_NOMINALISATIONS = (("овать", ("ование",)), ("евать", ("евание",)), ("ывать", ("ытие", "ывание")),
                    ("ивать", ("ивание",)), ("ать", ("ание", "ение")), ("ять", ("яние", "ение", "ятие")),
                    ("еть", ("ение",)), ("ить", ("ение",)), ("ыть", ("ытие",)), ("нуть", ("новение",)))
_ALTERNATIONS = (("ст", "щ"), ("д", "жд"), ("д", "ж"), ("т", "щ"), ("т", "ч"), ("з", "ж"), ("с", "ш"), ("б", "бл"),
                 ("п", "пл"), ("в", "вл"), ("м", "мл"), ("ф", "фл"))
# Nouns the suffixes reach from a verb of another meaning («иметь» is not «имение», «положить» not «положение»).
_NOT_DERIVED = frozenset({"имение", "бытие", "звание", "состояние", "отношение", "положение", "понятие", "занятие",
                          "сказание", "соглашение", "основание", "показание", "видение", "знание", "оказание",
                          "замещение", "помещение"})
_VERB_POS = frozenset({"INFN", "VERB", "PRTF", "PRTS", "GRND"})


def _known_noun(word: str) -> bool:
    return word not in _NOT_DERIVED and analyzer().word_is_known(word) and any(
        p.tag.POS == "NOUN" and p.normal_form == word for p in analyzer().parse(word))


def _nominalise(verb: str) -> str | None:
    base = verb[:-2] if verb.endswith(("ся", "сь")) else verb
    for ending, suffixes in _NOMINALISATIONS:
        if not base.endswith(ending):
            continue
        stem = base[: -len(ending)]
        for suffix in suffixes:
            if suffix == "ение" and ending == "ать" and not stem.endswith(("ж", "ш", "ч", "щ", "жд")):
                continue   # «делать» is no «деление»: -ать takes -ение after a hushing consonant only
            candidates = [stem + suffix]
            if suffix == "ение" and ending in ("ить", "еть"):
                candidates += [stem[: -len(a)] + b + suffix for a, b in _ALTERNATIONS if stem.endswith(a)]
            found = next((c for c in candidates if _known_noun(c)), None)
            if found:
                return found
        return None
    return None


@lru_cache(maxsize=100_000)
def action_noun(word: str) -> str | None:
    """The action noun of a folded Russian verb form («подтверждать», «подтвердил», «подтверждённая» ->
    «подтверждение»), or None: for a word read as a noun, a word of no regular derivation, or a Latin word."""
    if not is_cyrillic(word) or not analyzer().word_is_known(word):
        return None
    parses = analyzer().parse(word)[:3]
    if not parses or any(p.tag.POS == "NOUN" for p in parses) or parses[0].tag.POS not in _VERB_POS:
        return None
    return _nominalise(parses[0].normal_form.replace("ё", "е"))


@lru_cache(maxsize=200_000)
def family(word: str) -> str:
    """The term a word's derivational family shares: its action noun's for a verb, else its own term. «подтверждать»,
    «подтвердить» and «подтверждение» all give `podtverzhdenie`."""
    noun = action_noun(word)
    return term(noun) if noun else term(word)


def stem(word: str) -> str:
    """The Snowball stem of a folded word (Russian or English): what a misspelt word is compared by."""
    return (_RU_STEMMER if is_cyrillic(word) else _EN_STEMMER).stemWord(word)


# English words whose Snowball stem is another word of the bot's topics: "designate" (a DPO, a representative, a
# Significant Data Fiduciary) is stemmed to "design" (privacy by design, Art. 25). Each keeps a stem of its own.
_EN_OVERSTEMMED = (("designat", "designat"),)


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The canonical term of one folded word: Russian lemma in Latin letters, or English stem."""
    if word.isdigit() or "." in word:
        return word
    if is_cyrillic(word):
        return to_latin(lemma(word))
    for prefix, own in _EN_OVERSTEMMED:
        if word.startswith(prefix):
            return own
    return _EN_STEMMER.stemWord(word)


@lru_cache(maxsize=200_000)
def translit_term(word: str) -> str | None:
    """A Latin word read as transliterated Russian (`shtrafa` -> term of `штрафа`), or None."""
    if is_cyrillic(word) or not word.isalpha() or len(word) < 3:
        return None
    return to_latin(lemma(to_cyrillic(word)))


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Canonical terms of a text, in order (used to index entries)."""
    return [term(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


def layout_swap(word: str) -> str:
    """The same keys pressed in the other layout: `inhfa` <-> `штраф`."""
    if is_cyrillic(word):
        return word.translate(RU_TO_EN_LAYOUT)
    return word.translate(EN_TO_RU_LAYOUT)


_PHRASES = {tuple(key.split()): value.split() for key, value in (SYNONYMS | ASKED_AS).items()}
_MAX_PHRASE = max(len(key) for key in _PHRASES)


def word_groups(text: str) -> list[list[str]]:
    """A question as groups of alternative words: one group per word typed, or per known phrase, with the
    phrase's synonyms as alternatives (`ркн` -> [`ркн`, `роскомнадзор`]). Stopwords are dropped."""
    folded = _WORD.findall(fold(text))
    groups: list[list[str]] = []
    i = 0
    while i < len(folded):
        for size in range(min(_MAX_PHRASE, len(folded) - i), 0, -1):
            phrase = tuple(folded[i : i + size])
            if phrase in _PHRASES:
                alternatives = list(dict.fromkeys([*phrase, *_PHRASES[phrase]]))
                alternatives = [w for w in alternatives if w not in STOPWORDS] or alternatives
                groups.append(alternatives)
                i += size
                break
        else:
            word = folded[i]
            if not is_stopword(word) and (len(word) > 1 or word.isdigit()):
                groups.append([word])
            i += 1
    return groups


def _term_synonyms() -> dict[str, list[str]]:
    """Synonyms by canonical term, for words reached through a typo (`штарф` -> `shtraf` -> `fine`)."""
    table: dict[str, list[str]] = {}
    for key, value in (SYNONYMS | ASKED_AS).items():
        if " " not in key:
            extra = [term(w) for w in value.split() if w not in STOPWORDS]
            table.setdefault(term(key), [])
            table[term(key)] += [t for t in extra if t != term(key) and t not in table[term(key)]]
    return table


TERM_SYNONYMS = _term_synonyms()
