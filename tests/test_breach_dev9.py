"""Mechanisms added when the parser met dev9 (tests/data/breach_posts_dev9.json: real news from other countries and
sectors), each checked on sentences written for the test (made-up names), beside a neighbour that must not change."""

from __future__ import annotations

import pytest

from bot.breaches.candidates import find_candidates
from bot.breaches.lemmas import tokens
from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


def _names(parser: BreachParser, text: str) -> set[str]:
    return {c.name for c in find_candidates(text, tokens(text), parser.directory, parser.matcher) if c.name}


@pytest.mark.parametrize("dateline", ["QUORLOVILLE, Zetaland — ", "QUORLOVILLE (AP) — ", "NEW QUORLO - ",
                                      "QUORLOVILLE, Zeta. (WXYZ) -- "])
def test_a_dateline_is_no_victim(parser: BreachParser, dateline: str) -> None:
    text = ("Insurer: all customer data hacked\n\n" + dateline + "The country's largest insurer said a hacker had "
            "stolen the personal data of all its 4 million customers.\n\nZetacare confirmed a data breach exposing the "
            "names, emails and phone numbers of 4 million customers.")
    breach, _why = parser.analyse(text)
    assert not any("QUORLO" in name for name in _names(parser, text))
    assert breach is not None and breach.service == "Zetacare"


def test_a_capitalised_name_opening_a_paragraph_is_still_a_name(parser: BreachParser) -> None:
    # (no dash after it: a sentence's subject in capitals, not a dateline)
    text = "QUORLO said hackers stole the names, emails and phone numbers of 300,000 customers."
    assert "QUORLO" in _names(parser, text)


@pytest.mark.parametrize(("text", "named"), [
    # a count of a unit is no name
    ("Hackers stole the data of 1.5 million customers of Zetanet. They demanded a ransom of 3 Bitcoins (more than "
     "$200,000) in exchange for the stolen data.", False),
    # a count of a name's people is whose people they are
    ("The names and emails of about 146,000 ZU students were exposed, the university said.", True),
])
def test_a_count_of_a_unit_is_no_name(parser: BreachParser, text: str, named: bool) -> None:
    names = _names(parser, text)
    assert ("Bitcoins" in names) is False
    assert ("ZU" in names) is named


def _penalty(text: str) -> float:
    from bot.breaches import evidence as E
    from bot.breaches.lemmas import sentences

    toks, spans = tokens(text), sentences(text)
    head_end = spans[1][1]  # a short headline is read with its subtitle
    score = E.counter_of(text, toks, head_end, spans[min(2, len(spans) - 1)][1], has_count=True)
    return score.cues.get("penalty", 0.0)


def test_a_law_in_the_subtitle_beside_the_leak_is_context() -> None:
    text = ("Insurer: customer data hacked\n\nZetacare said a hacker had stolen the personal data of all its 4 million "
            "customers, as the government introduced legislation that would increase penalties for companies.\n\n"
            "Names were taken.")
    # (the same law in the headline itself is the story)
    headline = ("Insurer faces penalties under legislation\n\nZetacare said a hacker had stolen the personal data of "
                "all its 4 million customers.\n\nNames were taken.")
    assert _penalty(text) < _penalty(headline) == 3.0


@pytest.mark.parametrize(("text", "service"), [
    # a name's fragment, said before its whole name, is that name
    ("A data breach at the Quorloville public school system exposed the names and addresses of 40,000 students.\n\n"
     "The Quorloville Unified School District said it learned of the breach on Aug. 8.",
     "Quorloville Unified School District"),
    # a company's own product named after its kind
    ("Ubisoft 'Quorlo Quest' hack compromises more than 200m accounts\n\nPopular Ubisoft game Quorlo Quest has "
     "suffered a breach, exposing the names, emails and passwords of more than 200m players.", "Ubisoft"),
])
def test_the_names_of_one_organisation_are_no_rivals(parser: BreachParser, text: str, service: str) -> None:
    breach, why = parser.analyse(text)
    assert breach is not None and breach.service == service and why != "unsure:two_victims"


