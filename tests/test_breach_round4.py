"""Mechanisms added when the parser met real news collected blind (tests/data/breach_posts_dev3.json,
breach_posts_dev4.json): each is checked on sentences written for the test, beside a neighbour that must not change."""

from __future__ import annotations

import pytest

from bot.breaches.lemmas import sentences
from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


@pytest.mark.parametrize(("text", "count"), [
    ("Quorlo on Tuesday (Nov. 4) said hackers stole data.", 1),     # a month's abbreviation before a day
    ("Mr. Smith of Quorlo Inc. said the data was stolen.", 1),       # a title, a company's form
    ("Хакеры похитили данные. Компания подтвердила взлом.", 2),
])
def test_an_abbreviation_ends_no_sentence(text: str, count: int) -> None:
    assert len(sentences(text)) == count


@pytest.mark.parametrize(("text", "service"), [
    # an abbreviated date between the subject and its verb
    ("Quorlo on Tuesday (Nov. 4) said hackers stole the names, emails and phone numbers of 2.3 million of its "
     "customers.", "Quorlo"),
    # an apposition between the subject and its verb
    ("Brightwell Health Partners, which runs 40 clinics across Ohio, had a data breach that exposed the records of "
     "1.1 million patients, including names and dates of birth.", "Brightwell Health Partners"),
    ("On Monday it was reported that Brightwell Health Partners, which runs 40 clinics in Ohio, had a data breach "
     "affecting 1.1 million patients' names and home addresses.", "Brightwell Health Partners"),
    # a day of the week is no name
    ("Names and home addresses of 900,000 customers were left open to access for ten months. Quorlo on Thursday "
     "confirmed the breach.", "Quorlo"),
    # the object of an attack verb after the attackers is the victim, not one of them
    ("Хакеры атаковали «Кворло» и похитили данные 300 тысяч клиентов: ФИО и телефоны.", "Кворло"),
    ("Hackers targeted Quorlo and stole 2 million customer records, including emails and passwords.", "Quorlo"),
    # whose data it is, said with "belonging to"
    ("Hackers leaked data belonging to the Quorlo Group, including names and Social Security numbers of 500,000 "
     "people.", "Quorlo Group"),
    # where the data was posted is not whose it is
    ("Threat actor leaks Quorlo Insurance database on BreachForums, with 1.2 million names and email addresses.",
     "Quorlo Insurance"),
    # the software a database runs on is not whose data it holds
    ("An exposed Elasticsearch database held 2 million records of Quorlo customers, including names and emails.",
     "Quorlo"),
])
def test_the_victim_in_more_sentence_shapes(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize("text", [
    # a passive access to data is the event
    "Quorlo said personal data of its customers was illegally accessed: names and phone numbers of 40,000 people.",
    # a database dump obtained, in Russian channel style
    "Получен дамп базы данных пользователей сайта «Кворло»: 120 тыс. строк с email и телефонами.",
    # the victim of the attack named in the headline, the data it lost told below
    "Quorlo, a popular recipe site, was hacked in March.\nThe company runs twenty regional versions.\n"
    "The attack exposed 300,000 user accounts with their passwords.",
])
def test_leak_events_as_written(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is not None


@pytest.mark.parametrize("text", [
    # a company denying that data was taken from it
    "Quorlo has denied that emails linked to millions of its customers' accounts were obtained in a hack of its "
    "systems.",
    # the site could not be reached: an outage, not access to data
    "Quorlo's website could not be accessed for six hours on Monday after a DDoS attack.",
    # the day of the week alone is not named as a victim
    "On Thursday hackers said they were selling data.",
    # a newspaper saying what a report found is no victim
    "Vedomix said, citing a report by a darknet monitoring service, that 150 leaks exposed 40 million phone numbers.",
])
def test_neighbours_stay_quiet(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


@pytest.mark.parametrize(("text", "service"), [
    # a regulator told of the breach by the victim is no doubt about it
    ("Quorlo Telecom disclosed a breach that exposed the names, emails and phone numbers of 900,000 customers to "
     "the data regulator.", "Quorlo Telecom"),
    ("«Кворло» уведомила Роскомнадзор об утечке: в сеть попали ФИО и телефоны 300 тысяч клиентов.", "Кворло"),
    # a law named in the headline is no regulator
    ("UK telecom firm Quorlo faces General Data Protection Regulation scrutiny after hackers stole names and emails "
     "of 2 million of its customers.", "Quorlo"),
    # drawing attention is no topic of its own
    ("Компания «Кворло» снова привлекла к себе внимание: хакер похитил данные 29 000 сотрудников — ФИО и банковские "
     "реквизиты.", "Кворло"),
    # a capitalised last word of a company's name is its own
    ("On Monday it was reported that Brightwell Care Systems, which runs 20 hospitals, had a data breach affecting "
     "2 million patients' names and addresses.", "Brightwell Care Systems"),
])
def test_who_acts_and_who_is_named(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


def test_a_regulator_acting_still_makes_a_draft(parser: BreachParser) -> None:
    breach, why = parser.analyse("Роскомнадзор проверяет информацию об утечке данных клиентов «Кворло».")
    assert why.startswith("unsure:") and breach is not None and breach.service == "Кворло"


@pytest.mark.parametrize(("text", "service", "records"), [
    # the American spelling's stem ("unauthorized" reads "unauthor")
    ("Tidewell Dental said an unauthorized party accessed its network and may have taken the names and Social "
     "Security numbers of 80,000 patients.", "Tidewell Dental", 80_000),
    # data downloaded by the attacker
    ("File-sharing provider Drivex confirmed that a threat actor downloaded customer data, including emails and hashed "
     "passwords, of 2.1 million users.", "Drivex", 2_100_000),
    # when and where the subject spoke, before it
    ("In a filing with the Vermont attorney general, Corland Freight said hackers stole the names and passport numbers "
     "of 12,000 people.", "Corland Freight", 12_000),
    ("On Wednesday, Ashby Family Clinics said that attackers copied patient records of 64,000 people, including "
     "names and dates of birth.", "Ashby Family Clinics", 64_000),
    # buyers are counted people
    ("Hackers stole the names, emails and phone numbers of 700,000 buyers from the car dealer Velcourt.", "Velcourt",
     700_000),
])
def test_reports_in_american_news_style(parser: BreachParser, text: str, service: str, records: int) -> None:
    breach = parser.parse(text)
    assert breach is not None and (breach.service, breach.record_count) == (service, records)


def test_a_security_service_in_the_headline_makes_a_draft(parser: BreachParser) -> None:
    breach, why = parser.analyse("ФСБ: хакеры похитили данные клиентов «Кворло»")
    assert why.startswith("unsure:") and breach is not None


@pytest.mark.parametrize("text", [
    # «в руках» is read by its lemma «рука»
    "Данные 200 тысяч клиентов сети клиник «Кворло» оказались в руках мошенников: ФИО, телефоны и даты рождения.",
])
def test_russian_words_read_by_the_lemmas_the_analyser_gives(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is not None


@pytest.mark.parametrize(("text", "why"), [
    # «фишинга» is a scam warning whatever its case (its lemma is «фишинга»)
    ("Фишинг: данные 2000 клиентов «Кворло» украли через поддельный сайт", "scam"),
])
def test_russian_counter_cues_by_lemma(parser: BreachParser, text: str, why: str) -> None:
    breach, reading = parser.analyse(text)
    assert why in reading and reading != "breach"


def test_the_size_of_the_stolen_data_supports_the_leak(parser: BreachParser) -> None:
    # «300 ГБ» (the pattern held a stray control character where «\b» was meant, so no size was ever read)
    text = "Хакеры заявили о взломе сети магазинов «Кворло» и похищении 300 ГБ данных клиентов."
    assert parser.parse(text) is not None
    breach, why = parser.analyse(text.replace("300 ГБ", "всех"))
    assert why.startswith("unsure:")


@pytest.mark.parametrize(("text", "records"), [
    ("Данные 3 млн клиентов «Кворло» продают на форуме. Покупателям предлагают пробный фрагмент базы из 150 строк.",
     3_000_000),
    ("Records of 4 million Quorlo customers are for sale; the seller posted an excerpt of 500 rows as proof.",
     4_000_000),
])
def test_a_part_shown_to_buyers_is_not_the_count(text: str, records: int) -> None:
    from bot.breaches.extract import extract_counts

    assert extract_counts(text)[0] == records


@pytest.mark.parametrize("text", [
    "Похищены данные 2 млн кредитных и дебетовых карт клиентов «Кворло».",
    "В базе — ФИО, телефоны и платежные реквизиты клиентов «Кворло».",
    "Хакеры похитили банковские данные 5 млн клиентов «Кворло».",
])
def test_payment_data_in_russian(text: str) -> None:
    from bot.breaches.extract import extract_data_classes

    assert "Credit cards" in extract_data_classes(text)


@pytest.mark.parametrize("text", [
    # who found the data is no statistic
    "Аналитики DLBI обнаружили в продаже базу клиентов сети магазинов «Кворло» на 3 млн строк с ФИО и телефонами.",
    # "in order to" is no regulator's order
    "Hackers breached Quorlo in order to steal 2 million customer records with names and emails.",
])
def test_a_breach_headline_is_not_taken_for_off_topic(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is not None


@pytest.mark.parametrize("text", [
    "Quorlo browser will warn users when their saved passwords appear in a data leak.",
    "The regulator ordered Quorlo to pay £2 million over the breach of 300,000 customers' data.",
    "Аналитики подсчитали число утечек персональных данных за год: 1,5 млрд записей.",
])
def test_off_topic_neighbours_stay_off_topic(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None
