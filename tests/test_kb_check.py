"""`kb check` catches what a reviewer would: missing language, bad source, wrong amount, colliding questions."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bot.kb.check import check_entries, run_check
from bot.kb.loader import load_entries
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
