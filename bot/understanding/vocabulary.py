"""Every word list the bot reads questions with, in one place. Pure data: no imports from the bot.

Phrases are written as people write them; `bot.understanding.reader` turns each word into its term (a Russian
lemma from pymorphy3, an English Snowball stem) and matches whole terms in order, so "define" is not "fine",
"Mexico" is not the ICO and "PayPal" is not "pay", while «штрафы», «штрафом» and «оштрафовали» all read as a fine.
A list copied into a second module is a bug: import it from here.
"""

from __future__ import annotations

from dataclasses import dataclass

# ------------------------------------------------------------------------------------------ publishers
# Who publishes the statistics the knowledge base cites (beside the regulators of AUTHORITIES): "how many records
# leaked in 2024 according to Roskomnadzor" is not answered by InfoWatch's count.
STATISTIC_PUBLISHERS: dict[str, tuple[str, ...]] = {
    "infowatch": ("infowatch", "инфовотч", "инфовоч"),
    "dla_piper": ("dla piper",),
    "cms": ("cms", "enforcement tracker"),
    "dlbi": ("dlbi",),
    "f6": ("f6", "ф6"),
    "searchinform": ("searchinform", "серчинформ"),
    "kaspersky": ("kaspersky", "касперский"),
    "solar": ("solar", "солар"),
    "group_ib": ("group-ib",),
    "positive_technologies": ("positive technologies",),
    "big_data_association": ("big data association", "ассоциация больших данных"),
    "cert_in": ("cert-in",),
}

