"""The name matcher finds whole names only: a word that merely shares a stem or a prefix with a service's name is
not that service ("Revolution" is not Revolut, «Магнитогорск» is not Магнит), while a name's own inflections and
possessives are («СДЭКа», "Udemy's")."""

from __future__ import annotations

import pytest

from bot.breaches.lemmas import tokens
from bot.breaches.matcher import NameMatcher
from bot.breaches.names import default_directory

WATCHED = ("Revolut", "Магазин Ромашка")


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(default_directory(), WATCHED)


def found(matcher: NameMatcher, text: str) -> set[str]:
    return {hit.key for hit in matcher.find(tokens(text))}


# (text, the service key that must NOT be found in it)
NEAR_MISSES = [
    ("The Revolution Slider plugin exposed 2 million sites", "revolut"),
    ("Revolutionary hackers leaked a database", "revolut"),
    ("Targeted phishing hit 5,000 users", "target"),
    ("Discords of the past were aired", "discord"),
    ("Apples and oranges were sold", "apple"),
    ("Ubers and taxis", "uber"),
    ("Magnitude of the leak is unclear", "magnit"),
    ("Adobes were built of clay", "adobe"),
    ("Canvas fingerprinting data leaked", "canva"),
    ("Sonys of the world", "sony"),
    ("Dropboxes full of paper", "dropbox"),
    ("Житель Магнитогорска продавал базы", "magnit"),
    ("Дыра в озоновом слое", "ozon"),
    ("Зенитная ракета попала в склад", "bank-zenit"),
    ("Об утечке сообщила лента новостей", "lenta"),
    ("Avitologists met", "avito"),
    ("Ромашка на лугу", "magazin-romashka"),
]
# (text, the service key that must be found in it)
HITS = [
    ("Hackers stole data of Revolut's customers", "revolut"),
    ("Revolut’s clients were warned", "revolut"),
    ("Udemy's users", "udemy"),
    ("Adobe's users", "adobe"),
    ("Утекли данные клиентов СДЭКа", "cdek"),
    ("данные клиентов «Мегафона»", "megafon"),
    ("клиентов «Острова чистоты и вкуса»", "ostrov-chistoty"),
    ("Утекла база магазина ромашка", "magazin-romashka"),
    ("Mail.ru Group confirmed", "mail-ru"),
]


@pytest.mark.parametrize(("text", "key"), NEAR_MISSES)
def test_a_word_sharing_a_stem_or_prefix_is_not_the_name(matcher: NameMatcher, text: str, key: str) -> None:
    assert key not in found(matcher, text)


@pytest.mark.parametrize(("text", "key"), HITS)
def test_a_name_is_found_in_its_inflections_and_possessives(matcher: NameMatcher, text: str, key: str) -> None:
    assert key in found(matcher, text)


def test_the_near_miss_table_is_not_trivial() -> None:
    assert len(NEAR_MISSES) >= 15 and len(HITS) >= 8
