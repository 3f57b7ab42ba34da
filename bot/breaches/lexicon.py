"""The breach vocabulary by lemma, Russian and English side by side, read off real breach news.

Phrases are lemmas separated by spaces; ``a|b`` are alternatives for one word, a trailing ``*`` matches a lemma
by prefix, and ``~`` lets up to three other words stand between two parts (the matching is ``phrases.py``).

This is the one vocabulary of the post parser, with ``lexicon_classes.py`` (its data classes: what leaked):
rules.py keeps only the shapes of names (quotes, domains, English capitalised phrases), extract.py the number
patterns.
"""

from __future__ import annotations

from bot.breaches.phrases import PhraseSet, has_any, lemma_set  # noqa: F401 - the lexicon's API (L.PhraseSet)
from bot.understanding.vocabulary import MULTIPLIERS

_DATA = "база|данные|дамп|файл|архив|информация|сведение|таблица|выгрузка|запись|строка|персональный"

# A leak happened: data left its owner. Without one of these a post is not about a breach.
LEAK_EVENT = PhraseSet(
    "утечка", "утечь", "утекать", "слить", "слив", "сливать", "слитый", "выложить", "выкладывать", "выложенный",
    f"опубликовать ~ {_DATA}", f"публиковать ~ {_DATA}", f"появиться ~ {_DATA}", f"обнаружить ~ {_DATA}",
    f"{_DATA} ~ появиться", f"{_DATA} ~ опубликовать",
    "выставить ~ продажа", "выставлять ~ продажа", "продажа ~ выставить|выставлять|выставленный",
    f"продавать ~ {_DATA}", f"продажа ~ {_DATA}", "объявление ~ продажа", f"торговать ~ {_DATA}",
    # an insider: «сотрудник продал данные клиентов», «передавали данные третьим лицам»
    f"продать ~ {_DATA}", "передать|передавать ~ третий ~ лицо", f"передать|передавать ~ {_DATA} ~ третий",
    # «в Telegram распространяется база», «распространяют данные клиентов»
    f"распространять|распространяться ~ {_DATA}", f"{_DATA} ~ распространять|распространяться",
    # «данные были доступны всем в интернете» (not «сервис стал доступен в новых регионах»)
    "доступный ~ весь|интернет|любой|посторонний",
    f"раздавать ~ {_DATA}", "share ~ forum|onlin|telegram", "offer ~ sale|databas|data", "post ~ telegram|channel",
    "открытый доступ", "свободный доступ", "публичный доступ", "общий доступ",
    "попасть ~ сеть|интернет|даркнет|доступ|рука", "оказаться ~ сеть|интернет|даркнет|доступ|рука", "даркн*",
    # the other word order: «в сеть попали данные», «в открытом доступе оказались»
    "сеть|интернет|даркнет ~ попасть|утечь|оказаться|выложить|слить",
    # theft in other words: «завладели данными», «скачали базу», «хищение данных», "siphoned", "made off with"
    f"завладеть|скачать|утащить|стащить ~ {_DATA}", f"хищение|похищение ~ {_DATA}", "siphon*", "pilfer*",
    "made ~ off ~ with ~ data|record|inform|detail|databas|file|account",
    "взлом", "взломать", "похитить", "похищенный", "украсть", "украденный", "кража ~ данные",
    "скомпрометировать", "компрометация", "хакер", "хакерский", "злоумышленник", "кибератака", "киберинцидент",
    "вымогатель",
    "выгрузить", "раскрыть ~ аккаунт|данные|информация", f"{_DATA} ~ стать ~ доступный", "получить ~ доступ",
    "breach", "leak", "expos*", "hack*", "stolen", "stole", "steal", "compromis*", "dump", "for sale",
    "sale ~ forum", "publish*", "post ~ forum|onlin|web", "releas ~ data|record|databas", "unauthoris* ~ access",
    "unauthor* ~ access", "extort*", "ransomwar*", "cyber ~ attack", "cyberattack", "scrape*", "extract*",
    "attack ~ build|obtain|gain|download|harvest|enumer",
    "obtain*", "sold", "sell", "distribut*", "redistribut*", "circul*", "collat*", "discov ~ onlin|expos",
    # HIBP's "a file containing 120k Quorlo accounts was discovered", "300GB of data … was discovered"
    "was|were discov",
    "unsecur*", "misconfigur*", "unprotect*",
    # «незащищённый сервер Elasticsearch с данными клиентов»: data left open is data exposed
    "незащищенный ~ сервер|база|хранилище|облако|бакет*|экземпляр", "открытый ~ сервер|хранилище|бакет*",
    "trade ~ onlin|forum", "appear ~ onlin|forum|sale",
    # "the personal details of 600,000 customers have been found online"
    "found|locat ~ onlin|internet|web|forum|darknet",
    "инцидент ~ безопасность|данные|информационный|утечка", "кибератака", "exfiltr*",
    "secur|data|cyber|cybersecur ~ incid", "access* ~ data|record|inform|account|system|databas|file",
    # the passive: "customer data was illegally accessed", "information may have been accessed"
    "was|were|been ~ access", "illeg|unlaw|improp|inappropri ~ access",
    # "a threat actor downloaded customer data", "copied patient records"
    "download|copi ~ data|custom|user|client|patient|record|databas|file|inform|detail",
    # «получен дамп базы», «дамп выложен»: a database dump is data that left its owner, as "dump" is
    "дамп", "pwned",
    # made public, by mistake or not: «клиника случайно обнародовала личные данные пациентов», «разгласил сведения»
    f"обнародовать|разгласить|разглашать ~ {_DATA}", f"разглашение ~ {_DATA}",
    # «пострадали данные 10 млн клиентов»: data harmed by an attack
    "пострадать ~ данные|информация|база", "данные|информация|база ~ пострадать",
)
# A company investigating or commenting on a leak: not a new leak unless the post has a count. (Not a company confirming
# it: "Petco confirms data breach … files accessible online" is the leak's witness, as a regulator confirming one is;
# without support it stays a draft all the same.)
STATEMENT = PhraseSet(
    "прокомментировать", "комментировать", "комментарий", "внутренний ~ расследование|проверка",
    "признать ~ утечка|взлом|инцидент|факт", "заявление", "in ~ statement", "intern ~ investig", "say ~ safe",
)
# The one named checking a claim rather than confirming it: "is looking into claims made by the X gang", "aware of
# these claims", "could not verify", «проверяет информацию об утечке». Told in the lead it makes the post a claim to
# confirm (a draft) unless someone confirms it or the post counts what leaked (``evidence.doubt_unverified``). (Not the
# attackers' own word, "hackers claim", «утверждают хакеры», "allegedly stolen": most real leak news is told so.)
UNVERIFIED = PhraseSet(
    "look ~ into ~ claim*|report*|allegat*", "investig* ~ claim*|allegat*", "review* ~ claim*|allegat*",
    "awar ~ of ~ claim*|allegat*|report*", "unconfirm*", "unverifi*", "yet ~ to ~ confirm|verifi",
    "not|unabl ~ verifi", "not ~ confirm ~ claim*|authent*|allegat*|report*",
    "проверять|проверить|изучать|изучить ~ информация|сведение|сообщение|заявление", "неподтвержденный",
    "не ~ подтвердить|подтверждать ~ информация|утечка|взлом|факт", "информация ~ не ~ подтвердиться|подтверждаться",
)
# Someone confirming the leak: "X confirmed the breach", «компания подтвердила утечку» (not after or within a negation:
# "could not confirm the breach", «утечка не подтвердилась»; ``evidence.confirmed``).
CONFIRMED = PhraseSet(
    "confirm* ~ breach*|leak*|incid*|hack*|attack*|intrus*|that|compromis*|theft|authent*",
    "acknowledg* ~ breach*|leak*|incid*|hack*|attack*|that", "admit* ~ breach*|leak*|hack*|that",
    "подтвердить|подтверждать|признать ~ утечка|взлом|инцидент|факт|кибератака|атака|информация|что|подлинность",
    "утечка|взлом|инцидент|кибератака ~ подтвердить|подтверждать|признать",  # «утечку подтвердили в банке»
)
# Saying sorry for a leak owns it: a denial below such a headline is of a detail («…извинились перед пользователями за
# массовую утечку… доступ к реквизитам кредиток Sony опровергла»).
APOLOGY = PhraseSet("извиниться", "извинение", "apolog*")
# Data surfaced somewhere: with a victim, this is evidence enough without a count.
CONCRETE = PhraseSet(
    "выложить", "выкладывать", f"опубликовать ~ {_DATA}", f"появиться ~ {_DATA}", f"{_DATA} ~ появиться",
    "выставить ~ продажа", "продажа ~ выставить|выставлять|выставленный", f"продавать ~ {_DATA}",
    f"продажа ~ {_DATA}", "открытый доступ", "свободный доступ",
    "публичный доступ", "даркн*", "darknet", "теневой ~ форум", "хакерский ~ форум", f"слить ~ {_DATA}",
    "for sale", "publish*", "post ~ forum|onlin|web", "hack ~ forum", "dark ~ web", "dump",
    "черный ~ рынок", "black ~ market", "freeli|public|made ~ avail", "leak ~ public|onlin",
    "public ~ releas|leak|post|dump", "dump ~ public", "дамп",
    # "made certain files accessible online"
    "file|data|record|databas|inform|detail ~ access ~ onlin|public|internet|anyon",
    # a ransom demanded for the data: who demands it holds it («потребовали выкуп за удаление данных», "demanded a
    # ransom")
    "потребовать|требовать ~ выкуп", f"выкуп ~ {_DATA}", "demand* ~ ransom", "ransom ~ demand*|payment",
)
# A lawsuit as it is conducted: its parties, its judge, its settlement (a headline with one of these is court news).
LEGAL_PROCEEDINGS = ("litig*", "plaintiff*", "judg*", "class ~ action", "истец", "ответчик", "судья", "исковый",
                     "мировой ~ соглашение", "коллективный ~ иск", "судебный ~ процесс|разбирательство|решение")
