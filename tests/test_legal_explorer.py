"""The fines explorer over the real fines data: every figure is checked against the data computed here,
independently of the explorer's own code."""

from __future__ import annotations

import gc
import re
import statistics
import weakref

import pytest

from bot.answers import answer_question
from bot.channel.digest import Digest, render_digest
from bot.kb import KnowledgeBase
from bot.kb.models import Entry
from bot.legal.answers import explorer_of
from bot.legal.chart import fines_chart
from bot.legal.explorer import FinesExplorer, FinesFilter
from bot.legal.intents import aggregate_intent
from bot.legal.render import render_aggregate, render_fines_page
from bot.render import fine_line

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def explorer(real_kb: KnowledgeBase) -> FinesExplorer:
    return FinesExplorer(real_kb.fines)


@pytest.fixture(scope="module")
def fines(real_kb: KnowledgeBase) -> list[Entry]:
    return [e for e in real_kb.entries if e.fine is not None]


def gdpr_only(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.fine.regime == "gdpr"]  # type: ignore[union-attr]


def standing_amount(entry: Entry) -> int:
    """What stands after the fine's court history (tests/test_fine_history.py pins the walk itself)."""
    return entry.fine.standing_eur  # type: ignore[union-attr]


def standing(entries: list[Entry]) -> list[Entry]:
    """The fines the statistics count: an annulled fine is not one any more."""
    return [e for e in entries if standing_amount(e) > 0]


def amounts(entries: list[Entry]) -> list[int]:
    return [standing_amount(e) for e in standing(entries)]


def article_numbers(entry: Entry) -> set[str]:
    return {m.group(1) for a in entry.fine.articles if (m := re.match(r"\D*(\d+)", a))}  # type: ignore[union-attr]


def test_how_many_fines_spain_issued(explorer: FinesExplorer, fines: list[Entry]) -> None:
    spain = gdpr_only([e for e in fines if e.fine.country == "ES"])  # type: ignore[union-attr]
    assert spain, "the data set has Spanish fines"
    for question, lang in (("how many fines did Spain issue", "en"), ("сколько штрафов выписала Испания", "ru")):
        intent = aggregate_intent(question, explorer)
        assert intent is not None and intent.measure == "count"
        agg = explorer.aggregate(intent.filter)
        assert agg.count == len(spain) and agg.total == sum(amounts(spain))
        text = render_aggregate(explorer, agg, intent.measure, lang)
        assert str(len(spain)) in text and str(explorer.size) in text and "2026" in text


def test_total_gdpr_fines_of_meta_leave_out_cookie_fines(explorer: FinesExplorer, fines: list[Entry]) -> None:
    brands = ("meta", "facebook", "instagram", "whatsapp")
    meta = [e for e in fines if any(b in e.fine.company.lower() for b in brands)]  # type: ignore[union-attr]
    intent = aggregate_intent("total GDPR fines of Meta", explorer)
    assert intent is not None and intent.measure == "sum"
    agg = explorer.aggregate(intent.filter)
    assert agg.total == sum(amounts(gdpr_only(meta))) and agg.count == len(gdpr_only(meta))
    assert agg.largest is not None and agg.largest.fine.amount_eur == max(amounts(meta))  # type: ignore[union-attr]
    every = explorer.aggregate(FinesFilter(company="meta"))   # without "GDPR" the cookie fine counts too
    assert every.total == sum(amounts(meta))


def test_average_fine_under_article_32(explorer: FinesExplorer, fines: list[Entry]) -> None:
    art32 = gdpr_only([e for e in fines if "32" in article_numbers(e)])
    for question in ("average fine under article 32", "средний штраф по статье 32"):
        intent = aggregate_intent(question, explorer)
        assert intent is not None and intent.measure == "mean"
        agg = explorer.aggregate(intent.filter)
        assert agg.count == len(standing(art32))
        assert agg.mean == pytest.approx(statistics.fmean(amounts(art32)))
        assert agg.median == pytest.approx(statistics.median(amounts(art32)))


@pytest.mark.parametrize("question", [
    "biggest GDPR fine", "top 10 GDPR fines", "сколько заплатила мета за инстаграм и открытые аккаунты подростков",
    "средний штраф по ч. 13 ст. 13.11", "how many fines", "какой штраф за утечку персональных данных?",
])
def test_questions_that_are_not_aggregates(question: str, explorer: FinesExplorer) -> None:
    assert aggregate_intent(question, explorer) is None


def test_pages_cover_every_fine_once_largest_first(explorer: FinesExplorer, fines: list[Entry]) -> None:
    first = explorer.page(FinesFilter(), 0)
    seen = []
    for number in range(first.pages):
        page = explorer.page(FinesFilter(), number)
        assert len(page.items) == (5 if number + 1 < first.pages else len(gdpr_only(fines)) - 5 * number)
        seen += page.items
    assert [e.id for e in seen] == [e.id for e in sorted(gdpr_only(fines), key=lambda e: (
        -standing_amount(e), -e.fine.decision_date.toordinal()))]  # type: ignore[union-attr]
    assert explorer.page(FinesFilter(), 10_000).number == first.pages - 1   # a page past the end: the last one
    assert explorer.page(FinesFilter(), -3).number == 0


