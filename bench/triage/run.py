"""Benchmarks triage.scoring on the held-out sets: P1 recall and precision, under-triage, confusion, speed.

Run: .venv/bin/python bench/triage/run.py [--split data/triage/heldout.jsonl ...] [--runs 5] [--misses]

`--misses` also prints every under-triaged message with its signals: only for a set being tuned on, never for
a clean one (reading a set's misses spends it).

By default only heldout.jsonl is measured (the split of data/triage/source/, looked at while the engine was first tuned,
so optimistic). The clean estimate is a fresh set written blind by another engineer (`<name>_heldout.jsonl`, built once
data/triage/build.py names it in `FRESH`: fresh53 to fresh56 and fresh149 to fresh152 now): it is measured once per
engine, by name (`--split data/triage/<name>_heldout.jsonl`), by someone who does not tune the engine on it. The earlier
fresh sets (fresh to fresh52 and fresh57 to fresh148, since round 52) were tuned on and are training data; RESULTS.md
keeps their clean measures.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from triage.scoring import Context, Level, assess
from triage.scoring.rules import apply_rules

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data" / "triage"
SPLITS = [DATA / "heldout.jsonl"]
LEVELS = list(Level)
Z95 = 1.959964


@dataclass
class Tally:
    """Counts of (label, prediction) pairs for one language or overall."""

    pairs: dict[tuple[Level, Level], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, *, label: Level, predicted: Level) -> None:
        """Records one assessment."""
        self.pairs[(label, predicted)] += 1

    def count(self, *, label: Level | None = None, predicted: Level | None = None) -> int:
        """Counts pairs matching a label and/or a prediction."""
        return sum(
            n
            for (lab, pred), n in self.pairs.items()
            if (label is None or lab == label) and (predicted is None or pred == predicted)
        )

    @property
    def total(self) -> int:
        """Returns the number of assessments."""
        return self.count()

    @property
    def under_triaged(self) -> int:
        """Counts predictions less urgent than the label."""
        return sum(n for (lab, pred), n in self.pairs.items() if pred.rank > lab.rank)


def wilson(successes: int, trials: int) -> tuple[float, float]:
    """Returns the 95 % Wilson score interval of a proportion."""
    if trials == 0:
        return (0.0, 1.0)
    p = successes / trials
    denominator = 1 + Z95**2 / trials
    centre = (p + Z95**2 / (2 * trials)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / trials + Z95**2 / (4 * trials**2)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def read_rows(path: Path) -> list[dict[str, object]]:
    """Reads the labelled split."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def context_of(row: dict[str, object]) -> Context | None:
    """Builds the context of a labelled row, if any."""
    raw = row.get("context")
    return Context.from_mapping(raw) if isinstance(raw, dict) else None