# The consequences of a leak: a fine, a court, a lawsuit. In the lead they make the post about an old leak.
LEGAL = PhraseSet("суд", "иск", "приговор", "оштрафовать", "штраф", "осудить", "lawsuit", "court", "class ~ action",
                  "sentenc*", "convict*", "fined", "fine", "penalti", "reprimand*", "settlement", "su ~ over|for",
                  # the police closing a market of stolen data: «ликвидировали форум», "takes down a leaked data market"
                  "dismantl*", "takedown", "take ~ down ~ market*|forum|marketplac*|site",
                  "seiz* ~ domain|forum|server", "indict*",
                  "ликвидировать|закрыть ~ форум|площадка|маркетплейс",
                  # the proceedings themselves: "In re X Data Breach Litigation", "plaintiffs' motion", "Judge X",
                  # «истец», «мировое соглашение» (a settlement of a class action is the old leak's sequel)
                  *LEGAL_PROCEEDINGS)
# Who oversees, not who leaked: a regulator acting in the lead makes a post about an inquiry or a sanction.
# (a regulator in the headline is a doubt, not a gate: «РКН проверяет утечку данных клиентов X» is a draft, and "in a
# filing with the attorney general, X said hackers stole …" is X's own report, see evidence._TOLD)
REGULATORS = lemma_set("роскомнадзор ркн регулятор комиссар прокуратура омбудсмен фстэк фсб мвд цб минцифра",
                       "regul watchdog commission commissioner ico ftc cnil dpc ombudsman attorney")
