"""Any spelling of a watched service: the cross-script pair table (issue 16) and the phonetic key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.breaches.names import ServiceDirectory, default_directory
from bot.breaches.phonetic import phonetic_key

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "breach_name_pairs.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def directory() -> ServiceDirectory:
    return default_directory()


def test_the_table_is_big_enough() -> None:
    assert len(TABLE["pairs"]) >= 60
    assert len(TABLE["near_misses"]) >= 30


@pytest.mark.parametrize(("a", "b"), TABLE["pairs"])
def test_spellings_of_one_brand_resolve_to_one_service(directory: ServiceDirectory, a: str, b: str) -> None:
    assert directory.resolve(a).key == directory.resolve(b).key


@pytest.mark.parametrize(("a", "b"), TABLE["near_misses"])
def test_near_misses_stay_apart(directory: ServiceDirectory, a: str, b: str) -> None:
    assert directory.resolve(a).key != directory.resolve(b).key


@pytest.mark.parametrize(("ru", "en"), [("ЮТэйр", "Utair"), ("Юдеми", "Udemy"), ("СДЭК", "CDEK"),
                                        ("Вкусвилл", "VkusVill"), ("Тинькофф", "Tinkoff")])
def test_the_phonetic_key_ignores_script_and_vowels(ru: str, en: str) -> None:
    assert phonetic_key(ru) == phonetic_key(en)


def test_the_phonetic_key_keeps_every_word() -> None:
    assert phonetic_key("Яндекс Такси") != phonetic_key("Яндекс Еда")


def test_a_sound_alike_of_an_unlisted_spelling_reaches_the_service(directory: ServiceDirectory) -> None:
    # «Юдэми» is in no list; it sounds like Udemy, which the directory knows.
    assert directory.resolve("Юдэми").key == "udemy"


def test_an_abbreviation_is_not_matched_by_sound(directory: ServiceDirectory) -> None:
    assert directory.resolve("ozn").key != "ozon"


def test_a_name_the_directory_lacks_still_gets_a_key(directory: ServiceDirectory) -> None:
    service = directory.resolve("Магазин Ромашка")
    assert not service.known and service.key == "magazin-romashka"
