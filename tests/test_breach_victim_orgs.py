"""Organisations named by their kind (``org_phrases.py``): acronyms defined in brackets, Russian phrases around an
organisation noun put in the nominative, a Latin name right after such a phrase, a place that opens an English
organisation's name, a titled person who is no victim. Sentences written for the test (made-up names where a name
is free), each beside a neighbour that must not change."""

from __future__ import annotations

import pytest

from bot.breaches.cues import clean_en_name
from bot.breaches.lemmas import tokens
from bot.breaches.org_phrases import (
    acronym_definitions,
    is_place_adjective,
    is_titled_person,
    keeps_leading_place,
    russian_org_phrases,
)
from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


def _phrases(text: str) -> list[str]:
    return [name for name, _, _ in russian_org_phrases(text, tokens(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Northern Quorlo Water Authority (NQWA) website published", [("Northern Quorlo Water Authority", "NQWA")]),
    ("the Quorlo Institutes of Zeta (QIZs) said", [("Quorlo Institutes of Zeta", "QIZ")]),
    ("the portal of Quorlo Zeta (QZ) was", [("Quorlo Zeta", "QZ")]),
    # letters that are not the initials, or a bracket that is no acronym
    ("The Northern Quorlo Water Authority (ABC) website", []),
    ("the Quorlo website (2019) and (Zeta)", []),
])
def test_an_acronym_is_defined_by_the_initials_before_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(long, acronym) for long, _, _, acronym in acronym_definitions(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("За возврат украденной у тверского онкодиспансера базы хакеры требуют выкуп", ["Тверской онкодиспансер"]),
    ("утекли данные пациентов московской городской больницы", ["Московская городская больница"]),
    ("в работу систем мэрии Казани", ["Мэрия Казани"]),
    ("пациентов больниц Калужского университета", ["Больницы Калужского университета"]),
    # («данных» is a noun: not an adjective of «полиции»)
    ("взломали базу данных полиции Шанхая", ["Полиция Шанхая"]),
    # a country's adjective, an ordinary adjective or none: any of many, not a name
    ("хакер угрожает студентам канадского университета", []),
    ("утекли данные пациентов крупной больницы", []),
    ("утекли данные пациентов больницы", []),
    # a Latin name right after the phrase (past where it is) is its own name
    ("Администрация медицинских центров Калужского университета в Калуге Quorlo Health сообщила об атаке",
     ["Quorlo Health"]),
    ("Пострадал Университетский больничный центр в Калуге (Quorlo Zeta Hospital).", ["Quorlo Zeta Hospital"]),
])
def test_a_russian_organisation_phrase_is_read_by_morphology(text: str, expected: list[str]) -> None:
    assert _phrases(text) == expected


@pytest.mark.parametrize(("lemma", "place"), [
    ("свердловский", True), ("тверской", True), ("калифорнийский", True),
    ("канадский", False), ("российский", False), ("городской", False), ("медицинский", False),
])
def test_an_adjective_made_from_a_town_or_region_but_not_a_country(lemma: str, place: bool) -> None:
    assert is_place_adjective(lemma) is place


def test_a_place_that_opens_an_organisations_name_stays_in_it() -> None:
    assert keeps_leading_place("American Quorlo Association".split())
    assert clean_en_name("the American Quorlo Association") == "American Quorlo Association"
    assert clean_en_name("California Department of Quorlo Affairs") == "California Department of Quorlo Affairs"
    # a people before a brand, or before a kind written lowercase, is no part of the name
    assert not keeps_leading_place("American Quorlo".split())
    assert clean_en_name("American retailer Quorlo") == "retailer Quorlo"
    assert clean_en_name("the Quorlo Association") == "Quorlo Association"


def test_a_titled_person_is_no_organisation() -> None:
    assert is_titled_person("President John Quorlo Jr")
    assert is_titled_person("CEO Jane Zeta")
    assert not is_titled_person("Director General of Health")
    assert not is_titled_person("President Hotels Group")
    assert not is_titled_person("Mr Excel")  # an honorific opens brands too