# What can leak that is no data: «утечка газа», "a water leak" (within two words of the leak word).
SUBSTANCES = lemma_set("газ газовый вода нефть нефтепродукт топливо аммиак хлор тепло теплоноситель мазут радиация "
                       "газопровод водопровод", "gas water oil fuel ammonia chlorin chemic radiat pipelin")
# What data is: with one of these in its sentence, a leak word says data left its owner.
DATA_OBJECTS = lemma_set(
    "данные база запись информация сведение дамп файл архив таблица выгрузка строка персональный аккаунт учетный "
    "пароль карта паспорт документ переписка", "data databas record inform detail account email password file "
    "credenti row card ident person document dump")
# A leak that is no news: «взлом в прошлом году», "following a hack last year", "years ago" (in the headline).
OLD_NEWS = PhraseSet("last ~ year", "year ~ ago", "прошлый ~ год", "год ~ назад", "позапрошлый ~ год")
# A people as the owner of the data: «данные трёх четвертей россиян», "of the Russian population" (a statistic).
POPULATION = lemma_set("население россиянин гражданин", "popul citizen")
# A statistic over a period: «по итогам года», «за девять месяцев», "in the first half of 2025".
PERIOD = PhraseSet("по ~ итог", "за ~ год|месяц|полугодие|квартал", "полугодие", "квартал",
                   "first|second ~ half|quarter", "six ~ month", "year-on-year", "annual", "ежегодный",
                   # a ranking or a ratio: «на пятом месте среди стран», «в 4,5 раза превысил», "ranked"
                   "место ~ среди", "раз ~ превысить|большой|маленький|вырасти", "rank*", "time ~ more|higher")
