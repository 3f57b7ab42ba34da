"""Alert messages as a user reads them in Telegram: safe HTML, the right advice, both languages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from bot.breaches.advice import advice_steps, fine_tier
from bot.breaches.hibp import parse_hibp_breaches
from bot.breaches.models import Breach
from bot.breaches.render import TELEGRAM_LIMIT, fmt_int, render_alert, render_history_line, safe_url

ALLOWED_TAGS = {"b", "/b", "i", "/i", "a", "/a"}


def litres(**changes: object) -> Breach:
    fields: dict = dict(
        service="Литрес", domain="litres.ru", record_count=3_083_408, unique_emails=590_000,
        data_classes=["Email addresses", "Names", "Passwords"], password_storage="SHA1 unsalted",
        breach_date=date(2023, 8, 3), reported_at=datetime(2023, 8, 10, 9, 0, tzinfo=UTC), origin="channel",
        source_name="Утечки информации", source_url="https://t.me/dataleak/2000",
        description="Хакеры выложили базу пользователей «Литрес».", is_russian_operator=True,
    )
    fields.update(changes)
    return Breach(**fields)


def tags(text: str) -> set[str]:
    return {m.split()[0] for m in re.findall(r"<([^<>]+)>", text)}


def visible(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_alert_has_the_facts(lang: str) -> None:
    text = render_alert(litres(), lang)
    assert "Литрес" in text and "litres.ru" in text
    assert ("3\u00a0083\u00a0408" if lang == "ru" else "3,083,408") in text
    assert ("590\u00a0000" if lang == "ru" else "590,000") in text
    assert ("3 августа 2023" if lang == "ru" else "3 Aug 2023") in text  # one date style: bot/formatting.py
    assert ("10 августа 2023" if lang == "ru" else "10 Aug 2023") in text
    assert ("SHA1 без соли" if lang == "ru" else "SHA1 unsalted") in text
    assert '<a href="https://t.me/dataleak/2000">Утечки информации</a>' in text
    assert tags(text) <= ALLOWED_TAGS
    assert len(text) < TELEGRAM_LIMIT


def test_localised_data_class_names() -> None:
    ru = render_alert(litres(data_classes=["Names", "Email addresses", "Passwords", "Phone numbers",
                                           "Passport numbers"]), "ru")
    for label in ("Имена", "Адреса эл. почты", "Пароли", "Телефонные номера", "Номера паспортов"):
        assert label in ru
    en = render_alert(litres(), "en")
    assert "Email addresses" in en and "Адреса" not in en


def test_every_dynamic_value_is_escaped() -> None:
    evil = litres(service="<script>alert(1)</script> & Co", domain="<b>x</b>.ru",
                  source_name="<i>chan</i>", source_url='https://t.me/x" onclick="boom',
                  description="<a href='javascript:x'>click</a>", data_classes=["<Weird class>"],
                  password_storage="<md5>")
    for lang in ("ru", "en"):
        text = render_alert(evil, lang)
        assert "<script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in text
        assert "&lt;Weird class&gt;" in text and "&lt;md5&gt;" in text
        assert 'onclick="' not in text
        assert tags(text) <= ALLOWED_TAGS
        history = render_history_line(evil, lang)
        assert "&lt;script&gt;" in history and tags(history) <= ALLOWED_TAGS


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x", "https://a b", None, ""])
def test_unsafe_urls_are_not_linked(url: str | None) -> None:
    assert safe_url(url) is None
    assert "<a " not in render_alert(litres(source_url=url), "ru")


def test_advice_depends_on_exposed_data() -> None:
    emails_only = render_alert(litres(data_classes=["Email addresses"], password_storage=None), "ru")
    assert "фишинговых писем" in emails_only
    assert "Смените пароль" not in emails_only and "SIM" not in emails_only

    phones = render_alert(litres(data_classes=["Phone numbers"], password_storage=None), "ru")
    assert "SIM" in phones and "замену SIM" in phones

    identity = ["Passport numbers", "Social security numbers"]
    ids = render_alert(litres(data_classes=identity, password_storage=None), "ru")
    assert "БКИ" in ids and "Госуслуг" in ids and "кредит" in ids

    cards = render_alert(litres(data_classes=["Credit cards"], password_storage=None), "en")
    assert "reissued" in cards

    personal = render_alert(litres(data_classes=["Physical addresses", "Dates of birth"], password_storage=None), "en")
    assert "social engineering" in personal


def test_password_advice_and_weak_storage() -> None:
    weak = advice_steps(litres(), "ru")
    assert any("Смените пароль" in s and "двухфакторную" in s for s in weak)
    assert any("считайте их опубликованными" in s for s in weak)
    plaintext = advice_steps(litres(password_storage="plaintext"), "en")
    assert any("plain text" in s and "treat them as public" in s for s in plaintext)
    strong = advice_steps(litres(password_storage="bcrypt"), "en")
    assert any("Change your" in s for s in strong)
    assert not any("treat them as public" in s for s in strong)


def test_russian_operator_section_only_for_russian_operators() -> None:
    ru = render_alert(litres(), "ru")
    assert "Роскомнадзор" in ru and "24 часов" in ru and "72 часов" in ru
    assert "КоАП РФ ст. 13.11 ч. 12-14" in ru
    foreign = render_alert(litres(service="BookNest", domain="booknest.com", is_russian_operator=False), "ru")
    assert "Роскомнадзор" not in foreign and "13.11" not in foreign
    en = render_alert(litres(), "en")
    assert "Roskomnadzor" in en and "24 hours" in en and "КоАП РФ ст. 13.11 ч. 12-14" in en


@pytest.mark.parametrize(
    ("subjects", "tier"),
    [(999, None), (1_000, (12, 3, 5)), (9_999, (12, 3, 5)), (10_000, (13, 5, 10)), (100_000, (14, 10, 15)),
     (50_000_000, (14, 10, 15)), (None, None)],
)
def test_fine_tiers_by_number_of_subjects(subjects: int | None, tier: tuple | None) -> None:
    assert fine_tier(subjects) == tier


def test_fine_shown_for_a_recent_leak_and_caveated_for_an_old_one() -> None:
    recent = render_alert(litres(breach_date=date(2025, 7, 1), unique_emails=None, record_count=50_000), "ru")
    assert "5–10 млн ₽" in recent and "ч. 13" in recent and "до 30.05.2025" not in recent
    old = render_alert(litres(), "ru")
    assert "10–15 млн ₽" in old and "до 30.05.2025" in old and "1.7 КоАП" in old
    unknown = render_alert(litres(record_count=None, unique_emails=None, breach_date=None, reported_at=None), "ru")
    assert "3–5 млн ₽" in unknown and "10–15 млн ₽" in unknown
    tiny = render_alert(litres(record_count=300, unique_emails=None, breach_date=date(2025, 7, 1)), "ru")
    assert "Меньше 1 000" in tiny and "млн ₽" not in tiny


def test_hibp_alert_credits_hibp_with_a_link() -> None:
    (breach,) = parse_hibp_breaches([{
        "Name": "Rambler", "Title": "Rambler", "Domain": "rambler.ru", "BreachDate": "2014-03-01",
        "AddedDate": "2016-11-01T00:00:00Z", "PwnCount": 91436280, "IsVerified": True,
        "Description": "In late 2016, a data dump ... and plain text passwords.",
        "DataClasses": ["Email addresses", "Passwords", "Usernames"],
    }])
    ru, en = render_alert(breach, "ru"), render_alert(breach, "en")
    # CC BY 4.0: the credit, in words, with the site's name, whatever the language
    assert "Источник: Have I Been Pwned (haveibeenpwned.com), CC BY 4.0" in visible(ru)
    assert "Source: Have I Been Pwned (haveibeenpwned.com), CC BY 4.0" in visible(en)
    assert '<a href="https://haveibeenpwned.com/Breach/Rambler">Have I Been Pwned</a>' in en
    assert "Добавлено в HIBP" in ru and "Added to HIBP" in en
    assert "в открытом виде" in ru
    assert "появилась позже" in ru  # the 24-hour duty did not exist in 2014


def test_history_alert_is_phrased_for_the_past() -> None:
    now, past = render_alert(litres(), "en"), render_alert(litres(), "en", history=True)
    assert "What to do now" in now and "Known breach" in past and "haven't yet" in past


def test_huge_breach_stays_under_the_telegram_limit() -> None:
    classes = [f"Data class number {i}" for i in range(400)]
    breach = litres(service="S" * 500, description="D" * 5000, data_classes=classes)
    for lang in ("ru", "en"):
        text = render_alert(breach, lang)
        assert len(text) < TELEGRAM_LIMIT
        assert tags(text) <= ALLOWED_TAGS
        assert text.count("<b>") == text.count("</b>") and text.count("<i>") == text.count("</i>")


def test_history_line() -> None:
    assert render_history_line(litres(), "ru") == (
        "• <b>Литрес</b> — август 2023: 3\u00a0083\u00a0408 записей; Адреса эл. почты, Имена, Пароли"
    )
    assert render_history_line(litres(record_count=1, data_classes=[]), "en") == "• <b>Литрес</b> — Aug 2023: 1 record"
    assert render_history_line(Breach(service="X"), "en") == "• <b>X</b>"


def test_number_format() -> None:
    assert fmt_int(3_083_408, "ru") == "3\u00a0083\u00a0408"  # Babel: a no-break space, never split
    assert fmt_int(3_083_408, "en") == "3,083,408"


def test_the_credit_advice_is_backed_by_sourced_knowledge_entries(real_kb) -> None:
    """The alert's advice about credit reports and the loan self-ban states facts: the knowledge base must carry
    them with their laws, or the advice must go."""
    from bot.breaches.advice import advice_steps

    breach = Breach(service="Пример", domain="example.ru", data_classes=["Passport numbers", "Names"],
                    is_russian_operator=True)
    advice = " ".join(advice_steps(breach, "ru"))
    assert "дважды в год" in advice and "самозапрет" in advice
    report, self_ban = real_kb.get("leak-advice-credit-report-free"), real_kb.get("leak-advice-credit-self-ban-31fz")
    assert report is not None and "218-ФЗ" in report.answer.ru and "двух раз в год" in report.answer.ru
    assert self_ban is not None and "31-ФЗ" in self_ban.answer.ru and "1 марта 2025" in self_ban.answer.ru
