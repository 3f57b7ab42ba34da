"""`kb check` catches what a reviewer would: missing language, bad source, wrong amount, colliding questions."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.kb.check import check_entries, run_check, stats
from bot.kb.loader import load_entries
from bot.kb.models import Entry, Source
from bot.kb.sources import kind_of
from tests.kbfactory import make_entry, sample_entries

GOOD = """
  - id: {id}
    title: {{ru: "Заголовок", en: "Title"}}
    answer: {{ru: "Ответ {n}", en: "Answer {n}"}}
    keywords: [test]
    questions: {{ru: ["вопрос номер {n}"], en: []}}
    source: {{title: "Law", url: "https://example.org/law"}}
    checked: 2026-11-01
"""


def write(tmp_path: Path, body: str, domain: str = "ru_pd") -> Path:
    (tmp_path / "test.yaml").write_text(f"domain: {domain}\nentries:\n" + textwrap.dedent(body), encoding="utf-8")
    return tmp_path


def test_the_curated_knowledge_base_passes() -> None:
    assert run_check(Path(__file__).resolve().parent.parent / "knowledge") == []


def test_sample_entries_pass() -> None:
    assert check_entries(sample_entries()) == []


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    problems = run_check(write(tmp_path, GOOD.format(id="a-one", n=1) + GOOD.format(id="a-one", n=2)))
    assert any("duplicate id" in p for p in problems)


def test_missing_language_is_reported(tmp_path: Path) -> None:
    body = GOOD.format(id="a-one", n=1).replace('en: "Answer 1"', 'en: ""')
    problems = run_check(write(tmp_path, body))
    assert any("answer.en" in p for p in problems)


def test_source_must_be_a_url(tmp_path: Path) -> None:
    body = GOOD.format(id="a-one", n=1).replace("https://example.org/law", "see the law")
    assert any("not an http(s) URL" in p for p in run_check(write(tmp_path, body)))
    empty = GOOD.format(id="a-one", n=1).replace('title: "Law"', 'title: ""')
    assert any("source title" in p for p in run_check(write(tmp_path, empty)))


def test_unknown_domain_is_reported(tmp_path: Path) -> None:
    assert any("domain" in p for p in run_check(write(tmp_path, GOOD.format(id="a-one", n=1), domain="cooking")))


def test_amount_field_must_agree_with_the_answer_text() -> None:
    fine = {"authority": "CNIL", "country": "FR", "company": "X", "decision_date": "2024-01-01",
            "amount_eur": 32_000_000}
    right = make_entry("fine-x", title_ru="x", title_en="x", answer_ru="Штраф 32 млн евро.",
                       answer_en="A €32 million fine.", fine=fine, domain="gdpr_fines", keywords=["x"])
    wrong = make_entry("fine-y", title_ru="y", title_en="y", answer_ru="Штраф 23 млн евро.",
                       answer_en="A €32 million fine.", fine={**fine, "company": "Y"}, domain="gdpr_fines",
                       keywords=["y"])
    assert check_entries([right]) == []
    problems = check_entries([wrong])
    assert len(problems) == 1 and "ru answer does not state the amount" in problems[0]


def test_colliding_questions_are_reported() -> None:
    a = make_entry("a-one", title_ru="a", title_en="a", answer_ru="a", answer_en="a",
                   questions_ru=["Какой штраф за утечку?"])
    b = make_entry("b-two", title_ru="b", title_en="b", answer_ru="b", answer_en="b",
                   questions_ru=["какой штраф за утечку"])
    assert any("collides" in p for p in check_entries([a, b]))


def test_load_reports_every_problem_not_just_the_first(tmp_path: Path) -> None:
    body = GOOD.format(id="Bad Id", n=1) + GOOD.format(id="ok-id", n=2).replace("2026-11-01", "2999-01-01")
    problems = load_entries(write(tmp_path, body)).problems
    assert len(problems) == 2


# --------------------------------------------------------------------------- court history and sources

FINE = {"authority": "DSB", "country": "AT", "company": "Post AG", "decision_date": "2019-10-23",
        "amount_eur": 18_000_000}
COURT = {"title": "Court", "url": "https://court.example.org/ruling"}


def court_fine(answer_en: str, answer_ru: str, history: list[dict]) -> Entry:
    return make_entry("fine-post", title_ru="Почта", title_en="Post", answer_ru=answer_ru, answer_en=answer_en,
                      fine={**FINE, "history": history}, domain="gdpr_fines", keywords=["post"])


def test_the_standing_amount_follows_the_court_history() -> None:
    annulled_then_redecided = court_fine(
        "A €18 million fine, set at €16 million in the end.", "Штраф 18 млн евро, в итоге 16 млн евро.", [
            {"date": "2020-11-26", "outcome": "annulled", "by": "BVwG", "source": COURT},
            {"date": "2024-02-01", "outcome": "appealed", "by": "VwGH", "source": COURT},
            {"date": "2024-12-27", "outcome": "re-decided", "by": "BVwG", "amount_eur": 16_000_000, "source": COURT},
        ])
    assert annulled_then_redecided.fine is not None and annulled_then_redecided.fine.standing_eur == 16_000_000
    annulled = court_fine("A €18 million fine, annulled.", "Штраф 18 млн евро, отменён.", [
        {"date": "2020-11-26", "outcome": "annulled", "by": "BVwG", "source": COURT}])
    assert annulled.fine is not None and annulled.fine.standing_eur == 0
    restored = court_fine("A €18 million fine.", "Штраф 18 млн евро.", [
        {"date": "2020-11-26", "outcome": "annulled", "by": "Court", "source": COURT},
        {"date": "2022-01-01", "outcome": "upheld", "by": "Higher court", "source": COURT}])
    assert restored.fine is not None and restored.fine.standing_eur == 18_000_000
    for entry in (annulled_then_redecided, annulled, restored):
        assert check_entries([entry]) == []


def test_an_answer_must_state_the_amount_that_stands() -> None:
    silent = court_fine("A €18 million fine.", "Штраф 18 млн евро, снижен до 9 млн евро.", [
        {"date": "2020-11-11", "outcome": "reduced", "by": "LG", "amount_eur": 9_000_000, "source": COURT}])
    problems = check_entries([silent])
    assert len(problems) == 1 and "en answer does not state the standing amount €9,000,000" in problems[0]


@pytest.mark.parametrize("history", [
    [{"date": "2020-11-11", "outcome": "reduced", "by": "LG", "source": COURT}],                    # no new amount
    [{"date": "2020-11-11", "outcome": "annulled", "by": "LG", "amount_eur": 5, "source": COURT}],  # amount on annul
    [{"date": "2018-01-01", "outcome": "upheld", "by": "LG", "source": COURT}],                     # before decision
    [{"date": "2021-01-01", "outcome": "upheld", "by": "A", "source": COURT},
     {"date": "2020-01-01", "outcome": "upheld", "by": "B", "source": COURT}],                      # out of order
    [{"date": "2021-01-01", "outcome": "overturned", "by": "A", "source": COURT}],                  # unknown outcome
])
def test_a_history_that_cannot_be_true_is_rejected(history: list[dict]) -> None:
    with pytest.raises(ValidationError):
        court_fine("A €18 million fine.", "Штраф 18 млн евро.", history)


def with_sources(entry: Entry, source: str, sources: list[str], note: str | None = None) -> Entry:
    return entry.model_copy(update={
        "source": Source(title="S", url=source), "sources": [Source(title="S", url=u) for u in sources], "note": note})


def test_an_entry_resting_only_on_secondary_sources_is_reported_unless_its_note_says_why() -> None:
    base = sample_entries()[0]
    news_only = with_sources(base, "https://www.vedomosti.ru/a", ["https://www.enforcementtracker.com/ETid-1"])
    assert any("every source is secondary" in p for p in check_entries([news_only]))
    beside_official = with_sources(base, "https://www.cnil.fr/fr/x", ["https://www.vedomosti.ru/a"])
    official_second = with_sources(base, "https://www.klerk.ru/a", ["http://publication.pravo.gov.ru/document/1"])
    explained = with_sources(base, "https://www.rbc.ru/a", [], note="No official text exists: a leak known from press.")
    law_database = with_sources(base, "https://www.consultant.ru/document/cons_doc_LAW_61801/", [])
    for entry in (beside_official, official_second, explained, law_database):
        assert check_entries([entry]) == [], entry.source.url


@pytest.mark.parametrize(("url", "kind"), [
    ("https://www.dataprotection.ie/en/news", "official"), ("https://uodo.gov.pl/decyzje/DKN.5112.1.2020", "official"),
    ("https://www.dsb.gv.at/x", "official"), ("https://egazette.gov.in/a.pdf", "official"),
    ("https://edpb.europa.eu/news", "official"), ("https://www.consultant.ru/document/x/", "law database"),
    ("https://gdprhub.eu/index.php?title=X", "secondary"), ("https://news.mail.ru/x", "secondary"),
    ("https://emeliyannikov.blogspot.com/x", "secondary"), ("https://www.rustore.ru/x", "other"),
])
def test_source_kinds(url: str, kind: str) -> None:
    assert kind_of(url) == kind


def test_stats_print_the_share_of_official_primary_sources() -> None:
    text = stats(sample_entries())
    assert "primary source: official" in text and "fines with a court history" in text


KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


def test_every_statistics_entry_dates_its_figures() -> None:
    """A published count is only meaningful with its period: 'Roskomnadzor: 135 leaks' must say which year, so the
    bot never answers a question about 2025 with a 2024 figure passed off as current."""
    year = re.compile(r"\b(?:19|20)\d\d\b")
    entries = [e for e in load_entries(KNOWLEDGE).entries if e.id.startswith(("stats-", "leak-stats-"))]
    assert entries
    undated = [(e.id, lang) for e in entries for lang, title in (("ru", e.title.ru), ("en", e.title.en))
               if not year.search(title)]
    assert undated == []


def test_a_proposed_law_is_answered_as_a_proposal() -> None:
    """The Digital Omnibus only proposes a 96-hour breach deadline: the answer must say it is a proposal and that the
    72 hours of Art. 33 still apply, in both languages."""
    entry = next(e for e in load_entries(KNOWLEDGE).entries if e.id == "gdpr-digital-omnibus-proposal-2025")
    assert "предложение" in entry.answer.ru and "72" in entry.answer.ru
    assert "proposal" in entry.answer.en and "72" in entry.answer.en