# ------------------------------------------------------------------------------------------ concepts
# What a question is about or asks for. Each concept: phrases, any of which marks it.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "leak": ("утечка", "утечь", "утекший", "слив", "слить", "слитый", "сливать", "leak", "leaked", "leakage", "breach",
             "data breach", "инцидент", "incident", "скомпрометировать", "compromise", "exposed", "открытый доступ",
             "disclose", "disclosed", "disclosure", "разгласить", "разглашение", "выложить", "posted online",
             "в открытом доступе", "публичный доступ", "выложить в сеть", "publicly accessible", "publicly available",
             "exposed online"),
    # figures over time: a series or a trend, answered by the year-by-year figures, not by one year's or a list
    "series": ("by year", "per year", "year by year", "each year", "every year", "over the years", "по годам",
               "год за годом", "за каждый год", "по год", "динамика", "тренд", "trend", "going up", "going down",
               "growing", "increasing", "decreasing", "расти", "снижаться", "which year"),
    # lifting a block or a ban: "how do I lift/remove the cooling-off block" asks how, not what the block is
    "unblock": ("lift", "remove the block", "unblock", "unlock", "снять блокировка", "снять ограничение", "снять",
                "разблокировать", "разблокировка", "отменить самозапрет", "снять самозапрет"),
    # a question asking what to do: advice, not an incident's story
    "advice": ("what should i do", "what should we do", "what to do", "what do i do", "what can i do", "что делать",
               "что мне делать", "что нам делать", "как быть", "как защититься", "how to protect", "how do i protect"),
    # what a term means: answered by the entry headed by that term (rank.head_share), not by one defining another
    "definition": ("что такое", "определение", "понятие", "что означать", "что значить", "что считаться",
                   "definition", "define", "defined", "meaning", "what counts as", "what does mean"),
    # something made up, not a fact: the bot answers from sources, it does not tell a joke or write a poem about them
    "made_up": ("joke", "анекдот", "шутка", "пошутить", "poem", "стих", "стихотворение", "limerick", "song", "песня",
                "riddle", "загадка"),
    # what an incident did to people or records
    "affected": ("affected", "impacted", "stolen", "exposed", "compromised", "пострадать", "пострадавший",
                 "затронуть", "затронутый", "украсть", "похитить", "коснуться"),
    "hack": ("взлом", "взломать", "hack", "hacked", "hacker", "хакер", "cyber attack", "cyberattack", "кибератака",
             "ransomware", "шифровальщик", "вымогатель"),
    # ... the break-in itself, not the people who do it: "was Optus hacked" asks about its leak, "protect my account
    # from hackers" does not
    "hack_event": ("взлом", "взломать", "hack", "hacked", "cyber attack", "cyberattack", "кибератака", "ransomware",
                   "шифровальщик"),
    "fine": ("штраф", "штрафной", "штрафовать", "оштрафовать", "fine", "fined", "penalty", "penalise", "penalize",
             "sanction", "санкция", "грозить", "впаять", "наказание", "punishment", "liability", "ответственность",
             "pay", "paid", "заплатить", "платить",
             # what a company pays to end a case (Equifax's US settlement) is asked as what it paid
             "settlement", "settle", "settled", "урегулирование", "мировой соглашение"),
    "estimate_verb": ("посчитать", "рассчитать", "оценить", "калькулятор", "estimate", "calculate", "calculator",
                      "how much would", "how much will", "сколько будет"),
    # what something costs: asks for an estimate only beside the facts of a case (an average cost is a statistic)
    "cost": ("стоить", "обойтись", "=cost", "=costs"),
    "notify": ("уведомить", "уведомление", "уведомлять", "сообщить", "сообщать", "оповестить", "notify", "notification",
               "notified", "report", "reporting", "=inform", "=informed", "=informing", "tell", "сообщение",
               # «должны сказать заказчику»: the infinitive only, «скажите» asks the bot
               "=сказать"),
    "when": ("когда", "when", "до какой", "до какого", "by when", "как быстро", "how fast", "how soon", "how quickly",
             "срок", "deadline", "сколько час", "how many hour", "within", "за сколько"),
    "since_when": ("с какой", "с какого", "since when", "when did", "what date", "какой дата", "вступить в сила",
                   "take effect", "come into force", "in force", "apply from", "действовать", "начать действовать",
                   "принять", "утвердить", "pass", "passed", "adopt", "adopted", "start", "started", "begin", "began",
                   "начаться"),
    # a date asked for in so many words (not "we just started selling", which tells a story)
    "asks_date": ("с какой дата", "с какого число", "since when", "what date", "какой дата", "from when",
                  "с какого момент", "from what date", "as of what date"),
    "count_question": ("how many", "number of", "count of", "сколько раз", "количество", "how often"),
    "sum_question": ("total", "sum of", "altogether", "combined", "=всего", "суммарный", "общий сумма", "в сумма",
                     "сумма =штрафов", "итого", "совокупный", "in total", "overall", "how much in", "на какой сумма"),
    "mean_question": ("average", "mean", "avg", "средний", "median", "медиана", "typical", "в среднем"),
    "list": ("list", "список", "=все", "all", "top", "топ"),
    "plural_fines": ("=fines", "=penalties", "=штрафы", "=штрафов", "=штрафам", "=штрафах", "=штрафами", "=санкции"),
    # one fine by its noun: "the combined fine" (Facebook's and Instagram's in one decision) is one decision's sum
    "one_fine": ("=fine", "=penalty", "=штраф", "=штрафа", "=штрафу", "=штрафом", "=штрафе",
                 # ... and what one company paid to end one case: "the Equifax settlement total" is that settlement's
                 "=settlement", "урегулирование", "мировой соглашение"),
    "record": ("biggest", "largest", "highest", "крупный", "крупнейший", "самый крупный", "самый большой", "=record",
               "рекордный", "who got hit", "по величина", "by size", "by amount"),
    # since the start: beside a superlative, the record ("the biggest fine ever"); beside a count or a sum, the
    # total ("how many fines of all time", «скок штрафов насобирали за всё время»)
    "all_time": ("ever", "за всё время", "за все время", "of all time", "all time"),
    # a superlative that is not a fine's size: "which country fines the most", «чаще всего»
    "most": ("=most", "больше всех", "больше всего", "чаще всех", "чаще всего", "наиболее"),
    # criminal liability: a prison term, not an administrative fine
    "criminal": ("уголовный", "уголовка", "ук рф", "лишение свобода", "тюрьма", "посадить", "срок заключение",
                 "criminal", "prison", "jail", "imprisonment", "years in prison"),
    # a place in the list other than the top: the fines list (largest or newest first) does not answer it
    "other_rank": ("first", "первый", "smallest", "самый маленький", "наименьший", "минимальный", "oldest",
                   "earliest", "старый", "ранний", "lowest"),
    # "the second largest": a list of the top answers it
    "ordinal": ("second", "второй", "third", "третий", "fourth", "четвёртый", "fifth", "пятый"),
    "latest": ("latest", "recent", "newest", "последний", "новый", "свежий"),
    "maximum": ("max", "maximum", "максимальный", "максимум", "cap", "потолок", "upper", "up to", "ceiling",
                "наибольший", "предельный"),
    "turnover_basis": ("оборотный", "оборот", "turnover", "процент", "percent", "tier", "tiers", "уровень",
                       "выручка", "revenue"),
    "published_statistic": ("survey", "tracker", "enforcement tracker", "dla piper", "cms", "annual report",
                            "годовой отчёт", "исследование", "опрос", "статистика", "statistics", "according to",
                            "по данным", "since 2018", "с 2018", "per day", "в день", "в сутки", "a day",
                            "зафиксировать", "насчитать", "by the end of", "к конец", "to date", "so far",
                            "на сегодня", "infowatch", "инфовотч", "f6", "dlbi", "group-ib", "positive technologies",
                            "edpb report"),
    "which_article": ("какой статья", "which article", "what article", "какая статья", "статья какой",
                      "article of", "which gdpr article", "what gdpr article", "which section", "what section",
                      "какой пункт"),
    "which_country": ("which country", "какая страна", "какой страна", "в какой страна", "which countries",
                      "what country"),
    # "the personal data law": whose depends on the country named, else on the language (a Russian question)
    "privacy_law": ("закон о персональный данные", "закон о персданные", "закон о пдн", "personal data law",
                    "data protection law", "privacy law"),
    "appeal": ("обжаловать", "обжалование", "оспорить", "appeal", "appealed", "challenge in court", "отменить штраф"),
    "age": ("возраст", "со сколько год", "с какой возраст", "age", "how old", "years old", "under 18", "under 16",
            "до 18 лет", "несовершеннолетний", "minor"),
    # Russian legal shorthand: a question using it is about Russian law, wherever the servers are
    "ru_jargon": ("пдн", "персданные", "персданных", "оператор пдн", "=персы", "=персов", "=персам", "=персами"),
    "cookie": ("cookie", "cookies", "куки", "eprivacy", "кукис"),
    "repeat": ("повторный", "повторно", "снова", "опять", "второй раз", "ещё раз", "еще раз", "repeat", "repeated",
               "again", "second time", "second leak", "recidivism"),
    "biometric": ("биометрия", "биометрический", "отпечаток", "face id", "biometric", "biometrics", "fingerprint",
                  "изображение лица"),
    "special_category": ("медицинский", "здоровье", "диагноз", "health", "medical", "религиозный", "religious",
                         "расовый", "racial", "политический", "political", "интимный", "sexual", "спецкатегория",
                         "пациент", "patient", "клиника", "clinic", "больница", "hospital",
                         "специальный категория", "special category", "special categories"),
    "revenue": ("выручка", "оборот", "revenue", "turnover", "доход", "income"),
    "notification_failure": ("не уведомить", "не сообщить", "не подать", "not notify", "not report", "not telling",
                             "not tell", "failure to notify", "failing to notify", "неуведомление", "несообщение"),
    # A topic the bot covers: without one of these (or a law, an authority), a question is out of scope.
    "privacy_topic": (
        "персональный данные", "персданные", "пдн", "пд", "personal data", "privacy", "конфиденциальность",
        "защита данные", "data protection", "регулятор", "regulator", "supervisory authority", "dpa", "согласие",
        "consent", "обработка", "обрабатывать", "processing", "оператор", "controller", "processor", "субъект",
        "data subject", "биометрия", "биометрический", "biometric", "sim", "сим", "симка", "сим-карта", "сим карта",
        "cookie", "cookies", "куки", "кукис", "уведомление", "локализация", "localisation", "localization",
        "трансграничный", "трансграничка", "cross-border", "dpo", "удаление", "erasure", "забвение", "ебс", "роуминг",
        "roaming", "fiduciary", "фидуциарий", "data principal",
        "anonymisation", "anonymization", "анонимизация", "pseudonymisation", "псевдонимизация",
        "профилактический визит", "surveillance", "слежка", "telemarketing", "телемаркетинг", "scraping",
        "скрейпинг", "dpia",
        # Russia's fines as a share of revenue for leaks (420-FZ): the phrase names the bot's topic by itself
        "оборотный штраф",
    ),
    # Words of the bot's topics too common elsewhere to anchor a question alone ("data science", «закон о ЗПП»).
    "topic_word": (
        "данные", "data", "private", "process", "transfer", "erase", "mobile", "номер", "оборот", "закон", "law",
        "act", "regulation", "регламент", "principal", "child", "ребёнок", "ребенок", "children", "дети", "kids", "kid",
        "password", "пароль", "email", "реестр", "register", "registry", "monitoring", "мониторинг", "спам", "spam",
        "аудит", "audit", "subject",
        # the state services portal serves passports and taxes as much as SIM cards and consent
        "госуслуги", "есиа", "gosuslugi",
    ),
}
NEGATIONS = ("не", "not", "doesnt", "dont", "didnt", "doesn", "don", "didn", "never", "без", "without", "failed",
             "failing", "failure", "no", "отсутствие", "absence", "lack", "нет", "неподача")
