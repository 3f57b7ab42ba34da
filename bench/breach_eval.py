"""Score a breach parser against labelled posts (``tests/data/breach_posts.yaml``).

Used by the parametrised parser tests and by benchmarks: ``evaluate(BreachParser(), load_labelled())``. Scoring
lives beside the benchmarks, not in the bot's package: the bot never reads ``tests/``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml

from bot.breaches.models import Breach
from bot.breaches.names import ServiceDirectory, canonical_key, default_directory

DEFAULT_LABELLED_PATH = Path(__file__).resolve().parents[1] / "tests" / "data" / "breach_posts.yaml"
SCORED_FIELDS = (
    "service", "domain", "record_count", "unique_emails", "data_classes", "password_storage", "breach_date",
)


class ParserLike(Protocol):
    def parse(self, text: str, *, posted_at: datetime | None = None, source_name: str | None = None,
              source_url: str | None = None, origin: str = "channel") -> Breach | None: ...


def load_labelled(path: Path | str = DEFAULT_LABELLED_PATH) -> list[dict[str, Any]]:
    """Labelled posts: dicts with ``id``, ``lang``, ``text`` and ``expected`` (``breach`` plus fields)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    posts = data.get("posts", data) if isinstance(data, dict) else data
    for post in posts:
        if "expected" not in post or "breach" not in post["expected"]:
            raise ValueError(f"labelled post {post.get('id')!r} has no expected.breach")
    return posts


def same_service(got: str | None, expected: str | None, directory: ServiceDirectory | None = None) -> bool:
    """Names agree when their keys agree: «Литрес» = "ЛитРес" = "Litres"."""
    if not got or not expected:
        return got == expected
    directory = directory or default_directory()
    if canonical_key(got) == canonical_key(expected):
        return True
    return directory.resolve(got).key == directory.resolve(expected).key


def field_matches(name: str, got: Any, expected: Any) -> bool:
    if name == "service":
        return same_service(got, expected)
    if name == "domain":
        return (got or "").lower() == (expected or "").lower()
    if name == "data_classes":
        return set(got or ()) == set(expected or ())
    if name == "breach_date" and isinstance(expected, str):
        expected = date.fromisoformat(expected)
    return got == expected


def evaluate(parser: ParserLike, labelled: list[dict[str, Any]]) -> dict[str, Any]:
    """Detection precision/recall/F1 and per-field accuracy on correctly detected breaches.

    Precision is 1.0 when nothing was flagged (no wrong alerts), recall is 1.0 when nothing was
    expected. ``mistakes`` lists every miss for debugging: false positives/negatives and wrong fields.
    """
    tp = fp = fn = tn = 0
    fields = {name: {"correct": 0, "total": 0} for name in SCORED_FIELDS}
    mistakes: list[dict[str, Any]] = []
    for post in labelled:
        expected = post["expected"]
        got = parser.parse(post["text"])
        if not expected["breach"]:
            if got is None:
                tn += 1
            else:
                fp += 1
                mistakes.append({"id": post.get("id"), "kind": "false_positive", "got": got.service})
            continue
        if got is None:
            fn += 1
            mistakes.append({"id": post.get("id"), "kind": "false_negative"})
            continue
        tp += 1
        for name in SCORED_FIELDS:
            if name not in expected:
                continue
            fields[name]["total"] += 1
            value = getattr(got, name)
            if field_matches(name, value, expected[name]):
                fields[name]["correct"] += 1
            else:
                mistakes.append({"id": post.get("id"), "kind": "field", "field": name,
                                 "expected": expected[name], "got": value})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = {
        name: (counts["correct"] / counts["total"] if counts["total"] else None) for name, counts in fields.items()
    }
    return {
        "n": len(labelled), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": precision, "recall": recall, "f1": f1,
        "field_accuracy": accuracy, "fields": fields, "mistakes": mistakes,
    }
