"""What a country, a quoted term or a definition question stands for by its role in the question (issue 12, the
classes of dev10's first-sight misses): a country the asker comes from or goes to is not the law asked about; a
term the asker quotes names the entry titled by it."""

from __future__ import annotations

import pytest

from bot.answers import _search, answer_question
from bot.kb import KnowledgeBase
from bot.understanding.lexicon import reader_for
from bot.understanding.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader()


# ------------------------------------------------------------------------------------------ a country's role
@pytest.mark.parametrize(("text", "lang", "country"), [
    ("я из узбекистана, работаю в питере, сколько симок можно иностранцу?", "ru", "UZ"),
    ("came back from Turkey and my mobile internet doesn't work", "en", "TR"),
    ("my friend from Uzbekistan is buying a sim in Moscow", "en", "UZ"),
    ("we are moving to Canada next month, what happens to my russian sim", "en", "CA"),
    ("после поездки в Китай не работает мобильный интернет", "ru", "CN"),
    ("гражданин Узбекистана хочет купить сим-карту", "ru", "UZ"),
    ("вернулся из Турции, не работает интернет", "ru", "TR"),
    ("just got home from Egypt and my phone says 'cooling period'", "en", "EG"),
])
def test_a_country_a_person_comes_from_or_goes_to_is_no_law_asked(reader: Reader, text: str, lang: str,
                                                                  country: str) -> None:
    q = reader.read(text, lang)
    assert country in q.travels and country not in q.countries and country not in q.uncovered_countries


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("what is the data protection law in Turkey", "en", "TR"),
    ("Сим-карта не работает в Турции, роуминг включён, что делать?", "ru", "TR"),
    ("закон о персональных данных в казахстане — какой штраф за утечку", "ru", "KZ"),
    ("можно ли передавать персональные данные в США по GDPR", "ru", "US"),
    ("передача данных из Китая в Россию", "ru", "CN"),        # the data's origin, not a person's
    ("tiktok fined for sending EU data to china, amount?", "en", "CN"),
    ("What is the maximum fine under Japan's APPI for a company?", "en", "JP"),
])
def test_a_country_the_question_is_about_stays(reader: Reader, text: str, lang: str, country: str) -> None:
    q = reader.read(text, lang)
    assert country in q.countries and country not in q.travels


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("я из узбекистана, работаю в питере, хочу оформить ещё симки для бригады на себя. скока максимум можно "
     "иностранцу?", "ru", "законы страны"),
    ("came back from Turkey and my mobile internet doesn't work, operator says 'cooling period'. how long does it "
     "last?", "en", "law of"),
])
def test_a_travellers_question_is_not_about_that_country_s_law(real_kb: KnowledgeBase, text: str, lang: str,
                                                               expected: str) -> None:
    assert expected not in answer_question(real_kb, text, lang).text


def test_a_question_about_that_country_s_law_still_says_so(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "Сим-карта не работает в Турции, роуминг включён, что делать?", "ru")
    assert answer.unsure and "Турция" in answer.text


# ------------------------------------------------------------------------------------------ a quoted term
@pytest.mark.parametrize(("text", "lang"), [
    ("came back from Turkey and my mobile internet doesn't work, operator says 'cooling period'. how long does it "
     "last?", "en"),
])
def test_a_quoted_term_names_the_entry_titled_by_it(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert not answer.unsure and answer.entry is not None and "cooling" in answer.entry.id


def test_a_quoted_term_of_another_thing_names_nothing(real_kb: KnowledgeBase) -> None:
    # the same words, quoted, about a bank's loans: no word of the bot's topics beside them
    assert answer_question(real_kb, "my bank offers a 'cooling period' on loans, how long is it?", "en").unsure


# ------------------------------------------------------------------------------------------ an undoing entry
@pytest.mark.parametrize(("text", "lang", "lifts"), [
    ("just got home from Egypt and my phone says 'cooling period', how long will mobile internet be off?", "en",
     False),
    ("how do I lift the cooling period on my sim", "en", True),
])
def test_how_to_lift_a_block_answers_only_how_to_lift_it(real_kb: KnowledgeBase, text: str, lang: str,
                                                          lifts: bool) -> None:
    best = _search(real_kb, reader_for(real_kb).read(text, lang)).hits[0].entry
    assert (best.id == "sim-cooling-unlock-captcha") is lifts


# ------------------------------------------------------------------------------------------ a definition asked
@pytest.mark.parametrize(("text", "lang", "entry"), [
    ("что такое персональные данные по 152-фз определение", "ru", "pd-definition-personal-data"),
    ("what is personal data under 152-fz, definition", "en", "pd-definition-personal-data"),
    ("определение оператора персональных данных по 152-фз", "ru", "pd-definition-operator-processing"),
    ("what does processing mean under 152-fz", "en", "pd-definition-operator-processing"),
])
def test_a_definition_is_answered_by_the_entry_headed_by_the_term(real_kb: KnowledgeBase, text: str, lang: str,
                                                                   entry: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert answer.entry is not None and answer.entry.id == entry


# ------------------------------------------------------------------------------------------ more roles
@pytest.mark.parametrize(("text", "lang", "country"), [
    ("за вторую утечку штрафуют от оборота, как в Европе. сколько процентов?", "ru", "EU"),   # a comparison
    ("are fines here as high as in the EU?", "en", None),
    ("is the russian turnover fine like in the EU?", "en", "EU"),
    ("change healthcare ransomware how many americans affected", "en", "US"),   # a people counted
])
def test_a_country_compared_with_or_a_people_counted_is_no_law_asked(reader: Reader, text: str, lang: str,
                                                                     country: str | None) -> None:
    q = reader.read(text, lang)
    if country is not None:
        assert country in q.travels and country not in q.countries


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("what is the data protection law for americans", "en", "US"),
    ("закон о персональных данных в казахстане", "ru", "KZ"),
])
def test_a_people_not_counted_is_still_the_country(reader: Reader, text: str, lang: str, country: str) -> None:
    assert country in reader.read(text, lang).countries