# An attack that stops a service rather than taking its data.
OUTAGE = PhraseSet("ddos", "ddos-атака", "сбой", "перестать ~ работать", "недоступный", "приостановить ~ работа",
                   "outag*", "downtim*", "offlin*", "disrupt*")
# A warning about fraudsters, not a report of a leak (not "fraudsters" alone: "a profitable target for cyber
# fraudsters", "fraudsters had leaked the information" are the thieves of a leak; a warning names the scam or phishing).
SCAM = PhraseSet("фишинг*", "мошенник", "мошеннический", "phish*", "scam*", "bewar*")
# A guide: «что делать», "how to protect", "what you need to know".
ADVICE = PhraseSet("что ~ делать", "как ~ защитить|проверить|узнать|защититься", "how ~ to", "what ~ to ~ do",
                   "совет", "памятка", "tip ~ to|for|on", "need ~ to ~ know", "что ~ известно", "что ~ нужно ~ знать",
                   # an explainer of a known leak: "how the X breach happened: a timeline", «хронология взлома»
                   "how ~ happen", "timelin*", "как ~ произойти", "хронология")
# Words that open a sentence about the one just named: «Компания подтвердила…», "It said…", «Об этом сообщила…».
ANAPHORS = lemma_set("компания она он они этот это её ее его их утечка инцидент взлом",
                     "compani it they this firm its their breach incid leak hack")
# What a compilation of leaks is, told anywhere in a post: a collection of files or of credential lists ("a large
# collection of files on MEGA", "a collection of 42 million email addresses and passwords"; not "a collection of data
# breaches", whose each is one service's), a combo list, a compilation of old or leaked data («собранных из различных
# источников в рамках утечек»). Not a data broker's own database ("aggregated from public sources", "a compiler and
# aggregator of business data"), nor how one breach began ("infostealer malware", "a credential stuffing attack"):
# those are read in the headline only (``COMPILATION``).
_COLLECTIONS = (
    "компиляция ~ утечка|база|данные|пароль", "собрать|собранный|собираться ~ из ~ источник|утечка",
    "комбо-лист", "комболист", "combo ~ list", "combolist*",
    "compil* ~ of ~ previous*|old|leak*|breach*|credenti*|stolen|exist*",
    "collect* ~ of ~ file*|list*|credenti*|combo*|password*|email*", "коллекция|сборник ~ файл|база|пароль|логин",
)
COLLECTION = PhraseSet(*_COLLECTIONS)
# A collection of old leaks, combo lists, stealer logs: no single service leaked (read in the headline only; a
# breach report may say its data was later "redistributed as part of a larger corpus").
COMPILATION = PhraseSet(
    *_COLLECTIONS, "компиляция", "множество ~ источник",
    "старый|прошлый|давний ~ утечка", "стилер*", "лог ~ стилер*",
    "compil*", "stealer", "infosteal*", "aggreg* ~ from", "multipl ~ sourc",
    "old ~ leak|breach", "credenti ~ stuff",
    # data of an old leak on sale again: «снова продают базу, утекшую в 2022 году»
    "снова|вновь|повторно ~ продавать|продать|выставить|выставлять|появиться|выложить|опубликовать|слить",
    "again ~ for ~ sale", "resold", "re-sold",
)
# What ends a "previously leaked A, B" clause: the verb of the news itself.
HISTORY_END = lemma_set("выложить опубликовать разместить выставить слить теперь сейчас", "now time releas publish")
DENIAL = PhraseSet(
    "опровергнуть", "опровергать", "отрицать", "фейк", "фейковый", "недействительный", "deni* ~ breach|leak*|hack",
    "fake ~ leak|breach|databas",
    # "that claim was rejected by the company", "the owner couldn't be identified", "the breach was fabricated":
    # data nobody can pin on one service.
    "claim ~ reject*|fals*", "couldn't|couldn ~ identifi", "fabricat*",
    # the company's own "it did not happen", in the forms it takes
    "не ~ соответствовать ~ действительность", "утечка ~ не ~ быть", "не ~ быть ~ утечка", "не ~ являться ~ источник",
    "не ~ принадлежать ~ компания|банк|сервис", "no ~ evid ~ of ~ breach|compromis|unauthor", "not ~ been ~ breach*",
    # "its systems were not breached", «системы не были взломаны» (not "payment data was not compromised": a
    # breach report says what was spared)
    "were|was ~ not ~ breach*|hack*", "не ~ быть ~ взломанный|взломать",
    # «пользователям ничего не угрожает»; «данные связаны с утечкой стороннего ресурса»: the data is someone else's
    "ничего ~ не ~ угрожать", "утечка ~ сторонний ~ ресурс|сервис|сайт|компания",
    # "does not appear to have come from our systems", "denied to be from its systems", «получены не из наших систем»
    "not ~ come|came|origin|aris ~ from ~ our|it|their|the ~ system*|network*|compani",
    "deni* ~ be ~ from ~ our|it|their", "не ~ из ~ наш|сам ~ система|база|сервер",
    # HIBP's misattributions: "the data was found to belong to a different service", "came from an unrelated site"
    "belong|originat*|came|come ~ differ|unrel ~ servic*|site|websit*|compani*|sourc*|platform",
)
# The headline's own denial of a claim: "Quorlo has denied that emails linked to its users were obtained in a hack",
# "X dismisses reports of a breach" (below the headline, "the company denied that passwords were taken" is a detail).
DENIED_CLAIM = PhraseSet("deni*|dismiss*|refut*|reject* ~ that|claim*|report*|allegat*|rumour*|rumor*",
                         # "X says ransomware gang's data leak claims are fake news"
                         "claim* ~ fake|fals*|bogus|untru*",
                         # «СДЭК: утечки персональных данных не произошло» (in the headline only: below it, «утечки
                         # платёжных данных не произошло» is what a breach report says was spared)
                         "утечка ~ не ~ произойти|зафиксировать|выявить|подтвердиться",
                         "не ~ произойти|зафиксировать|выявить ~ утечка")
