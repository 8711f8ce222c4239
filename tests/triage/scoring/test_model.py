"""The statistical model: committed weights are exactly what training produces."""

from importlib import resources

from triage.scoring.model import from_json, load_model, to_json
from triage.scoring.train import trained_json


def test_committed_weights_equal_retraining() -> None:
    committed = (resources.files("triage.scoring") / "weights.json").read_text(encoding="utf-8")
    assert trained_json() == committed, "run: .venv/bin/python -m triage.scoring.train"


def test_weights_round_trip() -> None:
    model = load_model()
    assert to_json(from_json(to_json(model))) == to_json(model)


def test_model_probabilities_are_monotone() -> None:
    from triage.scoring.features import featurise
    from triage.scoring.rules import apply_rules

    for text in ["salam", "bghit nmout", "my parents fight", "he hits me every day"]:
        p1, p2, p3 = load_model().cumulative(featurise(apply_rules(text)))
        assert 0.0 <= p1 <= p2 <= p3 <= 1.0
