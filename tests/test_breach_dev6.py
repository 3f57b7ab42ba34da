"""Mechanisms added when the parser met dev6 (tests/data/breach_posts_dev6.json: real news with hard phrasings), each
checked on sentences written for the test (made-up names), beside a neighbour that must not change."""

from __future__ import annotations

import pytest

from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


@pytest.mark.parametrize(("text", "service"), [
    # from whom the data was taken, its systems unnamed
    ("A hacking group claims to have stolen more than 300 gigabytes of data from the Quorlo Records Office, "
     "including the names and home addresses of 2 million people.", "Quorlo Records Office"),
    ("Hackers exfiltrated the files of 400,000 customers from Quorlo, including names, emails and phone numbers.",
     "Quorlo"),
    # whose systems held it: the one before "by" owns them, it did not attack them (a long public body's name whole)
    ("The names, addresses and bank account numbers of over a million citizens were leaked on a website managed by "
     "the Quorlo Directorate of Social Security.", "Quorlo Directorate of Social Security"),
    ("The names and phone numbers of 200,000 patients were exposed on a portal run by Quorlo Health.",
     "Quorlo Health"),
    # a contractor or a studio is a kind of company: the Latin name after it is the victim, past a compound kind
    ("В результате кибератаки на поставщика IT-систем Quorlo в сеть попали персональные данные 1,5 млн человек: "
     "имена, адреса и телефоны.", "Quorlo"),
    ("Студия Quorlo Games, работающая над игрой Zeta, сообщила о кибератаке: похищены данные 300 тыс. "
     "пользователей, имена и адреса электронной почты.", "Quorlo Games"),
])
def test_the_victim_of_a_post_named_as_news_names_it(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize("text", [
    # whom the data was stolen by stays the attacker ("claimed by X"), not a victim
    "The names and emails of 300,000 users were stolen by Quorlo Gang, which posted them on a forum.",
    # a kind written as a compound is no name of its own
    "В результате кибератаки на поставщика ИТ-систем в сеть попали персональные данные 1,5 млн человек.",
])
def test_an_attacker_or_a_kind_is_no_victim(parser: BreachParser, text: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is None or not any(word in breach.service for word in ("Quorlo", "ИТ", "IT"))


def _counter_why(text: str) -> list[str]:
    from bot.breaches import evidence as E
    from bot.breaches.lemmas import sentences, tokens

    spans = sentences(text)
    return E.counter_of(text, tokens(text), spans[0][1], spans[min(1, len(spans) - 1)][1], has_count=False).why


@pytest.mark.parametrize(("text", "doubt"), [
    # a prosecutor or regulator reporting that a leak happened is its witness, no doubt
    ("Шведская прокуратура во вторник, 16 сентября, сообщила, что в результате кибератаки на поставщика Quorlo в сеть "
     "попали персональные данные 1,5 миллиона человек.", False),
    ("The attorney general said that hackers stole the records of 2 million Quorlo customers.", False),
    # one acting on it still doubts the news
    ("Роскомнадзор начал проверку компании Quorlo после сообщений в СМИ.", True),
    ("The ICO said it is investigating Quorlo.", True),
])
def test_a_regulator_reporting_a_leak_is_its_witness(text: str, doubt: bool) -> None:
    assert ("regulator" in _counter_why(text)) is doubt


@pytest.mark.parametrize(("text", "statistics"), [
    # a word of a name ("Star Citizen", "Citizens Bank") is not the population it spells
    ("Студия Quorlo Games, работающая над Star Citizen, сообщила о кибератаке 21 января.", False),
    ("Hackers stole data from Quorlo's Citizens Bank unit, the company said.", False),
    # the population itself, in plain or title case, still makes a statistic
    ("Данные 3 млн граждан оказались в открытом доступе за год.", True),
    ("Personal data of millions of citizens exposed online.", True),
    ("Data Of Millions Of Citizens Exposed Online In Quorlo Leak", True),
])
def test_a_population_word_in_a_name_is_no_statistic(text: str, statistics: bool) -> None:
    assert ("statistics" in _counter_why(text)) is statistics


@pytest.mark.parametrize(("text", "event"), [
    ("Лондонская клиника случайно обнародовала личные данные пациентов.", True),
    ("Сотрудник банка разгласил сведения о клиентах.", True),
    ("Компания обнародовала результаты за третий квартал.", False),
])
def test_data_made_public_is_a_leak_event(text: str, event: bool) -> None:
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import tokens

    assert L.LEAK_EVENT.any(tokens(text)) is event


@pytest.mark.parametrize(("text", "service"), [
    # a person named right after a whose-data word is who found it, no service
    ("В открытом доступе размещены 360 тыс. записей с личными данными. Их обнаружил председатель ассоциации участников "
     "рынков данных Иван Петров.", None),
    # a brand there is still the victim
    ("В открытом доступе оказались 300 тыс. записей с данными клиентов Кворло Маркет: ФИО, телефоны и адреса.",
     "Кворло Маркет"),
])
def test_a_person_after_a_whose_data_word_is_no_victim(parser: BreachParser, text: str, service: str | None) -> None:
    breach, why = parser.analyse(text)
    if service is None:
        assert why != "breach" and (breach is None or "Иван" not in breach.service)
    else:
        assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "why"), [
    # a ransom demanded for the data: who demands it holds it, as a count or a sale would show
    ("Хакеры потребовали у компании «Кворло» выкуп в размере $5 млн за удаление похищенных данных.", "breach"),
    ("Hackers demanded a $5 million ransom from Quorlo after stealing its customer data.", "breach"),
    # the same theft with nothing to support it stays a draft
    ("Хакеры похитили данные компании «Кворло».", "unsure:weak_evidence"),
    ("Hackers stole customer data from Quorlo, the company said.", "unsure:weak_evidence"),
])
def test_a_ransom_demand_supports_the_leak(parser: BreachParser, text: str, why: str) -> None:
    assert parser.analyse(text)[1] == why