# What a headline of statistics, law, courts, regulators or research says (checked on the headline only:
# a breach report may mention a fine or a law in passing).
OFF_TOPIC_HEADLINE = PhraseSet(
    # statistics and market studies
    # («базу объемом 2,3 млн записей» is the size of one dump, «объем утечек» a statistic)
    "количество|число|доля|рост|масштаб ~ утечка|инцидент|слив|запись", "объем ~ утечка|инцидент|слив|слить|слитый",
    "статистика", "исследование",
    "опрос", "подсчитать",
    # a market study, not «продают на черном рынке» (a leak's venue)
    "рынок ~ утечка|кибербезопасность|защита|вырасти|составить|объем", "объем ~ рынок",
    "емкость", "отчет", "половина|треть|четверть ~ россиянин",
    "survey ~ find|show|reveal", "studi ~ find|show|reveal", "report ~ find|show", "statist*",
    "три ~ четверть ~ россиянин|житель|пользователь|компания|человек|гражданин",
    "three ~ quarter ~ american|briton|russian|popul|peopl|user|compani|organis|organiz|consum|respond", "население",
    "populat*", "popul",
    # law, regulators, courts, fines
    "задержать", "арестовать", "arrest*",
    # a criminal case or charges in the headline (below it, «возбуждено уголовное дело» is a breach report's detail)
    "уголовный ~ дело", "crimin ~ charg*|case",
    "оштрафовать", "штраф", "законопроект", "закон", "госдума", "суд", "иск", "приговор", "осудить",
    *LEGAL_PROCEEDINGS,
    # (regulators are counter-evidence in evidence.py: «РКН подтвердил утечку данных клиентов X» is a draft)
    "обвинить", "наказание",
    "fine", "fined", "court", "lawsuit", "new ~ law", "law ~ requir|pass|come", "bill ~ pass|propos|sign",
    "regul ~ fine|investig|order", "sentenc*", "convict*", "settl*", "agre ~ pay",
    "order* ~ to ~ pay|delet|stop|destroy|improv|fix|notifi|inform",
    "расследование ~ начать", "начать ~ расследование", "полугодие", "квартал",
    "зафиксировать ~ утечка",
    # product features: a service that will warn about leaks is not a leak
    "предупреждать|предупредить ~ пользователь|клиент", "нововведение", "новый ~ функция|инструмент",
    "запустить ~ проверка|функция|сервис|инструмент", "will ~ warn|alert", "new ~ featur|tool",
    "launch ~ featur|tool", "roll ~ out",
    # guides and digests
    "как ~ проверить|защитить|узнать", "что ~ делать", "итог", "дайджест", "how ~ to", "week ~ in", "почему",
    "памятка", "совет", "рекомендация", "tip ~ to|for|on", "what ~ to ~ do", "should ~ do",
    # shares: «каждая третья утечка», "one in three companies", "every second user"
    "каждый ~ второй|третий|четвертый|пятый|десятый|сотый", "one ~ in ~ two|three|four|five|ten|twenti|hundr",
    "everi ~ second|third|fourth|fifth|tenth",
    # trends: «утечки выросли вдвое», "breaches doubled"
    "утечка|инцидент ~ вырасти|увеличиться|сократиться|снизиться|удвоиться",
    "breach|leak|incid ~ rose|risen|increas|doubl|fell|declin|drop",
    # scam warnings: fraudsters using old data, not a new leak
    "мошенник ~ звонить|рассылать|представляться|обзванивать|использовать",
    "scammer|fraudster ~ call|pose|imperson|send|use",
)
# A company blaming its own people or supplier for a leak reports the leak («Tesla обвинила двух бывших сотрудников в
# утечке данных»): no court's charge, whatever OFF_TOPIC_HEADLINE's «обвинить» says.
BLAMED_INSIDER = PhraseSet("обвинить ~ сотрудник|работник|поставщик|подрядчик|партнер",
                           "blame*|accus* ~ employe|staff|worker|supplier|contractor|vendor|partner|insid*")