# A concept that alone makes a question about the bot's topics (with "privacy_topic").
# "More than N people": a count strictly above N (the law's bands end at N: «более 100 000» is the next band).
MORE_THAN = ("более", "больше", "свыше", "over", "above", "exceeding", "more than", "greater than")
# Verbs that only frame a "since when" question ("when did localisation start"): the search leaves them out, so
# an entry that happens to say "start" does not outrank the one about the thing asked.
FRAME_VERBS = ("start", "started", "begin", "began", "начаться", "начинаться")
TOPIC_CONCEPTS = ("privacy_topic", "topic_word", "leak", "fine", "notify")
# What a question asks about a company's breach, fine or decision: a name alone ("Optus tariffs", "LinkedIn ads")
# anchors an answer about that company's incident only beside one of these. The first group asks about any such
# entry (privacy itself, the law, how many people were affected); the second about what the entry is about, as its
# title and keywords say ("hackers" asks about a hack, not about a leak through an API; a leak may be asked as a
# break-in: "was Optus hacked").
INCIDENT_ASKS = ("privacy_topic", "privacy_law", "ru_jargon")
# ... and the people it affected: "how many customers were affected", not "how many employees does Equifax have"
# (a count of people asks about an incident beside one of these, or a leak or hack word of INCIDENT_KINDS)
INCIDENT_KINDS = ("leak", "hack", "fine", "notify", "criminal", "appeal")
INCIDENT_IMPLIES = {"hack": ("leak", "hack_event"), "leak": ("hack_event",)}

