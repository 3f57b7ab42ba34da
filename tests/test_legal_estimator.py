"""The leak-fine estimator: every band edge, every turnover floor and cap, all three regimes, and the estimator's
tables checked against the amounts the real knowledge base states (so the two cannot drift apart)."""

from __future__ import annotations

import re

import pytest

from bot.formatting import format_money
from bot.kb import KnowledgeBase
from bot.legal.estimator import (
    BIOMETRIC,
    CITIZEN,
    DPDP,
    DPDP_SCHEDULE,
    GDPR,
    KOAP,
    LEGAL,
    OFFICIAL,
    RU,
    SPECIAL,
    Band,
    LeakCase,
    all_bands,
    estimate,
    next_question,
)
from bot.legal.intents import estimate_intent, extract_case
from bot.legal.render import render_estimate
from bot.render import format_eur, short_eur

M = 1_000_000


def only(case: LeakCase) -> tuple[str, int | None, int | None]:
    result = estimate(case)
    assert len(result.lines) == 1, result.lines
    line = result.lines[0]
    return line.band.part, line.low, line.high


# ------------------------------------------------------------------------------------------ Russia: bands by size

@pytest.mark.parametrize(("subjects", "identifiers", "part", "low", "high"), [
    (999, None, "1", 150_000, 300_000),
    (1_000, None, "12", 3 * M, 5 * M),
    (10_000, None, "12", 3 * M, 5 * M),
    (10_001, None, "13", 5 * M, 10 * M),
    (100_000, None, "13", 5 * M, 10 * M),
    (100_001, None, "14", 10 * M, 15 * M),
    (1_000_000, None, "14", 10 * M, 15 * M),
    (None, 9_999, "1", 150_000, 300_000),
    (None, 10_000, "12", 3 * M, 5 * M),
    (None, 100_000, "12", 3 * M, 5 * M),
    (None, 100_001, "13", 5 * M, 10 * M),
    (None, 1_000_000, "13", 5 * M, 10 * M),
    (None, 1_000_001, "14", 10 * M, 15 * M),
    (999, 1_000_001, "14", 10 * M, 15 * M),   # people and/or identifiers: the higher part wins
    (50_000, 50_000, "13", 5 * M, 10 * M),
])
def test_first_leak_of_ordinary_data_by_a_company(subjects, identifiers, part, low, high) -> None:
    assert only(LeakCase(subjects=subjects, identifiers=identifiers)) == (part, low, high)


@pytest.mark.parametrize(("value", "kind"), [(10_000, "subjects"), (100_000, "identifiers")])
def test_a_count_on_the_overlapping_boundary_says_the_law_is_unclear_there(value: int, kind: str) -> None:
    result = estimate(LeakCase(**{kind: value}))
    assert result.has_note("on_the_edge")
    assert not estimate(LeakCase(**{kind: value + 1})).has_note("on_the_edge")
    assert not estimate(LeakCase(**{kind: value - 1})).has_note("on_the_edge")


@pytest.mark.parametrize(("part", "offender", "low", "high"), [
    ("1", CITIZEN, 10_000, 15_000), ("1", OFFICIAL, 50_000, 100_000),
    ("12", CITIZEN, 100_000, 200_000), ("12", OFFICIAL, 200_000, 400_000),
    ("13", CITIZEN, None, 300_000), ("13", OFFICIAL, None, 500_000),
    ("14", CITIZEN, None, 400_000), ("14", OFFICIAL, None, 600_000),
])
def test_individuals_and_officials_get_their_own_amounts(part, offender, low, high) -> None:
    subjects = {"1": 10, "12": 5_000, "13": 50_000, "14": 500_000}[part]
    result = estimate(LeakCase(subjects=subjects, offender=offender))
    assert (result.lines[0].band.part, result.lines[0].low, result.lines[0].high) == (part, low, high)
    assert result.has_note("no_lower_bound") == (low is None)