@pytest.mark.parametrize(("text", "service"), [
    # a medium named after its reporting verb is the source, though a portal is otherwise a kind of victim
    ("Администрация университета Кворло сообщила, что данные 200 тыс. человек скомпрометированы в результате "
     "хакерской атаки, сообщает портал zetanews.com. Утекли ФИО, даты рождения и номера социального страхования.",
     "Университет Кворло"),
    ("Данные 50 тыс. клиентов магазина «Кворло» выставлены на продажу, пишет издание «Зета»: ФИО, телефоны, адреса.",
     "Кворло"),
])
def test_a_medium_after_its_reporting_verb_is_the_source(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "name"), [
    # cut at three words, «Have I Been» was no breach index but a rival victim for an admin
    ("Утечку обнаружил владелец агрегатора утечек Have I Been Pwned Трой Хант.", "Have I Been Pwned"),
    ("Похищены данные клиентов сети ресторанов Quorlo Burger And Grill.", "Quorlo Burger And Grill"),
])
def test_a_latin_name_of_four_words_is_read_whole(parser: BreachParser, text: str, name: str) -> None:
    from bot.breaches.lemmas import tokens

    assert name in [c.name for c in parser.victims.candidates(text, tokens(text))]


@pytest.mark.parametrize(("name", "place"), [
    ("Соединённое Королевство", True), ("Соединенное Королевство", True), ("Соединенные Штаты", True),
    ("Королевская почта", False),
])
def test_a_country_by_its_formal_name_is_a_place(name: str, place: bool) -> None:
    from bot.breaches.places import is_place

    assert is_place(name) is place


@pytest.mark.parametrize(("text", "service"), [
    # a capitalised adjective before a kind of body names one, the subject of a victim's verb
    ("Кворловский университет предупредил общественность о киберинциденте с доступом к данным студентов. "
     "Университет, один из крупнейших университетов Соединенного Королевства, объявил, что стал жертвой атаки.",
     "Кворловский университет"),
])
def test_a_named_kind_opening_a_sentence_is_its_subject(parser: BreachParser, text: str, service: str) -> None:
    breach, why = parser.analyse(text)
    assert why.startswith(("breach", "unsure")) and breach is not None and breach.service == service


