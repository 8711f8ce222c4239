"""Trains the ordinal model on data/triage/train.jsonl, deterministically: python -m triage.scoring.train."""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

from triage.scoring.features import Features, featurise
from triage.scoring.model import Head, Model, to_json
from triage.scoring.rules import apply_rules
from triage.scoring.types import Level

REPO = Path(__file__).resolve().parents[2]
TRAIN_FILE = REPO / "data" / "triage" / "train.jsonl"
WEIGHTS_PATH = Path(__file__).with_name("weights.json")
EPOCHS = 12
LEARNING_RATE = 0.5
L2 = 1e-4
SEED = 2511


def read_examples(path: Path) -> list[tuple[str, Level]]:
    """Reads labelled messages (text and level) from a JSON-lines file."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            examples.append((row["text"], Level(row["level"])))
    return examples


def train_head(rows: list[tuple[Features, int]], *, order: list[int]) -> Head:
    """Fits one binary logistic regression by SGD over the given visiting order, with decaying step and L2."""
    weights: dict[int, float] = {}
    bias = 0.0
    step = 0
    for index in order:
        features, label = rows[index]
        step += 1
        rate = LEARNING_RATE / math.sqrt(step / 100 + 1)
        z = bias + sum(weights.get(i, 0.0) * v for i, v in features)
        error = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))) - label
        bias -= rate * error
        for i, v in features:
            w = weights.get(i, 0.0)
            weights[i] = w - rate * (error * v + L2 * w)
    return Head(bias, weights)


def train(examples: list[tuple[str, Level]]) -> Model:
    """Trains the three ordinal heads on the same features and the same fixed order."""
    featurised = [(featurise(apply_rules(text)), level) for text, level in examples]
    order = list(range(len(featurised)))
    orders = []
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        orders.extend(order)
    heads = []
    for rank in range(3):
        rows = [(f, int(level.rank <= rank)) for f, level in featurised]
        heads.append(train_head(rows, order=orders))
    return Model((heads[0], heads[1], heads[2]))


def trained_json(path: Path = TRAIN_FILE) -> str:
    """Returns the weights file content that training on the given data produces."""
    return json.dumps(to_json(train(read_examples(path))), sort_keys=True, separators=(",", ":")) + "\n"


def main() -> None:
    """Trains and writes triage/scoring/weights.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=TRAIN_FILE)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args()
    args.out.write_text(trained_json(args.data), encoding="utf-8")


if __name__ == "__main__":
    main()
