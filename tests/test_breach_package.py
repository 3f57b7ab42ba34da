"""The bot's breach package ships alone (wheel, image): it never reads the repository's test data."""

from __future__ import annotations

import re
from pathlib import Path

import bot.breaches

PACKAGE = Path(bot.breaches.__file__).parent
# A path into the test tree: "tests/data/…", / "tests" / "data", parents[2] / "tests"
_TESTS_PATH = re.compile(r"""["']tests["']\s*/|["']tests/""")


def test_no_breach_module_reads_the_test_tree() -> None:
    readers = [p.name for p in PACKAGE.glob("*.py") if _TESTS_PATH.search(p.read_text(encoding="utf-8"))]
    assert readers == []


def test_scoring_lives_beside_the_benchmarks() -> None:
    from bench.breach_eval import evaluate, load_labelled

    labelled = load_labelled()
    assert labelled and callable(evaluate)
    assert not (PACKAGE / "evaluation.py").exists()