@pytest.mark.parametrize(("category", "repeat", "offender", "part", "low", "high"), [
    (SPECIAL, False, LEGAL, "16", 10 * M, 15 * M),
    (SPECIAL, False, OFFICIAL, "16", 1 * M, 1_300_000),
    (SPECIAL, False, CITIZEN, "16", 300_000, 400_000),
    (BIOMETRIC, False, LEGAL, "17", 15 * M, 20 * M),
    (BIOMETRIC, False, OFFICIAL, "17", 1_300_000, 1_500_000),
    (BIOMETRIC, False, CITIZEN, "17", 400_000, 500_000),
    (BIOMETRIC, True, LEGAL, "18", 25 * M, 500 * M),
    (SPECIAL, True, LEGAL, "18", 25 * M, 500 * M),
])
def test_special_categories_and_biometrics_do_not_depend_on_size(category, repeat, offender, part, low, high) -> None:
    for subjects in (1, 5_000, 10**7):
        case = LeakCase(subjects=subjects, category=category, repeat=repeat, offender=offender)
        assert only(case) == (part, low, high)


def test_repeat_of_special_data_by_an_individual_names_no_amount_rather_than_guessing() -> None:
    result = estimate(LeakCase(category=BIOMETRIC, repeat=True, offender=CITIZEN))
    assert result.lines == [] and ("no_amount", {"part": "18"}) in result.notes
    assert "18" in render_estimate(result, "ru") and "не найдены" in render_estimate(result, "ru")


# ------------------------------------------------------------------------------------------ Russia: repeat leaks

@pytest.mark.parametrize(("revenue", "low", "high"), [
    (None, 20 * M, 500 * M),                  # unknown revenue: the floor and the cap
    (0, 20 * M, 20 * M),
    (1_000_000_000, 20 * M, 30 * M),          # 1 % = 10 M is under the floor
    (1_999_999_999, 20 * M, 59_999_999),
    (2_000_000_000, 20 * M, 60 * M),          # 1 % reaches the floor exactly
    (2_000_000_100, 20_000_001, 60_000_003),
    (16_666_666_666, 166_666_666, 499_999_999),
    (16_666_666_667, 166_666_666, 500 * M),   # 3 % reaches the cap
    (49_999_999_999, 499_999_999, 500 * M),
    (50_000_000_000, 500 * M, 500 * M),       # 1 % reaches the cap too
    (10**12, 500 * M, 500 * M),
])
def test_repeat_leak_by_a_company_is_a_turnover_fine_between_floor_and_cap(revenue, low, high) -> None:
    result = estimate(LeakCase(subjects=50_000, repeat=True, revenue=revenue))
    assert only(LeakCase(subjects=50_000, repeat=True, revenue=revenue)) == ("15", low, high)
    assert result.alternatives[0].low == 15 * M and result.alternatives[0].high == 50 * M
    assert result.has_note("revenue_unknown") == (revenue is None)


@pytest.mark.parametrize(("revenue", "low", "high"), [
    (None, 25 * M, 500 * M), (1_000_000_000, 25 * M, 30 * M), (2_500_000_000, 25 * M, 75 * M),
    (16_666_666_667, 166_666_666, 500 * M), (50_000_000_000, 500 * M, 500 * M),
])
def test_repeat_leak_of_biometrics_has_the_higher_floor(revenue, low, high) -> None:
    result = estimate(LeakCase(category=BIOMETRIC, repeat=True, revenue=revenue))
    assert only(LeakCase(category=BIOMETRIC, repeat=True, revenue=revenue)) == ("18", low, high)
    assert result.has_note("mitigation_unclear") and not result.alternatives


@pytest.mark.parametrize(("subjects", "offender", "part", "low", "high"), [
    (999, LEGAL, "1.1", 300_000, 500_000), (999, OFFICIAL, "1.1", 100_000, 200_000),
    (999, CITIZEN, "1.1", 15_000, 30_000), (5_000, OFFICIAL, "15", None, 1_200_000),
    (5_000, CITIZEN, "15", None, 600_000),
])
def test_repeat_leaks_below_the_thresholds_and_by_individuals(subjects, offender, part, low, high) -> None:
    assert only(LeakCase(subjects=subjects, repeat=True, offender=offender)) == (part, low, high)


