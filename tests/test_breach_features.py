"""The evidence as a feature vector (bot/breaches/features.py), the learned model's loader, the parser reading a
model's thresholds, and the training script's logistic regression (scripts/train_breach_weights.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from bot.breaches import evidence, features
from bot.breaches.features import NAMES, Model, load_model
from bot.breaches.parser import BreachParser

ROOT = Path(__file__).resolve().parents[1]
BASE = "Хакеры похитили данные 2 млн клиентов сервиса «Кворло»."
FINE_IN_HEAD = "Quorlo reprimanded: hackers stole the data of 2,000,000 customers of Quorlo."
FINE_IN_LEAD = ("Хакеры похитили данные клиентов и сотрудников сервиса доставки «Кворло» в Москве. Клиенты подали "
                "коллективный иск: утекли записи 2 млн клиентов.")
FULL = ("Hackers stole the data of 2,000,000 customers of Quorlo. The stolen database includes names, emails and "
        "phone numbers and was posted for sale on a hacking forum.")
NO_COUNT = "Хакеры похитили данные клиентов сервиса «Кворло»."
ATTACK_ONLY = "Хакеры атаковали сервис «Кворло»."


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


def read(parser: BreachParser, text: str) -> dict[str, float]:
    parser.last_evidence = None
    parser.analyse(text)
    assert parser.last_evidence is not None, text
    return parser.last_evidence.features


def shipped() -> Model:
    """The weights in the repository, whether or not the parser uses them (``"use"``)."""
    return Model.from_dict(json.loads(features.WEIGHTS_PATH.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("text", "expected"), [
    (BASE, {"count": 1.0, "tie_strong": 1.0, "strong_events": 1.0, "victim_in_head": 1.0, "cue_penalty": 0.0,
            "english": 0.0, "weak_only": 0.0}),
    (FINE_IN_HEAD, {"count": 1.0, "cue_penalty": 3.0, "english": 1.0}),  # a fine in the headline weighs 3
    (FINE_IN_LEAD, {"count": 1.0, "cue_penalty": 2.0}),  # in the lead 2
    (FULL, {"count": 1.0, "classes": 3.0, "classes2": 1.0, "concrete": 1.0, "support": 2.0}),
    (NO_COUNT, {"count": 0.0, "support": 0.0, "tie_strong": 1.0}),
    (ATTACK_ONLY, {"weak_only": 1.0, "strong_events": 0.0, "tie_strong": 0.0, "tie": 1.0}),
])
def test_the_features_of_a_post(parser: BreachParser, text: str, expected: dict[str, float]) -> None:
    got = read(parser, text)
    assert set(got) == set(NAMES)
    assert {k: got[k] for k in expected} == expected


def test_the_hand_score_is_a_feature_and_every_cue_its_own(parser: BreachParser) -> None:
    got = read(parser, FINE_IN_LEAD)
    assert got["hand"] == parser.last_evidence.score  # type: ignore[union-attr]
    ev = evidence.counter_of("Suit filed? Quorlo data was stolen.", [], 0, 0, has_count=False)
    assert set(ev.cues) <= set(features.CUES)


@pytest.mark.parametrize(("higher", "lower"), [
    (BASE, FINE_IN_LEAD),  # a count and a strong event, beside the same with a lawsuit in the lead
    (BASE, FINE_IN_HEAD),
    (FULL, BASE),  # data classes and a venue on top of the count
    (BASE, NO_COUNT),
    (NO_COUNT, ATTACK_ONLY),  # data taken, beside an attack without a data object
])
def test_the_shipped_model_orders_posts(parser: BreachParser, higher: str, lower: str) -> None:
    model = shipped()
    assert model.probability(read(parser, higher)) > model.probability(read(parser, lower))


def test_the_shipped_model_alerts_a_full_report_and_not_a_fine_or_a_bare_attack(parser: BreachParser) -> None:
    model = shipped()
    assert model.probability(read(parser, FULL)) >= model.sure
    assert model.probability(read(parser, FINE_IN_HEAD)) < model.sure
    assert model.probability(read(parser, ATTACK_ONLY)) < model.sure
    assert 0.0 < model.draft <= model.sure < 1.0


def test_the_weights_file_records_how_it_was_made() -> None:
    data = json.loads(features.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["trained"] and data["script"] == "scripts/train_breach_weights.py"
    for figures in ("hand", "learned"):
        assert 0.0 <= data["cv"][figures]["recall"] <= 1.0 and 0.0 <= data["cv"][figures]["precision"] <= 1.0
    assert "hand" not in data["weights"]  # the learned weights stand alone, not on top of the hand score


def _write(tmp_path: Path, **data: object) -> Path:
    path = tmp_path / "w.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_loader(tmp_path: Path) -> None:
    assert load_model(tmp_path / "absent.json") is None
    weights = {"count": 2.0, "cue_penalty": -1.0}
    assert load_model(_write(tmp_path, use=False, bias=0, weights=weights,
                             thresholds={"sure": 0.9, "draft": 0.1})) is None
    model = load_model(_write(tmp_path, use=True, bias=-1, weights=weights, thresholds={"sure": 0.9, "draft": 0.1}))
    assert model is not None and (model.sure, model.draft) == (0.9, 0.1)
    assert model.probability({}) == pytest.approx(features.sigmoid(-1))
    assert model.probability({"count": 1.0, "cue_penalty": 3.0}) == pytest.approx(features.sigmoid(-2))
    with pytest.raises(ValueError, match="bogus"):
        load_model(_write(tmp_path, bias=0, weights={"bogus": 1.0}, thresholds={"sure": 0.9, "draft": 0.1}))


def test_the_parser_reads_the_models_thresholds() -> None:
    parser = BreachParser()
    parser.model = Model(weights={"count": 10.0}, bias=-5.0, sure=0.9, draft=0.1)
    parser.sure = parser.model.sure
    assert parser.analyse(BASE)[1] == "breach"  # p = sigmoid(5)
    assert parser.analyse(NO_COUNT)[1].startswith("off_topic")  # p = sigmoid(-5): below the draft threshold
    parser.model = Model(weights={"count": 10.0}, bias=-5.0, sure=0.9, draft=0.001)
    assert parser.analyse(NO_COUNT)[1].startswith("unsure:")  # between the two: a draft
    assert parser.last_evidence is not None and parser.last_evidence.probability == pytest.approx(features.sigmoid(-5))


def _script():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("train_breach_weights", ROOT / "scripts" / "train_breach_weights.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclass looks its module up)
    spec.loader.exec_module(module)
    return module


def test_the_logistic_regression_is_deterministic_and_learns_the_sign() -> None:
    train = _script()
    xs = [[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    ys = [True, True, False, False, True, True]
    w = train.fit(xs, ys, 1.0)
    assert w == train.fit(xs, ys, 1.0)
    assert w[1] > 0  # the first feature marks the positives
    assert train.predict(w, [1.0, 0.0]) > train.predict(w, [0.0, 0.0])
    # more regularisation, smaller weights
    assert abs(train.fit(xs, ys, 10.0)[1]) < abs(w[1])


def test_the_alert_threshold_keeps_the_precision() -> None:
    train = _script()
    values = [(0.95, True), (0.9, True), (0.8, False), (0.7, True), (0.6, True), (0.5, False)]
    assert train.sure_threshold(values, 1.0) == 0.9
    assert train.sure_threshold(values, 0.75) == 0.6
    assert train.draft_threshold(values, 3) == 0.7  # three breaches at or above it


def test_the_three_weight_model_reads_the_hand_scores_parts(parser: BreachParser) -> None:
    train = _script()
    got = read(parser, FINE_IN_LEAD)
    row = train.Row("dev", True, "breach", [got[n] for n in NAMES], got["hand"])
    (small,) = train.summary([row])
    assert small.x == [got["tie"], got["support"], 2.0]  # the counter-evidence: the lawsuit in the lead
    assert train.project([row], ("count", "cue_penalty"))[0].x == [1.0, 2.0]