# ------------------------------------------------------------------------------------------ laws
GDPR, RU, DPDP = "gdpr", "ru", "dpdp"   # the regimes of bot/legal/estimator.py
# The law a question means when it names none but describes a case, by the language it is written in: a Russian
# company's leak asked about in Russian is under Russian law; any other language, the GDPR.
DEFAULT_REGIME = {"ru": RU}
OTHER_LANGUAGES_REGIME = GDPR
# Knowledge domains a question in a language leans to when it names no law (a tie-breaker in the search): those
# of the language's default regime.
CONTEXT_DOMAINS = {"ru": ("ru_pd", "ru_sim", "breaches"), "en": ("gdpr", "gdpr_fines")}
# Languages written in Cyrillic: a country is named to their readers by its Cyrillic name.
CYRILLIC_LANGUAGES = frozenset({"ru"})


def default_regime(lang: str) -> str:
    return DEFAULT_REGIME.get(lang, OTHER_LANGUAGES_REGIME)


@dataclass(frozen=True)
class Law:
    id: str
    names: tuple[str, ...]
    regime: str | None          # the regime the bot knows it under, or None: a law the bot does not cover
    label_en: str = ""
    label_ru: str = ""
    where_en: str = ""          # "Japan's privacy law", for an honest "I do not cover it"
    where_ru: str = ""
    search_as: str = ""         # the words the knowledge index knows it by (bot/kb/text.py synonyms)


