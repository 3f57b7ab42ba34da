"""answer_question over the curated base: list questions that find no structured fine."""

from __future__ import annotations

import pytest

from bot.answers import answer_question
from bot.kb import KnowledgeBase
from bot.kb.countries import COUNTRIES, country_label
from bot.understanding.lexicon import reader_for
from bot.understanding.reader import Reader


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


@pytest.mark.parametrize(("question", "lang", "answered"), [
    # a federal law no entry names by number is what the question is about: not 152-FZ's nearest rule
    ("Законно ли пользоваться VPN в России по 149-ФЗ?", "ru", False),
    ("How to get a qualified electronic signature in Russia under 63-FZ?", "en", False),
    ("Is it legal to use a VPN in Russia under Federal Law 149-FZ?", "en", False),
    # ... while the laws the entries name by number still answer, alone or beside an unknown one
    ("с какого числа начали действовать новые штрафы по 420-ФЗ", "ru", True),
    ("Since when do the new Russian leak fines (Law 420-FZ) apply?", "en", True),
])
def test_a_law_no_entry_names_by_number_is_not_answered_with_another(real_kb: KnowledgeBase, question: str, lang: str,
                                                                     answered: bool) -> None:
    answer = answer_question(real_kb, question, lang)
    assert (answer.entry is not None or answer.intent != "lookup") is answered, (question, answer.text[:80])
    assert answer.unsure is not answered


def test_the_reader_knows_the_laws_the_entries_name_by_number(real_kb: KnowledgeBase) -> None:
    q = reader_for(real_kb).read("VPN по 149-ФЗ и уведомление по 152-ФЗ", "ru")
    assert q.unknown_fz == ["149"] and q.fz_numbers == ["152"]
    assert Reader().read("VPN по 149-ФЗ", "ru").unknown_fz == []   # no knowledge base: any number is known


@pytest.mark.parametrize(("question", "lang", "unsure"), [
    # something made up about the bot's topics is no fact an entry holds
    ("tell me a joke about data protection officers", "en", True),
    ("расскажи анекдот про штрафы GDPR", "ru", True),
    ("write a poem about the right to be forgotten", "en", True),
    # ... the topic asked plainly still is
    ("When the GDPR requires a data protection officer", "en", False),
])
def test_a_joke_or_a_poem_is_not_answered_with_an_entry(real_kb: KnowledgeBase, question: str, lang: str,
                                                         unsure: bool) -> None:
    answer = answer_question(real_kb, question, lang)
    assert answer.unsure is unsure and (answer.entry is None) is unsure, answer.text[:80]
