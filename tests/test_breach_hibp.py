"""HIBP feed: the real 875-breach catalogue parses, only notifiable breaches alert, new ones are found."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.breaches.hibp import (
    HibpError,
    HibpRateLimited,
    fetch_breaches,
    is_notifiable,
    new_since,
    parse_hibp_breaches,
)

SNAPSHOT = Path(__file__).parent / "data" / "hibp_breaches_2025-03.json"
needs_snapshot = pytest.mark.skipif(not SNAPSHOT.exists(), reason="HIBP snapshot not available")


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@needs_snapshot
def test_whole_catalogue_parses(items: list[dict]) -> None:
    breaches = parse_hibp_breaches(items)
    assert len(breaches) == len(items) == 875
    assert all(b.origin == "hibp" and b.hibp_name and b.service for b in breaches)
    assert all("<" not in b.description and "&quot;" not in b.description for b in breaches)
    assert all(len(b.description) <= 401 for b in breaches)
    adobe = next(b for b in breaches if b.hibp_name == "Adobe")
    assert adobe.domain == "adobe.com"
    assert adobe.record_count == 152_445_165
    assert adobe.breach_date == date(2013, 10, 4)
    assert adobe.reported_at == datetime(2013, 12, 4, 0, 0, tzinfo=UTC)
    assert "Passwords" in adobe.data_classes
    assert adobe.source_url == "https://haveibeenpwned.com/Breach/Adobe"


@needs_snapshot
def test_notifiable_count_follows_mozillas_rule(items: list[dict]) -> None:
    expected = sum(
        1
        for it in items
        if it["IsVerified"] and not it["IsFabricated"] and not it["IsSpamList"] and not it["IsRetired"]
        and it["Domain"].strip()
    )
    assert sum(map(is_notifiable, items)) == expected
    assert 0 < expected < len(items)


@pytest.mark.parametrize(
    ("changes", "notifiable"),
    [
        ({}, True),
        ({"IsVerified": False}, False),
        ({"IsFabricated": True}, False),
        ({"IsSpamList": True}, False),
        ({"IsRetired": True}, False),
        ({"Domain": ""}, False),
        ({"Domain": None}, False),
        ({"IsSensitive": True}, True),
        ({"IsMalware": True}, True),
    ],
)
def test_is_notifiable_flags(changes: dict, notifiable: bool) -> None:
    item = {"Name": "Acme", "Domain": "acme.com", "IsVerified": True, "IsFabricated": False, "IsSpamList": False,
            "IsRetired": False} | changes
    assert is_notifiable(item) is notifiable


def test_missing_verification_flag_is_not_notifiable() -> None:
    assert not is_notifiable({"Name": "Acme", "Domain": "acme.com"})
    assert not is_notifiable("Acme")  # type: ignore[arg-type]


@needs_snapshot
def test_russian_operators_in_the_catalogue(items: list[dict]) -> None:
    by_name = {b.hibp_name: b for b in parse_hibp_breaches(items)}
    assert by_name["Rambler"].is_russian_operator
    assert by_name["CDEK"].is_russian_operator
    assert by_name["Parapa"].is_russian_operator  # "Пара Па" on parapa.mail.ru
    assert not by_name["Avito"].is_russian_operator  # avito.ma, a Moroccan namesake
    assert not by_name["Adobe"].is_russian_operator
    assert by_name["Rambler"].password_storage == "plaintext"


def test_tolerant_parsing_of_odd_items() -> None:
    breaches = parse_hibp_breaches([
        {"Name": "Minimal"},
        {"Title": "No name", "PwnCount": "12", "BreachDate": "not a date", "DataClasses": None},
        {"Name": "Html", "Description": '<a href="https://x">Big &amp; bad</a> breach<br/>with <b>bold</b>.'},
        {"Domain": "nothing-else.com"},
        "not a dict",
    ])
    assert [b.service for b in breaches] == ["Minimal", "No name", "Html"]
    minimal, no_name, html_item = breaches
    assert (minimal.domain, minimal.record_count, minimal.data_classes, minimal.breach_date) == (None, None, [], None)
    assert no_name.record_count == 12 and no_name.breach_date is None and no_name.hibp_name is None
    assert html_item.description == "Big & bad breach with bold."


def test_new_since_returns_unseen_names_oldest_first() -> None:
    items = [
        {"Name": "Newest", "AddedDate": "2025-03-03T10:00:00Z"},
        {"Name": "Known", "AddedDate": "2025-01-01T10:00:00Z"},
        {"Name": "Older", "AddedDate": "2025-02-01T10:00:00Z"},
        {"Name": "Older", "AddedDate": "2025-02-01T10:00:00Z"},
        {"Title": "No name"},
    ]
    assert [it["Name"] for it in new_since({"Known"}, items)] == ["Older", "Newest"]
    assert new_since({"Known", "Older", "Newest"}, items) == []


@needs_snapshot
def test_new_since_on_the_real_catalogue(items: list[dict]) -> None:
    previous = {it["Name"] for it in items[:-3]}
    assert {it["Name"] for it in new_since(previous, items)} == {it["Name"] for it in items[-3:]}
    assert len(new_since(set(), items)) == len(items)  # first run: everything is new, callers seed instead


def _app(status: int = 200, body: object = None, headers: dict | None = None, seen: list | None = None):
    async def handler(request: web.Request) -> web.Response:
        if seen is not None:
            seen.append(request.headers.get("User-Agent", ""))
        if isinstance(body, str):
            return web.Response(status=status, text=body, headers=headers)
        return web.json_response(body, status=status, headers=headers)

    app = web.Application()
    app.router.add_get("/api/v3/breaches", handler)
    return app


async def test_fetch_breaches_returns_the_list_and_sends_a_user_agent() -> None:
    seen: list[str] = []
    body = [{"Name": "Adobe", "Domain": "adobe.com"}, "junk", {"Name": "Canva"}]
    async with TestServer(_app(body=body, seen=seen)) as server, aiohttp.ClientSession() as session:
        items = await fetch_breaches(str(server.make_url("/api/v3/breaches")), session=session, timeout=5)
    assert [it["Name"] for it in items] == ["Adobe", "Canva"]
    assert seen and seen[0]  # HIBP rejects requests without a User-Agent


async def test_fetch_latestbreach_single_object_is_wrapped() -> None:
    async with TestServer(_app(body={"Name": "ColorDating"})) as server, aiohttp.ClientSession() as session:
        items = await fetch_breaches(str(server.make_url("/api/v3/breaches")), session=session)
    assert items == [{"Name": "ColorDating"}]


async def test_fetch_rate_limited_carries_retry_after() -> None:
    app = _app(status=429, body={"statusCode": 429}, headers={"Retry-After": "7"})
    async with TestServer(app) as server, aiohttp.ClientSession() as session:
        with pytest.raises(HibpRateLimited) as caught:
            await fetch_breaches(str(server.make_url("/api/v3/breaches")), session=session)
    assert caught.value.retry_after == 7
    assert caught.value.status == 429


@pytest.mark.parametrize(("status", "body"), [(500, {"error": "x"}), (200, "<html>not json</html>"), (200, 42)])
async def test_fetch_errors(status: int, body: object) -> None:
    async with TestServer(_app(status=status, body=body)) as server, aiohttp.ClientSession() as session:
        with pytest.raises(HibpError):
            await fetch_breaches(str(server.make_url("/api/v3/breaches")), session=session)


# How HIBP's descriptions name a victim, one row per class, in real-style sentences with invented names. The parser
# reads a description as it reads a news post; the name it must give is the one HIBP's title has.
@pytest.fixture(scope="module")
def news_parser():  # noqa: ANN201 - one parser (its directory index is built once) for the table below
    from bot.breaches.parser import BreachParser

    return BreachParser(use_ner=False)


@pytest.mark.parametrize(("description", "victim"), [
    # a lowercase-first brand ("iPmart", "eBay") before its type is a name
    ("During 2016, the zQuorlo forum was hacked and over 2 million forum members' details were exposed. The vBulletin "
     "forum included IP addresses, birth dates and passwords stored as salted hashes.", "zQuorlo"),
    ("In 2016, the online gaming platform q-Zorvel suffered a data breach that exposed 120k email addresses and "
     "passwords.", "q-Zorvel"),
    # its name at another time, in brackets, is no second victim
    ("During 2015, the zQuorlo forum (now known as Velmora Hub) was hacked and over 2 million forum members' details "
     "were exposed. The data included IP addresses, birth dates and passwords stored as salted hashes.", "zQuorlo"),
    ("In September 2013, the Quorlo Windows forum (since renamed to the \"Velmora 9\" forum) was hacked and later had "
     "its internal database dumped. The dump included over 200k members' email addresses and passwords.",
     "Quorlo"),
    # when it happened, however the description opens
    ("During 2015, Quorlo had 120k records exposed including email addresses and passwords.", "Quorlo"),
    ("Sometime in 2017, Quorlo had 120k records exposed including email addresses and passwords.", "Quorlo"),
    # a name ends at its possessive before a count
    ("During 2015, Quorlo's 120k users had their email addresses and passwords exposed.", "Quorlo"),
    # whose systems they are, by the possessive
    ("In June 2019, Quorlo's database was leaked online. The data included 120k unique email addresses, names and "
     "passwords.", "Quorlo"),
    ("In June 2019, a vulnerability in Quorlo's API exposed 120k unique email addresses alongside names and phone "
     "numbers.", "Quorlo"),
    # what only the victim does
    ("In 2021, Quorlo experienced a data breach. 120k email addresses, names and phone numbers were exposed.",
     "Quorlo"),
    ("In 2021, Quorlo became aware of unauthorised access to its systems. 120k email addresses, names and phone "
     "numbers were exposed.", "Quorlo"),
    ("In 2021, Quorlo, a Dutch fitness brand, was impacted by a data breach. 120k email addresses, names and phone "
     "numbers were exposed.", "Quorlo"),
    # the passive: whose data or database it was
    ("In 2018, the Quorlo database was leaked online. The data included 120k unique email addresses, names and "
     "passwords.", "Quorlo"),
    ("In 2019, Quorlo was allegedly breached and 120k email addresses, names and passwords were published to a hacking "
     "forum.", "Quorlo"),
    ("In 2019, a threat actor posted 120k records allegedly taken from Quorlo to a hacking forum. The data included "
     "email addresses, names and passwords.", "Quorlo"),
    # data found is data that left its owner
    ("In Mid-2023, 300GB of data containing over 100M records from the Chinese video chat platform \"Quorlo\" was "
     "discovered. The data contained over 700k unique names, usernames, email and IP addresses.", "Quorlo"),
    ("In 2019, a file containing 120k Quorlo accounts was discovered. It included email addresses, names and "
     "passwords.", "Quorlo"),
    ("In 2021, a threat actor scraped 120k user profiles from Quorlo and published them online. The data included "
     "names, email addresses and locations.", "Quorlo"),
    ("In 2021, the Quorlo marketing database was left exposed on an unsecured Elasticsearch instance. It contained "
     "120k email addresses and names.", "Quorlo"),
    ("In 2021, Quorlo's Mailchimp account was compromised and 120k email addresses and names were exported.", "Quorlo"),
    # the owner in an apposition is not the subject
    ("In 2021, Quorlo, a subsidiary of Velmora, suffered a data breach that exposed 120k email addresses and "
     "passwords.", "Quorlo"),
    ("In 2021, Quorlo, owned by Velmora, suffered a data breach that exposed 120k email addresses and passwords.",
     "Quorlo"),
    # whose product had the flaw
    ("In 2020, a vulnerability in the Quorlo app exposed 120k users' email addresses, names and phone numbers.",
     "Quorlo"),
    ("In 2020, a misconfiguration in the Quorlo website led to the exposure of 120k users' email addresses, names and "
     "phone numbers.", "Quorlo"),
    # a longer apposition in brackets between the subject and its verb
    ("In May 2015, Quorlo (a Russian website for anonymous reviews) was reported to have had 6.7 million user details "
     "exposed. The data included email addresses and passwords.", "Quorlo"),
    # a name in Cyrillic opening an English description
    ("In May 2015, Кворло.ру (a Russian website for anonymous reviews) was reported to have had 6.7 million user "
     "details exposed. The data included email addresses and passwords.", "Кворло.ру"),
    # a name inside what the typed subject is for is not the verb's subject
    ("In 2020, the Quorlo website for trading pets within the \"Pet World!\" Velmora game suffered a data breach. The "
     "breach exposed 86k unique email addresses alongside usernames and passwords.", "Quorlo"),
    # the owner named after the typed subject is not what was breached: HIBP names the forum, the program
    ("In 2019, the Quorlo forum, owned by Velmora, was hacked and 120k email addresses, usernames and passwords were "
     "exposed.", "Quorlo"),
    ("In 2019, the Quorlo loyalty program operated by Velmora suffered a data breach that exposed 120k email addresses "
     "and names.", "Quorlo"),
    # (but the site a forum's software serves is the site: "the IP.Board forum for the gaming website X")
    ("In July 2015, the IP.Board forum for the gaming website Quorlo suffered a data breach that exposed over 738k "
     "forum members' accounts. The data included email addresses, birth dates and passwords.", "Quorlo"),
    ("In 2016, the Quorlo mod for Minecraft suffered a data breach that exposed 120k email addresses and passwords.",
     "Quorlo"),
])
def test_hibp_description_names_its_victim(news_parser, description: str, victim: str) -> None:  # noqa: ANN001
    breach = news_parser.parse(description)
    assert breach is not None and breach.service.split()[0] == victim


@pytest.mark.parametrize("description", [
    # software run by many sites is none of their victims
    "In January 2017, a large number of unpatched vBulletin forums were compromised by an actor known as \"Velmor\". "
    "A total of 140 forums had data including usernames, email addresses and passwords extracted and distributed.",
    # data found to be another service's names none
    "In 2019, data claimed to be from Quorlo was posted online. Upon analysis, the data was found to belong to a "
    "different service. It contained 120k email addresses and passwords.",
    # a list of sources names no victim
    "In 2020, a corpus of 120M records scraped from LinkedIn, Facebook and other sources was found exposed. The data "
    "included names, email addresses and phone numbers.",
    "In 2018, hundreds of outdated Magento stores were breached by a group known as \"Velmor\". The attackers stole "
    "120k payment cards, names and email addresses.",
])
def test_hibp_description_of_many_sites_names_none(news_parser, description: str) -> None:  # noqa: ANN001
    assert news_parser.parse(description) is None
