"""Names of the countries whose regulators issue GDPR fines, so that `Италия`, `Italy` and `IT` meet."""

from __future__ import annotations

# code: (English, Russian nominative, Russian locative/genitive forms people type, adjectives, demonyms)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "AT": ("Austria", "Австрия", "Австрии", "австрийский", "Austrian"),
    "BE": ("Belgium", "Бельгия", "Бельгии", "бельгийский", "Belgian"),
    "BG": ("Bulgaria", "Болгария", "Болгарии", "болгарский", "Bulgarian"),
    "HR": ("Croatia", "Хорватия", "Хорватии", "хорватский", "Croatian"),
    "CY": ("Cyprus", "Кипр", "Кипре", "кипрский", "Cypriot"),
    "CZ": ("Czech Republic", "Czechia", "Чехия", "Чехии", "чешский", "Czech"),
    "DK": ("Denmark", "Дания", "Дании", "датский", "Danish"),
    "EE": ("Estonia", "Эстония", "Эстонии", "эстонский", "Estonian"),
    "FI": ("Finland", "Финляндия", "Финляндии", "финский", "Finnish"),
    "FR": ("France", "Франция", "Франции", "французский", "French", "француз"),
    "DE": ("Germany", "Германия", "Германии", "немецкий", "German", "немец"),
    "GR": ("Greece", "Греция", "Греции", "греческий", "Greek"),
    "HU": ("Hungary", "Венгрия", "Венгрии", "венгерский", "Hungarian"),
    "IE": ("Ireland", "Ирландия", "Ирландии", "ирландский", "Irish", "ирландец"),
    "IT": ("Italy", "Италия", "Италии", "итальянский", "Italian", "итальянец"),
    "LV": ("Latvia", "Латвия", "Латвии", "латвийский", "Latvian"),
    "LT": ("Lithuania", "Литва", "Литве", "литовский", "Lithuanian"),
    "LU": ("Luxembourg", "Люксембург", "Люксембурге", "люксембургский"),
    "MT": ("Malta", "Мальта", "Мальте", "мальтийский", "Maltese"),
    "NL": ("Netherlands", "Нидерланды", "Нидерландах", "Голландия", "нидерландский", "Dutch", "голландец"),
    "PL": ("Poland", "Польша", "Польше", "польский", "Polish", "поляк"),
    "PT": ("Portugal", "Португалия", "Португалии", "португальский", "Portuguese"),
    "RO": ("Romania", "Румыния", "Румынии", "румынский", "Romanian"),
    "SK": ("Slovakia", "Словакия", "Словакии", "словацкий", "Slovak"),
    "SI": ("Slovenia", "Словения", "Словении", "словенский", "Slovenian"),
    "ES": ("Spain", "Испания", "Испании", "испанский", "Spanish", "испанец"),
    "SE": ("Sweden", "Швеция", "Швеции", "шведский", "Swedish"),
    "NO": ("Norway", "Норвегия", "Норвегии", "норвежский", "Norwegian"),
    "IS": ("Iceland", "Исландия", "Исландии", "исландский", "Icelandic"),
    "LI": ("Liechtenstein", "Лихтенштейн", "Лихтенштейне", "лихтенштейнский"),
    "GB": ("United Kingdom", "UK", "Britain", "Великобритания", "Великобритании", "британский", "British", "британец"),
}


def country_names(code: str) -> tuple[str, ...]:
    return COUNTRIES.get(code.upper(), ())


def country_label(code: str, lang: str) -> str:
    names = COUNTRIES.get(code.upper())
    if not names:
        return code
    if lang == "en":
        return names[0]
    return next(name for name in names if any("а" <= ch.lower() <= "я" for ch in name))
