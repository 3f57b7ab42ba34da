"""What a channel reader would notice: the right posts alert, with the right facts, and news about
laws, statistics, court cases or a company's statement does not."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bench.breach_eval import evaluate, load_labelled
from bot.breaches.extract import extract_data_classes, extract_password_storage, parse_count
from bot.breaches.hibp import parse_hibp_breaches
from bot.breaches.models import Breach
from bot.breaches.parser import BreachParser

SEED = Path(__file__).parent / "data" / "seeds" / "000_58b2b3d3ec6a9e75.txt"
LABELLED = load_labelled()
BY_ID = {post["id"]: post for post in LABELLED}
POSTED = datetime(2023, 8, 10, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


def split_seed(text: str) -> list[str]:
    """The seed export separates posts by reaction lines ("❤5👍2") or "Forwarded from"; two posts
    follow another without a separator and start with ⚡ / 🫠 headlines."""
    posts: list[list[str]] = [[]]
    for line in text.splitlines():
        if re.fullmatch(r"(?:[^\w\s]+\s?\d+\s?)+", line.strip()):
            posts.append([])
            continue
        if line.startswith(("Forwarded from", "⚡", "🫠")) and any(s.strip() for s in posts[-1]):
            posts.append([])
        posts[-1].append(line)
    return ["\n".join(p) for p in posts if any(s.strip() for s in p)]


def test_litres_post_fields(parser: BreachParser) -> None:
    breach = parser.parse(BY_ID["ru-litres-dlbi"]["text"], posted_at=POSTED, source_name="Утечки информации",
                          source_url="https://t.me/dataleak/2000")
    assert breach is not None
    assert breach.service == "Литрес"
    assert breach.domain == "litres.ru"
    assert breach.record_count == 3_083_408  # the rows seen, not the 97 million the seller claims
    assert breach.unique_emails == 590_000
    assert set(breach.data_classes) == {"Names", "Email addresses", "Passwords"}
    assert breach.password_storage == "SHA1 unsalted"
    assert breach.breach_date == date(2023, 8, 3)
    assert breach.reported_at == POSTED
    assert breach.origin == "channel"
    assert breach.source_name == "Утечки информации"
    assert breach.is_russian_operator
    assert "litres" in breach.match_keys
    assert breach.dedupe_key == "litres:2023-08"


def test_litres_statement_is_follow_up_not_a_new_breach(parser: BreachParser) -> None:
    # Not an alert; the best reading goes to the admins as a draft (unsure is not silent).
    breach, reason = parser.analyse(BY_ID["seed-litres-statement"]["text"])
    assert reason == "unsure:statement"
    assert breach is not None and breach.service == "Литрес"
    assert parser.parse(BY_ID["seed-litres-statement"]["text"]) is None


@pytest.mark.skipif(not SEED.exists(), reason="seed export not available")
def test_seed_export_has_exactly_one_breach(parser: BreachParser) -> None:
    posts = split_seed(SEED.read_text(encoding="utf-8"))
    assert len(posts) >= 18
    found = [b for b in (parser.parse(p) for p in posts) if b is not None]
    assert [(b.service, b.record_count) for b in found] == [("Литрес", 3_083_408)]


@pytest.mark.parametrize("post", LABELLED, ids=[p["id"] for p in LABELLED])
def test_labelled_post(parser: BreachParser, post: dict) -> None:
    expected = post["expected"]
    breach = parser.parse(post["text"])
    if not expected["breach"]:
        assert breach is None, f"false alert for {breach and breach.service!r}"
        return
    assert breach is not None
    for field in ("domain", "record_count", "unique_emails", "password_storage", "breach_date"):
        if field in expected:
            assert getattr(breach, field) == expected[field], field
    assert set(breach.data_classes) == set(expected["data_classes"])
    assert breach.service.casefold() == expected["service"].casefold()


def test_labelled_set_is_big_and_balanced() -> None:
    languages = {(p["lang"], p["expected"]["breach"]) for p in LABELLED}
    assert len(LABELLED) >= 25
    assert languages == {("ru", True), ("ru", False), ("en", True), ("en", False)}


def test_evaluate_reports_perfect_scores_on_the_labelled_set(parser: BreachParser) -> None:
    report = evaluate(parser, LABELLED)
    assert report["precision"] == 1.0
    assert report["recall"] == 1.0
    assert report["mistakes"] == []
    assert report["tp"] + report["fp"] + report["fn"] + report["tn"] == len(LABELLED)
    assert all(acc == 1.0 for acc in report["field_accuracy"].values() if acc is not None)


def test_evaluate_counts_wrong_alerts_and_misses() -> None:
    class AlwaysAlerts:
        def parse(self, text: str, **_: object) -> Breach:
            return Breach(service="Nobody")

    report = evaluate(AlwaysAlerts(), LABELLED)
    negatives = sum(1 for p in LABELLED if not p["expected"]["breach"])
    assert report["fp"] == negatives
    assert report["recall"] == 1.0
    assert report["precision"] < 0.5
    assert report["field_accuracy"]["service"] == 0.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,083,408", 3_083_408), ("3 083 408", 3_083_408), ("3\u00a0083\u00a0408", 3_083_408),
        ("590 тыс.", 590_000), ("55 млн", 55_000_000), ("1,5 млн", 1_500_000), ("более 160 млн", 160_000_000),
        ("58 000", 58_000), ("2.3 million", 2_300_000), ("1.2M", 1_200_000), ("500k", 500_000),
        ("12 млрд", 12_000_000_000), ("31 миллион", 31_000_000),
    ],
)
def test_number_formats(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    ("wording", "data_class"),
    [
        ("ФИО", "Names"), ("имя/фамилия", "Names"), ("номер телефона", "Phone numbers"),
        ("адрес эл. почты", "Email addresses"), ("email", "Email addresses"), ("хеш пароля", "Passwords"),
        ("дата рождения", "Dates of birth"), ("адрес доставки", "Physical addresses"),
        ("серия и номер паспорта", "Passport numbers"), ("СНИЛС", "Social security numbers"),
        ("ИНН", "Government issued IDs"), ("номер карты", "Credit cards"), ("IP-адрес", "IP addresses"),
        ("логин", "Usernames"), ("home addresses", "Physical addresses"), ("dates of birth", "Dates of birth"),
        ("Aadhaar numbers", "Government issued IDs"), ("phone numbers", "Phone numbers"),
    ],
)
def test_data_class_wording(wording: str, data_class: str) -> None:
    assert data_class in extract_data_classes(f"В базе: {wording}, что-то ещё.")


def test_negated_data_classes_are_not_listed() -> None:
    assert extract_data_classes("получили доступ к адресам электронной почты, но не к платежным данным") == [
        "Email addresses"
    ]
    assert "Passwords" not in extract_data_classes("Names and emails leaked. Passwords were not affected.")
    # "(не для всех)" qualifies the names, it does not negate the e-mail line that follows.
    assert extract_data_classes("🌵 имя/фамилия (не для всех)\n🌵 адрес эл. почты") == ["Email addresses", "Names"]


@pytest.mark.parametrize(
    ("text", "storage"),
    [
        ("хешированный пароль (SHA1 без соли)", "SHA1 unsalted"), ("пароли в открытом виде", "plaintext"),
        ("passwords stored as bcrypt hashes", "bcrypt"), ("salted MD5 password hashes", "MD5 salted"),
        ("plain text passwords", "plaintext"), ("хеш пароля", "hashed"), ("имя и телефон", None),
    ],
)
def test_password_storage(text: str, storage: str | None) -> None:
    assert extract_password_storage(text) == storage


def test_confirmation_with_a_record_count_is_kept_and_dedupes_with_the_first_report(parser: BreachParser) -> None:
    first = parser.parse(BY_ID["ru-cdek-no-quotes"]["text"])
    confirmed = parser.parse("СДЭК подтвердил утечку: в сеть попали 19 млн записей с ФИО и телефонами клиентов. "
                             "Данные актуальны на март 2022 года.")
    assert first is not None and confirmed is not None
    assert confirmed.dedupe_key == first.dedupe_key == "cdek:2022-03"


def test_same_breach_from_channel_and_hibp_gets_one_dedupe_key(parser: BreachParser) -> None:
    channel = parser.parse(BY_ID["ru-cdek-no-quotes"]["text"])
    hibp = parse_hibp_breaches([{"Name": "CDEK", "Title": "CDEK", "Domain": "cdek.ru", "BreachDate": "2022-03-09",
                                 "AddedDate": "2022-04-12T01:02:03Z", "PwnCount": 19218203}])[0]
    assert channel is not None
    assert channel.dedupe_key == hibp.dedupe_key


def test_dedupe_key_falls_back_to_the_post_month(parser: BreachParser) -> None:
    breach = parser.parse(BY_ID["ru-kibermarket-55mln"]["text"], posted_at=datetime(2025, 3, 2, tzinfo=UTC))
    assert breach is not None and breach.breach_date is None
    assert breach.dedupe_key == "kibermarket:2025-03"


def test_several_services_in_one_post_is_not_an_alert(parser: BreachParser) -> None:
    text = "Хакеры выложили базы «Ламоды» и «ВкусВилла»: 2 млн строк с ФИО и телефонами."
    assert parser.parse(text) is None


def test_previously_leaked_services_are_not_the_victim(parser: BreachParser) -> None:
    text = ("Группировка, ранее сливавшая базы «СДЭК» и «Гемотест», выложила данные клиентов "
            "магазина «ВкусноДом» (vkusnodom.ru): 120 тыс. строк с ФИО и телефонами.")
    breach = parser.parse(text)
    assert breach is not None and breach.service == "ВкусноДом"


def test_english_post_and_unknown_service(parser: BreachParser) -> None:
    breach = parser.parse(BY_ID["en-booknest"]["text"], origin="admin")
    assert breach is not None
    assert (breach.service, breach.domain, breach.origin) == ("BookNest", "booknest.com", "admin")
    assert not breach.is_russian_operator
    assert breach.description.startswith("BookNest data breach")


@pytest.mark.parametrize("text", ["", "   ", "👍3🤔1", "Forwarded from Утечки информации"])
def test_empty_or_boilerplate_posts(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None
