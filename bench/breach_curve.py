"""The trade-off curve of the breach parser's one threshold (bot/breaches/evidence.py SURE, or with ``--learned``
the alert threshold on the learned model's probability, bot/breaches/evidence_weights.json, whether or not the
parser uses it): for each value, over every dev set together, detection recall and precision, the false alerts,
and the drafts (posts an admin is asked to confirm). A second block reads the same posts with the headline word
lists switched off (off-topic, denial, compilation: the lists most fitted to the texts they were written with), to
show how much of the precision the score holds up on its own, as it must on news the lists never saw. Dev sets
only: held-out sets are never read.

    .venv/bin/python -m bench.breach_curve [--values 3 3.5 4 4.5 5] [--learned]
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from typing import Any

from bench.breach_eval import DEV_SPLITS, load_dev_split
from bot.breaches import evidence, features
from bot.breaches import lexicon as L
from bot.breaches.parser import BreachParser


@contextlib.contextmanager
def headline_lists_off() -> Iterator[None]:
    kept = L.OFF_TOPIC_HEADLINE, L.DENIAL, L.COMPILATION
    L.OFF_TOPIC_HEADLINE = L.DENIAL = L.COMPILATION = L.PhraseSet()
    try:
        yield
    finally:
        L.OFF_TOPIC_HEADLINE, L.DENIAL, L.COMPILATION = kept


Reading = tuple[bool, str, float, bool]


def readings(parser: BreachParser, posts: list[dict[str, Any]]) -> list[Reading]:
    """(is a breach, the parser's reading without the threshold, the score (the model's probability when the parser
    has one), whether the counter-evidence alone would bin it below the threshold) per post."""
    kept = parser.sure
    parser.sure = float("-inf")
    out = []
    try:
        for post in posts:
            parser.last_evidence = None
            _, why = parser.analyse(post["text"])
            ev = parser.last_evidence if why == "breach" else None
            if ev is not None and parser.model is not None:
                assert ev.probability is not None
                score, against = ev.probability, ev.probability < parser.model.draft
            else:
                score, against = (ev.score, ev.against) if ev else (float("-inf"), False)
            out.append((post["is_breach"], why, score, against))
    finally:
        parser.sure = kept
    return out


def at(threshold: float, rows: list[Reading]) -> tuple[float, float, int, int]:
    """(recall, precision, false alerts, drafts) when alerts need ``score >= threshold``."""
    tp = fp = fn = drafts = 0
    for is_breach, why, score, against in rows:
        alert = why == "breach" and score >= threshold
        drafts += not alert and (why == "breach" and not against or why.startswith("unsure:"))
        tp += alert and is_breach
        fp += alert and not is_breach
        fn += is_breach and not alert
    return tp / (tp + fn) if tp + fn else 1.0, tp / (tp + fp) if tp + fp else 1.0, fp, drafts


def main() -> None:
    parser_ = argparse.ArgumentParser(prog="python -m bench.breach_curve")
    parser_.add_argument("--values", type=float, nargs="*")
    parser_.add_argument("--learned", action="store_true", help="the learned model's probability, not the hand score")
    args = parser_.parse_args()
    posts = [post for name in DEV_SPLITS for post in load_dev_split(name)]
    parser = BreachParser()
    if args.learned:
        data = json.loads(features.WEIGHTS_PATH.read_text(encoding="utf-8"))
        parser.model = features.Model.from_dict(data)
        now = f"learned alert threshold {parser.model.sure:.3f} (draft {parser.model.draft:.3f}; used: {data['use']})"
        values = args.values or [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98]
    else:
        parser.model = None
        now = f"SURE now {evidence.SURE}"
        values = args.values or [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6]
    rows = readings(parser, posts)
    with headline_lists_off():
        bare = readings(parser, posts)
    print(f"{now}; {len(posts)} dev posts ({sum(p['is_breach'] for p in posts)} breaches; the learned weights were "
          f"fitted on these: in-sample)" if args.learned else f"{now}; {len(posts)} dev posts "
          f"({sum(p['is_breach'] for p in posts)} breaches)")
    print(f"{'SURE':>5} {'recall':>7} {'precision':>9} {'false':>6} {'drafts':>7} | headline lists off: "
          f"{'recall':>7} {'precision':>9} {'false':>6}")
    for value in values:
        r, p, fp, drafts = at(value, rows)
        br, bp, bfp, _ = at(value, bare)
        print(f"{value:>5} {r:>7.3f} {p:>9.3f} {fp:>6} {drafts:>7} | {'':>20}{br:>7.3f} {bp:>9.3f} {bfp:>6}")


if __name__ == "__main__":
    main()
