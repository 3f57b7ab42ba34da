"""/watch terms: what a user types must reach the right breaches and nothing else."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bot.breaches.models import Breach
from bot.breaches.names import (
    Service,
    ServiceDirectory,
    canonical_key,
    default_directory,
    keys_for_breach,
    split_watch_terms,
)


@pytest.fixture(scope="module")
def directory() -> ServiceDirectory:
    return default_directory()


def watch_key(directory: ServiceDirectory, term: str) -> str:
    return directory.resolve(term).key


def alerted(directory: ServiceDirectory, term: str, breach: Breach) -> bool:
    return watch_key(directory, term) in keys_for_breach(breach, directory)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("ozon, сдэк", ["ozon", "сдэк"]),
        ("яндекс еда", ["яндекс еда"]),
        ("litres; gemotest\nsportmaster", ["litres", "gemotest", "sportmaster"]),
        ("  ozon ,, , «Литрес» ", ["ozon", "Литрес"]),
        ("Ozon, ozon, OZON", ["Ozon"]),
        ("яндекс    такси", ["яндекс такси"]),
        ("", []),
    ],
)
def test_split_watch_terms(text: str, terms: list[str]) -> None:
    assert split_watch_terms(text) == terms


def test_watch_terms_are_capped_at_64_chars() -> None:
    (term,) = split_watch_terms("x" * 200)
    assert len(term) == 64


@pytest.mark.parametrize(
    ("term", "key"),
    [
        ("Литрес", "litres"), ("ЛитРес", "litres"), ("litres.ru", "litres"), ("https://www.litres.ru/book/1", "litres"),
        ("Яндекс.Еда", "yandex-eda"), ("яндекс еда", "yandex-eda"), ("яндекс такси", "yandex-taksi"),
        ("Ёлка", "elka"), ("Domino's India", "dominos-india"), ("Т-Банк", "t-bank"), ("Тинькофф", "tinkoff"),
        ("сдэк", "sdek"), ("  ", ""),
    ],
)
def test_canonical_key(term: str, key: str) -> None:
    assert canonical_key(term) == key


@pytest.mark.parametrize("term", ["litres", "Литрес", "litres.ru", "ЛитРес", "LITRES", "www.litres.ru", "litress"])
def test_all_spellings_of_litres_share_one_key(directory: ServiceDirectory, term: str) -> None:
    service = directory.resolve(term)
    assert (service.key, service.known, service.name_ru) == ("litres", True, "Литрес")


@pytest.mark.parametrize(
    ("a", "b"),
    [("cdek", "сдэк"), ("sdek", "СДЭК"), ("yandex", "яндекс"), ("jandeks", "Yandex"), ("wildberries", "вайлдберриз"),
     ("Tinkoff", "Т-Банк"), ("госуслуги", "gosuslugi.ru"), ("Air India", "airindia.com"), ("vk", "ВКонтакте")],
)
def test_transliteration_and_aliases_both_ways(directory: ServiceDirectory, a: str, b: str) -> None:
    assert watch_key(directory, a) == watch_key(directory, b)
    assert directory.resolve(a).known


def test_yandex_sub_brands_never_swap(directory: ServiceDirectory) -> None:
    assert watch_key(directory, "яндекс еда") == watch_key(directory, "Яндекс.Еда") == "yandex-eda"
    assert watch_key(directory, "яндекс такси") == "yandex-taksi"
    assert watch_key(directory, "Yandex Go") == "yandex-taksi"
    assert watch_key(directory, "yandex-tax") == "yandex-taksi"  # a typo of "yandex taxi"
    assert watch_key(directory, "яндекс лавка") == "yandex-lavka"  # unknown, but never Еда or Такси


@pytest.mark.parametrize("term", ["canvas", "ozn", "vkk", "mail"])
def test_fuzzy_matching_does_not_guess_wildly(directory: ServiceDirectory, term: str) -> None:
    service = directory.resolve(term)
    assert service.key not in {"canva", "ozon", "vk"}


def test_unknown_terms_resolve_to_their_canonical_key(directory: ServiceDirectory) -> None:
    service = directory.resolve("ВкусноДом")
    assert service == Service(key="vkusnodom", name_ru="ВкусноДом", name_en="ВкусноДом", known=False)
    assert directory.resolve("shop.example.co.uk").key == "shop-example"


def test_namesake_on_another_tld_is_not_the_known_service(directory: ServiceDirectory) -> None:
    # HIBP's "Avito" breach is avito.ma (Morocco), not the Russian Avito.
    moroccan = Breach(service="Avito", domain="avito.ma", hibp_name="Avito")
    assert directory.resolve("avito.ma").key == "avito-ma"
    assert not alerted(directory, "авито", moroccan)
    assert alerted(directory, "avito.ma", moroccan)


def test_sub_brand_breach_alerts_parent_watchers_but_not_the_reverse(directory: ServiceDirectory) -> None:
    eda = Breach(service="Яндекс Еда", domain="eda.yandex.ru")
    yandex = Breach(service="Yandex", domain="yandex.ru")
    assert alerted(directory, "яндекс", eda)
    assert alerted(directory, "яндекс еда", eda)
    assert not alerted(directory, "яндекс такси", eda)
    assert alerted(directory, "yandex", yandex)
    assert not alerted(directory, "яндекс еда", yandex)
    assert not alerted(directory, "yandex go", yandex)


def test_unlisted_product_of_an_umbrella_brand_reaches_brand_watchers(directory: ServiceDirectory) -> None:
    lavka = Breach(service="Яндекс Лавка")
    assert keys_for_breach(lavka, directory) == {"yandex-lavka", "yandex"}


@pytest.mark.parametrize(
    ("term", "breach"),
    [
        ("litres.ru", Breach(service="Литрес")),
        ("Литрес", Breach(service="Litres", domain="litres.ru")),
        ("vkusnodom.ru", Breach(service="ВкусноДом")),
        ("ВкусноДом", Breach(service="Vkusnodom", domain="vkusnodom.ru")),
        ("example.com", Breach(service="Example Shop", domain="shop.example.com")),
        ("mail.ru", Breach(service="Cross Fire", domain="cfire.mail.ru")),
        ("dominos.co.in", Breach(service="Domino's India", domain="dominos.co.in")),
    ],
)
def test_domains_and_names_match_both_ways(directory: ServiceDirectory, term: str, breach: Breach) -> None:
    assert alerted(directory, term, breach)


def test_unrelated_services_do_not_match(directory: ServiceDirectory) -> None:
    litres = Breach(service="Литрес", domain="litres.ru")
    for term in ("ozon", "сдэк", "яндекс", "lit", "литресс-клуб"):
        assert not alerted(directory, term, litres), term


def test_breach_properties_use_the_default_directory() -> None:
    breach = Breach(service="СДЭК", domain="cdek.ru")
    assert breach.match_keys == {"cdek"}


def test_directory_is_a_real_directory(directory: ServiceDirectory) -> None:
    assert len(directory) >= 60
    for service in directory.services.values():
        assert service.key == canonical_key(service.key)
        assert service.name_ru and service.name_en
        assert all("." in domain for domain in service.domains)
    russian = {s.key for s in directory.services.values() if s.country == "ru"}
    assert {"litres", "ozon", "cdek", "gosuslugi", "tbank", "gemotest"} <= russian
    assert {"air-india", "dominos-india", "canva", "ticketmaster"} <= set(directory.services)


def test_directory_rejects_conflicting_spellings() -> None:
    a = Service(key="alpha", name_ru="Альфа", name_en="Alpha", known=True)
    b = Service(key="beta", name_ru="Бета", name_en="Beta", aliases=("alpha",), known=True)
    with pytest.raises(ValueError, match="claimed by both"):
        ServiceDirectory([a, b])


def test_watchers_are_one_indexed_in_query(directory: ServiceDirectory) -> None:
    """The storage contract from the names module docstring, run against SQLite."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE watches (chat_id INTEGER, service_key TEXT, term TEXT, UNIQUE (chat_id, service_key))")
    db.execute("CREATE INDEX watches_service_key ON watches (service_key)")
    subscriptions = {1: "ЛитРес", 2: "litres.ru", 3: "яндекс", 4: "яндекс еда", 5: "яндекс такси", 6: "ozon"}
    for chat_id, term in subscriptions.items():
        db.execute("INSERT INTO watches VALUES (?, ?, ?)", (chat_id, watch_key(directory, term), term))

    def watchers(breach: Breach) -> set[int]:
        keys = json.dumps(sorted(keys_for_breach(breach, directory)))
        rows = db.execute(
            "SELECT DISTINCT chat_id FROM watches WHERE service_key IN (SELECT value FROM json_each(?))", (keys,)
        )
        return {row[0] for row in rows}

    assert watchers(Breach(service="Литрес", domain="litres.ru")) == {1, 2}
    assert watchers(Breach(service="Яндекс.Еда")) == {3, 4}
    assert watchers(Breach(service="Яндекс", domain="yandex.ru")) == {3}
    plan = db.execute("EXPLAIN QUERY PLAN SELECT chat_id FROM watches WHERE service_key IN ('a', 'b')").fetchall()
    assert any("watches_service_key" in str(step) or "autoindex" in str(step) for step in plan)
