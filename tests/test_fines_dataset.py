"""scripts/check_fines_dataset.py on a small invented export in the CMS Enforcement Tracker's format: every kind of
disagreement is found, explained ones are told apart, and the tracker's JSON shape reads like its CSV."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from bot.kb.models import Entry
from tests.kbfactory import make_entry

DATA = Path(__file__).resolve().parent / "data" / "fines_dataset"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_fines_dataset.py"
spec = importlib.util.spec_from_file_location("check_fines_dataset", SCRIPT)
assert spec and spec.loader
dataset = importlib.util.module_from_spec(spec)
sys.modules["check_fines_dataset"] = dataset
spec.loader.exec_module(dataset)


def fine(entry_id: str, company: str, country: str, authority: str, date: str, amount: int, *,
         history: list[dict] | None = None, note: str | None = None, url: str = "https://example.org/x") -> Entry:
    entry = make_entry(entry_id, title_ru=company, title_en=company, answer_ru=f"{amount} евро",
                       answer_en=f"€{amount}", domain="gdpr_fines", keywords=[company.lower()],
                       fine={"authority": authority, "country": country, "company": company,
                             "decision_date": date, "amount_eur": amount, "history": history or []})
    return entry.model_copy(update={"note": note, "source": entry.source.model_copy(update={"url": url})})


COURT = {"title": "Court", "url": "https://court.example.org/r"}
BASE = [
    fine("fine-post", "Post AG", "AT", "DSB", "2019-10-23", 18_000_000, url="https://www.enforcementtracker.com/ETid-1",
         history=[{"date": "2020-11-26", "outcome": "annulled", "by": "BVwG", "source": COURT}]),
    fine("fine-acme", "Acme Search Corp", "FR", "CNIL", "2022-12-19", 60_000_000),
    fine("fine-banco", "Banco Ejemplo", "ES", "AEPD", "2021-03-01", 1_100_000),
    fine("fine-telco", "Telco Uno", "IT", "Garante", "2020-04-20", 500_000,
         note="The tracker (ETid-4) dates the publication, not the decision."),
    fine("fine-shop", "Shop GmbH", "DE", "Berlin DPA", "2020-10-01", 2_000_000),
    fine("fine-sklep", "Sklep", "CZ", "UOOU", "2021-06-01", 90_000, url="https://www.enforcementtracker.com/ETid-7"),
]


@pytest.fixture(scope="module")
def report():
    return dataset.check(BASE, dataset.read_export(DATA / "export.csv"), top=3)


def kinds(report, entry_id: str) -> dict[str, str]:
    return {d.kind: d.explained for d in report.differences if d.entry.id == entry_id}


def test_rows_are_read_with_countries_amounts_and_dates() -> None:
    rows = {r.etid: r for r in dataset.read_export(DATA / "export.csv")}
    assert rows["ETid-2"].country == "FR" and rows["ETid-2"].amount == 60_000_000
    assert str(rows["ETid-4"].date) == "2020-01-15" and rows["ETid-8"].amount is None and rows["ETid-8"].date is None
    assert rows["ETid-1"].sources == ["https://www.dsb.gv.at/x"]


def test_agreeing_fines_are_paired_without_differences(report) -> None:
    assert "fine-acme" in {e.id for e, _ in report.pairs} and kinds(report, "fine-acme") == {}


def test_amount_over_one_percent_is_reported_unexplained(report) -> None:
    assert kinds(report, "fine-banco") == {"amount": ""}


def test_a_court_history_explains_the_dataset_amount(report) -> None:
    assert kinds(report, "fine-post") == {"amount": "the dataset has an amount from the fine's court history"}


def test_date_over_31_days_is_explained_by_a_note_naming_the_row(report) -> None:
    assert kinds(report, "fine-telco") == {"date": "the note explains (ETid-4)"}


def test_authority_and_country_disagreements(report) -> None:
    assert kinds(report, "fine-shop") == {"authority": ""}
    assert kinds(report, "fine-sklep") == {"country": ""}


def test_the_largest_dataset_fines_missing_from_the_base_are_listed(report) -> None:
    assert [r.etid for r in report.missing] == ["ETid-6"]
    text = "\n".join(report.lines())
    assert "ETid-6 IE Big Platform Ltd €17,000,000" in text and "UNEXPLAINED" in text


def test_the_trackers_json_shape_reads_like_the_csv(tmp_path: Path) -> None:
    with (DATA / "export.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    table = [["", r[0], f"<img alt='{r[1]}'><br />{r[1]}", *r[2:], f"<a href='x'>{r[0]}</a>"] for r in rows]
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": table}), encoding="utf-8")
    from_json = dataset.check(BASE, dataset.read_export(path), top=3)
    from_csv = dataset.check(BASE, dataset.read_export(DATA / "export.csv"), top=3)
    assert from_json.lines() == from_csv.lines()


def test_the_command_exits_non_zero_while_something_is_unexplained(tmp_path: Path, capsys) -> None:
    assert dataset.main([str(DATA / "export.csv"), "--top", "3"]) == 1
    assert "dataset rows: 8" in capsys.readouterr().out
