"""The notification-deadline calculator: phrases in Russian and English read relative to a fixed "now" in the
user's zone, deadlines counted in elapsed time (also across a daylight-saving change), time zones people type."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.answers import answer_question
from bot.formatting import format_duration
from bot.kb import KnowledgeBase
from bot.legal import deadlines as D
from bot.legal.answers import legal_answer
from bot.legal.deadlines import (
    DUTIES,
    deadlines,
    parse_moment,
    resolve_timezone,
    tzinfo_for,
    utc_offset_label,
)
from bot.legal.estimator import DPDP, GDPR, RU
from bot.legal.intents import deadline_intent
from bot.legal.render import render_deadlines

NOW_UTC = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)   # 12:00 in Moscow, 14:30 in Kolkata
MSK, KOLKATA, UTC = ZoneInfo("Europe/Moscow"), ZoneInfo("Asia/Kolkata"), ZoneInfo("UTC")


def local(zone: dt.tzinfo, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone)


@pytest.mark.parametrize(("phrase", "zone", "expected"), [
    ("вчера в 18:00", MSK, (2026, 11, 19, 18, 0)),
    ("вчера в 18:00", KOLKATA, (2026, 11, 19, 18, 0)),
    ("вчера в 18:00", UTC, (2026, 11, 19, 18, 0)),
    ("вчера в 6 вечера", MSK, (2026, 11, 19, 18, 0)),
    ("сегодня в 9 утра", MSK, (2026, 11, 20, 9, 0)),
    ("позавчера", MSK, (2026, 11, 18, 12, 0)),
    ("3 часа назад", MSK, (2026, 11, 20, 9, 0)),
    ("3 часа назад", KOLKATA, (2026, 11, 20, 11, 30)),
    ("только что", MSK, (2026, 11, 20, 12, 0)),
    ("15.11.2026 09:30", MSK, (2026, 11, 15, 9, 30)),
    ("15.11.2026 09:30", KOLKATA, (2026, 11, 15, 9, 30)),
    ("15 ноября в 9:30", MSK, (2026, 11, 15, 9, 30)),
    ("2 days ago", MSK, (2026, 11, 18, 12, 0)),
    ("2 days ago", UTC, (2026, 11, 18, 9, 0)),
    ("yesterday at 6pm", KOLKATA, (2026, 11, 19, 18, 0)),
    ("an hour ago", UTC, (2026, 11, 20, 8, 0)),
    ("just now", KOLKATA, (2026, 11, 20, 14, 30)),
    ("когда уведомить РКН если утечку обнаружили вчера в 18:00", MSK, (2026, 11, 19, 18, 0)),
    ("we found the breach yesterday at 18:00, when must we notify?", UTC, (2026, 11, 19, 18, 0)),
    ("утечку обнаружили 15.11.2026 09:30, когда сообщать", KOLKATA, (2026, 11, 15, 9, 30)),
])
def test_phrases_are_read_relative_to_now_in_the_users_zone(phrase: str, zone: ZoneInfo, expected: tuple) -> None:
    moment = parse_moment(phrase, now=NOW_UTC.astimezone(zone), tz=zone)
    assert moment == local(zone, *expected)
    assert moment.utcoffset() == NOW_UTC.astimezone(zone).utcoffset()


@pytest.mark.parametrize(("phrase", "expected"), [
    ("2 дня назад", (2026, 11, 18, 12, 0)),              # "дня" is days here, not the afternoon
    ("утечку обнаружили 3 дня назад", (2026, 11, 17, 12, 0)),
    ("вчера в 2 часа дня", (2026, 11, 19, 14, 0)),
    ("в 3 дня", (2026, 11, 19, 15, 0)),
    ("15.11 в 10:00", (2026, 11, 15, 10, 0)),            # no year: dateparser alone reads the 11th
    ("28.12 в 10:00", (2025, 12, 28, 10, 0)),            # the last 28 December, not the one to come
    ("21.11.2026 09:30", (2026, 11, 21, 9, 30)),         # less than a day ahead: kept, and said to be ahead
])
def test_more_phrases_in_moscow(phrase: str, expected: tuple) -> None:
    assert parse_moment(phrase, now=NOW_UTC.astimezone(MSK), tz=MSK) == local(MSK, *expected)


@pytest.mark.parametrize("text", ["", "как дела", "we will tell you", "how many fines did Spain issue", "GDPR",
                                  "5000", "2024", "5000 клиентов", "15.11.2019 09:30", "22.11.2026 09:30",
                                  "15.11.2030", "ст. 13.11 КоАП"])
def test_text_without_a_moment_is_not_read_as_one(text: str) -> None:
    """A bare number is no moment, nor a moment more than five years back or more than a day ahead."""
    assert parse_moment(text, now=NOW_UTC, tz=MSK) is None


# Long questions, as people write them: the moment in one sentence among others, beside counts, years and words
# dateparser also reads as dates ("we" as Wednesday, "a week", "2024").
LONG_QUESTIONS = [
    ("Привет! У нас небольшой интернет-магазин, вчера в 18:00 админ заметил, что база клиентов с телефонами ушла "
     "в открытый доступ. До какого времени уведомить Роскомнадзор?", "ru", (2026, 11, 19, 18, 0)),
    ("Hi, we run a small clinic booking app in Dublin. On 15.11 at 10:30 our developer noticed that a bucket with "
     "patient names was public for a week. When is the deadline to notify the DPC?", "en", (2026, 11, 15, 10, 30)),
    ("Коллеги, вопрос срочный: 17.11 в 14:15 подрядчик сообщил, что их сервер взломали и там были наши выгрузки "
     "клиентов за 2024 год. Когда крайний срок уведомления РКН?", "ru", (2026, 11, 17, 14, 15)),
    ("We are a Bengaluru startup; last night at 11:45 pm our support tool was found to expose chat transcripts "
     "of users. What are our deadlines under the DPDP Rules?", "en", (2026, 11, 19, 23, 45)),
    ("Hello. Our hosting provider told us on Monday at 9am that an attacker had access to the customer database "
     "for about 3 weeks. When must the notification reach the supervisory authority?", "en", (2026, 11, 16, 9, 0)),
]


@pytest.mark.parametrize(("question", "lang", "expected"), LONG_QUESTIONS)
def test_a_long_question_gives_the_moment_in_it(question: str, lang: str, expected: tuple) -> None:
    assert parse_moment(question, now=NOW_UTC.astimezone(MSK), tz=MSK, languages=(lang,)) == local(MSK, *expected)


@pytest.mark.parametrize(("question", "lang", "expected"), LONG_QUESTIONS)
def test_only_the_pieces_that_may_be_a_moment_are_parsed_and_the_rest_is_found_alike(
        question: str, lang: str, expected: tuple) -> None:
    """dateparser's own search of the whole text and the search that parses only the pieces with a moment's shape
    keep the same (piece, moment) pairs."""
    from dateparser.search import search_dates

    phrase = D._with_year(D._normalise(question), NOW_UTC.astimezone(MSK).date())
    settings = {"RELATIVE_BASE": NOW_UTC.astimezone(MSK).replace(tzinfo=None), "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "DMY"}
    everything = [(p, d) for p, d in search_dates(phrase, languages=[lang], settings=settings) or []]
    assert [pair for pair in everything if D._meaningful(pair[0])] \
        == [pair for pair in D._search_moments(phrase, [lang], settings) if D._meaningful(pair[0])]


@pytest.mark.parametrize("text", [text for text, _, _ in LONG_QUESTIONS] + [
    "вчера в 18:00", "позавчера около полудня", "2 days ago", "yesterday at 6pm", "15.11.2026 09:30",
    "15 ноября в 9:30", "nov 15, 10am", "в пятницу вечером", "last night", "21.11 в 10:00", "we found it this morning"])
def test_every_piece_read_as_a_moment_has_a_shape_the_quick_check_sees(text: str) -> None:
    """The check that spares dateparser a text without a moment: whatever piece of a text `_meaningful` would keep
    (dateparser cuts pieces anywhere between words and digits), the check finds in it."""
    text = D._normalise(text)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            if D._meaningful(text[start:end]):
                assert D._MAY_NAME_A_MOMENT.search(text[start:end]), text[start:end]


@pytest.mark.parametrize(("question", "lang"), [
    ("Сколько дней даётся абоненту на подтверждение данных, если Роскомнадзор признал его номер «серым»? Нам "
     "говорят, что неделя, но в законе про это ничего нет, и оператор не отвечает уже третий раз.", "ru"),
    ("after the initial leak notice to RKN, when are the internal investigation results due, and do we know who "
     "has to sign them? Our counsel says 72 hours, the regulator's site says something else.", "en"),
])
def test_a_long_question_without_a_moment_is_not_given_to_dateparser(
        question: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser
    import dateparser.search

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser was asked to read a text without a moment")

    monkeypatch.setattr(dateparser, "parse", unexpected)
    monkeypatch.setattr(dateparser.search, "search_dates", unexpected)
    monkeypatch.setattr(D, "_search_moments", unexpected)
    assert parse_moment(question, now=NOW_UTC, tz=MSK, languages=(lang,)) is None


@pytest.mark.parametrize(("question", "lang"), [
    ("когда уведомлять ркн об утечке 5000 клиентов", "ru"),
    ("when must we notify the DPC about a breach of 2024 customer records", "en"),
    ("утечка у компании с выручкой 2025 млн рублей, когда сообщать в РКН", "ru"),
])
def test_a_count_in_a_deadline_question_is_not_a_year(question: str, lang: str, real_kb: KnowledgeBase) -> None:
    assert deadline_intent(question, lang, now=NOW_UTC.astimezone(MSK), tz=MSK) is None
    assert legal_answer(real_kb, question, lang, now=NOW_UTC.astimezone(MSK)) is None
    text = answer_question(real_kb, question, lang).text
    assert "Утечку обнаружили" not in text and "Discovered:" not in text


def test_a_count_beside_the_moment_is_left_out_of_it() -> None:
    question = "утечку 5000 клиентов обнаружили вчера в 18:00, когда уведомлять РКН"
    intent = deadline_intent(question, "ru", now=NOW_UTC.astimezone(MSK), tz=MSK)
    assert intent is not None and intent.regime == RU and intent.discovered == local(MSK, 2026, 11, 19, 18, 0)


def test_a_deadline_question_is_read_in_the_zone_it_is_given(real_kb: KnowledgeBase) -> None:
    question = "когда уведомить РКН если утечку обнаружили вчера в 18:00"
    text = legal_answer(real_kb, question, "ru", tz_name="Asia/Kolkata", now=NOW_UTC)
    assert text is not None and "Asia/Kolkata, UTC+5:30" in text and "19 ноября 2026, 18:00" in text
    assert "Europe/Moscow, UTC+3" in (legal_answer(real_kb, question, "ru", now=NOW_UTC) or "")


@pytest.mark.parametrize(("seconds", "lang", "text"), [
    (3 * 86400 - 5, "en", "2 d 23 h"), (6 * 3600, "ru", "6 ч"), (4500, "ru", "1 ч 15 мин"), (170, "en", "2 min 50 s"),
    (11.4, "ru", "11 с"), (0, "en", "0 s"), (-90, "en", "1 min 30 s"), (86400 + 59, "en", "1 d"),
])
def test_durations_show_the_two_largest_units(seconds: float, lang: str, text: str) -> None:
    assert format_duration(seconds, lang) == text


def test_russian_deadlines_are_24_and_72_hours_after_discovery() -> None:
    plan = deadlines(RU, local(MSK, 2026, 11, 19, 18, 0), NOW_UTC)
    assert [(d.duty.key, d.due) for d in plan.deadlines] == [
        ("rkn_notice", local(MSK, 2026, 11, 20, 18, 0)), ("rkn_results", local(MSK, 2026, 11, 22, 18, 0))]
    text = render_deadlines(plan, "Europe/Moscow", "ru")
    assert "20 ноября 2026, 18:00" in text and "22 ноября 2026, 18:00" in text
    assert "осталось 6 ч" in text and "UTC+3" in text and "ч. 11 ст. 13.11" in text
    assert "20 Nov 2026, 18:00" in render_deadlines(plan, "Europe/Moscow", "en")


def test_gdpr_has_72_hours_for_the_authority_and_no_clock_for_the_people() -> None:
    plan = deadlines(GDPR, local(KOLKATA, 2026, 11, 18, 14, 30), NOW_UTC)
    assert [(d.duty.key, d.due) for d in plan.deadlines] == [
        ("sa_notice", local(KOLKATA, 2026, 11, 21, 14, 30)), ("subjects", None)]
    text = render_deadlines(plan, "Asia/Kolkata", "en")
    assert "21 Nov 2026, 14:30" in text and "without undue delay" in text and "UTC+5:30" in text
    assert "1 d" in text and "left" in text


def test_dpdp_board_report_in_72_hours_and_the_rule_is_not_yet_in_force_in_2026() -> None:
    plan = deadlines(DPDP, local(KOLKATA, 2026, 11, 20, 10, 0), NOW_UTC)
    assert [(d.duty.key, d.due) for d in plan.deadlines] == [
        ("board_intimation", None), ("board_report", local(KOLKATA, 2026, 11, 23, 10, 0)), ("principals", None)]
    assert plan.notes == ["dpdp_not_in_force"]
    later = dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC)
    assert deadlines(DPDP, later.astimezone(KOLKATA), later).notes == []


def test_a_deadline_across_the_autumn_clock_change_is_still_24_hours_away() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    discovered = local(berlin, 2026, 10, 24, 12, 0)            # CEST, UTC+2; clocks go back on 25 October
    plan = deadlines(RU, discovered, discovered)
    due = plan.deadlines[0].due
    assert due is not None
    assert (due.hour, due.minute, due.day) == (11, 0, 25)       # 11:00 CET, not 12:00
    assert utc_offset_label(due) == "UTC+1" and utc_offset_label(discovered) == "UTC+2"
    assert due.astimezone(dt.UTC) - discovered.astimezone(dt.UTC) == dt.timedelta(hours=24)
    assert plan.deadlines[1].due == local(berlin, 2026, 10, 27, 11, 0)


def test_a_deadline_in_a_zone_without_clock_changes_keeps_the_wall_time() -> None:
    for zone in (MSK, KOLKATA, UTC):
        discovered = local(zone, 2026, 3, 28, 23, 45)           # the spring-forward weekend in Europe
        due = deadlines(GDPR, discovered, discovered).deadlines[0].due
        assert due == local(zone, 2026, 3, 31, 23, 45)


def test_past_and_future_moments_are_said_to_be_so() -> None:
    plan = deadlines(RU, local(MSK, 2026, 11, 15, 9, 30), NOW_UTC)
    assert "срок истёк" in render_deadlines(plan, "Europe/Moscow", "ru")
    future = deadlines(RU, local(MSK, 2026, 11, 21, 9, 30), NOW_UTC)
    assert future.notes == ["future"] and "ещё не наступило" in render_deadlines(future, "Europe/Moscow", "ru")


@pytest.mark.parametrize(("typed", "stored"), [
    ("Europe/Berlin", "Europe/Berlin"), ("europe/berlin", "Europe/Berlin"), ("Kolkata", "Asia/Kolkata"),
    ("Calcutta", "Asia/Kolkata"), ("Moscow", "Europe/Moscow"), ("Москва", "Europe/Moscow"), ("мск", "Europe/Moscow"),
    ("Новосибирск", "Asia/Novosibirsk"), ("new york", "America/New_York"), ("UTC", "UTC"), ("+3", "UTC+03:00"),
    ("-4", "UTC-04:00"), ("UTC+5:30", "UTC+05:30"), ("gmt+0530", "UTC+05:30"), ("+0", "UTC"),
    ("Mars/Olympus", None), ("+15", None), ("-13", None), ("+3:75", None), ("", None), ("x" * 100, None),
])
def test_time_zones_people_type(typed: str, stored: str | None) -> None:
    assert resolve_timezone(typed) == stored


def test_fixed_offsets_and_unknown_names_give_a_usable_zone() -> None:
    moment = NOW_UTC.astimezone(tzinfo_for("UTC+05:30"))
    assert (moment.hour, moment.minute) == (14, 30) and utc_offset_label(moment) == "UTC+5:30"
    assert tzinfo_for(None) == MSK and tzinfo_for("Nowhere/Land") == MSK


@pytest.mark.parametrize(("question", "lang", "regime"), [
    ("когда уведомить РКН если утечку обнаружили вчера в 18:00", "ru", RU),
    ("we discovered the breach 2 days ago, when must we notify the DPC?", "en", GDPR),
    ("утечка вчера в 18:00, до какого времени уведомить Совет DPDP", "ru", DPDP),
    ("breach found 3 hours ago, when to report it?", "en", GDPR),
])
def test_free_text_deadline_questions(question: str, lang: str, regime: str) -> None:
    intent = deadline_intent(question, lang, now=NOW_UTC.astimezone(MSK), tz=MSK)
    assert intent is not None and intent.regime == regime


@pytest.mark.parametrize("question", [
    "в какой срок нужно сообщить об утечке по GDPR",               # no moment: the knowledge entry answers it
    "сколько часов дается чтобы сообщить надзорному органу об утечке по gdpr",
    "какой штраф за утечку 2 дня назад",                              # about money
    "когда вступил в силу закон 15.11.2024",                         # no leak, no authority
])
def test_questions_without_a_deadline_to_compute_are_left_to_the_search(question: str) -> None:
    assert deadline_intent(question, "ru", now=NOW_UTC.astimezone(MSK), tz=MSK) is None


@pytest.mark.parametrize(("regime", "hours"), [(RU, {24, 72}), (GDPR, {72}), (DPDP, {72})])
def test_every_deadline_agrees_with_its_knowledge_entry(regime: str, hours: set[int], real_kb: KnowledgeBase) -> None:
    assert {d.hours for d in DUTIES[regime] if d.hours} == hours
    for duty in DUTIES[regime]:
        entry = real_kb.get(duty.entry_id)
        assert entry is not None and duty.source_url in {source.url for source in entry.all_sources()}
        assert duty.quote in entry.answer.en, f"{duty.entry_id} no longer says {duty.quote!r}"
        if duty.hours:
            assert f"{duty.hours} hours" in duty.quote and f"{duty.hours} час" in entry.answer.ru


# "we" is dateparser's two-letter Wednesday: right after a time it split "yesterday at 6pm" from its time and the
# moment became noon of yesterday, or last Wednesday's 23:45 (20 Nov 2026 is a Friday).
@pytest.mark.parametrize(("question", "expected"), [
    ("yesterday at 6pm we found that our CRM export was public", (2026, 11, 19, 18, 0)),
    ("last night at 11:45 pm we noticed the breach, when do we notify the ICO?", (2026, 11, 19, 23, 45)),
    ("today at 9am we got an email from a hacker with a sample of our customer base", (2026, 11, 20, 9, 0)),
    ("on Monday at 10:00 we discovered the leak", (2026, 11, 16, 10, 0)),
])
def test_the_pronoun_we_is_no_wednesday(question: str, expected: tuple) -> None:
    assert parse_moment(question, now=NOW_UTC.astimezone(MSK), tz=MSK, languages=("en",)) == local(MSK, *expected)


# A part of the day in Russian, with no clock time, is the hour dateparser gives the English words: the moment was
# the current time of that day, hours off (20 Nov 2026 12:00 in Moscow is "now"; 13 Nov was the Friday before).
@pytest.mark.parametrize(("question", "expected"), [
    ("вчера вечером обнаружили утечку", (2026, 11, 19, 18, 0)),
    ("утечку нашли сегодня утром, сколько времени есть на уведомление ркн", (2026, 11, 20, 9, 0)),
    ("в пятницу вечером слили базу", (2026, 11, 13, 18, 0)),
    ("позавчера днём админ заметил выгрузку", (2026, 11, 18, 12, 0)),
    ("вчера в 9 вечера заметили", (2026, 11, 19, 21, 0)),   # a clock time says the hour itself
    ("вчера утром в 7:30 заметили выгрузку", (2026, 11, 19, 7, 30)),
    ("вчера вечером в 7:30 заметили", (2026, 11, 19, 19, 30)),   # the part of the day says which half
])
def test_a_russian_part_of_the_day_sets_the_hour(question: str, expected: tuple) -> None:
    assert parse_moment(question, now=NOW_UTC.astimezone(MSK), tz=MSK, languages=("ru",)) == local(MSK, *expected)
