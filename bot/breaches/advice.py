"""What a breach means for the user: localised data class names, "what to do now" steps chosen by
the exposed data, and what Russian law requires of a Russian operator.

Everything returned here is plain text; ``render.py`` escapes it for Telegram HTML.
Russian data class names follow Mozilla Monitor's ``locales/ru/data-classes.ftl`` (shortened where
Telegram space matters: "Адреса эл. почты").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.breaches.extract import is_weak_storage
from bot.breaches.models import Breach

# HIBP data class -> Russian label.
DATA_CLASS_RU: dict[str, str] = {
    "Names": "Имена",
    "Email addresses": "Адреса эл. почты",
    "Passwords": "Пароли",
    "Phone numbers": "Телефонные номера",
    "Passport numbers": "Номера паспортов",
    "Physical addresses": "Физические адреса",
    "Dates of birth": "Даты рождения",
    "Usernames": "Логины",
    "IP addresses": "IP-адреса",
    "Genders": "Пол",
    "Geographic locations": "Географические местоположения",
    "Social security numbers": "Номера социального страхования (СНИЛС)",
    "Government issued IDs": "Удостоверения и госидентификаторы (ИНН и др.)",
    "Driver's licenses": "Водительские удостоверения",
    "Credit cards": "Банковские карты",
    "Partial credit card data": "Частичные данные банковских карт",
    "Credit card CVV": "CVV-коды банковских карт",
    "Bank account numbers": "Номера банковских счетов",
    "Purchases": "Покупки",
    "Personal health data": "Персональные данные о здоровье",
    "Health insurance information": "Информация о медицинском страховании",
    "Employers": "Работодатели",
    "Job titles": "Названия должностей",
    "Social media profiles": "Профили социальных сетей",
    "Security questions and answers": "Вопросы для восстановления паролей и ответы на них",
    "Auth tokens": "Авторизационные токены",
    "Vehicle details": "Информация о транспортных средствах",
    "Website activity": "Активность на веб-сайтах",
    "Private messages": "Личные сообщения",
    "Password hints": "Подсказки для паролей",
    "Biometric data": "Биометрические данные",
    "Payment histories": "Истории платежей",
    "Device information": "Информация об устройствах",
    "Photos": "Фотографии",
    "Profile photos": "Фотографии профилей",
    "Spoken languages": "Языки общения",
    "Time zones": "Часовые пояса",
    "Nationalities": "Национальности",
    "Marital statuses": "Семейные положения",
    "Salutations": "Обращения",
    "Employment statuses": "Статусы занятости",
    "Education levels": "Уровни образования",
    "Income levels": "Уровни доходов",
}

IDENTITY_CLASSES = {"Passport numbers", "Social security numbers", "Government issued IDs", "Driver's licenses"}
CARD_CLASSES = {"Credit cards", "Credit card CVV"}
PERSONAL_CLASSES = {"Physical addresses", "Dates of birth"}
HEALTH_CLASSES = {"Personal health data", "Health insurance information"}

# KoAP RF art. 13.11 after 420-FZ (in force 30 May 2025), legal entities, RUB million, by number of
# data subjects: (from, to_exclusive, part, min, max). Source: /work/shared/research/legal_facts.md 2(b).
LEAK_FINES = (
    (1_000, 10_000, 12, 3, 5),
    (10_000, 100_000, 13, 5, 10),
    (100_000, None, 14, 10, 15),
)
FINES_IN_FORCE = date(2025, 5, 30)
NOTIFY_DUTY_SINCE = date(2022, 9, 1)  # 152-FZ art. 21(3.1), added by 266-FZ
LAW_CITATION = "КоАП РФ ст. 13.11 ч. 12-14"


def data_class_label(name: str, lang: str) -> str:
    return DATA_CLASS_RU.get(name, name) if lang == "ru" else name


def storage_label(storage: str | None, lang: str) -> str | None:
    """"SHA1 unsalted" -> "SHA1 без соли"; "plaintext" -> "в открытом виде" / "plain text"."""
    if not storage:
        return None
    if lang != "ru":
        return {"plaintext": "plain text", "hashed": "hashed (algorithm unknown)",
                "encrypted": "encrypted (reversible)"}.get(storage, storage)
    special = {"plaintext": "в открытом виде", "hashed": "хеш (алгоритм не указан)",
               "encrypted": "зашифрованы обратимо"}
    if storage in special:
        return special[storage]
    return storage.replace(" unsalted", " без соли").replace(" salted", " с солью")


def advice_steps(breach: Breach, lang: str) -> list[str]:
    """Concrete steps for the data classes this breach exposed, most urgent first."""
    ru = lang == "ru"
    name = breach.service if len(breach.service) <= 80 else breach.service[:79].rstrip() + "…"
    classes = set(breach.data_classes)
    steps: list[str] = []
    if breach.has_passwords:
        steps.append(
            f"Смените пароль от «{name}» и везде, где стоял такой же; включите двухфакторную аутентификацию."
            if ru else
            f"Change your {name} password and the same password everywhere you reused it; turn on two-factor "
            "authentication."
        )
        if breach.password_storage in ("plaintext", "encrypted"):
            how = storage_label(breach.password_storage, lang)
            steps.append(
                f"Пароли хранились {how}: считайте их опубликованными."
                if ru else f"The passwords were stored {how}: treat them as public."
            )
        elif is_weak_storage(breach.password_storage):
            how = storage_label(breach.password_storage, lang)
            steps.append(
                f"Пароли хранились как слабый хеш ({how}): считайте их опубликованными, такие хеши легко "
                "подобрать."
                if ru else
                f"The passwords were stored as weak hashes ({how}): treat them as public, such hashes are easy "
                "to crack."
            )
    if "Email addresses" in classes:
        steps.append(
            f"Ждите фишинговых писем, которые упоминают «{name}»: не переходите по ссылкам из них, заходите на "
            "сайт сами."
            if ru else
            f"Expect phishing e-mails that mention {name}: don't follow their links, open the site yourself."
        )
    if "Phone numbers" in classes:
        steps.append(
            "Ждите звонков и SMS от «службы безопасности» или «поддержки». Следите за подменой SIM-карты: "
            "попросите оператора запретить замену SIM без вашего личного визита."
            if ru else
            "Expect scam calls and texts from \"security\" or \"support\" teams. Watch for SIM swap: ask your "
            "mobile operator to block SIM replacement unless you come in person."
        )
    if classes & IDENTITY_CLASSES:
        # Backed by knowledge entries leak-advice-credit-report-free (218-FZ art. 8) and
        # leak-advice-credit-self-ban-31fz (31-FZ, since 1 March 2025); tests/test_breach_render.py ties them.
        steps.append(
            "Следите, не оформят ли на вас кредит: проверьте кредитную историю в БКИ (список ваших бюро есть на "
            "Госуслугах, отчёт бесплатен дважды в год), входы и уведомления на Госуслугах; можно поставить "
            "самозапрет на кредиты."
            if ru else
            "Watch for loans taken out in your name: check your credit history with the credit bureaus (in Russia "
            "the list of your bureaus is on Gosuslugi; in India, CIBIL and others) and the logins and notices on "
            "your government services account."
        )
    if classes & CARD_CLASSES:
        steps.append(
            "Перевыпустите банковскую карту и проверьте выписки за последние месяцы."
            if ru else "Have your bank card reissued and check recent statements."
        )
    elif "Partial credit card data" in classes:
        steps.append(
            "Утекли только части номеров карт: перевыпуск не обязателен, но не верьте звонящим, которые называют "
            "последние цифры вашей карты."
            if ru else
            "Only parts of card numbers leaked: no need to reissue, but don't trust callers who quote your card's "
            "last digits."
        )
    if classes & PERSONAL_CLASSES:
        steps.append(
            "Адрес и дату рождения используют, чтобы звучать убедительно: знание ваших данных не доказывает, что "
            "звонит банк, курьер или госорган."
            if ru else
            "Addresses and dates of birth are used for social engineering: a caller who knows them is not proven "
            "to be your bank, courier or a government office."
        )
    if classes & HEALTH_CLASSES:
        steps.append(
            "Медицинские данные не сменить: осторожнее со звонками «из клиники» или «страховой» и с шантажом."
            if ru else
            "Health data cannot be changed: be wary of calls \"from the clinic\" or insurer, and of blackmail."
        )
    if "Security questions and answers" in classes:
        steps.append(
            "Смените контрольные вопросы и ответы там, где использовали такие же."
            if ru else "Change security questions and answers wherever you used the same ones."
        )
    if not steps:
        steps.append(
            f"Будьте осторожны с письмами, сообщениями и звонками, которые ссылаются на «{name}»."
            if ru else f"Be careful with e-mails, messages and calls that refer to {name}."
        )
    return steps


def subjects_estimate(breach: Breach) -> int | None:
    """Number of people affected, best guess: unique e-mails if known (rows can repeat a person)."""
    return breach.unique_emails or breach.record_count


def fine_tier(subjects: int | None) -> tuple[int, int, int] | None:
    """``(part, min_mln, max_mln)`` of KoAP 13.11 for this many subjects, None below 1,000 or unknown."""
    if subjects is None:
        return None
    for low, high, part, fine_min, fine_max in LEAK_FINES:
        if subjects >= low and (high is None or subjects < high):
            return part, fine_min, fine_max
    return None


def operator_duties(breach: Breach, lang: str, *, fmt_int: Callable[[int], str]) -> list[str]:
    """What 152-FZ and KoAP require of a Russian operator after this leak (plain text lines).

    ``fmt_int`` formats numbers for ``lang`` (passed in to keep number formatting in one place).
    """
    ru = lang == "ru"
    when = breach.breach_date or (breach.reported_at.date() if breach.reported_at else None)
    if when and when < NOTIFY_DUTY_SINCE:
        lines = [
            "Обязанность уведомлять Роскомнадзор об утечке в течение 24 часов и сообщать итоги расследования в "
            "течение 72 часов (ч. 3.1 ст. 21 152-ФЗ) действует с 1 сентября 2022 года, то есть появилась позже "
            "этой утечки."
            if ru else
            "The duty to notify Roskomnadzor within 24 hours and report investigation results within 72 hours "
            "(152-FZ art. 21(3.1)) exists since 1 September 2022, after this leak."
        ]
    else:
        lines = [
            "По ч. 3.1 ст. 21 152-ФЗ оператор должен уведомить Роскомнадзор в течение 24 часов после обнаружения "
            "утечки, а в течение 72 часов — сообщить результаты внутреннего расследования."
            if ru else
            "Under 152-FZ art. 21(3.1) the operator must notify Roskomnadzor within 24 hours of detecting the leak "
            "and report the results of its internal investigation within 72 hours."
        ]
    subjects = subjects_estimate(breach)
    tier = fine_tier(subjects)
    if tier:
        part, low, high = tier
        lower, upper = next((lo, hi) for lo, hi, p, _, _ in LEAK_FINES if p == part)
        if ru:
            span = f"более {fmt_int(lower)}" if upper is None else f"от {fmt_int(lower)} до {fmt_int(upper)}"
            basis = "уникальных адресов" if breach.unique_emails else "записей"
            lines.append(
                f"Штраф для юрлица — {low}–{high} млн ₽: ч. {part} — утечка данных {span} субъектов "
                f"(оценка по числу {basis}: {fmt_int(subjects)}). {LAW_CITATION}."
            )
        else:
            span = f"over {fmt_int(lower)}" if upper is None else f"{fmt_int(lower)} to {fmt_int(upper)}"
            basis = "unique e-mails" if breach.unique_emails else "records"
            lines.append(
                f"Fine for a legal entity: RUB {low}–{high} million, part {part}: a leak of data of {span} people "
                f"(estimated from {fmt_int(subjects)} {basis}). {LAW_CITATION}."
            )
    elif subjects is not None:
        lines.append(
            f"Меньше 1 000 субъектов: повышенные штрафы за утечку ({LAW_CITATION}) начинаются с 1 000."
            if ru else f"Fewer than 1,000 people: the leak fines ({LAW_CITATION}) start at 1,000."
        )
    else:
        lines.append(
            f"Штраф для юрлица зависит от числа субъектов: 3–5 млн ₽ (от 1 000), 5–10 млн ₽ (от 10 000), "
            f"10–15 млн ₽ (более 100 000). {LAW_CITATION}."
            if ru else
            f"The fine for a legal entity depends on the number of people: RUB 3–5 million (from 1,000), "
            f"5–10 million (from 10,000), 10–15 million (over 100,000). {LAW_CITATION}."
        )
    if (tier or subjects is None) and when and when < FINES_IN_FORCE:
        lines.append(
            "Утечка произошла до 30.05.2025, когда вступили в силу эти штрафы (420-ФЗ); по ст. 1.7 КоАП "
            "применяется закон, действовавший во время нарушения, поэтому к ней они, скорее всего, не применимы."
            if ru else
            "The leak predates 30 May 2025, when these fines (420-FZ) took effect; under KoAP art. 1.7 the law in "
            "force at the time applies, so they most likely do not apply to it."
        )
    return lines