@pytest.mark.parametrize(("first", "second", "one"), [
    ("Quorlo Group Holdings", "Quorlo Super Dry", True),  # one group's names share its first word
    ("American Quorlo", "American Zeta", False),  # a people's name is no group's
    ("Quorlo Bank", "Zeta Bank", False),
])
def test_a_groups_names_share_its_first_word(first: str, second: str, one: bool) -> None:
    from bot.breaches.candidates import Candidate
    from bot.breaches.groups import merge_one_organisation
    from bot.breaches.names import canonical_key

    text = f"{first} said the data leaked. The maker of {second} said so too."
    a = Candidate(first, None, 0, len(first), 3.0, canonical_key(first))
    at = text.index(second, len(first))
    b = Candidate(second, None, at, at + len(second), 3.0, canonical_key(second))
    merge_one_organisation(text, [a, b], set())
    assert (a.entity == b.entity) is one


def test_two_organisations_stay_two(parser: BreachParser) -> None:
    # (two names that share no word and are no product of one another: a draft for an admin)
    text = ("Hackers stole the names, emails and phone numbers of 300,000 customers of Quorlo Bank and Zeta Insurance, "
            "the companies said.")
    assert parser.analyse(text)[1] == "unsure:two_victims"


@pytest.mark.parametrize(("text", "host"), [
    ("Утекли данные клиентов Quorlo. Несколько терабайт данных клиентов находились в облачном хранилище Amazon.", True),
    ("Утекли данные клиентов Amazon. Несколько терабайт данных оказались в открытом доступе.", False),
])
def test_a_cloud_that_held_the_data_hosts_it(parser: BreachParser, text: str, host: bool) -> None:
    from bot.breaches import evidence as E
    from bot.breaches.lemmas import sentences

    toks, spans = tokens(text), sentences(text)
    finder = parser.victims
    found = finder.candidates(text, toks)
    finder._choose(text, toks, spans, set(E.sentence_events(toks, spans)), found)
    amazon = [c for c in found if c.entity == "amazon"]
    assert amazon and all(c.score < 0 for c in amazon) is host


def test_a_headline_calling_leak_claims_fake_is_a_denial(parser: BreachParser) -> None:
    text = ("Quorlo Times says ransomware gang's data leak claims are untrue\nThe gang published files it said were "
            "stolen from the newspaper, including 40,000 names and emails.")
    assert parser.analyse(text)[1] == "denial"


@pytest.mark.parametrize(("text", "named"), [
    # a newspaper that reports is the source
    ("In early February, The Quorlo Times reported that the personal data of 15 million citizens may have been leaked "
     "from government systems.", False),
    # a newspaper whose own systems were entered is a victim like any other
    ("The Quorlo Times suffered a data breach that exposed the names and emails of 40,000 subscribers.", True),
    # a company that reports its own breach is no newspaper
    ("Quorlo Health reported that the personal data of 40,000 patients may have been leaked.", True),
])
def test_a_newspaper_reporting_is_the_source(parser: BreachParser, text: str, named: bool) -> None:
    breach, _why = parser.analyse(text)
    assert (breach is not None and "Quorlo" in breach.service) is named


def test_denying_the_leakage_is_a_denial(parser: BreachParser) -> None:
    text = ("Largest data leakage exposes 223 million people\nThe leak may have originated from Quorlo Credit, the "
            "leading credit bureau, with names and addresses of 223 million people. Quorlo denies that the leakage "
            "originated from its system.")
    assert parser.analyse(text)[1] == "denial"


@pytest.mark.parametrize(("name", "place"), [
    ("Южная Корея", True), ("Северной Кореи", True), ("Western Australia", True), ("Гонконг", True),
    # a quarter's word before a name that is no place stays a name
    ("North Face", False), ("Northern Trust", False), ("South Quorlo", False),
])
def test_a_quarter_of_a_country_is_a_place(name: str, place: bool) -> None:
    from bot.breaches.places import is_place

    assert is_place(name) is place


@pytest.mark.parametrize(("text", "count"), [
    ("Неизвестные получили доступ к личным данным 997 перебежчиков из другой страны.", 997),
    ("Утекли данные 1200 пенсионеров фонда Кворло.", 1200),
    # who took the data counts nobody, nor does a unit
    ("Группа из 5 хакеров взломала сервер Кворло.", None),
    ("Хакеры потребовали 5000 рублей за базу Кворло.", None),
])
def test_any_people_after_a_number_are_counted(text: str, count: int | None) -> None:
    from bot.breaches.extract import extract_counts

    assert extract_counts(text)[0] == count


_STATEMENT = ("As soon as we became aware, we took immediate steps to secure our systems.\nThat investigation has "
              "shown the malicious actor accessed and downloaded health information relating to some of our "
              "staff members.\n"
              "We deeply regret that this has happened.\n{who}'s investigation into this incident was complex.")


