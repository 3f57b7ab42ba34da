"""Compare the knowledge base's GDPR fines with a CMS-Enforcement-Tracker-style export and list where they disagree.

Not run by the bot: a curator's tool. Usage:

    .venv/bin/python scripts/check_fines_dataset.py EXPORT.json|EXPORT.csv [--knowledge knowledge] [--top 50]

The export is either the tracker's own JSON (`{"data": [[button, "ETid-1", country HTML, authority, date, fine,
controller, sector, articles, type, summary, source HTML, link HTML], ...]}`) or a CSV with a header row naming the
same columns ("ETid", "Country", "Authority", "Date of Decision", "Fine [€]", "Controller/Processor", "Sector",
"Quoted Art.", "Type", "Summary", "Source").

A base fine is paired with a dataset row when it cites the row's ETid in a source, or else by company name
(rapidfuzz token-set ratio), country, and amount or date. A pair disagrees when the amounts differ by more than 1%,
the dates by more than 31 days, or the country or authority differ. A difference is *explained* when the amount or
date matches a step of the fine's court history (`fine.history`), or when the entry's note names the row's ETid.
The report also lists the dataset's largest fines that the base does not have. Exit status 1 when a difference is
unexplained. The dataset itself is never written anywhere (its publisher asks that it not be redistributed).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.kb import text as T  # noqa: E402
from bot.kb.countries import COUNTRIES  # noqa: E402
from bot.kb.loader import load_entries  # noqa: E402
from bot.kb.models import Entry  # noqa: E402
from bot.resources import knowledge_dir  # noqa: E402

AMOUNT_TOLERANCE = 0.01   # 1%
DATE_TOLERANCE = dt.timedelta(days=31)
NAME_MATCH = 85           # token-set ratio of the company names, 0..100
_COLUMNS = ("etid", "country", "authority", "date", "amount", "company", "sector", "articles", "type", "summary",
            "source")
_CSV_HEADERS = {
    "etid": "etid", "id": "etid", "country": "country", "authority": "authority",
    "date of decision": "date", "date": "date", "fine [€]": "amount", "fine": "amount", "fine (eur)": "amount",
    "amount": "amount", "controller/processor": "company", "controller": "company", "sector": "sector",
    "quoted art.": "articles", "quoted articles": "articles", "type": "type", "summary": "summary",
    "source": "source",
}
_COUNTRY_ALIASES = {"THE NETHERLANDS": "NL", "UNITED KINGDOM": "GB", "ISLE OF MAN": "IM", "CZECH REPUBLIC": "CZ"}
_GENERIC_WORDS = {
    "ltd", "limited", "inc", "llc", "gmbh", "ag", "sa", "s", "a", "spa", "srl", "bv", "nv", "plc", "co", "se",
    "the", "and", "of", "de", "la", "et", "zrt", "sp", "z", "o", "oo", "ab", "as", "oy", "oyj", "uab", "sia",
}


@dataclass
class DatasetFine:
    etid: str
    country: str          # ISO code ("" when unknown)
    authority: str
    date: dt.date | None  # None when the row has only a year, a month or "Unknown"
    date_text: str
    amount: int | None    # euros; None when not a number
    company: str
    articles: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass
class Difference:
    kind: str             # "amount", "date", "country", "authority"
    entry: Entry
    row: DatasetFine
    base: str
    dataset: str
    explained: str = ""   # why it is not an error, or "" when nobody has said


# --------------------------------------------------------------------------- reading an export

def _country_code(name: str) -> str:
    name = re.sub(r"<[^>]+>", " ", name).split()
    text = " ".join(name).upper()
    # the tracker's HTML repeats the name (alt text and label); the last words are the label
    for alias, code in _COUNTRY_ALIASES.items():
        if text.endswith(alias):
            return code
    for code, names in COUNTRIES.items():
        if any(text.endswith(n.upper()) for n in names if n.isascii()):
            return code
    return ""


def _amount(text: str) -> int | None:
    digits = re.sub(r"[,\s.]", "", text or "")
    return int(digits) if digits.isdigit() else None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _links(text: str) -> list[str]:
    found = re.findall(r"href=['\"]([^'\"]+)['\"]", text or "")
    if not found:
        found = re.findall(r"https?://\S+", text or "")
    return [html.unescape(u).replace("\\/", "/") for u in found]


def _row(values: dict[str, str]) -> DatasetFine:
    etid = re.search(r"ETid-\d+", values.get("etid", "")) or re.search(r"\d+", values.get("etid", ""))
    etid_text = etid.group(0) if etid else values.get("etid", "")
    if etid_text.isdigit():
        etid_text = f"ETid-{etid_text}"
    return DatasetFine(
        etid=etid_text, country=_country_code(values.get("country", "")),
        authority=values.get("authority", "").strip(), date=_date(values.get("date", "")),
        date_text=values.get("date", "").strip(), amount=_amount(values.get("amount", "")),
        company=" ".join(html.unescape(values.get("company", "")).split()), articles=values.get("articles", ""),
        sources=_links(values.get("source", "")),
    )


def read_export(path: Path) -> list[DatasetFine]:
    """Rows of a tracker export, JSON (the tracker's own table) or CSV (with a header)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        data = json.loads(text)
        rows = data["data"] if isinstance(data, dict) else data
        result = []
        for raw in rows:
            if isinstance(raw, dict):
                values = {_CSV_HEADERS.get(k.strip().lower(), k): str(v) for k, v in raw.items()}
            else:
                cells = [str(c) for c in raw]
                if len(cells) == len(_COLUMNS) + 2:       # the tracker's own: a button cell first, a link cell last
                    cells = cells[1:-1]
                values = dict(zip(_COLUMNS, cells, strict=False))
            result.append(_row(values))
        return result
    reader = csv.DictReader(text.splitlines())
    return [_row({_CSV_HEADERS.get((k or "").strip().lower(), k or ""): v or "" for k, v in raw.items()})
            for raw in reader]


# --------------------------------------------------------------------------- pairing and comparing

def _name(text: str) -> str:
    words = re.findall(r"[0-9a-zа-я]+", T.fold(text))
    return " ".join(w for w in words if w not in _GENERIC_WORDS)


def _cited_etids(entry: Entry) -> set[str]:
    found = set()
    for source in entry.all_sources():
        found |= set(re.findall(r"ETid-\d+", f"{source.url} {source.title}"))
    return found


def _close_amount(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= AMOUNT_TOLERANCE * max(a, b)


def pair_fines(entries: list[Entry], rows: list[DatasetFine]) -> list[tuple[Entry, DatasetFine]]:
    by_id = {row.etid: row for row in rows}
    pairs: list[tuple[Entry, DatasetFine]] = []
    for entry in entries:
        fine = entry.fine
        if fine is None:
            continue
        cited = [by_id[e] for e in sorted(_cited_etids(entry)) if e in by_id]
        if cited:
            pairs.append((entry, cited[0]))
            continue
        name = _name(fine.company)
        best: tuple[float, DatasetFine] | None = None
        for row in rows:
            if row.country != fine.country:
                continue
            score = fuzz.token_set_ratio(name, _name(row.company))
            if score < NAME_MATCH:
                continue
            amounts = {fine.amount_eur, fine.standing_eur, *(s.amount_eur for s in fine.history if s.amount_eur)}
            near_amount = any(_close_amount(a, row.amount) for a in amounts)
            near_date = row.date is not None and abs(row.date - fine.decision_date) <= dt.timedelta(days=120)
            if not (near_amount or near_date):
                continue
            rank = score + (10 if near_amount else 0) + (5 if near_date else 0)
            if best is None or rank > best[0]:
                best = (rank, row)
        if best:
            pairs.append((entry, best[1]))
    return pairs


def _authority_agrees(kb_authority: str, country: str, dataset_authority: str) -> bool:
    """Every country but Germany has one national authority in the tracker; German rows name the Land or the
    federal office, which the base's authority must name too."""
    if country != "DE":
        return True
    kb = T.fold(kb_authority).replace("ü", "ue")
    ds = T.fold(dataset_authority).replace("ü", "ue")
    if re.match(r"bfdi\b", kb) or "federal" in kb:
        return "federal" in ds or "bfdi" in ds
    region = ds.replace("data protection authority of", "").replace("commissioner for data protection", "").split()
    aliases = {"hamburg": ("hamburg", "hmb"), "baden": ("baden", "bw"), "lower": ("niedersachsen", "lower saxony")}
    words = [w for w in region if len(w) >= 4] or region
    return any(alias in kb for word in words[:1] for alias in aliases.get(word, (word,)))


def compare(entry: Entry, row: DatasetFine) -> list[Difference]:
    fine = entry.fine
    assert fine is not None
    note = entry.note or ""
    named_in_note = row.etid in note
    diffs: list[Difference] = []
    history_amounts = {fine.standing_eur, *(s.amount_eur for s in fine.history if s.amount_eur)}
    if fine.history and any(s.outcome == "annulled" for s in fine.history):
        history_amounts.add(0)
    if row.amount is not None and not _close_amount(fine.amount_eur, row.amount) and not (
            row.amount == 0 == fine.amount_eur):
        why = ""
        if any(_close_amount(a, row.amount) or (a == 0 == row.amount) for a in history_amounts):
            why = "the dataset has an amount from the fine's court history"
        elif named_in_note:
            why = f"the note explains ({row.etid})"
        standing = f" (standing €{fine.standing_eur:,})" if fine.standing_eur != fine.amount_eur else ""
        diffs.append(Difference("amount", entry, row, f"€{fine.amount_eur:,}{standing}", f"€{row.amount:,}", why))
    if row.date is not None and abs(row.date - fine.decision_date) > DATE_TOLERANCE:
        why = ""
        if any(abs(row.date - s.date) <= DATE_TOLERANCE for s in fine.history):
            why = "the dataset dates a step of the fine's court history"
        elif named_in_note:
            why = f"the note explains ({row.etid})"
        diffs.append(Difference("date", entry, row, str(fine.decision_date), row.date_text, why))
    if row.country and row.country != fine.country:
        diffs.append(Difference("country", entry, row, fine.country, row.country,
                                f"the note explains ({row.etid})" if named_in_note else ""))
    if not _authority_agrees(fine.authority, fine.country, row.authority):
        diffs.append(Difference("authority", entry, row, fine.authority, row.authority,
                                f"the note explains ({row.etid})" if named_in_note else ""))
    return diffs


def missing_largest(entries: list[Entry], rows: list[DatasetFine], pairs, top: int) -> list[DatasetFine]:
    """The dataset's `top` largest fines that no base entry is paired with or names in a note."""
    paired = {row.etid for _, row in pairs}
    noted = " ".join(e.note or "" for e in entries)
    ranked = sorted((r for r in rows if r.amount), key=lambda r: -(r.amount or 0))[:top]
    return [r for r in ranked if r.etid not in paired and not re.search(rf"\b{re.escape(r.etid)}\b", noted)]


@dataclass
class Report:
    pairs: list[tuple[Entry, DatasetFine]]
    differences: list[Difference]
    missing: list[DatasetFine]
    fines: int
    rows: int

    @property
    def unexplained(self) -> list[Difference]:
        return [d for d in self.differences if not d.explained]

    def lines(self) -> list[str]:
        out = [f"base fines: {self.fines}; dataset rows: {self.rows}; paired: {len(self.pairs)}"]
        for kind in ("amount", "date", "country", "authority"):
            mine = [d for d in self.differences if d.kind == kind]
            out.append(f"{kind} differences: {len(mine)} ({sum(1 for d in mine if not d.explained)} unexplained)")
        for d in sorted(self.differences, key=lambda d: (bool(d.explained), d.kind, d.entry.id)):
            status = f"explained: {d.explained}" if d.explained else "UNEXPLAINED"
            out.append(f"  {d.kind:<9} {d.entry.id} {d.row.etid}: base {d.base} vs dataset {d.dataset} ({status})")
        out.append(f"dataset's largest fines missing from the base: {len(self.missing)}")
        for row in self.missing:
            out.append(f"  {row.etid} {row.country} {row.company} €{row.amount:,} {row.date_text}")
        return out


def check(entries: list[Entry], rows: list[DatasetFine], top: int = 50) -> Report:
    fines = [e for e in entries if e.fine]
    pairs = pair_fines(fines, rows)
    differences = [d for entry, row in pairs for d in compare(entry, row)]
    return Report(pairs, differences, missing_largest(fines, rows, pairs, top), len(fines), len(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="the tracker export, .json or .csv")
    parser.add_argument("--knowledge", type=Path, default=knowledge_dir())
    parser.add_argument("--top", type=int, default=50, help="how many of the dataset's largest fines must be in")
    args = parser.parse_args(argv)
    loaded = load_entries(args.knowledge)
    if loaded.problems:
        print("\n".join(loaded.problems), file=sys.stderr)
        return 2
    report = check(loaded.entries, read_export(args.export), args.top)
    print("\n".join(report.lines()))
    return 1 if report.unexplained or report.missing else 0


if __name__ == "__main__":
    sys.exit(main())