def test_filters_by_authority_sector_amount_year_and_date_order(explorer: FinesExplorer, fines: list[Entry]) -> None:
    dpc = explorer.query(FinesFilter(authority="dpc"))
    assert {e.id for e in dpc} == {e.id for e in gdpr_only(fines) if e.fine.authority.startswith("DPC")}  # type: ignore
    sector = "Health Care"
    assert {e.id for e in explorer.query(FinesFilter(sector=sector))} == {
        e.id for e in gdpr_only(fines) if e.fine.sector == sector}  # type: ignore[union-attr]
    big = explorer.query(FinesFilter(min_amount=100_000_000))
    assert {e.id for e in big} == {e.id for e in gdpr_only(fines) if e.fine.amount_eur >= 100_000_000}  # type: ignore
    latest = explorer.query(FinesFilter(year=2024, sort="date"))
    dates = [e.fine.decision_date for e in latest]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True) and all(d.year == 2024 for d in dates) and dates


def test_cookie_fines_are_out_by_default_and_in_on_request(explorer: FinesExplorer, fines: list[Entry]) -> None:
    assert len(explorer.query(FinesFilter(eprivacy=True))) == len(fines)
    cookies = len(fines) - len(gdpr_only(fines))
    assert explorer.select(FinesFilter()) == (gdpr_only(explorer.query(FinesFilter(eprivacy=True))), cookies)
    page = explorer.page(FinesFilter(), 0)
    assert page.excluded_eprivacy == cookies
    text = render_fines_page(explorer, FinesFilter(), page, "en")
    assert "cookie fines (ePrivacy, not GDPR) are not included" in text and f"{explorer.size} decisions" in text
    with_cookies = FinesFilter(eprivacy=True)
    assert "not included" not in render_fines_page(explorer, with_cookies, explorer.page(with_cookies, 0), "en")


def test_series_for_the_charts_add_up(explorer: FinesExplorer, fines: list[Entry]) -> None:
    years = explorer.by_year(FinesFilter())
    assert [y for y, _, _ in years] == sorted({e.fine.decision_date.year for e in gdpr_only(fines)})  # type: ignore
    assert sum(c for _, c, _ in years) == len(standing(gdpr_only(fines))) and sum(t for *_, t in years) == sum(
        amounts(gdpr_only(fines)))
    countries = explorer.by_country(FinesFilter(), limit=100)
    totals = [t for *_, t in countries]
    assert totals == sorted(totals, reverse=True) and sum(totals) == sum(amounts(gdpr_only(fines)))


@pytest.mark.parametrize(("typed", "expected"), [
    ("meta", FinesFilter(company="meta")),
    ("DPC 2024", FinesFilter(authority="dpc", year=2024)),
    ("article 32", FinesFilter(article="32")),
    ("статья 32", FinesFilter(article="32")),
    ("Испания", FinesFilter(country="ES")),
    ("cnil latest", FinesFilter(authority="cnil", sort="date")),
    ("clearview", FinesFilter(company="clearview")),
    ("cookies", FinesFilter(eprivacy=True)),
    ("", FinesFilter()),
])
def test_what_users_type_after_fines(typed: str, expected: FinesFilter, explorer: FinesExplorer) -> None:
    assert explorer.parse(typed) == expected


@pytest.mark.parametrize("kind", ["year", "country"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_charts_are_png_images(kind: str, lang: str, explorer: FinesExplorer) -> None:
    rows = explorer.by_year(FinesFilter()) if kind == "year" else explorer.by_country(FinesFilter())
    png = fines_chart(kind, rows, lang, "subtitle")
    assert png.startswith(PNG) and len(png) > 5_000
    assert fines_chart(kind, [], lang).startswith(PNG)


def test_a_fine_reads_the_same_in_the_list_the_explorer_and_the_digest(explorer: FinesExplorer,
                                                                       real_kb: KnowledgeBase) -> None:
    top = explorer.query(FinesFilter())[0]
    for lang in ("ru", "en"):
        line = fine_line(top, lang)
        assert top.fine.company in line and top.fine.authority in line  # type: ignore[union-attr]
        assert f"1. {line}" in render_fines_page(explorer, FinesFilter(), explorer.page(FinesFilter(), 0), lang)
        assert f"1. {line}" in answer_question(real_kb, "top 10 GDPR fines", lang).text
        day = top.fine.decision_date  # type: ignore[union-attr]
        assert f"• {line}" in render_digest(Digest(day, day, [], [top], []), lang)
        largest = render_aggregate(explorer, explorer.aggregate(FinesFilter()), "count", lang)
        assert line in largest


def test_the_explorer_is_built_once_per_knowledge_base_and_again_after_reload(real_kb: KnowledgeBase) -> None:
    kb = KnowledgeBase.from_entries(real_kb.entries)
    explorer = explorer_of(kb)
    assert explorer_of(kb) is explorer and explorer.size == len(real_kb.fines.fines)
    spanish = {e.id for e in real_kb.entries if e.fine and e.fine.country == "ES"}
    old_fines = weakref.ref(kb.fines)
    kb.replace(KnowledgeBase.from_entries([e for e in real_kb.entries if e.id not in spanish]))   # /reload
    del explorer
    gc.collect()
    assert explorer_of(kb).size == len(real_kb.fines.fines) - len(spanish)
    assert explorer_of(kb).query(FinesFilter(country="ES")) == []
    assert old_fines() is None, "the replaced fines data is still kept alive"
