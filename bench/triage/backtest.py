"""Backtests the model's thresholds in the clean condition: each spent fresh set is scored by the engine as it was
when the set was registered and measured once (a git worktree at that commit, its own rules, lexicons and weights),
before any rule was tuned on its misses, at a grid of thresholds; the results are pooled over the sets.

Run: .venv/bin/python bench/triage/backtest.py [--study heads|lower] [--at COMMIT:SET ...]

`heads` (the default) varies the P1 and P2 heads and their bare forms; `lower` holds the P1 heads as kept and varies
the P2 head, its bare form and the P3 head, which is where under-triage below P1 is decided.

A threshold study on spent sets (RESULTS.md, "A threshold study by writer") asks how the thresholds do on wording
the rules have since learnt; this asks how they do on wording the rules had not met, which is what a clean set and
a real message are. It needs the project's git history (a full clone), and reads no set that is still clean.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from triage.scoring.types import Level

REPO = Path(__file__).resolve().parents[2]
CLEAN = (
    ("4bf337d", "fresh23"),
    ("4bf337d", "fresh24"),
    ("2cc8008", "fresh25"),
    ("2cc8008", "fresh26"),
    ("f7e35bb", "fresh27"),
    ("cfb6ca6", "fresh28"),
)
"""Each spent fresh set with the commit at which it was registered and measured clean (rounds 17 to 20)."""
KEPT = (0.18, 0.36, 0.3, 0.45, 0.42)
Grid = tuple[float, float, float, float, float]
"""P1 head, P2 head, P1 head with no rule finding, P2 head with no rule finding, P3 head."""
STUDIES: dict[str, tuple[tuple[float, ...], ...]] = {
    "heads": (
        (0.05, 0.08, 0.1, 0.12, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.22, 0.25),
        (0.2, 0.25, 0.3, 0.35, 0.36, 0.37, 0.4),
        (0.2, 0.25, 0.3),
        (0.35, 0.45),
        (0.4, 0.42),
    ),
    "lower": ((0.18,), (0.2, 0.25, 0.3, 0.36, 0.4), (0.3,), (0.25, 0.35, 0.45), (0.3, 0.42, 0.5)),
}
"""The values each study tries, in Grid order."""
Pair = tuple[str, str]
"""A message's label and the level predicted for it."""


@dataclass(frozen=True)
class Figures:
    """Pooled figures of one grid point."""

    messages: int
    p1: int
    p2: int
    caught: int
    flagged: int
    under: int
    over: int
    raised: int

    @property
    def recall(self) -> float:
        """P1 recall."""
        return self.caught / self.p1 if self.p1 else 0.0

    @property
    def precision(self) -> float:
        """P1 precision."""
        return self.caught / self.flagged if self.flagged else 0.0

    @property
    def under_rate(self) -> float:
        """The share of messages predicted less urgent than their label."""
        return self.under / self.messages if self.messages else 0.0

    @property
    def raised_rate(self) -> float:
        """The share of messages labelled P3 or P4 that are queued as P1 or P2 (a counsellor's needless rush)."""
        routine = self.messages - self.p1 - self.p2
        return self.raised / routine if routine else 0.0


def figures(pairs: Iterable[Pair]) -> Figures:
    """Tallies (label, predicted) pairs."""
    pairs = list(pairs)
    return Figures(
        messages=len(pairs),
        p1=sum(1 for label, _ in pairs if label == "P1"),
        p2=sum(1 for label, _ in pairs if label == "P2"),
        caught=sum(1 for label, predicted in pairs if label == predicted == "P1"),
        flagged=sum(1 for _, predicted in pairs if predicted == "P1"),
        under=sum(1 for label, predicted in pairs if Level(predicted).rank > Level(label).rank),
        over=sum(1 for label, predicted in pairs if Level(predicted).rank < Level(label).rank),
        raised=sum(1 for label, predicted in pairs if label in ("P3", "P4") and predicted in ("P1", "P2")),
    )


def grid(study: str = "heads") -> list[Grid]:
    """Every threshold combination of a study."""
    return [tuple(point) for point in itertools.product(*STUDIES[study])]  # type: ignore[misc]


