"""Where answering a question spends its time: the slowest questions of the dev sets (never the blind ones) by CPU
time, and a profile of them. CPU time (time.process_time), not wall time: the machine is shared, and a pause while
another process runs is not the question's cost.

    .venv/bin/python -m bench.slowest [--share 0.02] [--repeat 3] [--profile] [--dump PATH]

`--dump PATH` writes every dev question and its reply (read at a fixed "now", so a deadline reply is the same from
one run to the next) to PATH, to check that a speed-up changes no answer: dump before, dump after, diff.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import logging
import pstats
import time

from bench.questions import SETS
from bench.search import load_questions
from bot.answers import answer_question
from bot.kb import KnowledgeBase
from bot.resources import knowledge_dir

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)   # fixed, so a deadline's "time left" does not drift


def dev_questions() -> list[tuple[str, str, str]]:
    """(set, question, lang) of the dev sets: those under bench/dev/ (the held-out files are never read)."""
    rows = []
    for qs in SETS:
        if qs.blind or qs.path.parent.name != "dev":
            continue
        rows += [(qs.name, row["q"], row["lang"]) for row in load_questions(qs.path)]
    return rows


def cpu_ms(kb: KnowledgeBase, questions: list[tuple[str, str, str]], repeat: int) -> list[float]:
    """Each question's median CPU time over `repeat` calls, in ms (the p99_ms of bench/questions.py, in CPU time)."""
    times: list[list[float]] = [[] for _ in questions]
    for _ in range(repeat):
        for i, (_, question, lang) in enumerate(questions):
            start = time.process_time()
            answer_question(kb, question, lang)
            times[i].append((time.process_time() - start) * 1000)
    return [sorted(ts)[len(ts) // 2] for ts in times]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.slowest")
    parser.add_argument("--share", type=float, default=0.02, help="the slowest share of questions to list")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile the slowest questions")
    parser.add_argument("--dump", metavar="PATH", help="write every dev question and its reply to PATH")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    kb = KnowledgeBase.load(knowledge_dir())
    questions = dev_questions()
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for name, question, lang in questions:
                text = answer_question(kb, question, lang, now=NOW).text
                out.write(f"## [{name}] ({lang}) {question}\n{text}\n\n")
        print(f"{len(questions)} replies written to {args.dump}")
        return
    for _, question, lang in questions:   # warm up: the lexicon, dateparser's language data
        answer_question(kb, question, lang)
    ms = cpu_ms(kb, questions, args.repeat)
    ordered = sorted(ms)
    pick = lambda share: ordered[min(len(ordered) - 1, int(len(ordered) * share))]  # noqa: E731
    print(f"{len(questions)} dev questions, CPU ms per question (median of {args.repeat}): "
          f"p50 {pick(0.5):.2f}, p90 {pick(0.9):.2f}, p99 {pick(0.99):.2f}, max {ordered[-1]:.2f}")
    count = max(1, round(len(questions) * args.share))
    slowest = sorted(range(len(questions)), key=lambda i: -ms[i])[:count]
    for i in slowest:
        name, question, lang = questions[i]
        print(f"  {ms[i]:6.2f} ms [{name}] ({lang}, {len(question)} chars) {question[:110]}")
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for i in slowest:
            for _ in range(args.repeat):
                answer_question(kb, questions[i][1], questions[i][2])
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())


if __name__ == "__main__":
    main()
