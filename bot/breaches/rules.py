"""Vocabulary of the breach post parser: what marks a leak, an off-topic post, a victim name.

Kept apart from ``parser.py`` so the rules can be read and reviewed as data. Patterns are matched
case-insensitively unless noted; Russian and English alternatives sit side by side.
"""

from __future__ import annotations

import re
from re import IGNORECASE


def _any(*parts: str, flags: int = IGNORECASE) -> re.Pattern[str]:
    """Compile alternatives given as separate strings (one idea per line reads better in review)."""
    return re.compile("|".join(parts), flags)


# A leak event: without one of these, a post is not about a breach at all.
LEAK_RE = _any(
    r"утеч\w*", r"утекл\w*", r"утекш\w*", r"\bслил\w*", r"\bслив\w*", r"выложил\w*", r"выложен\w*",
    r"опубликовал\w*\s+(?:баз|дамп|данн|файл)\w*", r"в\s+(?:открыт|свободн)\w+\s+доступ\w*",
    r"попал\w*\s+в\s+(?:сеть|открыт\w+|свободн\w+|паблик)", r"выстав\w+\s+на\s+продажу", r"прода\w+\s+баз\w*",
    r"дамп\w*", r"взлом\w*", r"скомпрометирован\w*", r"похи\w+\s+данн\w*", r"выгрузил\w*", r"вымогател\w*",
    r"data\s+breach", r"breach\w*", r"leak\w*", r"exposed", r"compromised", r"hack(?:ed|ers?)\b", r"stolen",
    r"\bstole\b", r"dump\w*", r"for\s+sale", r"unsecured\s+database", r"misconfigured", r"ransomware",
)
# The company disputes the leak: never alert on these.
DENIAL_RE = _any(
    r"опроверг\w*", r"отрица\w+\s+(?:утечк|факт|взлом|компрометац)\w*", r"фейков\w+\s+(?:утечк|баз)\w*",
    r"denie[sd]\s+(?:a\s+|the\s+|any\s+)?(?:data\s+)?(?:breach|hack|leak)", r"fake\s+(?:leak|breach)",
)
# The company comments on a leak already reported ("«Литрес» подтвердил утечку").
STATEMENT_RE = _any(
    r"(?<!не )(?:подтверди\w*|признал\w*)\s+(?:факт\w*\s+)?(?:утечк|взлом|инцидент)\w*", r"согласно\s+заявлени\w*",
    r"в\s+(?:заявлении|сообщении)\s+(?:компании|сервиса)", r"прокомментировал\w*", r"in\s+a\s+statement",
    r"confirm(?:s|ed)\s+(?:a\s+|the\s+)?(?:data\s+|security\s+|cyber\s*)?(?:breach|hack|leak|incident|cyberattack)",
)
STATS_RE = _any(
    r"(?<!\d)\d+(?:[.,]\d+)?\s?%\s+(?:[\w-]+\s+){0,2}?(?:компаний|организаций|россиян|сотрудников|респондентов|"
    r"руководителей|опрошенных|companies|organi[sz]ations|businesses|respondents|firms)",
    r"статистик\w*", r"исследовани\w+\s+(?:показал\w*|ири)", r"^\W*исследовани\w*",
    r"по\s+данным\s+(?:аналитик|исследован|эксперт|опрос)\w*", r"подсчитал\w*",
    r"в\s+(?:первом|втором)\s+(?:полугодии|квартале)", r"за\s+(?:первое|второе)\s+полугодие",
    r"\bsurvey\b", r"report\s+(?:finds|found|shows)", r"\bstudy\b", r"per\s?cent\s+of",
)
# Guides and digests mention many services and leaks without being about one new breach (headline only).
GUIDE_RE = _any(
    r"^\W*(?:как\s+(?:проверить|защитить|узнать|понять|удалить)|how\s+to\b|что\s+делать|советы|инструкци\w*|"
    r"чек-лист|итоги|дайджест|обзор|подборк\w*|главное\s+за|weekly|roundup|digest|recap|week\s+in)",
)
# Law, regulators and fines (headline only: breach reports may mention fines in passing).
LAW_RE = _any(
    r"законопроект\w*", r"\bзакон\w*", r"госдум\w*", r"депутат\w*", r"совет\w*\s+федерации", r"сенатор\w*",
    r"минцифр\w*", r"кодекс\w*", r"коап", r"штраф\w*", r"оборотн\w+", r"ужесточ\w*", r"поправк\w*",
    r"парламент\w*", r"правительств\w*", r"рекомендаци\w*", r"разъяснени\w*", r"профилактическ\w*",
    r"роскомнадзор\w*", r"\bркн\b", r"минздрав\w*", r"приказ\w*", r"\bbill\b", r"\blaws?\b", r"legislat\w+",
    r"lawmakers", r"regulators?\b", r"\bfined\b", r"\bfines?\b", r"penalt\w+", r"\bgdpr\b", r"\bdpdp\b",
    r"parliament\w*", r"\bico\b", r"\bcnil\b", r"\bedpb\b",
)
# Strong enough to reject a post whose body (not only its headline) is about legislation.
LAW_BODY_RE = _any(r"законопроект", r"госдум", r"\bbill\b")
COURT_RE = _any(
    r"\bсуд(?!я\b)\w*", r"приговор\w*", r"осужд\w*", r"виновн\w*", r"\bук\s+рф\b", r"уголовн\w+", r"sentenced",
    r"convicted", r"\bcourt\b", r"lawsuit", r"class[- ]action", r"pleaded\s+guilty", r"indicted",
)
RESEARCH_RE = _any(
    r"исследовател\w*", r"\bучен(?:ые|ых)\b", r"researchers?", r"academics?", r"proof[- ]of[- ]concept",
    r"side[- ]channel", r"уязвимост\w*", r"vulnerabilit\w*", r"\bcve-\d", r"акустическ\w*", r"acoustic",
)
FEATURE_RE = _any(
    r"нововведени\w*", r"нов\w+\s+(?:функци|инструмент)\w*", r"инструмент\w*", r"предупред\w+\s+пользовател\w*",
    r"начн[её]т\s+(?:предупреждать|уведомлять)", r"new\s+feature", r"rolls?\s+out",
    r"will\s+(?:warn|alert|notify)\s+users", r"password\s+manager", r"dark\s+web\s+report",
    r"запус\w*\s+(?:проверк|сервис|функци|инструмент)\w*",
    r"launch(?:es|ed)?\s+(?:a\s+)?(?:new\s+)?(?:feature|tool)",
)
# Without a record count, a post must describe a concrete leak, not leaks in general ("данные из утечек").
CONCRETE_LEAK_RE = _any(
    r"выложил\w*", r"выложен\w*", r"\bслил\w*", r"\bслит\w*", r"в\s+(?:открыт|свободн)\w+\s+доступ\w*",
    r"попал\w*\s+в\s+(?:сеть|открыт\w+|свободн\w+)", r"выстав\w+\s+на\s+продажу", r"дамп\w*", r"взлом\w*",
    r"data\s+breach", r"\bbreach(?:ed)?\b", r"\bleaked\b", r"\bexposed\b", r"\bhacked\b", r"\bstolen\b",
    r"for\s+sale", r"unsecured\s+database",
)
# Words just before a name that make it the victim: "данные пользователей сервиса «X»", "records from X";
# a list continues the phrase: "базы «A» и «B»" makes both victims (and the post ambiguous).
VICTIM_BEFORE = re.compile(
    r"(?:данн|баз|дамп|клиент|пользовател|покупател|пациент|абонент|сотрудник|заказ|учетн|аккаунт|взлом|\bиз\b|"
    r"customers?|users?|\bdata\b|database|records|accounts|\bfrom\b|\bof\b|\bat\b)\w*\s+(?:[\w-]+\s+){0,5}"
    r"(?:[«\"“][^»\"”\n]{1,60}[»\"”]\s*(?:,|и|and|or|или)\s*)*[«\"“]?$",
    IGNORECASE,
)
# Words just after a name that make it the victim: "«Гемотест»: утечка", "СДЭК подтвердил утечку".
VICTIM_AFTER = re.compile(
    r"[»\"”]?\s*(?:\([^)\n]{0,40}\)\s*)?(?:[:—–-]\s*)?(?:(?:подтверди|признал|сообщил|заявил|стал|подверг|допустил)"
    r"\w*\s+(?:о\s+|об\s+|жертв\w*\s+)?)?(?:утечк|взлом|кибератак|хакерск)\w*",
    IGNORECASE,
)
# "Источник, который ранее сливал «A», «B» ..., выложил «C»": A and B are history, C is the news.
PREVIOUS_RE = _any(r"ранее", r"прежде", r"previously", r"earlier", r"also\s+behind", r"в\s+том\s+числе")
PREVIOUS_END_RE = _any(
    r"выложил\w*", r"опубликовал\w*", r"\bслил\b", r"разместил\w*", r"выставил\w*", r"теперь", r"на\s+этот\s+раз",
    r"\bnow\b", r"this\s+time",
)
# A Latin brand after a Russian noun: "магазина Sportmaster", "сервиса Delivery Club" (case-sensitive).
ORG_LATIN_RE = re.compile(
    r"(?:сервис|магазин|компани|платформ|портал|сайт|маркетплейс|приложени|банк|сет[иь]|служб\w*\s+доставки|"
    r"клиник|лаборатори|бренд|ритейлер|школ|онлайн-\w+|провайдер|оператор|агрегатор)\w*\s+"
    r"(?P<n>[A-Z0-9][\w&'.+-]*(?:\s+[A-Z][\w&'.+-]*){0,2})"
)
# English victim phrases (case-sensitive: names are capitalised).
EN_NAME = r"(?P<n>[A-Z0-9][\w&'’.+-]*(?:\s+(?:[A-Z0-9][\w&'’.+-]*|of|and|&)){0,3})"
EN_PATTERNS = [
    re.compile(rf"{EN_NAME}(?:'s|’s)?\s+(?:data\s+|security\s+|cyber\s*)?(?:breach|hack|leak)"),
    re.compile(rf"(?:breach|hack|leak|cyberattack|attack)\s+(?:at|of|on|hits|affecting|impacting)\s+{EN_NAME}"),
    re.compile(rf"(?:from|of|at)\s+{EN_NAME}\s*(?:\(|,|\.|$|\s+(?:were|was|have|has|appeared|on|in|is|are))"),
    re.compile(
        rf"{EN_NAME}\s+(?:has\s+|have\s+)?(?:suffered|disclose[sd]|reports?|reported|notif(?:ies|ied)|says|said|"
        r"confirm(?:s|ed)|warns|warned|is\s+investigating)\b.{0,40}?"
        r"(?:breach|hack|leak|incident|attack|unauthori[sz]ed)"
    ),
    re.compile(rf"{EN_NAME}\s+(?:was|has\s+been|got)\s+(?:hacked|breached)"),
    re.compile(rf"{EN_NAME}\s+(?:has\s+)?(?:exposed|leaked|left)\s+(?:the\s+)?(?:data|records|personal|sensitive|"
               r"customer|user|patient|\d)"),
]
# Words that open a headline but are not part of the victim's name ("Massive Acme breach").
EN_LEADING_STOP = {
    "the", "a", "an", "new", "massive", "huge", "major", "hackers", "hacker", "data", "security", "report",
    "breaking", "alert", "this", "another", "latest", "cyber", "ransomware", "researchers", "researcher", "in", "on",
    "at", "after", "update", "exclusive", "threat", "actor", "it", "its", "their", "they", "we", "our", "over",
    "more", "some", "all", "source", "sources", "company", "firm", "police", "what", "how", "why", "dark", "web",
    "forum", "hacking", "breachforums", "telegram", "and", "or", "of", "from", "by", "via", "with",
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
}
# Words that end a captured phrase but are not part of the name ("Acme customers' data").
EN_TRAILING_STOP = {
    "of", "and", "&", "data", "customers", "customer", "users", "user", "records", "million", "thousand",
    "accounts", "database", "systems", "the", "a", "an",
}
# Places and nationalities open many headlines ("Chinese gaming site X") but are never the victim.
_PLACES = {
    "india", "indian", "russia", "russian", "europe", "european", "eu", "uk", "us", "usa", "america", "american",
    "germany", "german", "france", "french", "italy", "italian", "spain", "spanish", "colorado", "moscow", "delhi",
    "mumbai", "pune", "chinese", "china", "japanese", "korean", "vietnamese", "indonesian", "turkish", "polish",
    "dutch", "brazilian", "canadian", "australian", "british", "israeli", "ukrainian", "thai", "mexican",
    "filipino", "swedish", "danish", "norwegian", "finnish", "belgian", "belgium", "swiss", "austrian", "greek",
}
EN_LEADING_STOP |= _PLACES
# A whole "name" that is a place or a generic word is not a service.
EN_NOT_NAMES = EN_LEADING_STOP
# Domains in a post that are sources, not victims.
NOT_VICTIM_HOSTS = {
    "t.me", "telegram.org", "telegram.me", "haveibeenpwned.com", "iksmedia.ru", "3dnews.ru", "securitylab.ru",
    "habr.com", "bleepingcomputer.com", "techcrunch.com", "therecord.media", "theregister.com", "kommersant.ru",
    "rbc.ru", "vedomosti.ru", "tass.ru", "interfax.ru", "ria.ru", "cnews.ru", "izvestia.ru", "cybernews.com",
    "youtube.com", "youtu.be", "reuters.com", "databreaches.net", "breachforums.st", "securityweek.com",
    "xakep.ru", "dlbi.ru", "dehashed.com", "troyhunt.com", "leakcheck.io", "leak-lookup.com",
}
DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9а-я](?:[a-z0-9а-я-]{0,61}[a-z0-9а-я])?\.)+[a-zа-я]{2,10})(?![\w-])", IGNORECASE
)
QUOTED = re.compile(r"[«“\"]([^«»“”\"\n]{2,60})[»”\"]")
REACTIONS = re.compile(r"^(?:[^\w\s]+\s?\d+\s?)+$")
BOILERPLATE = _any(r"^(?:forwarded from|переслано из|please open telegram|view in telegram)")
