"""Country names are shown in the reader's language, and in English for a language the table lacks."""

import pytest

from bot.kb.countries import COUNTRIES, LABELS, country_label, country_names


@pytest.mark.parametrize(("code", "lang", "expected"), [
    ("IT", "ru", "Италия"),
    ("IT", "en", "Italy"),
    ("gb", "en", "United Kingdom"),
    ("GB", "ru", "Великобритания"),
    ("CZ", "ru", "Чехия"),
    ("CZ", "en", "Czech Republic"),
    ("DE", "ru-RU", "Германия"),        # a regional tag reads as its language
    ("DE", "en-GB", "Germany"),
])
def test_label_in_the_readers_language(code, lang, expected):
    assert country_label(code, lang) == expected


@pytest.mark.parametrize("lang", ["de", "uk", "kk", "fr", "", "xx"])
def test_a_language_without_names_gets_english_not_russian(lang):
    assert country_label("FR", lang) == "France"
    assert country_label("ES", lang) == "Spain"


def test_unknown_code_is_shown_as_is():
    assert country_label("ZZ", "ru") == "ZZ"
    assert country_label("ZZ", "de") == "ZZ"


def test_every_country_has_a_label_in_every_language():
    for lang, labels in LABELS.items():
        assert set(labels) == set(COUNTRIES), lang


def test_search_names_hold_every_language_and_the_other_forms():
    assert {"Italy", "Италия", "Италии", "Italian"} <= set(country_names("it"))
    assert country_names("GB")[0] == "United Kingdom" and "UK" in country_names("GB")
    assert country_names("ZZ") == ()