LAWS: tuple[Law, ...] = (
    Law("gdpr", ("gdpr", "гдпр", "ргпд", "rgpd", "dsgvo", "оздп", "general data protection regulation",
                 "uk gdpr", "общий регламент по защите данных"), GDPR, "GDPR", "GDPR", search_as="gdpr"),
    Law("eprivacy", ("eprivacy", "e-privacy", "cookie law"), GDPR, "ePrivacy", "ePrivacy"),
    Law("ru_152fz", ("152фз", "152-фз", "152 фз", "фз 152", "152 fz", "152-fz", "fz 152", "фз-152"), RU, "152-FZ",
        "152-ФЗ", search_as="152fz"),
    Law("koap", ("коап", "koap", "коап рф", "кодекс об административный правонарушение", "13.11",
                 "administrative code"), RU, "KoAP", "КоАП", search_as="koap"),
    Law("ru_criminal", ("ук рф", "уголовный кодекс", "уголовка", "criminal code", "272.1"), RU, "Criminal Code",
        "УК РФ", search_as="ukrf уголовный"),
    # (not "dpdp rules": read as one name, "rules" would weigh as a mere synonym of the Act in the search, and
    # the Rules of 2025 are entries of their own; "dpdp" names the law all the same)
    Law("dpdp", ("dpdp", "dpdpa", "dpdp act", "digital personal data protection",
                 "закон о защита цифровой персональный данные", "индийский закон", "индийского закона"), DPDP,
        "DPDP Act", "DPDP", search_as="dpdp индия закон"),
    # Laws the bot does not cover: a question about one says so by name.
    Law("appi", ("appi", "act on the protection of personal information"), None, "APPI", "APPI",
        "Japan's privacy law", "закон Японии о персональных данных"),
    Law("lgpd", ("lgpd", "lei geral de proteção de dados", "lei geral"), None, "LGPD", "LGPD",
        "Brazil's privacy law", "закон Бразилии о персональных данных"),
    Law("ccpa", ("ccpa", "cpra", "california consumer privacy act", "california privacy rights act"), None,
        "CCPA/CPRA", "CCPA/CPRA", "California's privacy law", "закон Калифорнии (США) о приватности"),
    Law("pipl", ("pipl", "personal information protection law"), None, "PIPL", "PIPL", "China's privacy law",
        "закон Китая о персональной информации"),
    Law("pipeda", ("pipeda",), None, "PIPEDA", "PIPEDA", "Canada's privacy law", "закон Канады о персональных данных"),
    Law("popia", ("popia", "popi act"), None, "POPIA", "POPIA", "South Africa's privacy law",
        "закон ЮАР о персональных данных"),
    Law("uk_dpa", ("data protection act 2018", "dpa 2018", "uk dpa"), None, "UK Data Protection Act 2018",
        "UK Data Protection Act 2018", "a UK statute", "закон Великобритании"),
    Law("pdpa", ("pdpa",), None, "PDPA", "PDPA", "Singapore's or Thailand's privacy law",
        "закон Сингапура или Таиланда о персональных данных"),
    Law("kvkk", ("kvkk",), None, "KVKK", "KVKK", "Turkey's privacy law", "закон Турции о персональных данных"),
    Law("fadp", ("fadp", "nfadp", "revfadp", "swiss data protection act"), None, "FADP", "FADP",
        "Switzerland's privacy law", "закон Швейцарии о защите данных"),
    Law("privacy_act_au", ("privacy act 1988", "australian privacy act"), None, "Privacy Act 1988",
        "Privacy Act 1988", "Australia's privacy law", "закон Австралии о приватности"),
    Law("hipaa", ("hipaa",), None, "HIPAA", "HIPAA", "a US health-data law", "закон США о медицинских данных"),
    Law("coppa", ("coppa",), None, "COPPA", "COPPA", "a US children's privacy law", "закон США о данных детей"),
    Law("glba", ("glba", "gramm-leach-bliley"), None, "GLBA", "GLBA", "a US financial privacy law",
        "закон США о финансовых данных"),
    Law("ru_advertising", ("закон о реклама", "38-фз", "38 фз", "фз о реклама", "advertising law"), None,
        "the Advertising Law (38-FZ)", "закон о рекламе (38-ФЗ)", "a Russian law on advertising, not on personal data",
        "закон не о персональных данных"),
    Law("ru_consumer", ("закон о защита право потребитель", "зозпп", "consumer protection law"), None,
        "the Consumer Protection Law", "закон о защите прав потребителей", "a Russian law on consumers' rights",
        "закон не о персональных данных"),
    Law("pdpl", ("pdpl",), None, "PDPL", "PDPL", "Saudi Arabia's or the UAE's privacy law",
        "закон Саудовской Аравии или ОАЭ о персональных данных"),
)
LAWS_BY_ID = {law.id: law for law in LAWS}
# Russian federal laws the bot knows by number ("420-ФЗ"); any other number is a law it does not cover.
RU_FEDERAL_LAWS = {"152": "ru_152fz", "420": "koap", "266": "ru_152fz", "303": "ru_sim", "41": "ru_sim",
                   "572": "ru_152fz", "421": "ru_criminal", "149": "ru_152fz", "126": "ru_sim"}

