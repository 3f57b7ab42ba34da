"""Names of the countries whose regulators issue GDPR fines, so that `Италия`, `Italy` and `IT` meet."""

from __future__ import annotations

# code: (English, Russian nominative, Russian locative/genitive forms people type, adjective stems)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "AT": ("Austria", "Австрия", "Австрии", "австрийский"),
    "BE": ("Belgium", "Бельгия", "Бельгии", "бельгийский"),
    "BG": ("Bulgaria", "Болгария", "Болгарии", "болгарский"),
    "HR": ("Croatia", "Хорватия", "Хорватии", "хорватский"),
    "CY": ("Cyprus", "Кипр", "Кипре", "кипрский"),
    "CZ": ("Czech Republic", "Czechia", "Чехия", "Чехии", "чешский"),
    "DK": ("Denmark", "Дания", "Дании", "датский"),
    "EE": ("Estonia", "Эстония", "Эстонии", "эстонский"),
    "FI": ("Finland", "Финляндия", "Финляндии", "финский"),
    "FR": ("France", "Франция", "Франции", "французский"),
    "DE": ("Germany", "Германия", "Германии", "немецкий"),
    "GR": ("Greece", "Греция", "Греции", "греческий"),
    "HU": ("Hungary", "Венгрия", "Венгрии", "венгерский"),
    "IE": ("Ireland", "Ирландия", "Ирландии", "ирландский"),
    "IT": ("Italy", "Италия", "Италии", "итальянский"),
    "LV": ("Latvia", "Латвия", "Латвии", "латвийский"),
    "LT": ("Lithuania", "Литва", "Литве", "литовский"),
    "LU": ("Luxembourg", "Люксембург", "Люксембурге", "люксембургский"),
    "MT": ("Malta", "Мальта", "Мальте", "мальтийский"),
    "NL": ("Netherlands", "Нидерланды", "Нидерландах", "Голландия", "нидерландский"),
    "PL": ("Poland", "Польша", "Польше", "польский"),
    "PT": ("Portugal", "Португалия", "Португалии", "португальский"),
    "RO": ("Romania", "Румыния", "Румынии", "румынский"),
    "SK": ("Slovakia", "Словакия", "Словакии", "словацкий"),
    "SI": ("Slovenia", "Словения", "Словении", "словенский"),
    "ES": ("Spain", "Испания", "Испании", "испанский"),
    "SE": ("Sweden", "Швеция", "Швеции", "шведский"),
    "NO": ("Norway", "Норвегия", "Норвегии", "норвежский"),
    "IS": ("Iceland", "Исландия", "Исландии", "исландский"),
    "LI": ("Liechtenstein", "Лихтенштейн", "Лихтенштейне", "лихтенштейнский"),
    "GB": ("United Kingdom", "UK", "Britain", "Великобритания", "Великобритании", "британский"),
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
