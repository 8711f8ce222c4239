"""The triage bench's tallies: one set's, and several sets pooled."""

import pytest

from tests.bench import bench_module
from triage.scoring.types import Level

run = bench_module("triage", "run")
P1, P2, P3 = Level.P1, Level.P2, Level.P3


def tally(*pairs: tuple[Level, Level]) -> object:
    """A tally of (label, predicted) pairs."""
    t = run.Tally()
    for label, predicted in pairs:
        t.add(label=label, predicted=predicted)
    return t


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        ([[(P1, P1), (P2, P3)], [(P1, P2), (P3, P1)]], (4, 1, 2, 2)),
        ([[(P1, P1)]], (1, 1, 1, 0)),
        ([[], [(P2, P2)]], (1, 0, 0, 0)),
    ],
)
def test_pooled_sets_add_their_pairs(sets: list[list[tuple[Level, Level]]], expected: tuple[int, ...]) -> None:
    pooled = run.pooled([{"overall": tally(*pairs), "en": tally(*pairs)} for pairs in sets])
    overall = pooled["overall"]
    found = (overall.total, overall.pairs.get((P1, P1), 0), overall.count(predicted=P1), overall.under_triaged)
    assert found == expected
    assert pooled["en"].pairs == overall.pairs


def test_the_summary_line_gives_recall_precision_and_under_triage() -> None:
    line = run.summary_line("overall", tally((P1, P1), (P1, P3), (P2, P1), (P3, P3)))
    assert line.split()[:4] == ["overall", "4", "2", "0.500"]
    assert line.split()[-2:] == ["0.500", "25.0%"]