# ------------------------------------------------------------------------------------------ authorities
# key: (names, country code or "EU"/"IN"/"RU", regime); the first name is the one the knowledge index knows
AUTHORITIES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "rkn": (("роскомнадзор", "ркн", "rkn", "roskomnadzor"), "RU", RU),
    "dpc": (("dpc", "data protection commission", "ирландский регулятор", "irish regulator"), "IE", GDPR),
    "cnil": (("cnil", "книль"), "FR", GDPR),
    "ico": (("ico", "information commissioner"), "GB", GDPR),
    "garante": (("garante",), "IT", GDPR),
    "aepd": (("aepd",), "ES", GDPR),
    "bfdi": (("bfdi", "german federal dpa"), "DE", GDPR),
    "ap": (("dutch dpa", "autoriteit persoonsgegevens"), "NL", GDPR),
    "cnpd": (("cnpd",), "LU", GDPR),
    "imy": (("imy",), "SE", GDPR),
    "datatilsynet": (("datatilsynet",), "NO", GDPR),
    "edpb": (("edpb", "european data protection board"), "EU", GDPR),
    "dpb": (("data protection board", "dpb", "совет по защите данных"), "IN", DPDP),
}

# ------------------------------------------------------------------------------------------ countries
# Beyond the GDPR countries of bot/kb/countries.py: those the bot covers and those it does not.
OTHER_COUNTRIES: dict[str, tuple[str, ...]] = {
    "RU": ("russia", "russian", "russians", "россия", "российский", "рф", "россиянин", "moscow", "москва",
           "st petersburg", "петербург", "санкт-петербург", "рунет", "runet"),
    "IN": ("india", "indian", "индия", "индийский", "bengaluru", "bangalore", "mumbai", "delhi", "new delhi",
           "hyderabad", "chennai", "pune", "kolkata", "aadhaar", "бангалор", "мумбаи", "дели"),
    "EU": ("eu", "ес", "евросоюз", "европа", "европейский", "europe", "european", "еврокомиссия",
           "european commission"),
    "US": ("usa", "us", "the us", "united states", "america", "american", "сша", "америка", "американский"),
    "JP": ("japan", "japanese", "япония", "японский"),
    "BR": ("brazil", "brazilian", "бразилия", "бразильский"),
    "CN": ("china", "chinese", "китай", "китайский"),
    "CA": ("canada", "canadian", "канада", "канадский"),
    "ZA": ("south africa", "юар"),
    "KZ": ("kazakhstan", "казахстан", "казахстанский"),
    "BY": ("belarus", "беларусь", "белоруссия", "белорусский"),
    "UA": ("ukraine", "украина", "украинский"),
    "TR": ("turkey", "турция", "турецкий"),
    "AU": ("australia", "австралия", "австралийский"),
    "SG": ("singapore", "сингапур"),
    "KR": ("korea", "корея", "корейский"),
    "CH": ("switzerland", "швейцария", "швейцарский"),
    "AE": ("uae", "оаэ", "emirates"),
    "SA": ("saudi", "саудовский"),
    "IL": ("israel", "израиль"),
    # more countries with privacy laws of their own that the bot does not cover: a question about one says so
    "KE": ("kenya", "kenyan", "кения", "кенийский"),
    "NG": ("nigeria", "nigerian", "нигерия", "нигерийский"),
    "VN": ("vietnam", "vietnamese", "вьетнам", "вьетнамский"),
    "ID": ("indonesia", "indonesian", "индонезия", "индонезийский"),
    "MY": ("malaysia", "malaysian", "малайзия"),
    "TH": ("thailand", "thai", "таиланд", "тайский"),
    "PH": ("philippines", "philippine", "филиппины"),
    "NZ": ("new zealand", "новый зеландия"),
    "AR": ("argentina", "argentinian", "argentine", "аргентина", "аргентинский"),
    "MX": ("mexico", "mexican", "мексика", "мексиканский"),
    "CL": ("chile", "chilean", "чили"),
    "CO": ("colombia", "colombian", "колумбия"),
    "PE": ("peru", "peruvian"),   # (not «перу», a form of «перо»)
    "EG": ("egypt", "egyptian", "египет"),
    "QA": ("qatar", "катар"),
    "PK": ("pakistan", "pakistani", "пакистан"),
    "BD": ("bangladesh", "бангладеш"),
    "HK": ("hong kong", "гонконг"),
    "TW": ("taiwan", "taiwanese", "тайвань"),
    "UZ": ("uzbekistan", "узбекистан", "узбекский"),
    "KG": ("kyrgyzstan", "киргизия", "кыргызстан"),
    "AM": ("armenia", "armenian", "армения", "армянский"),
    "GE": ("georgia", "грузия", "грузинский"),
    "AZ": ("azerbaijan", "азербайджан"),
    "MD": ("moldova", "молдова", "молдавия"),
    "RS": ("serbia", "serbian", "сербия"),
}
# Countries whose own privacy law the bot covers (the GDPR countries come from bot/kb/countries.py).
COVERED_COUNTRIES = {"RU", "IN", "EU"}