def probe(paths: Sequence[str], *, study: str = "heads") -> None:
    """Runs in a worktree's code: prints, for each grid point, the (label, predicted) pairs of the sets' messages."""
    import dataclasses

    from triage.scoring import engine  # the worktree's, through PYTHONPATH
    from triage.scoring.model import load_model

    rows = [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines() if line]
    base = load_model()
    kept = engine.BARE_P1_THRESHOLD, engine.BARE_P2_THRESHOLD
    results = {}
    try:
        for point in grid(study):
            p1, p2, bare_p1, bare_p2, p3 = point
            engine.BARE_P1_THRESHOLD, engine.BARE_P2_THRESHOLD = bare_p1, bare_p2
            model = dataclasses.replace(base, thresholds=(p1, p2, p3))
            found = [(row["level"], engine.assess(row["text"], model=model).level.value) for row in rows]
            results[json.dumps(point)] = found
    finally:
        engine.BARE_P1_THRESHOLD, engine.BARE_P2_THRESHOLD = kept
    json.dump(results, sys.stdout)


def run_at(commit: str, sets: Sequence[str], *, scratch: Path, study: str) -> dict[Grid, list[Pair]]:
    """Scores sets with the engine of one commit, in a throwaway worktree."""
    tree = scratch / commit
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), commit], check=True)
    try:
        paths = [str(tree / "data" / "triage" / f"{name}_heldout.jsonl") for name in sets]
        env = {**os.environ, "PYTHONPATH": str(tree)}
        script = [sys.executable, str(Path(__file__).resolve()), "--study", study, "--probe", *paths]
        done = subprocess.run(script, cwd=tree, env=env, check=True, capture_output=True, text=True)
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)
    return {tuple(json.loads(point)): pairs for point, pairs in json.loads(done.stdout).items()}


def pooled(at: Sequence[tuple[str, str]], *, study: str) -> dict[Grid, list[Pair]]:
    """Scores every (commit, set) and pools the pairs per grid point."""
    by_commit: dict[str, list[str]] = {}
    for commit, name in at:
        by_commit.setdefault(commit, []).append(name)
    pairs: dict[Grid, list[Pair]] = {}
    with tempfile.TemporaryDirectory(prefix="triage-backtest-") as scratch:
        for commit, sets in by_commit.items():
            for point, found in run_at(commit, sets, scratch=Path(scratch), study=study).items():
                pairs.setdefault(point, []).extend((label, predicted) for label, predicted in found)
    return pairs


def table(pairs: dict[Grid, list[Pair]]) -> str:
    """Formats every grid point, best recall first, then least under-triage."""
    rows = sorted(((point, figures(found)) for point, found in pairs.items()), key=lambda r: (-r[1].recall, r[1].under))
    lines = ["P1 / P2 / P3 head, bare P1 / P2   P1 recall  precision  under   over  P3-4 as P1-2  missed P1", "-" * 96]
    for point, f in rows:
        mark = "  (kept)" if point == KEPT else ""
        lines.append(
            f"{point[0]:.2f} / {point[1]:.2f} / {point[4]:.2f}, {point[2]:.2f} / {point[3]:.2f}"
            f"{f.recall:>16.3f}{f.precision:>11.3f}{f.under_rate:>7.1%}{f.over:>7}{f.raised_rate:>14.1%}"
            f"{f.p1 - f.caught:>11}{mark}"
        )
    return "\n".join(lines)


def main() -> None:
    """Prints the pooled figures of every grid point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--at", action="append", help="COMMIT:SET, repeatable (default: rounds 17 to 20's sets)")
    parser.add_argument("--study", choices=sorted(STUDIES), default="heads", help="which thresholds to vary")
    parser.add_argument("--probe", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe(args.probe, study=args.study)
        return
    at = [tuple(item.split(":", 1)) for item in args.at] if args.at else list(CLEAN)
    pairs = pooled([(commit, name) for commit, name in at], study=args.study)
    total = figures(next(iter(pairs.values())))
    print(f"{len(at)} sets, {total.messages} messages, {total.p1} P1, each scored by the engine it was measured on")
    print(table(pairs))


if __name__ == "__main__":
    main()