# Counted things: a number before one of these is a count of records or people.
COUNT_NOUNS = lemma_set(
    "запись строка пользователь клиент покупатель аккаунт учетный абонент пациент человек заказ адрес номер "
    "телефон email e mail почта гражданин россиянин казахстанец житель студент ученик сотрудник заемщик пассажир "
    "подписчик участник профиль заявка уникальный создатель владелец автор продавец получатель ребенок "
    "родитель посетитель читатель слушатель игрок водитель арендатор карта чел",
    "record row line entri user custom account peopl individu member patient subscrib client student employe "
    "person passeng email address phone number profil uniqu applic policyhold borrow shopper guest resid "
    "creator owner seller children kid parent visitor reader player driver tenant card buyer citizen candid",
)
ROW_NOUNS = lemma_set("запись строка", "record row line entri")
# Words after a number that make it something else than a count («300 Гб», "$2 million", «60 тыс. рублей»).
NOT_COUNT = lemma_set("гб гигабайт тб мб рубль руб доллар евро процент год", "gb tb mb byte dollar usd eur euro")
# Between a number and its noun only adjectives may stand: «10 тысяч на человека» counts nothing.
COUNT_BREAK = lemma_set("на в по за из с о об для от до и а но к у", "in on per for to from by and or at with")
# Numbers in words: «двух миллионов», «полумиллиона».
NUMBER_WORDS = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
                "девять": 9, "десять": 10, "полтора": 1.5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500}
# Scale words by lemma: the vocabulary's multiplier words («тысяча», "million", "crore"; not the abbreviations
# "k", "млн", which the digit reader takes), and the halves Russian writes as one word.
SCALE_WORDS = {word: value for word, value in MULTIPLIERS.items() if len(word) > 4} | {
    "полмиллиона": 500_000, "полумиллион": 500_000}