# ------------------------------------------------------------------------------------------ who and whom
OFFENDER_KINDS: dict[str, tuple[str, ...]] = {
    "legal": ("ооо", "оао", "зао", "пао", "ао", "юрлицо", "юридический лицо", "юридический", "компания",
              "организация", "фирма",
              "банк", "bank", "предприятие", "llc", "ltd", "inc", "company", "corporation", "business", "firm",
              "legal entity", "organisation", "organization", "employer", "работодатель"),
    "sole_trader": ("ип", "индивидуальный предприниматель", "sole trader", "sole proprietor"),
    "official": ("должностной лицо", "должностной", "директор", "гендиректор", "руководитель", "official", "officer",
                 "director", "ceo"),
    "citizen": ("гражданин", "гражданка", "физлицо", "физический лицо", "частный лицо", "individual", "citizen",
                "private person", "private individual", "физик"),
}
SUBJECT_NOUNS = ("клиент", "пользователь", "человек", "люди", "субъект", "абонент", "пациент", "сотрудник",
                 "покупатель", "customer", "user", "people", "person", "subscriber", "patient", "employee", "client",
                 "member", "student", "студент", "житель", "resident", "гражданин", "физлицо", "individual",
                 "citizen", "вкладчик", "заёмщик", "заемщик", "ученик", "подписчик", "guest", "гость", "passenger",
                 "пассажир", "consumer", "потребитель", "visitor", "посетитель")
IDENTIFIER_NOUNS = ("запись", "строка", "идентификатор", "record", "row", "identifier", "id", "аккаунт", "account",
                    "учётка", "учетка", "email", "e-mail", "телефон", "номер", "phone", "логин", "login", "пароль",
                    "password", "адрес", "address", "card", "карта")
# Words that put the next offender word in the offender's role: "штраф для физлица", "as an individual".
OFFENDER_ROLE_MARKERS = ("для", "for", "as", "на", "я", "i", "m", "am", "im", "мне")
# A country named as where a person is from or goes («я из Узбекистана», "came back from Turkey", "moving to
# Germany", «гражданин Узбекистана») is not the law asked about (bot/understanding/roles.py `travellers`): the
# people (the asker, those near, foreigners) and the ways of going somewhere.
PEOPLE_WORDS = ("я", "мы", "он", "она", "они", "i", "im", "we", "he", "she", "they", "me", "my", "our", "друг",
                "подруга", "знакомый", "коллега", "мама", "папа", "брат", "сестра", "жена", "муж", "сын", "дочь",
                "friend", "colleague", "mom", "mum", "dad", "brother", "sister", "wife", "husband", "son", "daughter",
                "клиентка")
# A share, not a count: «сколько процентов оборота», "how many percent"
SHARE_WORDS = ("процент", "percent", "percentage", "доля", "промилле")
# Words of a duty: "are they required to tell me", «обязаны ли мне сообщить» (the asker is the person told)
DUTY_WORDS = ("required", "require", "must", "obliged", "obligated", "have to", "has to", "should", "need to",
              "обязан", "обязанный", "обязать", "должен", "должный", "нужно", "надо")
ASKER_AS_OBJECT = ("me", "мне", "меня")
# ... of whom a country is said as their nationality: «гражданин Узбекистана», "a Turkish tourist"
FOREIGNER_WORDS = ("иностранец", "иностранка", "мигрант", "турист", "рабочий", "foreigner", "migrant", "tourist",
                   "worker", "expat", "приезжий")
GOING_WORDS = ("приехать", "вернуться", "прилететь", "переехать", "уехать", "поехать", "лететь", "полететь",
               "съездить", "ехать", "поездка", "отпуск", "путешествие", "переезд", "come", "came", "back", "return",
               "returned", "home", "move", "moving", "moved", "relocate", "relocating", "travel", "travelling",
               "traveling", "fly", "flew", "flying", "arrive", "arrived", "visit", "visiting", "trip", "holiday",
               "vacation")

