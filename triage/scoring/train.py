"""Trains the ordinal model on data/triage/train.jsonl, deterministically: python -m triage.scoring.train.

`--cv` instead prints, for every triple of head thresholds, what 5-fold cross-validation on the training split
gives (the whole engine: rules, model and context), to choose model.THRESHOLDS without a held-out set. The choice
is recall-first ("when in doubt round up"): fewest P1 missed among the triples whose cross-validated P1 precision
stays at or above PRECISION_FLOOR and whose P1 threshold is above the P1 head's prior (the probability it gives a
message it knows nothing about: below it, "wants to talk" would be P1), then least under-triage, then least
over-triage.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from triage.scoring.engine import assess
from triage.scoring.features import DIMENSIONS, Features, featurise
from triage.scoring.model import THRESHOLDS, Head, Model, sigmoid, to_json
from triage.scoring.rules import apply_rules
from triage.scoring.types import Context, Level

REPO = Path(__file__).resolve().parents[2]
TRAIN_FILE = REPO / "data" / "triage" / "train.jsonl"
WEIGHTS_PATH = Path(__file__).with_name("weights.json")
EPOCHS = 12
LEARNING_RATE = 0.5
L2 = 1e-4
SEED = 2511
CV_FOLDS = 5
WRITTEN_APART = ("fresh", "breadth", "extra")
"""Row id prefixes of sets written apart from the source files (build.py names the rows after their set)."""
CV_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)
CV_GRID_P1 = (0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12, 0.15, 0.2, 0.3)
"""The P1 head is also tried low: rounding up is the rule, and the precision goal (0.66) leaves room."""
PRECISION_FLOOR = 0.8
"""Above the 0.66 goal, because precision measured by cross-validation on training data was higher than on every
set written blind (0.93 against 0.81 on fresh4)."""


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Reads the labelled rows of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_examples(path: Path) -> list[tuple[str, Level]]:
    """Reads the messages labelled by their text alone (text and level) from a JSON-lines file."""
    return _text_examples(read_rows(path))


def _text_examples(rows: list[dict[str, Any]]) -> list[tuple[str, Level]]:
    """The rows whose level comes from their text: a row with a context ("yes" answering "are you in danger
    now?") is P1 because of its context, and a model fitted on it learns that every "yes" is P1. Those rows still
    test the whole engine in `cross_validate`."""
    return [(row["text"], Level(row["level"])) for row in rows if not row.get("context")]


def train_head(rows: list[tuple[Features, int]], *, order: list[int]) -> Head:
    """Fits one binary logistic regression by SGD over the given visiting order, with decaying step and L2."""
    weights = [0.0] * DIMENSIONS  # a list indexed by bucket: a third faster than a dict, the same arithmetic
    bias = 0.0
    step = 0
    for index in order:
        features, label = rows[index]
        step += 1
        rate = LEARNING_RATE / math.sqrt(step / 100 + 1)
        z = bias + sum(weights[i] * v for i, v in features)
        error = sigmoid(z) - label
        bias -= rate * error
        for i, v in features:
            w = weights[i]
            weights[i] = w - rate * (error * v + L2 * w)
    return Head(bias, {i: w for i, w in enumerate(weights) if w != 0.0})


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


Fold = tuple[Model, list[dict[str, Any]]]
"""A model fitted without some rows, and those rows."""


def writer_of(row: dict[str, Any]) -> str:
    """The set a training row comes from, each written by other hands: "fresh12", "breadth", "extra" (the
    training-only lines); the source files are one set."""
    head = str(row["id"]).split("-", 1)[0]
    return head if head.startswith(WRITTEN_APART) else "source"


def fold_indices(rows: list[dict[str, Any]], *, by_writer: bool = False) -> list[set[int]]:
    """The row indices each fold holds out: a seeded shuffle dealt in turn or, by writer, whole sets given largest
    first to the fold with the fewest rows, so that a fold's model never saw its messages' writers."""
    if not by_writer:
        order = list(range(len(rows)))
        random.Random(SEED).shuffle(order)
        return [set(order[fold::CV_FOLDS]) for fold in range(CV_FOLDS)]
    sets: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        sets[writer_of(row)].append(index)
    folds: list[set[int]] = [set() for _ in range(CV_FOLDS)]
    for _, indices in sorted(sets.items(), key=lambda item: (-len(item[1]), item[0])):
        min(folds, key=len).update(indices)
    return folds


def fit_folds(rows: list[dict[str, Any]], *, by_writer: bool = False) -> list[Fold]:
    """Fits one model per fold (see fold_indices), each without the rows its fold holds out."""
    folds = []
    for held in fold_indices(rows, by_writer=by_writer):
        model = train(_text_examples([r for i, r in enumerate(rows) if i not in held]))
        folds.append((model, [r for i, r in enumerate(rows) if i in held]))
    return folds


def scored(folds: list[Fold], *, thresholds: tuple[float, float, float]) -> list[tuple[Level, Level]]:
    """Returns (label, level) for every held-out row, each assessed by the whole engine with its fold's model."""
    pairs = []
    for model, held_rows in folds:
        tuned = Model(model.heads, thresholds)  # a Model lays out its weight columns once
        for row in held_rows:
            context = Context.from_mapping(row.get("context") or {})
            pairs.append((Level(row["level"]), assess(row["text"], context=context, model=tuned).level))
    return pairs


def tally(pairs: list[tuple[Level, Level]]) -> Counter[str]:
    """Counts (label, level) pairs: messages, P1 labels, P1 caught, P1 flagged, under- and over-triaged."""
    counts: Counter[str] = Counter(messages=len(pairs))
    for label, level in pairs:
        counts["p1"] += label is Level.P1
        counts["hit"] += label is Level.P1 and level is Level.P1
        counts["flagged"] += level is Level.P1
        counts["under"] += level.rank > label.rank
        counts["over"] += level.rank < label.rank
    return counts


def cross_validate(rows: list[dict[str, Any]]) -> list[tuple[tuple[float, float, float], Counter[str]]]:
    """Returns, for every threshold triple of the grid, the counts of a 5-fold cross-validation of the engine."""
    folds = fit_folds(rows)
    grid = itertools.product(CV_GRID_P1, CV_GRID, CV_GRID)
    return [(thresholds, tally(scored(folds, thresholds=thresholds))) for thresholds in grid]


def print_cross_validation(path: Path) -> None:
    """Prints the best threshold triples (precision at or above the floor, then fewest P1 missed, then least
    under-triage, then least over-triage), then every P1 threshold of the grid with the P2 and P3 heads at
    model.THRESHOLDS, so that the choice can be read against its neighbours."""
    rows = read_rows(path)
    prior = train(_text_examples(rows)).heads[0].probability([])  # what it gives a message with no features
    results = cross_validate(rows)
    print(f"P1 head prior {prior:.3f}: lower P1 thresholds are left out")
    print(f"{CV_FOLDS}-fold cross-validation on {len(rows)} messages, P1 precision floor {PRECISION_FLOOR}")
    ranked = sorted(
        (r for r in results if r[0][0] > prior),
        key=lambda r: (precision(r[1]) < PRECISION_FLOOR, r[1]["p1"] - r[1]["hit"], r[1]["under"], r[1]["over"]),
    )
    _print_table(ranked[:15], total=len(rows))
    print(f"\nevery P1 threshold, P2 and P3 heads at {THRESHOLDS[1:]}:")
    _print_table([r for r in results if r[0][1:] == THRESHOLDS[1:]], total=len(rows))


def _print_table(results: list[tuple[tuple[float, float, float], Counter[str]]], *, total: int) -> None:
    """Prints threshold triples with their cross-validated P1 misses, recall, precision, under- and over-triage."""
    print("thresholds          P1 missed  P1 recall  P1 precision  under-triage  over-triage")
    for thresholds, c in results:
        recall = c["hit"] / c["p1"] if c["p1"] else 0.0
        print(f"{thresholds!s:<20}{c['p1'] - c['hit']:>9}{recall:>11.3f}{precision(c):>14.3f}"
              f"{c['under'] / total:>14.1%}{c['over'] / total:>13.1%}")  # fmt: skip


def precision(counts: Counter[str]) -> float:
    """Returns the P1 precision of cross-validation counts."""
    return counts["hit"] / counts["flagged"] if counts["flagged"] else 0.0


def main() -> None:
    """Trains and writes triage/scoring/weights.json, or prints the cross-validation of the thresholds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=TRAIN_FILE)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--cv", action="store_true", help="print the cross-validation of the head thresholds")
    args = parser.parse_args()
    if args.cv:
        print_cross_validation(args.data)
        return
    args.out.write_text(trained_json(args.data), encoding="utf-8")


if __name__ == "__main__":
    main()
