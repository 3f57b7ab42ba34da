"""Names of the countries whose regulators issue GDPR fines, so that `Италия`, `Italy` and `IT` meet.

`LABELS` holds the name to show, per language (`country_label`); a language it lacks gets the English name.
`COUNTRIES` holds every name a question may use for a country (the labels of all languages, then the other forms
people type: cases, adjectives, demonyms, short names), for search.
"""

from __future__ import annotations

FALLBACK_LANGUAGE = "en"

# language: {code: the country's name in that language}
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "HR": "Croatia", "CY": "Cyprus",
        "CZ": "Czech Republic", "DK": "Denmark", "EE": "Estonia", "FI": "Finland", "FR": "France",
        "DE": "Germany", "GR": "Greece", "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LV": "Latvia",
        "LT": "Lithuania", "LU": "Luxembourg", "MT": "Malta", "NL": "Netherlands", "PL": "Poland",
        "PT": "Portugal", "RO": "Romania", "SK": "Slovakia", "SI": "Slovenia", "ES": "Spain", "SE": "Sweden",
        "NO": "Norway", "IS": "Iceland", "LI": "Liechtenstein", "GB": "United Kingdom",
    },
    "ru": {
        "AT": "Австрия", "BE": "Бельгия", "BG": "Болгария", "HR": "Хорватия", "CY": "Кипр", "CZ": "Чехия",
        "DK": "Дания", "EE": "Эстония", "FI": "Финляндия", "FR": "Франция", "DE": "Германия", "GR": "Греция",
        "HU": "Венгрия", "IE": "Ирландия", "IT": "Италия", "LV": "Латвия", "LT": "Литва", "LU": "Люксембург",
        "MT": "Мальта", "NL": "Нидерланды", "PL": "Польша", "PT": "Португалия", "RO": "Румыния",
        "SK": "Словакия", "SI": "Словения", "ES": "Испания", "SE": "Швеция", "NO": "Норвегия",
        "IS": "Исландия", "LI": "Лихтенштейн", "GB": "Великобритания",
    },
}

# code: the other forms people type (Russian locative/genitive, adjectives, demonyms, short names)
_OTHER_FORMS: dict[str, tuple[str, ...]] = {
    "AT": ("Австрии", "австрийский", "Austrian"),
    "BE": ("Бельгии", "бельгийский", "Belgian"),
    "BG": ("Болгарии", "болгарский", "Bulgarian"),
    "HR": ("Хорватии", "хорватский", "Croatian"),
    "CY": ("Кипре", "кипрский", "Cypriot"),
    "CZ": ("Czechia", "Чехии", "чешский", "Czech"),
    "DK": ("Дании", "датский", "Danish"),
    "EE": ("Эстонии", "эстонский", "Estonian"),
    "FI": ("Финляндии", "финский", "Finnish"),
    "FR": ("Франции", "французский", "French", "француз"),
    "DE": ("Германии", "немецкий", "German", "немец"),
    "GR": ("Греции", "греческий", "Greek"),
    "HU": ("Венгрии", "венгерский", "Hungarian"),
    "IE": ("Ирландии", "ирландский", "Irish", "ирландец"),
    "IT": ("Италии", "итальянский", "Italian", "итальянец"),
    "LV": ("Латвии", "латвийский", "Latvian"),
    "LT": ("Литве", "литовский", "Lithuanian"),
    "LU": ("Люксембурге", "люксембургский"),
    "MT": ("Мальте", "мальтийский", "Maltese"),
    "NL": ("Нидерландах", "Голландия", "нидерландский", "Dutch", "голландец"),
    "PL": ("Польше", "польский", "Polish", "поляк"),
    "PT": ("Португалии", "португальский", "Portuguese"),
    "RO": ("Румынии", "румынский", "Romanian"),
    "SK": ("Словакии", "словацкий", "Slovak"),
    "SI": ("Словении", "словенский", "Slovenian"),
    "ES": ("Испании", "испанский", "Spanish", "испанец"),
    "SE": ("Швеции", "шведский", "Swedish"),
    "NO": ("Норвегии", "норвежский", "Norwegian"),
    "IS": ("Исландии", "исландский", "Icelandic"),
    "LI": ("Лихтенштейне", "лихтенштейнский"),
    "GB": ("UK", "Britain", "Великобритании", "британский", "British", "британец"),
}

# code: every name of the country (the English label first)
COUNTRIES: dict[str, tuple[str, ...]] = {
    code: tuple(dict.fromkeys((LABELS[FALLBACK_LANGUAGE][code],
                               *(labels[code] for labels in LABELS.values() if code in labels),
                               *_OTHER_FORMS.get(code, ()))))
    for code in LABELS[FALLBACK_LANGUAGE]
}


def country_names(code: str) -> tuple[str, ...]:
    return COUNTRIES.get(code.upper(), ())


def country_label(code: str, lang: str) -> str:
    """The country's name in `lang`; in English when there is none in that language; the code when unknown."""
    code = code.upper()
    labels = LABELS.get((lang or "").lower().split("-")[0], LABELS[FALLBACK_LANGUAGE])
    return labels.get(code) or LABELS[FALLBACK_LANGUAGE].get(code, code)
