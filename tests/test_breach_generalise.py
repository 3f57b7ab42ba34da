"""Mechanisms added when the parser met a second set of real news (tests/data/breach_posts_dev2.json): each is
checked here on sentences written for the test, not on the dev texts."""

from __future__ import annotations

import pytest

from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


@pytest.mark.parametrize(("text", "service"), [
    # a Latin brand after a Russian whose-data or type noun, past lowercase words
    ("Утечка данных 2 млн клиентов сети детских клиник Doctorix: ФИО и телефоны выложены на форуме.", "Doctorix"),
    # where the leak happened, named with an abbreviation
    ("В Верхнекамской ЦРБ произошла утечка: 40 тыс. записей о пациентах с ФИО и телефонами.", "Верхнекамская ЦРБ"),
    # a numeric name after "known as"
    ("In 2014, the Chinese forum known as 3366 suffered a data breach that exposed 1.2M email addresses and "
     "passwords.", "3366"),
    # a number's tail is not part of the name
    ("Hackers have stolen the personal data of 40,000 Zentrix customers, including names and email addresses.",
     "Zentrix"),
    # a name before its type, in English word order
    ("A hacker offers for sale 2 million phone numbers taken from the Quorlo application servers. The Quorlo "
     "members' contacts are included.", "Quorlo"),
    # a language word before a name is not part of it
    ("In 2017, the now defunct Brazilian service for retrieving subtitles in Portuguese Legendix suffered a data "
     "breach that exposed nearly 4M customer records, including names and email addresses.", "Legendix"),
    # "in British Columbia" is where the victim is, and a name does not begin inside a capitalised phrase
    ("In January 2023, Pitt Meadows Academy 7 in British Columbia suffered a data breach. The incident exposed the "
     "names and email addresses of approximately 19k students.", "Pitt Meadows Academy 7"),
    # a quoted phrase right after a name is that name's other name, and the victim keeps its own name
    ('In June 2020, Pony Valley "The Secret Land of Ponies" suffered a data breach. The incident exposed 28k unique '
     "email addresses along with names and plain text passwords.", "Pony Valley"),
    # whose statement opens the leak sentence
    ("Dell says data of 49 million current and former customers was leaked on the dark web.", "Dell"),
    # a name before its people's records, in the singular
    ("Hacker leaks 10 million Quorlo customer records on a forum, with names, emails and phone numbers.", "Quorlo"),
    # "of Quorlo" continues the name "University of Quorlo"
    ("The University of Quorlo is investigating a data breach that compromised the personal records of 650,000 "
     "students.", "University of Quorlo"),
    # whose statement reports the leak, in Russian
    ("«Кворло» сообщила, что хакерам удалось похитить персональные данные 70 млн ее клиентов.", "Кворло"),
    # a sub-brand and its parent in one post are one victim, the sub-brand
    ("Хакеры похитили банковские данные 77 млн клиентов сервиса PlayStation Network. Компания Sony признала, что "
     "хакеры похитили у нее данные 77 млн владельцев PlayStation Network.", "PlayStation Network"),
    # "says … was stolen": the statement names its victim
    ("In an update to a data breach that happened in March, Quorlo Digital says customer data was stolen, including "
     "names and addresses of 2 million customers.", "Quorlo Digital"),
    # the size of one dump is not a statistic
    ("В даркнете продают базу данных клиентов банка «Кворло» объемом 2,3 млн записей.", "Кворло"),
])
def test_victims_named_in_more_ways(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


def test_the_forum_data_is_posted_on_is_not_the_victim(parser: BreachParser) -> None:
    assert parser.parse("Data of 500,000 users was leaked on the Qwexo forum, the researchers said.") is None


def test_a_place_where_a_leak_happened_is_not_a_victim(parser: BreachParser) -> None:
    assert parser.parse("В Москве произошла утечка: 40 тыс. записей с ФИО и телефонами.") is None


def test_a_victim_only_the_name_recogniser_found_is_a_draft_not_an_alert(parser: BreachParser) -> None:
    text = ("Хакеры выложили в открытый доступ 200 тыс. записей с ФИО, телефонами и адресами. Источником утечки "
            "назвали Уральский трубный завод.")
    breach, why = parser.analyse(text)
    assert why == "unsure:ner_victim" and breach is not None
    assert parser.parse(text) is None


def test_one_service_and_others_is_a_draft(parser: BreachParser) -> None:
    breach, why = parser.analyse("Хакеры выложили данные клиентов «Самоката» и других сервисов доставки: 3 млн строк "
                                 "с телефонами.")
    assert why == "unsure:two_victims" and breach is not None


@pytest.mark.parametrize("text", [
    "A corpus of 20M records with names and emails was misattributed to the retailer Acme and circulated on a "
    "hacking forum.",
    "The seller claimed 5M rows came from the bank Bexley; that claim was rejected by the company after review.",
    "No organisation has confirmed the breaches: the group posted claims against three retailers on its leak site.",
])
def test_misattributed_data_and_unconfirmed_group_claims_alert_nobody(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


def test_a_confirmation_of_a_leak_of_millions_is_sure(parser: BreachParser) -> None:
    breach, why = parser.analyse("Онлайн-кинотеатр «Кинопрокат» подтвердил факт утечки данных миллионов "
                                 "пользователей: в базе адреса почты и телефоны.")
    assert why == "breach" and breach is not None and breach.service == "Кинопрокат"


@pytest.mark.parametrize("text", [
    "«Самокат»: информация о продаже базы 2 млн клиентов не соответствует действительности.",
    "В «Самокате» заявили, что утечки не было: база 2 млн строк с телефонами собрана из старых источников.",
    "Zentrix said it found no evidence of a breach of its systems after 3M records with emails appeared online.",
    "Утечки данных в России выросли вдвое: за полугодие в сеть попало 500 млн строк.",
    "Мошенники звонят клиентам «Самоката» и используют утекшие базы с телефонами: 2 млн номеров.",
    "Памятка: что делать, если данные 2 млн клиентов вашего банка оказались в открытом доступе.",
])
def test_denials_trends_scam_warnings_and_guides_alert_nobody(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


def test_a_misattribution_points_away_from_the_name_after_it(parser: BreachParser) -> None:
    text = ("In 2019, the costume store Spookhaus suffered a data breach. Originally misattributed to the retailer "
            "Partyland, the breach contained 40k unique email addresses alongside names and phone numbers.")
    breach = parser.parse(text)
    assert breach is not None and breach.service == "Spookhaus"


@pytest.mark.parametrize("text", [
    "База из 5 млн паролей к почте Gmail — компиляция старых утечек, собранная из множества источников.",
    "Stealer logs with 20M Gmail and Outlook credentials were posted to a Telegram channel.",
    "«Самокат» оштрафовали: суд назначил 100 тыс. рублей за утечку данных 2 млн клиентов.",
])
def test_compilations_and_fines_alert_nobody(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


@pytest.mark.parametrize("text", [
    "на форуме торгуют базой клиентов", "в канале бесплатно раздают базу", "the data was shared on a forum",
    "the seller offered the database for 2 BTC", "the files were posted to a Telegram channel",
])
def test_more_ways_to_say_data_left_its_owner(text: str) -> None:
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import tokens

    assert L.LEAK_EVENT.any(tokens(text))


@pytest.mark.parametrize("text", [
    # a share is statistics, whatever example follows
    "Эксперты: каждая третья утечка в России происходит через подрядчиков. Так, данные 500 тыс. клиентов «Ленты» "
    "утекли через подрядчика.",
    "One in three retailers leaked customer data last year; at Zentrix, 2 million records were exposed.",
    # an old leak on sale again is not a new one
    "В сети снова продают базу клиентов Delivery Club, утекшую в 2022 году: 2,5 млн записей с телефонами и адресами.",
])
def test_shares_and_resold_old_leaks_are_not_new_breaches(parser: BreachParser, text: str) -> None:
    assert parser.analyse(text)[0] is None


@pytest.mark.parametrize(("text", "count"), [
    ("data of 49 million current and former customers", 49_000_000),
    ("данные 2 млн бывших и нынешних клиентов", 2_000_000),
])
def test_a_count_reaches_its_noun_past_joined_adjectives(text: str, count: int) -> None:
    from bot.breaches.extract import extract_counts

    assert extract_counts(text)[0] == count


def test_data_left_on_an_unprotected_server_is_a_leak(parser: BreachParser) -> None:
    breach = parser.parse("Исследователь обнаружил незащищенный сервер Elasticsearch с данными 4 млн клиентов брокера "
                          "«Кворло».")
    assert breach is not None and breach.service == "Кворло" and breach.record_count == 4_000_000


@pytest.mark.parametrize("text", [
    "Zentrix says its systems were not breached after hackers claimed to sell 1 million customer records.",
    "В «Кворло» заявили, что системы компании не были взломаны, а продаваемая база на 2 млн строк — старая.",
    "Опубликованы данные 3 млн пользователей сервиса «Кворло». «Пользователям сервиса ничего не угрожает: данные "
    "связаны с утечкой стороннего ресурса», — заявили в компании.",
])
def test_a_company_saying_it_was_not_breached_is_a_denial(parser: BreachParser, text: str) -> None:
    assert parser.analyse(text) == (None, "denial")


def test_a_public_body_is_named_by_its_kind_and_place(parser: BreachParser) -> None:
    breach = parser.parse("Хакеры взломали базу данных полиции Кворлограда и выставили на продажу сведения о 2 млн "
                          "жителей: имена, адреса и телефоны.")
    assert breach is not None and breach.service == "Полиция Кворлограда"


@pytest.mark.parametrize(("text", "count"), [
    ("сведения о миллиарде жителей", 1_000_000_000),
    ("phone numbers of half a billion users", 500_000_000),
    ("данные почти полмиллиона пользователей; база из 450 тысяч аккаунтов", 450_000),  # digits beat round words
    ("half a billion users; a seller claims a database of 487 million users", 487_000_000),
    ("миллионы клиентов", None),  # a plural is vague, not one million
    # the exact figure beats the headline's round one of the same size
    ("Ransomware crooks steal 3m+ patients' records. Letters went to 3,300,638 patients.", 3_300_638),
    # a seller's sample is not the leak's size
    ("В базе данные более 1,2 млн клиентов, уверяет продавец. Пробник базы, содержащий около 800 записей, включает "
     "ФИО.", 1_200_000),
])
def test_numbers_in_words_are_round_figures(text: str, count: int | None) -> None:
    from bot.breaches.extract import extract_counts

    assert extract_counts(text)[0] == count


@pytest.mark.parametrize(("text", "data_class"), [
    ("В даркнете выложены данные о пациентах районной больницы.", "Personal health data"),
    ("Hackers leaked patients' data of the Quorlo clinic.", "Personal health data"),
    ("В базе ФИО, телефоны и сведения о работе заёмщиков.", "Employers"),
    ("Хакеры похитили фотографии и адреса детей.", "Photos"),
    ("Скомпрометированы номера социального страхования 6 тыс. студентов.", "Social security numbers"),
    ("База содержала имя пользователя, email, тип устройства и IP-адрес.", "Device information"),
    ("The logs held the device IDs and user agents of every visitor.", "Device information"),
    ("Exposed: Account Names, Twitter nicknames and photo URLs.", "Usernames"),
    ("The data held username, first and last name, bcrypt hash, email address and zip code.", "Passwords"),
    ("The data held username, first and last name, bcrypt hash, email address and zip code.", "Physical addresses"),
    ("It includes names, addresses and contact numbers.", "Phone numbers"),
    ("Записи включали имена, адреса электронной почты и сведения о платежах.", "Credit cards"),
    ("На дисках хранились данные о заработной плате и премиях 29 000 сотрудников.", "Income levels"),
    ("The stolen files include employees' names and salaries.", "Income levels"),
    ("Hackers took the payroll data of 500 employees.", "Income levels"),
    ("Leaked: names and SSNs of 500 employees.", "Social security numbers"),
    ("Leaked: names and bank details of 500 customers.", "Bank account numbers"),
])
def test_data_classes_by_lemma(text: str, data_class: str) -> None:
    from bot.breaches.extract import extract_data_classes

    assert data_class in extract_data_classes(text)


@pytest.mark.parametrize(("text", "data_class"), [
    # a lowercase word after a capitalised one is part of a name: «Королевская почта» is no mailbox
    ("Королевская почта Великобритании подверглась атаке хакеров.", "Email addresses"),
    ("Новая почта сообщила о сбое.", "Email addresses"),
    # a database protected by a password leaks no password; account names are no people's names
    ("В базе, которая не была защищена паролем, были имена и адреса электронной почты.", "Passwords"),
    ("The server was not password protected; it held names and emails.", "Passwords"),
    ("Exposed: Account Names, Twitter nicknames and photo URLs.", "Names"),
    ("Exposed: employer names and job titles.", "Names"),
])
def test_a_name_is_no_data_class(text: str, data_class: str) -> None:
    from bot.breaches.extract import extract_data_classes

    assert data_class not in extract_data_classes(text)


def test_a_name_said_short_is_the_name_said_before(parser: BreachParser) -> None:
    # "Virgin Media … Virgin confirmed": the short form is the longer name, not a second service (HIBP's Virgin)
    breach, why = parser.analyse("Virgin Media disclosed a recent breach that affected approximately 900,000 "
                                 "customers.\nVirgin on Thursday confirmed the breach in a press release. A marketing "
                                 "database with customer names, emails and phone numbers was left open.")
    assert why == "breach" and breach is not None and breach.service == "Virgin Media"


def test_a_country_by_its_short_name_is_a_place_not_a_victim(parser: BreachParser) -> None:
    breach, _why = parser.analyse("В США произошла утечка персональных данных с 40 млн кредитных карт. Об этом "
                                  "сообщила торговая компания Target.")
    assert breach is not None and breach.service == "Target"


@pytest.mark.parametrize("text", [
    "Персональные данные клиентов МФО выставили на продажу: более 1,2 млн записей с ФИО и телефонами.",  # a kind
    "Ransomware crooks steal 3m+ patients' medical records, personal info",  # a number
])
def test_a_kind_of_company_or_a_number_is_no_victim(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


@pytest.mark.parametrize(("text", "service"), [
    # an apposition that gives the subject's kind makes the one who reports the breach its victim
    ("Quorlo Health, a chain of hospitals, reported a data breach that compromised the records of nearly 900,000 "
     "patients.", "Quorlo Health"),
    ("Quorlo Health, a chain of hospitals in Ohio, disclosed a data breach that compromised the records of 900,000 "
     "patients.", "Quorlo Health"),
    # (the kind is read from all the apposition, up to the verb: ", a UK retailer, said")
    ("Quorlo, a UK retailer, said hackers accessed the personal data of 1.2 million customers, including names and "
     "addresses.", "Quorlo"),
    # a newspaper in the apposition reports the news, it does not suffer it
    ("The Quorlo Times, a local newspaper, reported a data breach that compromised the records of 900,000 patients.",
     None),
])
def test_a_typed_apposition_makes_the_reporter_the_victim(parser: BreachParser, text: str,
                                                          service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service


def test_two_sub_brands_of_one_parent_are_no_rival_victims(parser: BreachParser) -> None:
    # two chains of one company named together: the first sub-brand is the victim, not a doubt between two services
    breach, why = parser.analyse("В открытом доступе оказалась база данных клиентов программы лояльности сетей "
                                 "«К-Руока» и «К-Раута» финской Kesko: более 970 тыс. строк с ФИО и телефонами.")
    assert why == "breach" and breach is not None and breach.service == "К-Руока"


@pytest.mark.parametrize(("text", "why", "service"), [
    # the company between a person's title and the person's name is whose expert speaks
    ("В открытом доступе оказалась база клиентов сети «Кворло», рассказал основатель компании Зетасек Ашот "
     "Оганесян. База содержит более 970 тыс. строк с ФИО и телефонами.", "breach", "Кворло"),
    # (and a victim before a comma qualifies no type noun of the next clause: «…«Кворло», рассказал … компании X»)
    ("В открытом доступе оказалась база клиентов сети «Кворло», рассказал основатель компании Zetasec Ашот "
     "Оганесян. База содержит более 970 тыс. строк с ФИО и телефонами.", "breach", "Кворло"),
    # the neighbour: without the person's name the same words name a second candidate victim
    ("В открытом доступе оказалась база клиентов сети «Кворло», рассказали в компании Зетасек. База содержит более "
     "970 тыс. строк с ФИО и телефонами.", "unsure:two_victims", "Кворло"),
])
def test_the_company_of_a_quoted_expert_is_no_victim(parser: BreachParser, text: str, why: str, service: str) -> None:
    breach, got = parser.analyse(text)
    assert got == why and breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "service"), [
    # a brand in Latin right before the victim's verb, wherever a Russian sentence begins
    ("В июне Quorlo объявила о кибератаке, в результате которой злоумышленники получили доступ к данным миллионов "
     "клиентов. Компания начала уведомлять около 22,65 млн человек, чьи данные оказались похищены.", "Quorlo"),
    # data harmed by an attack is the event: «пострадали данные»
    ("Российские хакеры атаковали австралийскую страховую компанию Quorlo. Из-за действий преступников пострадали "
     "данные около 10 миллионов клиентов, их имена и телефоны.", "Quorlo"),
    # a name before its leak: "the Quorlo data leak"; a comma closes the phrase of who says so
    ("According to market experts, Quorlo data leak is the biggest loot in the country. A global security company "
     "reported that fraudsters had leaked the information of over 20 million user accounts in the cybercrime market.",
     "Quorlo"),
    # the neighbours: the source itself, and a brand in Latin that is not the verb's subject
    ("According to market expert Quorlo, fraudsters leaked the information of over 20 million user accounts in the "
     "cybercrime market.", None),
    ("В июне эксперты объявили о кибератаке на Quorlo Labs.", None),
])
def test_victims_as_real_news_name_them(parser: BreachParser, text: str, service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service



def test_a_breach_search_service_is_no_candidate_victim(parser: BreachParser) -> None:
    # "LeakedSource.com has the full dataset": a service that indexes leaks is where the data was found
    from bot.breaches.lemmas import tokens

    text = "LeakedSource.com shows 1,503,707 accounts from quorlo.net in its database."
    domains = {c.domain for c in parser.victims.candidates(text, tokens(text))}
    assert "quorlo.net" in domains and "leakedsource.com" not in domains




@pytest.mark.parametrize(("text", "victim"), [
    # a cybersecurity firm reports the leak; a breach search service named by its name indexes it
    ("Cybersecurity firm Zetasec Advisory calculates that card data of Quorlo customers was stolen.", "quorlo"),
    ("Investigation site \"Have I Been Pwned\" reported a data breach of Quorlo customers.", "quorlo"),
    ("Аналитики ИБ-компании Zetasec обнаружили в продаже базу клиентов сервиса Quorlo.", "quorlo"),
    # the neighbour: a home security firm is a company like any other
    ("Home security firm Zetasec confirmed a data breach of its customers.", "zetasec"),
    # and a cybersecurity firm that says it was breached is the victim
    ("Cybersecurity firm Zetasec suffered a data breach that exposed the data of its customers.", "zetasec"),
])
def test_security_firms_and_breach_indexes_report_leaks(parser: BreachParser, text: str, victim: str) -> None:
    from bot.breaches import evidence
    from bot.breaches.lemmas import sentences, tokens

    toks, spans = tokens(text), sentences(text)
    victims = parser.victims
    choice = victims._choose(text, toks, spans, set(evidence.sentence_events(toks, spans)),
                             victims.candidates(text, toks))
    assert choice.reason == "victim" and choice.key == victim


@pytest.mark.parametrize(("text", "service"), [
    # a legal form is no part of the name people watch
    ("Quorlo Inc. disclosed that hackers stole the data of 2 million customers.", "Quorlo"),
    ("Quorlo LLC notified 25,000 people that their names and Social Security numbers were exposed.", "Quorlo"),
    # «Компания X» opens a Russian subject without being its name; «Университет штата X» is a name
    ("Компания Кворло допустила утечку персональных данных 2 млн клиентов.", "Кворло"),
    ("Университет штата Кворло официально сообщил о крупной утечке данных 6 тыс. студентов.",
     "Университет штата Кворло"),
])
def test_the_name_without_its_legal_form_or_kind(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "service"), [
    # from whom («похитили у „X“»), whose orders and documents
    ("Хакеры из группировки Zeta похитили у «Кворло» 5 ТБ данных, включая паспортные данные 300 тыс. клиентов.",
     "Кворло"),
    ("Данные более 1 млн заказов «Кворло» с адресами и телефонами клиентов обнаружены в открытом доступе.", "Кворло"),
    ("Хакеры слили 10 ГБ внутренних документов «Кворло», включая договоры и данные сотрудников.", "Кворло"),
    # a base spreading in Telegram is a leak
    ("В Telegram распространяется база, предположительно принадлежащая «Кворло»: 900 тыс. строк.", "Кворло"),
    # the name opening a headline «X: …» (a brand, or a directory name), not a rubric («Важно:», "Breaking:")
    ("Кворло: утечка данных 180 тыс. клиентов произошла из-за подрядчика.", "Кворло"),
    ("Quorlo Bank: hackers stole the data of 180,000 customers", "Quorlo Bank"),
    ("Сбербанк: хакеры похитили данные 180 тыс. клиентов", "Сбер"),
    ("Важно: хакеры похитили данные 180 тыс. клиентов", None),
    ("Эксклюзив: хакеры похитили данные 180 тыс. клиентов", None),
    ("Breaking: hackers stole the data of 180,000 customers", None),
    ("Россия: хакеры похитили данные 180 тыс. клиентов", None),
    # the company as the subject of the leak verb: «„X“ слил данные», «„X“ допустил утечку»
    ("«Кворло» слил данные 2,3 млн клиентов", "Кворло"),
])
def test_russian_news_names_its_victim(parser: BreachParser, text: str, service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service


@pytest.mark.parametrize(("text", "service"), [
    # whose systems were entered; a name ends at its possessive
    ("Hackers accessed Quorlo's network and stole files containing the data of 120,000 customers.", "Quorlo"),
    ("Hackers breached Quorlo's IT systems and stole the data of 120,000 customers.", "Quorlo"),
    # (a brand with its own possessive stays whole)
    ("A threat actor is selling 13TB of data stolen from Quorlo's India, including 180 million order records with "
     "customers' names and phone numbers.", "Quorlo's India"),
    # a company that is notifying its customers reports its own breach
    ("Quorlo is notifying 35,000 customers that their payment card details were stolen by malware on its checkout "
     "page.", "Quorlo"),
    # a name before its type with a word between ("the Quorlo city council")
    ("Hackers have published data stolen from the Quorlo city council, including the names and addresses of 20,000 "
     "residents.", "Quorlo"),
])
def test_english_news_names_its_victim(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "service"), [
    # «слив „X“»: whose leak
    ("Слив «Кворло»: опубликованы данные 500 тыс. пользователей.", "Кворло"),
    # one word opening the sentence is its subject when it is a brand (a word the dictionary does not know)
    ("Кворло признала, что хакеры получили доступ к данным 80 тыс. клиентов.", "Кворло"),
    ("Москва сообщила, что хакеры получили доступ к данным 80 тыс. клиентов.", None),
    ("Эксперты сообщили, что хакеры получили доступ к данным 80 тыс. клиентов.", None),
    # a name inside a longer one found at the same place is that name
    ("Персональные данные около 100 тыс. студентов университета Кворло оказались в свободном доступе.",
     "Университет Кворло"),
])
def test_russian_subjects_and_names_inside_names(parser: BreachParser, text: str, service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service



@pytest.mark.parametrize(("text", "service"), [
    # the one that says it has been the victim is the victim, whatever clients the headline names
    ("British Airways, BBC and Boots staff hit in major payroll cyber attack\nTens of thousands of staff at British "
     "Airways, BBC and Boots may have had their details stolen. Quorlo, which provides payroll support services to "
     "hundreds of companies across the UK, confirmed that it has been the victim of a data breach.", "Quorlo"),
    # the neighbour: the provider named without saying so is not preferred over the headline's airline
    ("British Airways staff hit in major payroll cyber attack\nTens of thousands of British Airways staff may have "
     "had their names and addresses stolen.", "British Airways"),
])
def test_who_declares_itself_the_victim(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "why", "service"), [
    # many companies' customers in the headline, one company whose databases were breached: that one is the victim
    ("Personal information on customers of Zetabank, Omnia Retail, Vexo Stores and other major companies was stolen "
     "by hackers.\nMillions of customer names and email addresses were accessed by hackers who breached the "
     "databases of Quorlo, an online marketing unit of Zeta Holdings.", "breach", "Quorlo"),
    # data stolen from a company's cloud is that company's breach, whose clients' employees the data are
    ("After a ransomware attack, cybercriminals stole the data of 6,600 employees of Zetaco from the Quorlo private "
     "cloud.", "breach", "Quorlo"),
    # the neighbour: many companies and nobody's systems named is a draft for an admin
    ("Personal information on customers of Zetabank, Omnia Retail, Vexo Stores and other major companies was stolen "
     "by hackers.\nMillions of customer names and email addresses were accessed.", "unsure:two_victims", None),
])
def test_the_owner_of_the_breached_systems_among_many_clients(parser: BreachParser, text: str, why: str,
                                                              service: str | None) -> None:
    breach, got = parser.analyse(text)
    assert got == why and (service is None or breach.service == service)


@pytest.mark.parametrize(("text", "service"), [
    # who reports that another was breached is no victim; a database left open is named by its owner, not its software
    ("The Record reported that Quorlo suffered a breach exposing 500,000 customers.", "Quorlo"),
    ("Security researcher Jeremiah Fowler discovered an unprotected Quorlo database containing 2.7 million records.",
     "Quorlo"),
    ("In August 2016, the publisher known as Quorlo had 17.5GB of data obtained from an unprotected Mongo DB "
     "instance, including 845k unique email addresses.", "Quorlo"),
    # data loaded into Have I Been Pwned is a leak
    ("Troy Hunt added 4.2 million Quorlo accounts to Have I Been Pwned.", "Quorlo"),
    # a leak intelligence service («сервис разведки утечек DLBI») reports leaks
    ("Сервис разведки DLBI сообщил: в сеть попали данные 300 тыс. пользователей «Кворло», ФИО и телефоны.",
     "Кворло"),
])
def test_reporters_and_software_are_no_victims(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service