@pytest.mark.parametrize(("text", "service"), [
    ("Quorlo govt website publishes over 20,000 ID numbers\nThe Northern Quorlo Water Authority (NQWA) website, a "
     "government website, published online around 20,100 ID numbers of people who had applied for housing. The "
     "lists stayed online on the NQWA server and could be accessed by anyone.", "Northern Quorlo Water Authority"),
    ("A new ransomware gang called Zeta Team has claimed responsibility for the attack on the American Quorlo "
     "Association. The attackers claimed to have leaked 2.8GB of data stolen in the attack.",
     "American Quorlo Association"),
    ("Более 22 000 пациентов больниц Калужского университета стали жертвами утечек данных: раскрытая информация "
     "включала имена и медицинские данные.", "Больницы Калужского университета"),
    ("Администрация медицинских центров Калужского университета в Калуге Quorlo Health сообщила о взломе своих "
     "систем: киберпреступники могли получить доступ к персональным данным 4,5 миллионов пациентов.",
     "Quorlo Health"),
])
def test_the_organisation_phrase_is_the_victim_by_its_role(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


def test_a_person_quoted_is_not_the_victim(parser: BreachParser) -> None:
    text = ("\"It is our highest priority to notify those who may be affected by this security breach,\" said "
            "university President John Quorlo Jr. in a release. Some of an estimated 197,000 records were accessed, "
            "including Social Security numbers.")
    breach, _why = parser.analyse(text)
    assert breach is None or "Quorlo" not in breach.service


def test_a_language_or_a_short_month_alone_is_no_name() -> None:
    assert clean_en_name("English") is None  # "the English city council"
    assert clean_en_name("Jan.") is None and clean_en_name("Sept") is None  # "the attack on Jan. 10"
    assert clean_en_name("Janus") == "Janus"


def test_a_latin_name_that_opens_with_a_number_names_the_phrase() -> None:
    assert _phrases("Медицинский центр 21st Quorlo Oncology во Флориде сообщил об атаке") == ["21st Quorlo Oncology"]
    assert _phrases("медицинский центр 2020 года") == []


def test_a_subsidiary_named_beside_its_parent_is_no_rival(parser: BreachParser) -> None:
    text = ("Сеть магазинов Quorlo и дочерний бренд Zetaco уведомили о компрометации персональных данных 20 тыс. "
            "клиентов: утекли имена, телефоны и адреса электронной почты клиентов Quorlo.")
    breach, why = parser.analyse(text)
    assert breach is not None and breach.service == "Quorlo" and why != "unsure:two_victims"


def test_an_english_organisation_name_is_read_whole_wherever_it_stands() -> None:
    from bot.breaches.org_phrases import english_org_names, initials

    text = "Quorlo General Hospital has 7,000 employees. The Department of Health and Human Services is investigating."
    assert [name for name, _, _ in english_org_names(text)] == ["Quorlo General Hospital"]
    assert initials("E-Quorlo Zeta Association") == "EQZA"


@pytest.mark.parametrize(("text", "service", "why"), [
    # told of by its kind in the leak sentence, named later by a name that ends in that kind; the reporter after a
    # comma is no victim
    ("Quorlo hospital says sensitive data of 1.2 million stolen in failed ransomware attack\nOne of the largest "
     "hospitals in Florida said hackers stole the sensitive data of more than 1.2 million patients in May, the Zeta "
     "Bay Times reported.\nQuorlo General Hospital has about 7,000 employees and more than 1,000 beds.",
     "Quorlo General Hospital", None),
    # two organisations joined by "and" after the role both have it: two victims, for an admin
    ("Hackers have published extensive patient information from two hospital chains to extort them. The files come "
     "from the Quorlo Medical Centers, which serves eight locations in Miami, and Zeta General Hospital, which has "
     "three locations in Texas.", "Quorlo Medical Centers", "unsure:two_victims"),
])
def test_an_organisation_told_of_by_its_kind(parser: BreachParser, text: str, service: str, why: str | None) -> None:
    breach, reason = parser.analyse(text)
    assert breach is not None and breach.service == service
    assert reason == why if why else reason != "unsure:two_victims"
