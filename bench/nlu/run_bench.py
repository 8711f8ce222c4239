"""NLU bench on the held-out split (bench/nlu/holdout/*.yml, never used for training).

Prints intent accuracy and macro-F1 per language and overall, and danger-intent recall (a message labelled
danger_now / suicide_risk / medical_emergency must be predicted as one of them: all three trigger the same
emergency path). Exits non-zero when a goal is missed.

Then the danger stress sets (bench/nlu/stress*/*.yml, also never used for training): negations, past events,
hypotheticals and idioms that must not reach the emergency path, and hard danger messages that must. Only their
danger recall and false alarms are reported (small, not balanced across intents); no goal is checked. Each round
was written before the previous round's errors were looked at; once looked at, a round is used for development
and its figures are optimistic (STRESS_SETS says which; bench/nlu/RESULTS.md keeps the blind first runs).

Usage (repo root, Rasa venv, PYTHONPATH=.):  python bench/nlu/run_bench.py [--model models/x.tar.gz]
Without --model the newest model in models/ is used; train first with scripts/test_rasa.sh or `rasa train`.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
DANGER = {"danger_now", "suicide_risk", "medical_emergency"}
STRESS_SETS = {
    "stress": "used in development: optimistic",
    "stress2": "used in development after a first blind run: optimistic",
    "stress3": "blind for its first run only, then the lexicon gained the P1 kinds it tests: optimistic",
    "stress4": "written after all development, blind",
}
GOALS = {"macro_f1_overall": 0.90, "macro_f1_darija_lat": 0.85, "danger_recall": 0.98}


def load_holdout(folder: str = "holdout") -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(glob.glob(str(REPO / "bench" / "nlu" / folder / "*.yml"))):
        language = Path(path).stem
        for block in yaml.safe_load(open(path, encoding="utf-8"))["nlu"]:
            for line in block["examples"].splitlines():
                text = line.strip()[2:].strip()
                if text:
                    rows.append((language, block["intent"], text))
    return rows


def training_texts() -> set[str]:
    texts = set()
    for path in glob.glob(str(REPO / "data" / "nlu" / "*.yml")):
        for block in yaml.safe_load(open(path, encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                texts |= {line.strip()[2:].strip().lower() for line in block["examples"].splitlines() if line.strip()}
    return texts


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {gold for gold, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


async def predict(model: str, texts: list[str]) -> list[str]:
    import logging

    import structlog
    from rasa.core.agent import Agent

    logging.disable(logging.WARNING)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))

    agent = Agent.load(model)
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        out.append((parsed.get("intent") or {}).get("name") or "none")
    return out


def report_stress(folder: str, rows: list[tuple[str, str, str]], predictions: list[str], *, show: bool) -> None:
    if not rows:
        return
    print(f"danger stress set: {len(rows)} examples (bench/nlu/{folder}, {STRESS_SETS[folder]})")
    print(f"{'language':<12}{'danger':>8}{'recall':>8}{'safe':>6}{'false alarms':>14}")
    by_language: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (language, gold, text), predicted in zip(rows, predictions, strict=True):
        by_language[language].append((gold, predicted, text))
    for language, triples in sorted(by_language.items()) + [("overall", [t for v in by_language.values() for t in v])]:
        danger = [p for g, p, _ in triples if g in DANGER]
        safe = [p for g, p, _ in triples if g not in DANGER]
        recall = sum(p in DANGER for p in danger) / len(danger) if danger else 0.0
        alarms = sum(p in DANGER for p in safe)
        print(f"{language:<12}{len(danger):>8}{recall:>8.3f}{len(safe):>6}{alarms:>14}")
    if show:
        for language, triples in sorted(by_language.items()):
            for gold, predicted, text in triples:
                if (gold in DANGER) != (predicted in DANGER):
                    print(f"  [{language}] {gold} -> {predicted}: {text}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", action="store_true", help="list misclassified examples")
    args = parser.parse_args()
    model = args.model or max(glob.glob(str(REPO / "models" / "*.tar.gz")), key=os.path.getmtime)
    rows = load_holdout()
    stress_sets = {folder: load_holdout(folder) for folder in STRESS_SETS}
    stress = [row for rows_of_set in stress_sets.values() for row in rows_of_set]
    trained = training_texts()
    leaked = [t for _, _, t in rows + stress if t.lower() in trained]
    everything_predicted = asyncio.run(predict(model, [t for _, _, t in rows + stress]))
    predictions, stress_predictions = everything_predicted[: len(rows)], everything_predicted[len(rows) :]

    by_language: dict[str, list[tuple[str, str]]] = defaultdict(list)
    errors = []
    for (language, gold, text), predicted in zip(rows, predictions, strict=False):
        by_language[language].append((gold, predicted))
        if gold != predicted:
            errors.append((language, gold, predicted, text))
    everything = [pair for pairs in by_language.values() for pair in pairs]

    print(
        f"model: {os.path.relpath(model, REPO)}   held-out examples: {len(rows)}   leaked into training: {len(leaked)}"
    )
    print(f"{'language':<12}{'n':>5}{'accuracy':>10}{'macro-F1':>10}")
    for language, pairs in sorted(by_language.items()):
        accuracy = sum(g == p for g, p in pairs) / len(pairs)
        print(f"{language:<12}{len(pairs):>5}{accuracy:>10.3f}{macro_f1(pairs):>10.3f}")
    overall_accuracy = sum(g == p for g, p in everything) / len(everything)
    print(f"{'overall':<12}{len(everything):>5}{overall_accuracy:>10.3f}{macro_f1(everything):>10.3f}")

    danger = [(g, p) for g, p in everything if g in DANGER]
    danger_recall = sum(p in DANGER for _, p in danger) / len(danger)
    false_alarms = sum(1 for g, p in everything if g not in DANGER and p in DANGER)
    print(
        f"danger-intent recall: {danger_recall:.3f} ({sum(p in DANGER for _, p in danger)}/{len(danger)}); "
        f"non-danger messages sent to the emergency path: {false_alarms}"
    )
    if args.errors:
        for language, gold, predicted, text in errors:
            print(f"  [{language}] {gold} -> {predicted}: {text}")
    offset = 0
    for folder, rows_of_set in stress_sets.items():
        report_stress(folder, rows_of_set, stress_predictions[offset : offset + len(rows_of_set)], show=args.errors)
        offset += len(rows_of_set)

    results = {
        "macro_f1_overall": macro_f1(everything),
        "macro_f1_darija_lat": macro_f1(by_language.get("darija_lat", [])),
        "danger_recall": danger_recall,
    }
    missed = [f"{k} {results[k]:.3f} < {goal}" for k, goal in GOALS.items() if results[k] < goal]
    print("goals: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed or leaked else 0


if __name__ == "__main__":
    sys.exit(main())