VAGUE_COUNT = PhraseSet(
    "десяток|десятка|сотня ~ тысяча|миллион", "тысяча|миллион|миллиард ~ пользователь|клиент|абонент|запись|человек",
    "несколько ~ миллион|тысяча", "million ~ of", "thousand ~ of", "hundr ~ of", "half ~ million",
    # "a few thousand account numbers", "several million users"
    "few|sever|mani ~ thousand|million|hundr",
)
# Whose data it is: a victim name right after these (within a few words) is the breached service.
ROLE_BEFORE = lemma_set(
    "клиент пользователь покупатель пациент абонент сотрудник заказчик студент ученик пассажир заемщик "
    "подписчик участник данные база дамп файл информация сведение утечка взлом из система сервер инфраструктура "
    # «похитили у „X“», «заказов „X“», «документов „X“», «слив „X“»
    "принадлежать у заказ документ слив",
    "custom user client patient subscrib member data databas record account breach from of at system server "
    "infrastructur belong order document",
)
# Public bodies named by their kind and their place: «база данных полиции Шанхая», «пациентов больницы Казани».
INSTITUTIONS = lemma_set(
    "полиция министерство минздрав минобрнаука минобра мэрия правительство администрация департамент ведомство "
    "больница поликлиника госпиталь университет муниципалитет", "")
# Verbs whose object is the victim: «хакеры взломали „Азбуку вкуса“», "attackers breached PayAsUGym".
ATTACK_VERBS = lemma_set("взломать атаковать скомпрометировать ломать",
                         "hack breach attack compromis target access infiltr penetr")
# What a victim is: «служба доставки СДЭК», "online training company Udemy", "retailer X".
TYPE_NOUNS = lemma_set(
    "сервис компания магазин сеть служба доставка банк оператор маркетплейс платформа клиника лаборатория "
    "ритейлер ретейлер школа приложение сайт портал агрегатор провайдер организация больница мессенджер "
    "авиакомпания перевозчик аптека страховщик бренд производитель застройщик микрофинансовый мфо онлайн-школа "
    "онлайн-кинотеатр кинотеатр стриминговый соцсеть гигант холдинг девелопер программа ведомство "
    "министерство сад университет вуз колледж поставщик подрядчик студия разработчик корпорация концерн",
    "compani retail retailer firm telco servic provid platform site app chain oper bank maker marketplac "
    "insur brand giant startup websit forum store shop carrier airlin hospit provider school pharmaci isp "
    "restaur hotel univers colleg club communiti magazin newspap publish develop studio manufactur vendor "
    "clinic laboratori lab chariti organis organiz council district depart ministri librari festiv confer leagu "
    "portal aggreg messeng vpn softwar server program marketplac",
)
# Who reports, not who leaked: «в Telegram-канале „X“», «издание X», "according to X".
SOURCE_NOUNS = lemma_set(
    "канал telegram-канал телеграм-канал телеграм издание сми газета агентство эксперт аналитик исследователь "
    "ссылка пресс-служба источник специалист сми",
    "channel report research accord journalist outlet expert analyst spokesperson spokesman spokeswoman polic",
)
# The field of a firm that finds and reports leaks: "cybersecurity firm Cyble", «ИБ-компания X», «компания по
# кибербезопасности X» (not bare "security": "home security firm ADT" is a victim).
SECURITY_FIELD = lemma_set("кибербезопасность иб иб-компания разведка",
                           "cybersecur cyber-secur infosec threat intellig")
# A person's title: «основатель компании X Ашот Оганесян» is X's expert speaking (victim.py).
PERSON_TITLES = lemma_set("основатель сооснователь директор гендиректор руководитель глава эксперт аналитик "
                          "специалист", "founder cofound ceo director head chief")
