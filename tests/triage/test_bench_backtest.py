"""The triage backtest: its tallies, and its probe scoring as the engine does at the kept thresholds."""

import json
from pathlib import Path

import pytest

from tests.bench import bench_module
from triage.scoring import assess
from triage.scoring.model import BARE_P1_THRESHOLD, BARE_P2_THRESHOLD, THRESHOLDS

backtest = bench_module("triage", "backtest")


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("P1", "P1"), ("P1", "P2"), ("P3", "P1"), ("P4", "P4")], (4, 2, 0, 1, 2, 1, 1, 1)),
        ([("P2", "P3"), ("P2", "P4"), ("P3", "P2"), ("P4", "P3")], (4, 0, 2, 0, 0, 2, 2, 1)),
        ([], (0, 0, 0, 0, 0, 0, 0, 0)),
    ],
)
def test_figures_tally_recall_precision_and_triage_errors(
    pairs: list[tuple[str, str]], expected: tuple[int, ...]
) -> None:
    f = backtest.figures(pairs)
    assert (f.messages, f.p1, f.p2, f.caught, f.flagged, f.under, f.over, f.raised) == expected


def test_rates_of_a_tally() -> None:
    f = backtest.figures([("P1", "P1"), ("P1", "P3"), ("P2", "P1"), ("P4", "P4"), ("P3", "P2")])
    assert (f.recall, f.precision, f.under_rate, f.raised_rate) == (0.5, 0.5, 0.2, 0.5)


@pytest.mark.parametrize("study", sorted(backtest.STUDIES))
def test_every_study_holds_the_kept_thresholds(study: str) -> None:
    assert backtest.KEPT == (*THRESHOLDS[:2], BARE_P1_THRESHOLD, BARE_P2_THRESHOLD, THRESHOLDS[2])
    assert backtest.KEPT in backtest.grid(study)


def test_the_probe_scores_as_the_engine_at_the_kept_thresholds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = ["i have the pills in my hand and tonight i take them all", "hello", "my parents fight all the time"]
    split = tmp_path / "set.jsonl"
    split.write_text("".join(json.dumps({"level": "P2", "text": t}) + "\n" for t in texts), encoding="utf-8")
    backtest.probe([str(split)], study="lower")
    results = json.loads(capsys.readouterr().out)
    assert len(results) == len(backtest.grid("lower")) == 45
    kept = [predicted for _, predicted in results[json.dumps(list(backtest.KEPT))]]
    assert kept == [assess(t).level.value for t in texts]
    assert kept[0] == "P1"


def test_the_probe_leaves_the_engine_as_it_found_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from triage.scoring import engine

    split = tmp_path / "set.jsonl"
    split.write_text(json.dumps({"level": "P4", "text": "hi"}) + "\n", encoding="utf-8")
    backtest.probe([str(split)])
    capsys.readouterr()
    assert (engine.BARE_P1_THRESHOLD, engine.BARE_P2_THRESHOLD) == (BARE_P1_THRESHOLD, BARE_P2_THRESHOLD)