def test_unknown_size_shows_every_band_for_a_first_leak() -> None:
    result = estimate(LeakCase())
    assert [(line.band.part, line.low, line.high) for line in result.lines] == [
        ("12", 3 * M, 5 * M), ("13", 5 * M, 10 * M), ("14", 10 * M, 15 * M)]
    assert result.has_note("count_unknown")


@pytest.mark.parametrize(("offender", "low", "high"), [
    (LEGAL, 1 * M, 3 * M), (OFFICIAL, 400_000, 800_000), (CITIZEN, 50_000, 100_000)])
def test_every_russian_estimate_names_the_fine_for_not_notifying(offender, low, high) -> None:
    for case in (LeakCase(offender=offender), LeakCase(offender=offender, category=SPECIAL, subjects=3)):
        line = estimate(case).notification[0]
        assert (line.band.part, line.low, line.high) == ("11", low, high)
    text = render_estimate(estimate(LeakCase(offender=offender)), "ru")
    assert "24 час" in text and "72 час" in text and "/deadline" in text


# ------------------------------------------------------------------------------------------ GDPR and DPDP

@pytest.mark.parametrize(("turnover", "lower", "upper"), [
    (None, None, None),
    (0, 10 * M, 20 * M),
    (499_999_999, 10 * M, 20 * M),
    (500_000_000, 10 * M, 20 * M),        # 2 % and 4 % equal the fixed amounts exactly here
    (600_000_000, 12 * M, 24 * M),
    (1_000_000_000, 20 * M, 40 * M),
    (100_000_000_000, 2_000 * M, 4_000 * M),
])
def test_gdpr_ceilings_are_the_fixed_amount_or_the_turnover_share_whichever_is_higher(turnover, lower, upper) -> None:
    result = estimate(LeakCase(regime=GDPR, revenue=turnover))
    assert [(line.band.part, line.high) for line in result.lines] == [("83(4)", lower), ("83(5)", upper)]
    assert result.has_note("gdpr_turnover_unknown") == (turnover is None)
    assert result.notification[0].band.part == "83(4)"


def test_gdpr_for_a_body_that_is_not_an_undertaking_is_the_fixed_amount() -> None:
    result = estimate(LeakCase(regime=GDPR, offender=CITIZEN, revenue=10**12))
    assert [line.high for line in result.lines] == [10 * M, 20 * M] and result.has_note("gdpr_not_undertaking")


def test_dpdp_gives_the_schedule_maximums_and_when_they_apply() -> None:
    result = estimate(LeakCase(regime=DPDP, subjects=10**6, repeat=True))
    assert [(line.band.part, line.high) for line in result.lines] == [("1", 2_500_000_000)]
    assert [(line.band.part, line.high) for line in result.notification] == [("2", 2_000_000_000)]
    assert result.has_note("dpdp_from_2027")
    assert "250 крор рупий" in render_estimate(result, "ru") and "₹250 crore" in render_estimate(result, "en")


@pytest.mark.parametrize("bad", [dict(regime="us"), dict(offender="robot"), dict(category="x"), dict(subjects=-1)])
def test_a_case_that_makes_no_sense_is_refused(bad) -> None:
    with pytest.raises(ValueError):
        LeakCase(**bad)


@pytest.mark.parametrize(("answers", "expected"), [
    ({}, "regime"),
    ({"regime": DPDP}, None),
    ({"regime": RU}, "category"),
    ({"regime": RU, "category": "ordinary"}, "count"),
    ({"regime": RU, "category": "special"}, "repeat"),
    ({"regime": RU, "category": "ordinary", "count": "u"}, "repeat"),
    ({"regime": RU, "category": "ordinary", "count": "s", "repeat": False}, "offender"),
    ({"regime": RU, "category": "ordinary", "count": "s", "repeat": False, "offender": LEGAL}, None),
    ({"regime": RU, "category": "ordinary", "count": "s", "repeat": True, "offender": LEGAL}, "revenue"),
    ({"regime": RU, "category": "ordinary", "count": "s", "repeat": True, "offender": CITIZEN}, None),
    ({"regime": GDPR}, "offender"),
    ({"regime": GDPR, "offender": LEGAL}, "revenue"),
    ({"regime": GDPR, "offender": LEGAL, "revenue": -1}, None),
    ({"regime": GDPR, "offender": CITIZEN}, None),
])
def test_the_wizard_asks_only_what_the_law_needs(answers, expected) -> None:
    assert next_question(answers) == expected


