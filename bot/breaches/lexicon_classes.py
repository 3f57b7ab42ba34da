"""The breach vocabulary's data classes: what leaked, as posts name it, by lemma (HIBP's names for them).

Part of the one breach vocabulary (``lexicon.py`` holds the events, roles and gates); read by ``extract.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.breaches.phrases import PhraseSet, lemma_set


@dataclass(frozen=True)
class DataClass:
    """One HIBP data class as posts name it. ``not_before``/``not_after``: lemmas that, right before or after
    a match, make it something else ("user name" is a username, «адрес почты» an email address)."""

    name: str
    phrases: PhraseSet
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    lowercase: bool = False  # «почта» the mailbox, not «Почта России»


# The data classes of HIBP, by lemma, in the order they are checked.
DATA_CLASSES = [
    DataClass("Usernames", PhraseSet("логин", "имя пользователь", "никнейм", "ник", "usernam", "user name",
                                     "login", "screen name", "login name", "handl", "nicknam", "account name",
                                     "имя ~ аккаунт")),
    DataClass("Names", PhraseSet("фио", "ф и о", "имя", "фамилия", "отчество", "name", "full name", "surnam",
                                 "first ~ last name"),
              not_before=lemma_set("от", "user compani domain file screen login account employ"),
              not_after=lemma_set("пользователь", "of")),
    DataClass("Email addresses", PhraseSet("email", "e-mail", "e mail", "электронный почта", "эл почта",
                                           "адрес ~ почта", "емейл", "имейл", "почтовый ящик", "mail address")),
    DataClass("Email addresses", PhraseSet("почта"), not_after=lemma_set("россия банк"), lowercase=True),
    DataClass("Phone numbers", PhraseSet("телефон", "телефонный", "тел", "мобильный номер", "номер мобильный",
                                         "phone", "telephon", "mobil number", "cell number", "contact number",
                                         "контактный ~ номер")),
    # (a hash names the password it keeps: "bcrypt hash"; «защищена паролем», "password protected" is no leaked one)
    DataClass("Passwords", PhraseSet("пароль", "password", "passwd", "bcrypt|md5|sha1|sha256|scrypt ~ hash"),
              not_before=lemma_set("защитить защищенный защищать без", ""),
              not_after=lemma_set("", "protect")),
    DataClass("Dates of birth", PhraseSet("дата рождение", "день рождение", "date of birth", "birth date",
                                          "birthdat", "dob", "birthday")),
    DataClass("Physical addresses", PhraseSet(
        "адрес", "home|physic|postal|mail|street|ship|deliveri|bill|residenti address", "address",
        "zip ~ code", "postcod", "почтовый ~ индекс"),
        not_before=lemma_set("ip уникальный email e-mail", "email e-mail ip mac wallet uniqu"),
        not_after=lemma_set("эл электронный почта email e-mail ip", "email")),
    DataClass("Passport numbers", PhraseSet("паспорт", "паспортный", "реквизит ~ документ",
                                            "удостоверение ~ личность", "passport", "ident document")),
    DataClass("Social security numbers", PhraseSet("снилс", "social secur number", "ssn", "ssns", "nation insur number",
                                                   "номер ~ социальный ~ страхование")),
    DataClass("Government issued IDs", PhraseSet("инн", "aadhaar", "аадхар", "pan card|number|detail", "nation id",
                                                 "govern issu id", "id card number", "tax id|identif", "voter id",
                                                 # "names and identity numbers of customers", "ID numbers"
                                                 "ident number|card", "id number")),
    DataClass("Driver's licenses", PhraseSet("водительский ~ удостоверение|право", "driver ~ licens*|licenc*")),
    DataClass("Partial credit card data", PhraseSet(
        "последний|первый ~ 4|6|четыре|шесть ~ цифра", "маскированный ~ номер", "частичный ~ номер ~ карта",
        "partial ~ card", "mask ~ card"), not_after=lemma_set("", "of social ssn tax")),
    DataClass("Credit cards", PhraseSet("номер ~ карта", "данные ~ карта", "банковский ~ карта|данные",
                                        "платежный ~ данные|карта|реквизит", "кредитный|дебетовый ~ карта",
                                        "cvv", "cvc", "credit|debit|payment|bank card",
                                        "card number", "сведение|данные|информация ~ о ~ платеж",
                                        "payment ~ inform|detail|data")),
    DataClass("Bank account numbers", PhraseSet("номер ~ счет", "расчетный счет", "банковский реквизит",
                                                "bank account", "iban", "bank ~ detail|inform")),
    DataClass("IP addresses", PhraseSet("ip", "ip-адрес")),
    DataClass("Genders", PhraseSet("пол", "gender"), lowercase=True),
    DataClass("Geographic locations", PhraseSet("город", "геолокация", "geoloc", "geograph locat", "citi")),
    DataClass("Purchases", PhraseSet(
        "история ~ заказ|покупка", "состав ~ заказ", "сумма ~ заказ|покупка", "данные ~ заказ|покупка", "номер ~ заказ",
        "информация ~ заказ|покупка", "отправление", "посылка", "трек-номер", "purchas", "order", "transact histori",
        "shipment", "track number"), not_after=lemma_set("", "record id number")),
    DataClass("Personal health data", PhraseSet(
        "результат ~ анализ|исследование", "медицинский ~ данные|информация|карта|запись", "диагноз",
        "состояние ~ здоровье", "medic record|data|inform|histori|report", "health data|record|inform",
        "treatment histori", "diagnos*", "test result", "lab result",
        # patients' data is health data, whatever else it holds
        "данные|сведение|информация|база|карта ~ пациент", "пациент ~ данные|база", "patient ~ data|record|inform",
        "data|record|inform ~ of ~ patient")),
    DataClass("Health insurance information", PhraseSet("полис ~ омс|дмс", "медицинский ~ страхование",
                                                        "insur ~ detail|number|polici|inform", "polici number")),
    DataClass("Employers", PhraseSet("место ~ работа", "работодатель", "employ", "сведение|данные ~ работа")),
    DataClass("Photos", PhraseSet("фотография", "фото", "photo", "photograph")),
    DataClass("Job titles", PhraseSet("должность", "job titl")),
    DataClass("Social media profiles", PhraseSet("ссылка ~ профиль|страница", "профиль ~ соцсеть",
                                                 "social media profil")),
    DataClass("Security questions and answers", PhraseSet("секретный|контрольный ~ вопрос", "secur question")),
    DataClass("Auth tokens", PhraseSet("токен", "auth token", "authent token", "session token")),
    DataClass("Vehicle details", PhraseSet("госномер", "vin", "номер ~ автомобиль", "vehicl ~ detail|registr|inform")),
    DataClass("Avatars", PhraseSet("аватар", "avatar")),
    DataClass("Income levels", PhraseSet("заработный ~ плата", "зарплата", "размер ~ доход", "salari*",
                                         "payrol ~ data|inform|detail", "incom ~ level|data|inform")),
    DataClass("Device information", PhraseSet("тип|модель|данные|идентификатор ~ устройство",
                                              "devic ~ type|inform|id|model", "user ~ agent")),
    DataClass("Credit status information", PhraseSet("сумма ~ кредит", "кредитный ~ история|рейтинг",
                                                     "loan ~ amount|detail", "credit ~ histori|score")),
]