def test_a_first_person_statement_is_its_authors(parser: BreachParser) -> None:
    breach, _why = parser.analyse(_STATEMENT.format(who="Quorlo Health"))
    assert breach is not None and breach.service == "Quorlo Health"


def test_a_report_in_the_third_person_names_no_author(parser: BreachParser) -> None:
    from bot.breaches.candidates import _speaker

    text = _STATEMENT.format(who="Quorlo Health").replace("we", "they").replace("our", "its").replace("We", "They")
    assert _speaker(text) == []


@pytest.mark.parametrize(("text", "ids"), [
    ("The compromise affected the data set containing names and identity numbers of customers.", True),
    ("Names and ID numbers of 3,000 customers were exposed.", True),
    # a user's ID is no government's, and protection against identity theft names no data
    ("Names and user IDs were exposed; customers are offered identity theft protection.", False),
])
def test_identity_numbers_are_a_data_class(text: str, ids: bool) -> None:
    from bot.breaches.extract import extract_data_classes

    assert ("Government issued IDs" in extract_data_classes(text)) is ids


@pytest.mark.parametrize("kind", ["корпорация", "концерн"])
def test_a_corporation_is_a_kind_of_company(parser: BreachParser, kind: str) -> None:
    text = (f"Хакеры взломали Quorlo — данные клиентов могли быть похищены\nМногонациональный {kind} Quorlo подтвердил "
            "факт кибератаки и утечки персональных данных клиентов.")
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == "Quorlo"


@pytest.mark.parametrize(("text", "denial"), [
    # an apology for the leak owns it: the denial below is of a detail
    ("Руководители корпорации Quorlo извинились перед пользователями сервиса Quorlo Play за массовую утечку их "
     "персональной информации.\nУтекли имена, адреса и телефоны 77 млн пользователей. Доступ хакеров к реквизитам "
     "кредитных карт клиентов Quorlo опровергла.", False),
    # without one, the denial is the news
    ("Руководители корпорации Quorlo прокомментировали сообщения об утечке.\nКомпания опровергла утечку имён, адресов "
     "и телефонов 77 млн пользователей сервиса Quorlo Play.", True),
])
def test_a_denial_below_an_apology_is_of_a_detail(parser: BreachParser, text: str, denial: bool) -> None:
    assert (parser.analyse(text)[1] == "denial") is denial


@pytest.mark.parametrize(("text", "off_topic"), [
    # a company blaming its own staff for the leak reports it
    ("Quorlo обвинила двух бывших сотрудников в масштабной утечке данных\nКомпания Quorlo заявила, что бывшие "
     "сотрудники похитили имена, адреса и телефоны более 75 тысяч клиентов.", False),
    # a charge brought against someone is a court's story
    ("Хакера обвинили в масштабной утечке данных Quorlo\nПрокуратура заявила, что он похитил имена, адреса и телефоны "
     "более 75 тысяч клиентов.", True),
])
def test_a_company_blaming_its_staff_reports_its_leak(parser: BreachParser, text: str, off_topic: bool) -> None:
    assert (parser.analyse(text)[1] == "off_topic") is off_topic


@pytest.mark.parametrize(("text", "service"), [
    # a shop's outlet
    ("Online shoes and apparel outlet Quorlo, owned by the giant Zetacorp, has suffered a massive data breach that may "
     "have affected more than 24 million of its customers.", "Quorlo"),
    # the press's outlet reports
    ("Private media outlet Quorlo echoed claims that the attacker stole the names, emails and phone numbers of 1.5 "
     "million customers of Zetanet.", "Zetanet"),
])
def test_an_outlet_is_a_shop_unless_the_press_is_named(parser: BreachParser, text: str, service: str) -> None:
    breach, _why = parser.analyse(text)
    assert breach is not None and breach.service == service


def test_a_hard_wrapped_paragraph_is_one_sentence(parser: BreachParser) -> None:
    from bot.breaches.parser import clean_post

    wrapped = ("June 12 Quorlo Payments Inc said a\nrecent data breach put no more than 1.5 million credit card\n"
               "numbers at risk.")
    assert clean_post(wrapped) == wrapped.replace("\n", " ")
    breach, _why = parser.analyse(wrapped)
    assert breach is not None and breach.service == "Quorlo Payments"
    # a headline and its paragraph stay apart, and so do a list's lines
    assert clean_post("Quorlo hacked\nThe company said…") == "Quorlo hacked\nThe company said…"
    assert clean_post("Leaked:\nnames\nemails") == "Leaked:\nnames\nemails"

