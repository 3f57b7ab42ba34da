"""`make bench`: benchmarks, not tests. Prints tables; never fails a build on a figure."""

from __future__ import annotations

import argparse
import asyncio
import logging
import time

from bench import breaches, busy, delivery, questions, replicas, search, startup
from bench.breach_eval import evaluate, load_labelled
from bot.breaches.parser import BreachParser
from bot.config import PROJECT_ROOT
from bot.kb import KnowledgeBase
from bot.resources import knowledge_dir

POSTS = PROJECT_ROOT / "tests" / "data" / "breach_posts.yaml"


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print(f"\n## {title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


def latency_section(kb: KnowledgeBase) -> None:
    questions = [row["q"] for row in search.load_questions(search.SHARED_EVAL)] or ["штраф за утечку"]
    rows = []
    p50, p99 = search.latency(kb, questions)
    rows.append(["real base", len(kb.entries), "-", f"{p50:.3f}", f"{p99:.3f}"])
    for size in (10_000, 100_000):
        start = time.perf_counter()
        synthetic = KnowledgeBase.from_entries(kb.entries + search.synthetic_entries(kb.entries, size))
        built = time.perf_counter() - start
        p50, p99 = search.latency(synthetic, questions)
        rows.append([f"synthetic {size:,}", len(synthetic.entries), f"{built:.1f}", f"{p50:.3f}", f"{p99:.3f}"])
    table("Search latency (ms per question; target p99 < 2 ms at 10,000)", ["base", "entries", "build s", "p50",
                                                                              "p99"], rows)


def throughput_section(kb: KnowledgeBase, updates: int) -> None:
    rates = asyncio.run(delivery.throughput(kb, updates))
    ours, echo, same = rates["bot"], rates["echo"], rates["same output"]
    table("Throughput through the sandbox, this run (updates answered per second of wall / of CPU time; medians of "
          "3 alternating rounds; target ratio to echo >= 0.6)",
          ["measure", "bot", "echo bot", "ratio to echo", "same replies precomputed", "ratio to that"],
          [[kind, f"{getattr(ours, kind):.0f}", f"{getattr(echo, kind):.0f}",
            f"{getattr(ours, kind) / getattr(echo, kind):.2f}", f"{getattr(same, kind):.0f}",
            f"{getattr(ours, kind) / getattr(same, kind):.2f}"] for kind in ("wall", "cpu")])
    new, echo_new = rates["bot, new questions"], rates["echo, new questions"]
    table("Throughput, every question new (different real questions from bench/dev: the answer cache never hits)",
          ["measure", "bot", "echo bot", "ratio to echo"],
          [[kind, f"{getattr(new, kind):.0f}", f"{getattr(echo_new, kind):.0f}",
            f"{getattr(new, kind) / getattr(echo_new, kind):.2f}"] for kind in ("wall", "cpu")])


def startup_section() -> None:
    times = asyncio.run(startup.startup())
    table("Start-up: process start to the first getUpdates (seconds of wall / of the process's CPU time) and to the "
          "first answer to a question waiting at start (wall); median of 3 alternating runs; target within 1 s of bare",
          ["measure", "bot", "bare aiogram bot", "difference"],
          [[kind, f"{times['bot'][i]:.2f}", f"{times['bare'][i]:.2f}", f"{times['bot'][i] - times['bare'][i]:+.2f}"]
           for i, kind in enumerate(("first getUpdates, wall", "first getUpdates, CPU", "first answer, wall"))])


def fan_out_section(kb: KnowledgeBase, watchers: int) -> None:
    result = asyncio.run(delivery.fan_out(kb, watchers=watchers))
    table("Fan-out of one breach (sandbox enforcing 30/s overall, 1/s per chat; SEND_RATE=30)",
          ["watchers", "seconds", "msg/s", "ratio of limit", "429s", "lost", "repeated"],
          [[result["watchers"], f"{result['seconds']:.1f}", f"{result['rate']:.2f}", f"{result['ratio']:.3f}",
            result["429s"], result["lost"], result["repeated"]]])
    lookup = asyncio.run(delivery.watcher_lookup())
    table("Finding the watchers of a breach and queueing their alerts (target < 50 ms). For the most watched "
          "service: the publishing transaction (the breach, its fan-out promise and the first 1,000 alerts; the "
          "first alerts can go after it) and until every alert is queued, 1,000 per transaction",
          ["watch rows", "breach", "median ms", "max ms", "all queued ms", "watchers"],
          [[f"{lookup['rows']:,}", "long-tail service (50 runs)", f"{lookup['median_ms']:.2f}",
            f"{lookup['max_ms']:.2f}", "-", f"up to {lookup['max_watchers']:,}"],
           [f"{lookup['rows']:,}", "the most watched service", f"{lookup['popular_ms']:.2f}",
            f"{lookup['popular_ms']:.2f}", f"{lookup['popular_all_ms']:.0f}", f"{lookup['popular_watchers']:,}"]])


def busy_section(kb: KnowledgeBase, quick: bool) -> None:
    header, rows = busy.section(kb, quick)
    table("Busy: one breach fanned out while people ask (sandbox enforcing 30/s, 1/s per chat; SEND_RATE=30; "
          "targets: all answered, p95 <= 2 s, 0 lost/repeated, <= 2 x 429, >= 0.93 of the limit, alone >= 0.97 "
          "with 0 x 429)", header, rows)


def parser_section() -> None:
    result = evaluate(BreachParser(), load_labelled(POSTS))
    table("Breach parser on the labelled posts (tests/data/breach_posts.yaml)", list(result), [list(result.values())])


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="smaller runs (for a quick look)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    kb = KnowledgeBase.load(knowledge_dir())
    print(f"Knowledge base: {len(kb.entries)} entries ({knowledge_dir()})")
    questions.run(kb)   # every question set: hit rate, confident wrong, out of scope answered, BM25, p99
    latency_section(kb)
    throughput_section(kb, 300 if args.quick else 1000)
    startup_section()
    parser_section()
    breaches.section(table)
    fan_out_section(kb, 300 if args.quick else 5000)
    busy_section(kb, args.quick)
    replicas.section(table, args.quick)  # skipped, saying why, without PostgreSQL and Redis


if __name__ == "__main__":
    main()
