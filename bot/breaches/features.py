"""The evidence of a post as a feature vector, and the logistic model that weighs it (issue 16).

The parser already reads, per post, what ``evidence.py`` scores by hand: the victim's tie to the event, the
support (a count, data classes, a vague count, a venue, the dump's size), each counter cue, the strength of the
events and where they and the victim sit. ``features`` lays them out one number each, so the weights can be
learned from the labelled dev splits (``scripts/train_breach_weights.py``) instead of set by hand; the weights
and the two thresholds live in ``evidence_weights.json``, read once when the parser starts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.breaches.evidence import STRONG, Evidence

WEIGHTS_PATH = Path(__file__).resolve().parent / "evidence_weights.json"

# Every counter cue ``evidence.counter_of`` may fire, each its own feature (valued by the cue's graded weight:
# a fine in the headline 3, in the lead 2, further down 1).
CUES = ("penalty", "statement", "statistics", "regulator", "many_events", "old_news", "outage", "scam", "advice")

NAMES = ("tie", "tie_strong", "support", "count", "classes", "classes2", "vague", "concrete", "size",
         "strong_events", "weak_only", "event_in_head", "victim_in_head", "own", "known", "english", "sentences",
         *(f"cue_{c}" for c in CUES), "hand")
# "hand" is today's hand score (``Evidence.score``, itself a sum of the features above): a model may use it as a
# prior (its weight then pulls the learned one toward the hand weights instead of toward zero).


def features(ev: Evidence, *, has_count: bool, classes: int, vague: bool, concrete: bool, size: bool,
             events: Mapping[int, int], victim_at: Sequence[int], spans: Sequence[tuple[int, int]], head_end: int,
             own: bool = False, known: bool = False, english: bool = False) -> dict[str, float]:
    """The post's features, by name (``NAMES``); ``ev`` carries the tie, the support and the counter cues."""
    strong = sum(1 for v in events.values() if v == STRONG)
    in_head = any(spans[i][0] < head_end for i in events if 0 <= i < len(spans))
    out = {
        "tie": ev.tie,
        "tie_strong": float(ev.tie >= 2.0),
        "support": ev.support,
        "count": float(has_count),
        "classes": float(min(classes, 4)),
        "classes2": float(classes >= 2),
        "vague": float(vague),
        "concrete": float(concrete),
        "size": float(size),
        "strong_events": float(min(strong, 3)),
        "weak_only": float(bool(events) and strong == 0),
        "event_in_head": float(in_head),
        "victim_in_head": float(any(at < head_end for at in victim_at)),
        "own": float(own),
        "known": float(known),
        "english": float(english),
        "sentences": min(len(spans), 10) / 10,
    }
    for cue in CUES:
        out[f"cue_{cue}"] = ev.cues.get(cue, 0.0)
    out["hand"] = ev.score
    return out


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Model:
    """A logistic model over ``NAMES``: ``p = sigmoid(bias + sum(w * x))``; ``p >= sure`` alerts, ``p >= draft``
    (below ``sure``) goes to the admins as a draft, lower is binned."""

    weights: Mapping[str, float]
    bias: float
    sure: float
    draft: float

    def probability(self, x: Mapping[str, float]) -> float:
        return sigmoid(self.bias + sum(w * x.get(name, 0.0) for name, w in self.weights.items()))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Model:
        weights = data["weights"]
        thresholds = data["thresholds"]
        assert isinstance(weights, dict) and isinstance(thresholds, dict)
        unknown = set(weights) - set(NAMES)
        if unknown:
            raise ValueError(f"evidence weights name features the parser does not compute: {sorted(unknown)}")
        return cls(weights={k: float(v) for k, v in weights.items()}, bias=float(data["bias"]),  # type: ignore[arg-type]
                   sure=float(thresholds["sure"]), draft=float(thresholds["draft"]))


def load_model(path: Path | str = WEIGHTS_PATH) -> Model | None:
    """The learned model, or None when the weights file is absent or says the hand score is used."""
    path = Path(path)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("use", True):
        return None
    return Model.from_dict(data)


@lru_cache(maxsize=1)
def default_model() -> Model | None:
    """``evidence_weights.json``, read once per process."""
    return load_model()
