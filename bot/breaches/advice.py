"""What a breach means for the user: localised data class names, "what to do now" steps chosen by
the exposed data, and what Russian law requires of a Russian operator. The words are in
``bot/locales/<lang>/breaches.ftl``; this module chooses which to say.

Steps, duties and storage labels come back as Telegram HTML (the catalogue escapes the values put in them);
a data class label is plain text (an unknown class is the feed's own name), and ``render.py`` escapes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.breaches.extract import is_weak_storage
from bot.breaches.models import Breach
from bot.i18n import Html, t

# HIBP data class -> its text key (the labels are in bot/locales/<lang>/breaches.ftl).
DATA_CLASS_KEYS: dict[str, str] = {
    "Names": "dc_names",
    "Email addresses": "dc_email_addresses",
    "Passwords": "dc_passwords",
    "Phone numbers": "dc_phone_numbers",
    "Passport numbers": "dc_passport_numbers",
    "Physical addresses": "dc_physical_addresses",
    "Dates of birth": "dc_dates_of_birth",
    "Usernames": "dc_usernames",
    "IP addresses": "dc_ip_addresses",
    "Genders": "dc_genders",
    "Geographic locations": "dc_geographic_locations",
    "Social security numbers": "dc_social_security_numbers",
    "Government issued IDs": "dc_government_issued_ids",
    "Driver's licenses": "dc_driver_s_licenses",
    "Credit cards": "dc_credit_cards",
    "Partial credit card data": "dc_partial_credit_card_data",
    "Credit card CVV": "dc_credit_card_cvv",
    "Bank account numbers": "dc_bank_account_numbers",
    "Purchases": "dc_purchases",
    "Personal health data": "dc_personal_health_data",
    "Health insurance information": "dc_health_insurance_information",
    "Employers": "dc_employers",
    "Job titles": "dc_job_titles",
    "Social media profiles": "dc_social_media_profiles",
    "Security questions and answers": "dc_security_questions_and_answers",
    "Auth tokens": "dc_auth_tokens",
    "Vehicle details": "dc_vehicle_details",
    "Website activity": "dc_website_activity",
    "Private messages": "dc_private_messages",
    "Password hints": "dc_password_hints",
    "Biometric data": "dc_biometric_data",
    "Payment histories": "dc_payment_histories",
    "Device information": "dc_device_information",
    "Photos": "dc_photos",
    "Profile photos": "dc_profile_photos",
    "Spoken languages": "dc_spoken_languages",
    "Time zones": "dc_time_zones",
    "Nationalities": "dc_nationalities",
    "Marital statuses": "dc_marital_statuses",
    "Salutations": "dc_salutations",
    "Employment statuses": "dc_employment_statuses",
    "Education levels": "dc_education_levels",
    "Income levels": "dc_income_levels",
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


def data_class_label(name: str, lang: str) -> str:
    key = DATA_CLASS_KEYS.get(name)
    return t(key, lang) if key else name


_STORAGE_KEYS = {"plaintext": "storage_plaintext", "hashed": "storage_hashed", "encrypted": "storage_encrypted"}


def storage_label(storage: str | None, lang: str) -> str | None:
    """"SHA1 unsalted" -> "SHA1 без соли"; "plaintext" -> "в открытом виде" / "plain text"."""
    if not storage:
        return None
    if storage in _STORAGE_KEYS:
        return t(_STORAGE_KEYS[storage], lang)
    for suffix, key in ((" unsalted", "storage_unsalted"), (" salted", "storage_salted")):
        if storage.endswith(suffix):
            return t(key, lang, how=storage.removesuffix(suffix))
    return t("storage_other", lang, how=storage)


def advice_steps(breach: Breach, lang: str) -> list[str]:
    """Concrete steps for the data classes this breach exposed, most urgent first."""
    name = breach.service if len(breach.service) <= 80 else breach.service[:79].rstrip() + "…"
    classes = set(breach.data_classes)
    steps: list[str] = []
    if breach.has_passwords:
        steps.append(t("advice_password", lang, name=name))
        if breach.password_storage in ("plaintext", "encrypted"):
            steps.append(t("advice_password_public", lang, how=Html(storage_label(breach.password_storage, lang))))
        elif is_weak_storage(breach.password_storage):
            steps.append(t("advice_password_weak", lang, how=Html(storage_label(breach.password_storage, lang))))
    if "Email addresses" in classes:
        steps.append(t("advice_email", lang, name=name))
    if "Phone numbers" in classes:
        steps.append(t("advice_phone", lang))
    if classes & IDENTITY_CLASSES:
        # Backed by knowledge entries leak-advice-credit-report-free (218-FZ art. 8) and
        # leak-advice-credit-self-ban-31fz (31-FZ, since 1 March 2025); tests/test_breach_render.py ties them.
        steps.append(t("advice_identity", lang))
    if classes & CARD_CLASSES:
        steps.append(t("advice_card", lang))
    elif "Partial credit card data" in classes:
        steps.append(t("advice_partial_card", lang))
    if classes & PERSONAL_CLASSES:
        steps.append(t("advice_personal", lang))
    if classes & HEALTH_CLASSES:
        steps.append(t("advice_health", lang))
    if "Security questions and answers" in classes:
        steps.append(t("advice_security_questions", lang))
    if not steps:
        steps.append(t("advice_generic", lang, name=name))
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
    """What 152-FZ and KoAP require of a Russian operator after this leak (Telegram HTML lines).

    ``fmt_int`` formats numbers for ``lang`` (passed in to keep number formatting in one place).
    """
    when = breach.breach_date or (breach.reported_at.date() if breach.reported_at else None)
    lines = [t("duty_notify_before" if when and when < NOTIFY_DUTY_SINCE else "duty_notify", lang)]
    subjects = subjects_estimate(breach)
    tier = fine_tier(subjects)
    if tier:
        part, low, high = tier
        lower, upper = next((lo, hi) for lo, hi, p, _, _ in LEAK_FINES if p == part)
        span = (t("duty_span_over", lang, lower=fmt_int(lower)) if upper is None
                else t("duty_span_between", lang, lower=fmt_int(lower), upper=fmt_int(upper)))
        lines.append(t("duty_fine_tier", lang, low=low, high=high, part=part, span=Html(span),
                       basis="emails" if breach.unique_emails else "records", subjects=fmt_int(subjects)))
    elif subjects is not None:
        lines.append(t("duty_below_tiers", lang))
    else:
        lines.append(t("duty_fine_unknown_size", lang))
    if (tier or subjects is None) and when and when < FINES_IN_FORCE:
        lines.append(t("duty_before_fines", lang))
    return lines