# ------------------------------------------------------------------------------------------ free text

@pytest.mark.parametrize(("question", "lang", "expected"), [
    ("утекло 50 тысяч записей клиентов, какой штраф ООО?", "ru",
     dict(regime=RU, identifiers=50_000, subjects=None, offender=LEGAL, repeat=False)),
    ("какой штраф за утечку данных 5 тысяч клиентов", "ru", dict(regime=RU, subjects=5_000)),
    ("fine for leaking data of 5,000 customers in Russia", "en", dict(regime=RU, subjects=5_000)),
    ("повторная утечка, выручка 5 млрд рублей, какой штраф", "ru", dict(repeat=True, revenue=5 * 10**9)),
    ("GDPR fine for a data breach, turnover €2 billion", "en", dict(regime=GDPR, revenue=2 * 10**9)),
    ("штраф директору за утечку биометрии 200 клиентов", "ru", dict(offender=OFFICIAL, category=BIOMETRIC)),
    ("DPDP penalty for a leak of 1 million users", "en", dict(regime=DPDP, subjects=10**6)),
])
def test_free_text_leak_questions_are_read(question: str, lang: str, expected: dict) -> None:
    intent = estimate_intent(question, lang)
    assert intent is not None
    for name, value in expected.items():
        assert getattr(intent.case, name) == value, name


@pytest.mark.parametrize("question", [
    "какой штраф за утечку биометрии",        # no fact to compute with: the knowledge entry answers it
    "какой штраф за утечку персональных данных?",
    "biggest GDPR fine",
    "сколько заплатила мета за инстаграм",
    "штраф за обработку без согласия 5000 клиентов",   # not a leak
])
def test_questions_without_a_described_leak_are_left_to_the_search(question: str) -> None:
    assert estimate_intent(question, "ru") is None


def test_records_of_customers_are_counted_as_identifiers_and_the_answer_says_so() -> None:
    found = extract_case("утекло 50 тысяч записей клиентов, ООО", "ru")
    text = render_estimate(estimate(found.case), "ru", notes=found.notes)
    assert "ч. 12 ст. 13.11" in text and "от 3 до 5 млн ₽" in text
    assert "Если это 50\u00a0000 разных людей" in text and "ч. 13" in text


# ------------------------------------------------------------------------------------------ the knowledge base

_NUMBER = r"(\d+(?:[.,]\d+)*)"


def _rub(number: str, million: str | None) -> int:
    value = float(number.replace(",", "")) if "." in number else int(number.replace(",", ""))
    return round(value * (M if million else 1))


def amounts_in_quote(quote: str) -> dict[str, int | None]:
    """The amounts a quote states, read independently of the estimator's code."""
    found: dict[str, int | None] = {}
    if m := re.search(rf"RUB {_NUMBER}\s*[–-]\s*{_NUMBER}( million)?", quote):
        found |= {"low": _rub(m.group(1), m.group(3)), "high": _rub(m.group(2), m.group(3))}
    elif m := re.search(rf"up to RUB {_NUMBER}( million)?", quote):
        found |= {"low": None, "high": _rub(m.group(1), m.group(2))}
    if m := re.search(r"(\d+) to (\d+) percent", quote):
        found |= {"pct_low": int(m.group(1)), "pct_high": int(m.group(2)), "low": None, "high": None}
    if m := re.search(rf"not less than RUB {_NUMBER} million and not more than RUB {_NUMBER} million", quote):
        found |= {"floor": _rub(m.group(1), "m"), "cap": _rub(m.group(2), "m")}
    if m := re.search(r"up to €(\d+) million or up to (\d+)%", quote):
        found |= {"low": None, "high": int(m.group(1)) * M, "pct_high": int(m.group(2))}
    if m := re.search(r"up to ₹(\d+) crore", quote):
        found |= {"low": None, "high": int(m.group(1)) * 10**7}
    return found