# Kinds of company that publish news: in an apposition ("The Quorlo Times, a newspaper, reported a breach at X") they
# make the subject a reporter, where another kind ("X, a chain of hospitals, reported a breach") makes it the victim.
MEDIA = lemma_set("издание газета журнал агентство сми", "newspap magazin publish outlet agenc blog news media press")
# What a victim undergoes, said of it as the subject: "X suffered a breach", «X допустил утечку».
VICTIM_EVENT = PhraseSet(
    "допустить ~ утечка", "подвергнуться ~ атака|взлом|кибератака", "стать ~ жертва", "взломать",
    "скомпрометировать", "suffer*", "succumb*", "victim", "hack", "breach", "compromis*", "hit ~ by",
    "left ~ expos*|unsecur*|public*|open", "expos ~ data|record|databas|user|custom",
    "had ~ expos*|breach*|leak*|compromis*|hack*|stolen|scrape*|publish*|dump*",
    # "AT&T says data of 73 million customers was leaked": whose statement opens a leak sentence
    "say|said|confirm|admit|disclos|notifi ~ data|custom|user|client|record|person|inform",
    # «Target сообщила, что хакерам удалось похитить данные»: whose statement reports the leak
    "сообщить|признать|подтвердить|уведомить|предупредить ~ что|о ~ утечка|взлом|похитить|кража|инцидент|"
    "киберинцидент|кибератака|доступ",
    # «Aflac объявила о кибератаке», «X заявила о взломе»
    "объявить|заявить ~ о ~ утечка|взлом|кибератака|атака|инцидент",
)
# Who attacked: «хакерская группировка X», "an attacker known as X", "claimed by X".
ATTACKERS = lemma_set("хакер группировка злоумышленник вымогатель", "attack hacker group actor gang by")
# "a website managed by the X", "a portal run by X": the one before "by" owns the systems, it did not attack them.
OWNER_BY = lemma_set("", "manag run oper maintain host own held")
# «материнская компания X», "the parent company, Penton": X owns the victim.
PARENT_WORDS = lemma_set("материнский", "parent")
# Leak words that name who attacks when they qualify a noun: «хакерская группировка X», "ransomware gang X".
ATTACKER_WORDS = lemma_set("хакер хакерский вымогатель", "hacker ransomwar extort")
# "По данным DLBI, ...", "according to X": X is who counted, not who leaked.
SOURCE_LEAD = PhraseSet("по данные", "по информация", "по сведение", "по слово", "со ссылка ~ на", "accord to",
                        "cite by", "report by")
# «…, сообщает портал wthr.com», «пишет издание X»: a medium named after its reporting verb is the source, whatever
# kind of site it is (a portal is otherwise a kind of victim).
REPORTED_BY = PhraseSet("сообщать|писать|передавать|сообщить|написать ~ портал|издание|сайт|агентство|ресурс|блог|"
                        "газета|журнал|сми|телеканал", "report|write ~ portal|site|outlet|agenc|newspap|magazin|blog")
# Names given as examples of whom a company works with ("Juspay partners with the likes of Amazon, Swiggy",
# «среди клиентов компании — X и Y»): mentioned in passing, not the victim.
IN_PASSING = PhraseSet("the like of", "partner with", "client includ", "custom includ", "such as",
                       "такой как", "среди ~ клиент|партнер|заказчик")
SOURCE_AFTER = lemma_set("канал telegram-канал телеграм-канал", "channel")
# «Компания DeviceLock обнаружила в открытом доступе базу…»: who found the data, whatever it is, is not the victim.
FINDER_AFTER = lemma_set("обнаружить", "")
# «данные клиентов „Яндекс Еды“ и других сервисов», "X and other companies": a post about several services.
# "claims of data theft from three major global consumer brands", «данные клиентов нескольких банков».
_SEVERAL_RU = "два|три|четыре|пять|несколько|ряд|множество"
_SEVERAL_EN = "two|three|four|five|sever|multipl|numer"
_WHOSE_RU = "сервис|компания|магазин|источник|платформа|сайт|банк|ретейлер|бренд|организация"
_WHOSE_EN = "servic|compani|site|platform|retail|retailer|organis|organiz|brand|firm|bank"
MANY_VICTIMS = PhraseSet(f"другой ~ {_WHOSE_RU}", f"other ~ {_WHOSE_EN}", f"{_SEVERAL_RU} ~ {_WHOSE_RU}",
                         f"{_SEVERAL_EN} ~ {_WHOSE_EN}", f"{_SEVERAL_EN} ~ major|global|larg ~ {_WHOSE_EN}")
# Words after a name that make it the victim: "X's customers", «X подтвердил утечку».
ROLE_AFTER = lemma_set(
    "утечка взлом кибератака хакерский слить допустить",
    "custom user client breach hack leak suffer was disclos confirm notifi announc detect",
)
# "Источник, ранее сливавший Shiptor и GeekBrains": services named after these are history, not the news.
PREVIOUSLY = lemma_set("ранее прежде раньше также", "previous earlier also")
# "17 previously undisclosed data breaches": news, not history.
NOT_HISTORY_NEXT = lemma_set("неизвестный", "undisclos unreport unknown unseen")
NEWS_AGAIN = lemma_set("теперь сейчас", "now time")
