"""The breach parser's parts on their own: lemmas, the lexicon, counts, the name matcher, the victim's role."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.breaches import lexicon as L
from bot.breaches.extract import extract_counts
from bot.breaches.lemmas import nominative, tokens
from bot.breaches.matcher import NameMatcher
from bot.breaches.names import default_directory
from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


@pytest.mark.parametrize("text", [
    "В сети появились три файла с данными клиентов",
    "На продажу выставили данные пользователей",
    "базу клиентов выставили на продажу",
    "В открытом доступе оказалась база",
    "The data was posted for sale on a hacking forum",
    "records were published online",
])
def test_leak_events_are_read_in_any_form(text: str) -> None:
    assert L.LEAK_EVENT.any(tokens(text))


@pytest.mark.parametrize("text", ["Сбер предупредил клиентов о мошенниках", "The company updated its privacy policy"])
def test_no_leak_event_in_ordinary_news(text: str) -> None:
    assert not L.LEAK_EVENT.any(tokens(text))


@pytest.mark.parametrize(("text", "count"), [
    ("Первый содержит более 160 млн записей", 160_000_000),
    ("данные более 730 тысяч пользователей", 730_000),
    ("утекли данные 1,5 тыс. клиентов", 1_500),
    ("Всего 58 000 адресов по всей России", 58_000),
    ("данные двух миллионов казахстанцев", 2_000_000),
    ("almost 6.4M customer records", 6_400_000),
    ("данные 5 тыс. чел. попали в сеть", 5_000),
    # a number that names a school or a store is no count: the count is the one its noun follows
    ("данные учеников гимназии № 37\nВсего в табеле указаны результаты 448 детей", 448),
    ("Store No. 512 exposed 3,000 customers' records", 3_000),
])
def test_counts_in_every_form(text: str, count: int) -> None:
    assert extract_counts(text)[0] == count


@pytest.mark.parametrize("text", ["штраф 60 тыс. рублей", "утечка 300 Гб данных", "по 10 тысяч на человека",
                                  "about 20% of its users",
                                  # the noun stands in another sentence than the number
                                  "the company said on Thursday, 21.\nIt sent emails to customers",
                                  "В Интернет попали данные гимназии № 37\nРодители ученика нашли табель",
                                  "утечка в школе № 1520: данные учеников в сети"])
def test_numbers_that_count_nothing(text: str) -> None:
    assert extract_counts(text) == (None, None)


def test_unique_emails_are_their_own_count() -> None:
    assert extract_counts("The breach exposed 3.2M unique email addresses") == (None, 3_200_000)


def test_names_are_found_inflected_and_whole() -> None:
    matcher = NameMatcher(default_directory())
    text = "данные покупателей сети «Острова чистоты и вкуса», а также клиентов СДЭКа; лента новостей"
    keys = [hit.key for hit in matcher.find(tokens(text))]
    assert keys == ["ostrov-chistoty", "cdek"]  # «лента новостей» is not the retailer Лента


def test_a_watched_term_the_directory_lacks_is_found_too() -> None:
    directory = default_directory()
    matcher = NameMatcher(directory, ["Магазин Ромашка"])
    assert [h.key for h in matcher.find(tokens("Утекла база магазина Ромашка"))] == ["magazin-romashka"]


def test_a_service_mentioned_in_passing_is_not_the_victim(parser: BreachParser) -> None:
    text = ("Источник, ранее сливавший Shiptor и GeekBrains, выложил в открытый доступ базу клиентов "
            "сервиса «Литрес» (litres.ru): 3 083 408 строк.")
    breach = parser.parse(text)
    assert breach is not None and breach.service == "Литрес"


def test_english_company_cue_names_the_victim(parser: BreachParser) -> None:
    breach = parser.parse("In September 2024, French retailer Cultura was the victim of a cyber attack. The data "
                          "breach included almost 1.5M unique email addresses along with names and phone numbers.")
    assert breach is not None and breach.service == "Cultura" and breach.unique_emails == 1_500_000


def test_the_reporting_channel_is_not_the_victim(parser: BreachParser) -> None:
    breach, why = parser.analyse("В Telegram-канале «Утечки информации» сообщили, что утекла база клиентов "
                                 "сервиса «Самокат»: 1,2 млн строк с телефонами и адресами.")
    assert why == "breach" and breach is not None and breach.service == "Самокат"


def test_two_equal_victims_make_a_draft(parser: BreachParser) -> None:
    breach, why = parser.analyse("Хакеры выложили базы клиентов сервисов «Самокат» и «Кари»: 2 млн строк.")
    assert why == "unsure:two_victims" and breach is not None


def test_a_clear_victim_without_evidence_makes_a_draft(parser: BreachParser) -> None:
    breach, why = parser.analyse("Утечка данных клиентов сервиса «Самокат»: компания проверяет информацию.")
    assert why == "unsure:weak_evidence" and breach is not None and breach.service == "Самокат"


@pytest.mark.parametrize("text", [
    "Яндекс.Еду оштрафовали на 60 000 рублей за утечку данных 58 000 клиентов",
    "Количество утечек данных в сфере образования выросло: 18 случаев за полугодие",
    "Компания опровергла утечку базы клиентов «Самоката»: 2 млн строк — фейк",
])
def test_fines_statistics_and_denials_are_not_breaches(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is None


@pytest.mark.parametrize(("written", "nominative_form"), [
    ("Нижнекамской ЦРБ", "Нижнекамская ЦРБ"), ("Почты России", "Почта России"),
    ("Остров чистоты и вкуса", "Остров чистоты и вкуса"), ("Mash", "Mash"),
])
def test_names_found_inflected_are_shown_in_the_nominative(written: str, nominative_form: str) -> None:
    assert nominative(written) == nominative_form


CASES = yaml.safe_load((Path(__file__).parent / "data" / "breach_reading_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["posts"], ids=[c["text"][:40] for c in CASES["posts"]])
def test_news_in_the_styles_of_real_channels(parser: BreachParser, case: dict) -> None:
    assert (parser.parse(case["text"]) is not None) == case["breach"]


@pytest.mark.parametrize("text", [
    "Хакеры выложили базу 1,5 млн клиентов «Кворло»: ФИО, телефоны, email и пароли.",
    "Data of 22 Mn Quorlo users, including names and card numbers, was posted on a hacking forum.",
])
def test_the_posts_own_tokens_read_as_a_second_reading(text: str) -> None:
    # the parser passes its tokens to the extractors (no second reading of the post); the result is the same
    from bot.breaches.extract import extract_counts, extract_data_classes
    from bot.breaches.lemmas import tokens

    toks = tokens(text)
    assert extract_counts(text, toks) == extract_counts(text) and extract_counts(text)[0]
    assert extract_data_classes(text, toks) == extract_data_classes(text) and extract_data_classes(text)


def test_a_phrase_set_says_cheaply_whether_a_post_may_hold_it() -> None:
    from bot.breaches.lexicon import PhraseSet

    phrases = PhraseSet("выставить ~ продажа", "expos*")
    assert phrases.possible({"выставить", "база"}) and phrases.possible({"exposur"})
    assert not phrases.possible({"продажа", "база"})
    assert phrases.find([]) == [] and not phrases.possible(set())