# ------------------------------------------------------------------------------------------ numbers and dates
MULTIPLIERS: dict[str, int] = {
    "тыс": 10**3, "тысяча": 10**3, "тыща": 10**3, "k": 10**3, "к": 10**3, "thousand": 10**3,
    "млн": 10**6, "миллион": 10**6, "million": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
    "млрд": 10**9, "миллиард": 10**9, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "lakh": 10**5, "лакх": 10**5, "crore": 10**7, "cr": 10**7, "крор": 10**7,
}
CURRENCIES: dict[str, tuple[str, ...]] = {
    "RUB": ("₽", "руб", "рубль", "rub", "rouble", "ruble", "р"),
    "EUR": ("€", "евро", "eur", "euro", "euros"),
    "USD": ("$", "доллар", "usd", "dollar", "dollars"),
    "INR": ("₹", "рупия", "rupee", "rupees", "inr", "rs"),
    "GBP": ("£", "фунт", "gbp", "pound", "pounds"),
}
CURRENCY_REGIME = {"RUB": RU, "EUR": GDPR, "INR": DPDP}
# The one month table: (nominative, genitive as in «3 августа», English, English abbreviations).
MONTHS: tuple[tuple[str, ...], ...] = (
    ("январь", "января", "january", "jan"), ("февраль", "февраля", "february", "feb"),
    ("март", "марта", "march", "mar"), ("апрель", "апреля", "april", "apr"), ("май", "мая", "may"),
    ("июнь", "июня", "june", "jun"), ("июль", "июля", "july", "jul"), ("август", "августа", "august", "aug"),
    ("сентябрь", "сентября", "september", "sep", "sept"), ("октябрь", "октября", "october", "oct"),
    ("ноябрь", "ноября", "november", "nov"), ("декабрь", "декабря", "december", "dec"),
)
DURATION_UNITS: dict[str, tuple[str, ...]] = {
    "hour": ("час", "hour", "h", "ч"), "day": ("день", "сутки", "day"), "week": ("неделя", "week"),
    "month": ("месяц", "month"), "year": ("год", "year", "лет"),
}
# Words that name a moment, for a "we discovered it …" phrase (the moment itself is read by dateparser), as people
# write them (bot/legal/deadlines.py checks dateparser's phrases against them word for word).
MOMENT_WORDS = ("вчера", "позавчера", "сегодня", "сейчас", "назад", "полчаса", "утром", "вечером", "ночью", "днём",
                "днем", "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота",
                "субботу", "воскресенье", "yesterday", "today", "now", "ago", "tonight", "morning", "this morning",
                "last night", "noon", "midnight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday")
# ... and the verbs of finding out, which say a moment is meant
DISCOVERY_WORDS = ("обнаружить", "discover", "discovered", "found", "noticed", "заметить", "выявить")


def month_forms_ru(month: tuple[str, ...]) -> tuple[str, ...]:
    """«май», «мая», «мае»: the forms a date is written with."""
    nominative, genitive = month[0], month[1]
    prepositional = nominative[:-1] + "е" if nominative[-1] in "ьй" else nominative + "е"
    return nominative, genitive, prepositional


# ------------------------------------------------------------------------------------------ fines data words
# Brands that own other brands: "fines against Meta" includes Facebook, Instagram and WhatsApp decisions.
BRAND_FAMILY = {"meta": ("meta", "facebook", "instagram", "whatsapp"), "alphabet": ("google", "youtube")}
# Words of company names that say nothing about which company it is.
GENERIC_COMPANY_WORDS = frozenset({
    "ltd", "limited", "inc", "llc", "gmbh", "ag", "sa", "spa", "srl", "s.r.l", "s.p.a", "bv", "b.v", "nv", "plc",
    "co", "ireland", "europe", "european", "platforms", "technology", "technologies", "group", "holding", "the",
    "and", "de", "la", "of", "et", "services", "international", "company", "corporation", "uk", "france", "italia",
    "bank", "banca", "banque", "banco", "insurance", "telecom", "energy", "energia", "mobile", "online", "digital",
})
COOKIE_WORDS = CONCEPTS["cookie"]
# First words of regulators' names that name no regulator ("Commissioner for Personal Data Protection").
GENERIC_AUTHORITY_WORDS = frozenset({"commissioner", "office", "authority", "agency", "data", "the", "national",
                                     "federal", "state"})
