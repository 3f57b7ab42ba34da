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
