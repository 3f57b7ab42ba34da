"""The shapes of names in breach posts: «quoted» names, domains, Latin brands after a Russian noun, English
capitalised phrases around a breach word, and the hosts that are sources rather than victims.

What words mean (leak events, statements, off-topic headlines, roles) lives in ``lexicon.py``, by lemma;
this module only knows how a name looks on the page.
"""

from __future__ import annotations

import re
from re import IGNORECASE


def _any(*parts: str, flags: int = IGNORECASE) -> re.Pattern[str]:
    """Compile alternatives given as separate strings (one idea per line reads better in review)."""
    return re.compile("|".join(parts), flags)


# A Latin brand after a Russian noun: "магазина Sportmaster", "сервиса Delivery Club" (case-sensitive).
ORG_LATIN_RE = re.compile(
    r"(?:сервис|магазин|компани|платформ|портал|сайт|маркетплейс|приложени|банк|сет[иь]|служб\w*\s+доставки|"
    r"клиник|лаборатори|бренд|ритейлер|школ|онлайн-\w+|провайдер|оператор|агрегатор)\w*\s+"
    r"(?P<n>[A-Z0-9][\w&'.+-]*(?:\s+[A-Z][\w&'.+-]*){0,2})"
)
# English victim phrases (case-sensitive: names are capitalised).
EN_NAME = r"(?P<n>[A-Z0-9][\w&'’.+-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.+-]*|of|and|&)){0,3})"
# A public body's name runs longer ("the Jharkhand Directorate of Social Security"): read whole where the phrase before
# it leaves no doubt that a name follows (whose systems held the data).
EN_LONG_NAME = EN_NAME.replace("{0,3}", "{0,5}")
# Whose systems were entered: "Hackers accessed Quorlo's network", "breached Quorlo's servers", "breached the
# databases of Epsilon", "stole data from the Kronos private cloud". The owner of the systems is the victim however
# many of its clients a headline names.
EN_SYSTEM_OWNER = [
    re.compile(rf"\b(?:accessed|hacked|breached|infiltrated|penetrated|compromised|attacked|encrypted)\s+"
               rf"{EN_NAME}(?:'s|’s)\s+(?:\w+\s+)?(?:network|systems?|servers?|databases?|infrastructure|cloud)\b"),
    re.compile(rf"\b(?:accessed|hacked|breached|infiltrated|penetrated|compromised)\s+(?:the\s+)?(?:\w+\s+)?"
               rf"(?:networks?|systems?|servers?|databases?|infrastructure)\s+of\s+(?:the\s+)?{EN_NAME}"),
    # "stole … employees' data from the Kronos private cloud"
    re.compile(rf"\b(?:stole|stolen|took|taken|exfiltrated|downloaded|copied)\b[^.\n]{{0,80}}?\bfrom\s+(?:the\s+)?"
               rf"{EN_NAME}(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:cloud|servers?|systems?|networks?|databases?)\b"),
]
_DB_SOFTWARE = (r"(?:Mongo|Elastic|Kibana|Redis|Cassandra|MySQL|MSSQL|SQL|Postgre|Couch|Firebase|Hadoop|Amazon|AWS|"
                r"Azure|Google|S3|Oracle|Microsoft|Solr|Memcache|Jenkins|Git|FTP|Docker|Kubernetes)")