def test_a_comparison_with_europe_does_not_ask_for_gdpr_statistics(real_kb: KnowledgeBase) -> None:
    text = ("Слышал, что за вторую утечку теперь штрафуют от оборота, как в Европе. Это сколько процентов выручки и "
            "есть ли потолок?")
    answer = answer_question(real_kb, text, "ru")
    assert answer.intent != "fines_stats" and "GDPR" not in answer.text.split("\n")[0]


@pytest.mark.parametrize(("text", "lang", "leak"), [
    ("we got hit by ransomware last night", "en", True),
    ("нас зашифровал шифровальщик", "ru", True),
    ("how to protect my account from hackers", "en", False),   # the people who hack, no break-in
])
def test_a_break_in_is_a_breach(reader: Reader, text: str, lang: str, leak: bool) -> None:
    assert reader.read(text, lang).has("leak") is leak


def test_a_ransomware_story_asks_for_the_breach_rule(real_kb: KnowledgeBase) -> None:
    text = ("we're a fintech startup in Bangalore, got hit by ransomware last night. under the DPDP rules what do we "
            "owe the board and by when?")
    answer = answer_question(real_kb, text, "en")
    assert not answer.unsure and "72" in answer.text


@pytest.mark.parametrize(("text", "lang", "told"), [
    ("under gdpr are they required to tell me about the breach?", "en", True),
    ("обязаны ли мне сообщить об утечке моих данных по GDPR", "ru", True),
    ("tell me the fine for a leak under gdpr", "en", False),   # asks the bot
    ("скажите мне, какой штраф за утечку", "ru", False),
])
def test_the_asker_told_of_a_breach_is_one_of_the_people(reader: Reader, text: str, lang: str, told: bool) -> None:
    assert reader.read(text, lang).has("notify_subjects") is told


def test_a_close_entry_whose_title_says_more_of_what_is_asked_goes_first(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "обязаны ли мне сообщить об утечке моих данных по GDPR", "ru")
    assert answer.entry is not None and answer.entry.id == "gdpr-breach-communication-art-34"


@pytest.mark.parametrize(("text", "rank"), [
    ("how many breach notifications were filed under gdpr in the first 8 months", False),   # a period
    ("сколько уведомлений было за первые 8 месяцев GDPR", False),
    ("what was the first gdpr fine", True),
])
def test_first_before_a_period_is_no_rank(reader: Reader, text: str, rank: bool) -> None:
    assert reader.read(text, "en").has("other_rank") is rank


@pytest.mark.parametrize(("text", "lang"), [
    ("Under GDPR, who must give consent for a 12-year-old to use a social network?", "en"),
    ("может ли 14-летний сам дать согласие на обработку данных по GDPR", "ru"),
])
def test_a_person_of_an_age_under_majority_is_a_child(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert not answer.unsure and answer.entry is not None and answer.entry.id == "gdpr-children-consent-art-8"


def test_an_adult_s_age_is_no_child(reader: Reader) -> None:
    assert "child" not in reader.read("a 35 year old employee asks for his data", "en").search_text


@pytest.mark.parametrize(("text", "count"), [
    ("сколько процентов оборота составляет штраф по GDPR в Ирландии", False),   # a share
    ("сколько процентов выручки штраф за повторную утечку", False),
    ("сколько штрафов в Ирландии по GDPR", True),
])
def test_how_many_percent_asks_a_share_not_a_count(reader: Reader, text: str, count: bool) -> None:
    assert reader.read(text, "ru").has("count_question") is count


def test_a_share_of_turnover_is_no_fines_statistic(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "сколько процентов оборота составляет штраф по GDPR в Ирландии", "ru")
    assert answer.intent != "fines_stats"


def test_a_country_before_an_ordinary_word_stays(reader: Reader) -> None:
    # "personal" is no "person": Argentina's law is asked about
    assert "AR" in reader.read("Argentina personal data law registration", "en").countries