@pytest.mark.parametrize(("raw", "name"), [
    ("Hong Kong-based Quorlo Airways", "Quorlo Airways"),  # a place of two words before "-based"
    ("Los Angeles-based Quorlo", "Quorlo"),
    ("2.8GB", None), ("1.5TB", None), ("3m+", None),        # a size or a number is no name
    ("Mr. Green Gaming", "Mr. Green Gaming"),
])
def test_an_english_name_is_trimmed_of_place_and_size(raw: str, name: str | None) -> None:
    from bot.breaches.cues import clean_en_name

    assert clean_en_name(raw) == name


@pytest.mark.parametrize("text", [
    "A ransomware gang claimed responsibility for the attack on the Quorlo Dental Association.",
    "The breach at the Quorlo Dental Association exposed members' data.",
])
def test_the_attack_on_the_x_names_x(text: str) -> None:
    from bot.breaches import rules
    from bot.breaches.cues import clean_en_name

    names = {clean_en_name(m.group("n")) for p in rules.EN_PATTERNS for m in p.finditer(text)}
    assert "Quorlo Dental Association" in names


@pytest.mark.parametrize(("text", "name"), [
    # who suffered, the subject after its verb; the Latin name in brackets is the one its watchers know
    ("Хакеры похитили данные пациентов. Пострадал Университетский больничный центр в Кворлограде (KBC Quorlo).",
     "KBC Quorlo"),
    ("Хакеры похитили данные клиентов. Пострадала «Кворло», сообщили в компании.", "Кворло"),
    # data that suffered is no name; a list stops at «и»
    ("Пострадали данные 5 млн клиентов.", None),
])
def test_who_suffered_is_a_candidate(parser: BreachParser, text: str, name: str | None) -> None:
    from bot.breaches.candidates import _WHO_SUFFERED

    found = [m.group("latin") or m.group("n").strip("«»") for m in _WHO_SUFFERED.finditer(text)]
    assert (name in found) if name else not found


@pytest.mark.parametrize(("text", "off_topic"), [
    # a share of a company's users in a headline telling a leak sizes the leak
    ("Злоумышленники получили доступ к именам, адресам и истории транзакций клиентов, составляющих менее 1% "
     "пользователей, сообщила Кворло.", False),
    ("Hackers accessed the names and addresses of 2% of customers, Quorlo said.", False),
    # a share alone, or over a period, is a statistic
    ("40% пользователей используют один пароль для всех сайтов.", True),
    ("За год утечки затронули 20% пользователей рунета.", True),
])
def test_a_share_of_users_in_a_leak_headline_is_its_size(parser: BreachParser, text: str, off_topic: bool) -> None:
    assert (parser.analyse(text)[1] == "off_topic") is off_topic


@pytest.mark.parametrize(("text", "service"), [
    # the name of what was just described is a candidate; a network the news travelled through is the medium
    ("В свободном доступе появилась база данных, известной как Quorlo-Check. В ней 2,2 млн записей о людях. "
     "Об утечке исследователь рассказал через социальную сеть Zetabook.", "Quorlo-Check"),
    ("Хакеры выложили базу сервиса под названием «Кворло»: 300 тыс. записей с ФИО и телефонами.", "Кворло"),
])
def test_a_name_given_as_known_as_and_a_medium_via(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "service"), [
    # names given as examples of whom the victim works with are mentioned in passing
    ("35 million user accounts were impacted when card data was hacked from a Quorlo server. A payments startup, "
     "Quorlo partners with the likes of Amazon, Zetamart and Yatra.", "Quorlo"),
    ("Хакеры выложили базу сервиса «Кворло»: 300 тыс. записей с ФИО и телефонами. Среди клиентов сервиса — "
     "«Яндекс» и «Зетамарт».", "Кворло"),
])
def test_names_given_as_examples_are_in_passing(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


def test_a_number_in_the_victims_name_counts_nothing(parser: BreachParser) -> None:
    text = ("Лондонская клиника случайно обнародовала личные данные пациентов. Список с адресами электронной почты "
            "оказался прикреплен к ньюслеттеру, рассылаемому клиникой 56 Quorlo Street своим пациентам. Всего "
            "пострадавшими оказались 780 человек.")
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == "56 Quorlo Street" and breach.record_count == 780