@pytest.mark.parametrize("band", all_bands(), ids=lambda b: f"{b.regime}-{b.part}-{b.offender}")
def test_every_band_agrees_with_its_knowledge_entry(band: Band, real_kb: KnowledgeBase) -> None:
    entry = real_kb.get(band.entry_id)
    assert entry is not None, f"{band.entry_id} is not in the knowledge base"
    assert band.source_url in {source.url for source in entry.all_sources()}   # (the entry may cite more)
    assert band.quote in entry.answer.en, f"{band.entry_id}: the answer no longer says {band.quote!r}"
    stated = amounts_in_quote(band.quote)
    assert stated, f"no amount read from {band.quote!r}"
    for name, value in stated.items():
        assert getattr(band, name) == value, f"{band.entry_id} {name}: estimator {getattr(band, name)}, KB {value}"


def test_every_band_names_its_part_in_its_entry(real_kb: KnowledgeBase) -> None:
    for (part, _), band in KOAP.items():
        title = real_kb.get(band.entry_id).title.en  # type: ignore[union-attr]
        assert f"13.11({part})" in title, (part, title)
    assert "s.8(5)" in DPDP_SCHEDULE["1"].quote and "s.8(6)" in DPDP_SCHEDULE["2"].quote
    assert "(Art. 83(4)-(5))" in real_kb.get("gdpr-fine-tiers-art-83").title.en  # type: ignore[union-attr]


def test_a_question_about_not_reporting_a_leak_is_left_to_its_own_entry() -> None:
    assert estimate_intent("fine for a company that doesnt report a data leak to roskomnadzor", "en") is None
    assert estimate_intent("штраф ООО за неуведомление РКН об утечке", "ru") is None
    assert estimate_intent("утекло 5000 записей и не уведомили РКН, какой штраф ООО", "ru") is not None


@pytest.mark.parametrize(("question", "lang", "regime"), [
    ("leak of 1520 customer records, what fine?", "en", GDPR),            # 152-FZ only as a word of its own
    ("утечка в Евросети: 50 тысяч клиентов, какой штраф?", "ru", RU),       # the euro only as a word of its own
    ("утекли данные 50 тысяч клиентов российской компании, какой штраф?", "en", RU),
    ("breach of 5,000 customers of an Indian bank, what fine?", "ru", DPDP),
    ("утечка в европейской компании, 10 тысяч клиентов, какой штраф?", "ru", GDPR),
    ("fine for a leak of 5000 records, turnover €2 billion", "ru", GDPR),
])
def test_the_law_a_question_names_is_read_from_whole_words(question: str, lang: str, regime: str) -> None:
    intent = estimate_intent(question, lang)
    assert intent is not None and intent.case.regime == regime


@pytest.mark.parametrize(("amount", "currency", "style", "ru", "en"), [
    (3_000_000, "RUB", "words", "3 млн ₽", "RUB 3 million"),
    (150_000, "RUB", "words", "150\u00a0000 ₽", "RUB 150,000"),
    (2_500_000_000, "INR", "words", "250 крор рупий", "₹250 crore"),
    (1_200_000_000, "EUR", "short", "1,2 млрд €", "€1.2bn"),
    (150_000, "EUR", "short", "150 тыс. €", "€150k"),
    (1_200_000_000, "EUR", "full", "1\u00a0200\u00a0000\u00a0000 €", "€1,200,000,000"),
])
def test_money_in_each_style(amount: int, currency: str, style: str, ru: str, en: str) -> None:
    assert (format_money(amount, currency, "ru", style=style),
            format_money(amount, currency, "en", style=style)) == (ru, en)
    if currency == "EUR" and style != "words":
        assert (format_eur if style == "full" else short_eur)(amount, "en") == en
