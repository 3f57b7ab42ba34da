"""The trade-off curve of the "not sure" margin (bot/understanding/rank.py AMBIGUOUS_MARGIN): for each value, the
hit rate and confident-wrong rate over the in-scope dev sets and how many out-of-scope dev questions were answered
as if known. Dev sets only: the blind held-out sets are never read here.

    .venv/bin/python -m bench.margin [--values 0.8 0.9 0.95 1.01]
"""

from __future__ import annotations

import argparse
import logging

from bench.questions import SETS, Score, says_unsure, score_set
from bench.search import load_questions
from bot.answers import answer_question
from bot.config import PROJECT_ROOT
from bot.kb import KnowledgeBase
from bot.understanding import rank


def curve(kb: KnowledgeBase, values: list[float]) -> list[tuple[float, Score, Score, int]]:
    """(margin, in-scope score, out-of-scope score, in-scope replies saying "not sure" (hit or not))."""
    sets = [(qs, load_questions(qs.path)) for qs in SETS if not qs.blind and "held-out" not in qs.name]
    said: list[bool] = []

    def reply(question: str, lang: str) -> str:
        text = answer_question(kb, question, lang).text
        said.append(says_unsure(text))
        return text

    kept = rank.AMBIGUOUS_MARGIN
    out = []
    try:
        for value in values:
            rank.AMBIGUOUS_MARGIN = value
            inside, outside = Score(), Score()
            not_sure = 0
            for qs, rows in sets:
                said.clear()
                total = score_set(qs, rows, reply)[0]["all"]
                not_sure += 0 if qs.out_of_scope else sum(said)
                into = outside if qs.out_of_scope else inside
                for name in ("total", "hits", "unsure", "wrong"):
                    setattr(into, name, getattr(into, name) + getattr(total, name))
            out.append((value, inside, outside, not_sure))
    finally:
        rank.AMBIGUOUS_MARGIN = kept
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.margin")
    parser.add_argument("--values", type=float, nargs="*",
                        default=[0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 1.01])
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    kb = KnowledgeBase.load(PROJECT_ROOT / "knowledge")
    print(f"AMBIGUOUS_MARGIN now {rank.AMBIGUOUS_MARGIN}; dev sets only (1.01 = no margin)")
    print(f"{'margin':>7} {'hit':>7} {'unsure':>7} {'conf. wrong':>12} {'OOS answered':>13} {'not-sure replies':>17}")
    for value, inside, outside, not_sure in curve(kb, args.values):
        print(f"{value:7.2f} {inside.hits / inside.total:7.3f} {inside.unsure / inside.total:7.3f} "
              f"{inside.wrong / inside.total:12.3f} {outside.wrong:>6}/{outside.total} "
              f"{not_sure:>10}/{inside.total}")


if __name__ == "__main__":
    main()