EN_PATTERNS = [
    re.compile(rf"{EN_NAME}(?:'s|’s)?\s+(?:data\s+|security\s+|cyber\s*)?(?:breach|hack|leak)"),
    # ("the attack on the American Dental Association")
    re.compile(rf"(?:breach|hack|leak|cyberattack|attack)\s+(?:at|of|on|hits|affecting|impacting)\s+(?:the\s+)?"
               rf"{EN_NAME}"),
    # ("…the data of 10,000 employees of Quorlo from a payroll provider": whose people, wherever the data was kept)
    re.compile(rf"(?:from|of|at)\s+{EN_NAME}\s*(?:\(|,|\.|$|\s+(?:were|was|have|has|had|appeared|on|in|is|are|"
               r"from|after|who|whose|that))"),
    re.compile(
        # "in British Columbia suffered": a name after "in" is a place
        rf"(?<!\bin ){EN_NAME}\s+(?:has\s+|have\s+)?(?:suffered|disclose[sd]|reports?|reported|notif(?:ies|ied)|"
        r"says|said|"
        r"confirm(?:s|ed)|warns|warned|is\s+investigating)\b.{0,40}?"
        r"(?:breach|hack|leak|incident|attack|unauthori[sz]ed|stolen|stole|exposed|compromised)"
    ),
    re.compile(rf"{EN_NAME}\s+(?:was|has\s+been|got)\s+(?:hacked|breached)"),
    # the object of an attack verb: "hackers targeted Quorlo", "breached the databases of Quorlo"
    re.compile(rf"\b(?:hacked|breached|targeted|attacked|compromised|infiltrated)\s+(?:the\s+)?"
               rf"(?:(?:systems?|networks?|servers?|databases?|accounts?)\s+of\s+(?:the\s+)?)?{EN_NAME}"),
    # a database left open, named by its owner: "an unprotected Quorlo database", "an exposed Quorlo server" (not its
    # software: "an unprotected Mongo DB instance", "an exposed Elasticsearch server")
    re.compile(rf"\b(?:unprotected|unsecured|exposed|misconfigured|leaked|stolen)\s+(?!{_DB_SOFTWARE}){EN_NAME}\s+"
               r"(?:database|server|bucket|instance|dump|backup)\b"),
    # the object of a leak verb, owning the database ("leaks Quorlo database"; not "an exposed MongoDB database")
    re.compile(rf"\b(?:leak(?:s|ed)?|dump(?:s|ed)?|sell(?:s|ing)?|sold|stole|steals?|publish(?:es|ed)?|post(?:s|ed)?)"
               rf"\s+(?:the\s+)?{EN_NAME}(?:'s|’s)?\s+(?:database|data|records)\b"),
    # whose the data is: "data belonging to the Quorlo Group", "records held by Quorlo"
    # (and whose systems held it: "leaked on a website managed by the Quorlo Directorate", "a portal run by X")
    re.compile(rf"\b(?:belonging\s+to|owned\s+by|held\s+by|(?:managed|run|operated|maintained|hosted)\s+by)\s+"
               rf"(?:the\s+)?{EN_LONG_NAME}"),
    # from whom it was taken: "claims to have stolen 380 gigabytes of data from the Quorlo Service" (the systems need
    # not be named, as EN_SYSTEM_OWNER's cloud or servers are)
    re.compile(rf"\b(?:stole|stolen|steal(?:s|ing)?|exfiltrated|siphoned|took|taken)\b[^.\n]{{0,80}}?\b"
               rf"(?:data|records|files|documents|information|databases?|gigabytes|terabytes|GB|TB)\b[^.\n]{{0,40}}?"
               rf"\bfrom\s+(?:the\s+)?{EN_NAME}"),
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
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",  # "Quorlo on Thursday confirmed"
}
# Words that end a captured phrase but are not part of the name ("Acme customers' data").
EN_TRAILING_STOP = {
    "of", "and", "&", "data", "customers", "customer", "users", "user", "records", "million", "thousand",
    "accounts", "database", "the", "a", "an",  # (not "Systems": Community Health Systems, Cisco Systems)
    # a company's legal form is no part of the name people watch: "Quorlo Inc.", "Quorlo LLC", "Deutsche Bank AG"
    "inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "plc", "gmbh", "ag", "co.", "s.a.", "n.v.", "pty",
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
    "xakep.ru",
}
# Breach search services: they index leaks, they do not leak ("LeakedSource.com has the full dataset", "investigation
# site Have I Been Pwned reported"); named by their domain or by their name, they are never the victim.
BREACH_INDEXES = {"haveibeenpwned.com", "dehashed.com", "troyhunt.com", "leakcheck.io", "leak-lookup.com",
                  "leakedsource.com", "snusbase.com", "intelx.io", "dlbi.ru"}
NOT_VICTIM_HOSTS |= BREACH_INDEXES
DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@.-])((?:[a-z0-9а-я](?:[a-z0-9а-я-]{0,61}[a-z0-9а-я])?\.)+[a-zа-я]{2,10})(?![\w-])", IGNORECASE
)
# Names listed together, «банков ОТП-банка, Альфа-банка и ХКФ-банка», "customers of Quorlo, Zentrix and Vexa": two or
# more capitalised or quoted names joined by commas and «и»/"and" (not "&", which joins the words of one name: Marks &
# Spencer). Whether they share one leaked object is the parser's to judge.
_LISTED_WORD = r"[A-ZА-ЯЁ0-9](?:[\w&'’+-]|\.(?=\w))*"  # (a full stop inside a name, Crypto.com, never one ending it)
_LISTED = rf"(?:«[^«»\n]{{1,40}}»|“[^“”\n]{{1,40}}”|\"[^\"\n]{{1,40}}\"|{_LISTED_WORD}(?:[ \t]+{_LISTED_WORD}){{0,2}})"
NAME_LIST = re.compile(rf"{_LISTED}(?:[ \t]*,[ \t]*{_LISTED})*[ \t]*,?[ \t]+(?:и|and)[ \t]+{_LISTED}")
QUOTED = re.compile(r"[«“\"]([^«»“”\"\n]{2,60})[»”\"]")
REACTIONS = re.compile(r"^(?:[^\w\s]+\s?\d+\s?)+$")
BOILERPLATE = _any(r"^(?:forwarded from|переслано из|please open telegram|view in telegram)")
