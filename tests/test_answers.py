"""answer_question over the curated base: list questions that find no structured fine."""

from __future__ import annotations

import pytest

from bot.answers import answer_question
from bot.kb import KnowledgeBase
from bot.kb.countries import COUNTRIES, country_label


def test_a_country_without_an_amount_on_record_is_answered_from_its_own_entry(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "штрафы в Словении", "ru")
    assert answer.entry is not None and "Словени" in answer.entry.title.ru and "15 000" in answer.text


def test_a_country_with_no_known_fine_gets_an_honest_empty_list_not_another_entry(real_kb: KnowledgeBase) -> None:
    with_fines = {e.fine.country for e in real_kb.fines.fines}  # type: ignore[union-attr]
    without = [code for code in COUNTRIES if code not in with_fines and not any(
        country_label(code, "en") in e.title.en for e in real_kb.entries)]
    if not without:
        pytest.skip("every country has a fine on record")
    code = without[0]
    for question, lang, empty in ((f"fines in {country_label(code, 'en')}", "en", "No fine in my data"),
                                  (f"штрафы {country_label(code, 'ru')}", "ru", "нет штрафов")):
        answer = answer_question(real_kb, question, lang)
        assert answer.entry is None and empty in answer.text and not answer.buttons, question


def test_a_named_foreign_law_outweighs_the_russian_default(real_kb: KnowledgeBase) -> None:
    # Asked in Russian but about India's law: the DPDP answer, not KoAP 13.11.
    answer = answer_question(real_kb, "максимальный штраф по DPDP за плохую защиту данных", "ru")
    assert answer.entry is not None and answer.entry.domain == "dpdp" and "250" in answer.text
    # "Under GDPR" picks the GDPR rule over 152-FZ's similar one.
    answer = answer_question(real_kb, "how long may a controller take to answer an access request under GDPR", "en")
    assert answer.entry is not None and answer.entry.domain == "gdpr" and "one month" in answer.text


def test_words_that_merely_start_like_a_law_do_not_stop_a_fines_list(real_kb: KnowledgeBase) -> None:
    assert real_kb.fines.parse("top 10 similar GDPR fines") is not None  # "similar" is not "SIM"
    assert real_kb.fines.parse("крупнейшие штрафы в России") is None  # Russian fines are not in the GDPR data


def test_a_fine_against_a_company_we_know_nothing_about_is_not_answered_with_another(real_kb: KnowledgeBase) -> None:
    for question, lang in (("fines against Zorglub", "en"), ("штрафы против Зорглуб", "ru"),
                           ("fine against Acme", "en")):
        answer = answer_question(real_kb, question, lang)
        assert answer.entry is None, (question, answer.entry and answer.entry.id)
        assert "not sure" in answer.text.lower() or "не уверен" in answer.text.lower()
