"""Where one update of the throughput benchmark (bench/delivery.py) spends its time, and the throughput ratios alone.

    .venv/bin/python -m bench.profile_update [--updates 300] [--top 40] [--filter bot/] [--bot same] [--sort tottime]
    .venv/bin/python -m bench.profile_update --ratios [--updates 300] [--rounds 3]

The first form runs the bot of `bench.delivery._ours` (sandbox, services, dispatcher) over `--updates` updates
under cProfile (CPU time: the machine is shared) and prints the top cumulative entries whose file path contains
`--filter` (bot/ and aiogram/ by default). The second runs `bench.delivery.throughput` alone and prints the bot's
rate and the echo and same-output bots' beside it, wall and CPU, with the ratios `make bench` shows.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import logging
import pstats
import time

from bench import delivery
from bot.kb import KnowledgeBase
from bot.resources import knowledge_dir


def _run(kb: KnowledgeBase, which: str, updates: int) -> delivery.Rate:
    if which == "echo":
        return asyncio.run(delivery._bare(delivery._echo(), updates))
    if which == "same":
        return asyncio.run(delivery._bare(delivery._replay(kb), updates, delivery._bot_defaults()))
    return asyncio.run(delivery._ours(kb, updates))


def profile(kb: KnowledgeBase, updates: int, top: int, filters: list[str], which: str = "bot",
            sort: str = "cumulative") -> str:
    _run(kb, which, 20)  # warm: the imports and first-use structures are no update's cost
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    rate = _run(kb, which, updates)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats(sort)
    for pattern in filters:
        out.write(f"\n===== {pattern} =====\n")
        stats.print_stats(pattern, top)
    out.write(f"\n{which} (profiled): {rate.wall:.0f}/s wall, {rate.cpu:.0f}/s CPU\n")
    return out.getvalue()


def ratios(kb: KnowledgeBase, updates: int, rounds: int) -> str:
    rates = asyncio.run(delivery.throughput(kb, updates, rounds))
    bot, echo, same = rates["bot"], rates["echo"], rates["same output"]
    lines = [f"{name:12s} {r.wall:7.0f}/s wall {r.cpu:7.0f}/s CPU" for name, r in rates.items()]
    lines.append(f"bot/echo        wall {bot.wall / echo.wall:.3f}  CPU {bot.cpu / echo.cpu:.3f}")
    lines.append(f"same/echo       wall {same.wall / echo.wall:.3f}  CPU {same.cpu / echo.cpu:.3f}")
    lines.append(f"bot/same output wall {bot.wall / same.wall:.3f}  CPU {bot.cpu / same.cpu:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_update")
    parser.add_argument("--updates", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--filter", action="append", help="a path part to show (repeatable); bot/ and aiogram/")
    parser.add_argument("--bot", choices=["bot", "echo", "same"], default="bot",
                        help="profile the bot, the echo bot or the bot replaying the same output")
    parser.add_argument("--sort", default="cumulative", help="a pstats order: cumulative, tottime...")
    parser.add_argument("--ratios", action="store_true", help="throughput ratios only, no profile")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    kb = KnowledgeBase.load(knowledge_dir())
    if args.ratios:
        print(ratios(kb, args.updates, args.rounds))
    else:
        print(profile(kb, args.updates, args.top, args.filter or ["bot/", "aiogram/"], args.bot, args.sort))


if __name__ == "__main__":
    main()