def evaluate(rows: list[dict[str, object]]) -> dict[str, Tally]:
    """Assesses every row and tallies results per language and overall."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        predicted = assess(str(row["text"]), context=context_of(row)).level
        label = Level(str(row["level"]))
        for key in (str(row["language"]), "overall"):
            tallies[key].add(label=label, predicted=predicted)
    return tallies


def summary_line(name: str, tally: Tally) -> str:
    """Formats one row of the metrics table."""
    p1 = tally.count(label=Level.P1)
    hit = tally.pairs.get((Level.P1, Level.P1), 0)
    flagged = tally.count(predicted=Level.P1)
    low, high = wilson(hit, p1)
    recall = f"{hit / p1:.3f} [{low:.3f}, {high:.3f}]" if p1 else "n/a"
    precision = f"{hit / flagged:.3f}" if flagged else "n/a"
    under = tally.under_triaged / tally.total if tally.total else 0.0
    return f"{name:<11}{tally.total:>5}{p1:>5}  {recall:<24}{precision:>9}{under:>10.1%}"


def confusion(tally: Tally) -> str:
    """Formats the confusion matrix, labels in rows and predictions in columns."""
    lines = ["label\\pred " + "".join(f"{lv.value:>6}" for lv in LEVELS)]
    for label in LEVELS:
        lines.append(f"{label.value:<11}" + "".join(f"{tally.pairs.get((label, p), 0):>6}" for p in LEVELS))
    return "\n".join(lines)


def throughput(rows: list[dict[str, object]], *, runs: int) -> tuple[list[float], list[float]]:
    """Times several passes after a warm-up; returns assessments per CPU second (this process, one core)
    and per wall-clock second, which other work on a shared machine lowers."""
    texts = [(str(r["text"]), context_of(r)) for r in rows]
    for text, context in texts:
        assess(text, context=context)
    cpu_rates, wall_rates = [], []
    for _ in range(runs):
        apply_rules.cache_clear()  # every pass reads every text afresh, as a service seeing new messages would
        cpu, wall = time.process_time(), time.perf_counter()
        for text, context in texts:
            assess(text, context=context)
        cpu_rates.append(len(texts) / (time.process_time() - cpu))
        wall_rates.append(len(texts) / (time.perf_counter() - wall))
    return cpu_rates, wall_rates


def print_misses(rows: list[dict[str, object]]) -> None:
    """Prints every under-triaged message: id, label, prediction, text and the signals found."""
    for row in rows:
        assessment = assess(str(row["text"]), context=context_of(row))
        label = Level(str(row["level"]))
        if assessment.level.rank > label.rank:
            signals = ", ".join(f"{s.code}={s.evidence!r}" for s in assessment.signals)
            print(f"{row['id']} {label.value}->{assessment.level.value} {row['text']}\n    [{signals}]")


def pooled(parts: list[dict[str, Tally]]) -> dict[str, Tally]:
    """Adds the tallies of several sets, per language and overall."""
    total: dict[str, Tally] = defaultdict(Tally)
    for tallies in parts:
        for name, tally in tallies.items():
            for (label, predicted), n in tally.pairs.items():
                total[name].pairs[(label, predicted)] += n
    return total


def print_tallies(title: str, tallies: dict[str, Tally]) -> None:
    """Prints the metrics table and the confusion matrices of a set's tallies."""
    print(title)
    print(f"{'language':<11}{'n':>5}{'P1':>5}  {'P1 recall [95% Wilson]':<24}{'P1 prec':>9}{'under':>10}")
    for name in sorted(k for k in tallies if k != "overall") + ["overall"]:
        print(summary_line(name, tallies[name]))
    for name in sorted(tallies):
        print(f"\nconfusion {name}\n{confusion(tallies[name])}")
    print()


def report(path: Path, *, misses: bool = False) -> tuple[list[dict[str, object]], dict[str, Tally]]:
    """Prints the metrics of one labelled set (and its misses if asked); returns its rows and tallies."""
    rows = read_rows(path)
    tallies = evaluate(rows)
    if misses:
        print_misses(rows)
    print_tallies(f"split: {path.relative_to(REPO) if path.is_relative_to(REPO) else path}", tallies)
    return rows, tallies


def main() -> None:
    """Prints the metrics of every held-out set, then the throughput over all of their messages."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", type=Path, action="append", help="a labelled JSON-lines file (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="print under-triaged messages (spends the set)")
    args = parser.parse_args()
    reports = [report(path, misses=args.misses) for path in args.split or [p for p in SPLITS if p.exists()]]
    if len(reports) > 1:
        print_tallies(f"pooled: {len(reports)} sets", pooled([tallies for _, tallies in reports]))
    rows = [row for set_rows, _ in reports for row in set_rows]
    cpu_rates, wall_rates = throughput(rows, runs=args.runs)
    for name, rates in (("CPU time", cpu_rates), ("wall clock", wall_rates)):
        print(
            f"\nthroughput ({name}, {len(rows)} messages): {statistics.median(rates):,.0f} assessments/s, "
            f"median of {args.runs} runs: " + ", ".join(f"{r:,.0f}" for r in rates),
            end="",
        )
    print()
    print("goals: P1 recall >= 0.98, P1 precision >= 0.66, under-triage <= 5 %, >= 1,000 assessments/s")


if __name__ == "__main__":
    main()
