"""Cross-validation's pieces: scoring held-out rows with their fold's model, and tallying the pairs."""

from collections import Counter

import pytest

from triage.scoring.engine import assess
from triage.scoring.model import load_model
from triage.scoring.train import fold_indices, scored, tally, writer_of
from triage.scoring.types import Context, Level

P1, P2, P3, P4 = Level.P1, Level.P2, Level.P3, Level.P4


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (
            [(P1, P1), (P1, P3), (P2, P1), (P4, P4)],
            {"messages": 4, "p1": 2, "hit": 1, "flagged": 2, "under": 1, "over": 1},
        ),
        ([(P3, P4), (P2, P3)], {"messages": 2, "under": 2}),
        ([], {}),
    ],
)
def test_tally(pairs: list[tuple[Level, Level]], expected: dict[str, int]) -> None:
    assert +tally(pairs) == Counter(expected)


def test_held_rows_are_scored_by_the_engine_at_the_given_thresholds() -> None:
    rows = [
        {"level": "P1", "text": "i have the pills in my hand and tonight i take them all"},
        {"level": "P4", "text": "yes", "context": {"answers": {"danger_now": True}}},
        {"level": "P3", "text": "my parents fight all the time"},
    ]
    model = load_model()
    pairs = scored([(model, rows)], thresholds=model.thresholds)
    assert [label for label, _ in pairs] == [P1, P4, P3]
    assert [level for _, level in pairs] == [
        assess(row["text"], context=Context.from_mapping(row.get("context") or {})).level for row in rows
    ]
    assert pairs[1][1] is P1  # the context counts, as it does in the engine
    assert scored([(model, rows[2:])], thresholds=(0.0, 0.0, 0.0)) == [(P3, P1)]  # the thresholds are the ones given


ROWS = [
    {"id": row_id}
    for row_id in ("ar-001", "en-002", "fresh12-fr-001", "fresh12-fr-002", "fresh12-en-003", "breadth-tzm-001",
                   "extra-en-001", "fresh3-ar-004", "fresh30-ar-001", "fresh30-ar-002")
]  # fmt: skip


@pytest.mark.parametrize(
    ("row_id", "writer"),
    [("ar-001", "source"), ("fresh12-fr-001", "fresh12"), ("breadth-tzm-001", "breadth"), ("extra-en-001", "extra")],
)
def test_writer_of_a_row(row_id: str, writer: str) -> None:
    assert writer_of({"id": row_id}) == writer


@pytest.mark.parametrize("by_writer", [False, True])
def test_folds_hold_out_every_row_once(by_writer: bool) -> None:
    folds = fold_indices(ROWS, by_writer=by_writer)
    assert sorted(i for fold in folds for i in fold) == list(range(len(ROWS)))


def test_writer_folds_keep_each_set_whole() -> None:
    folds = fold_indices(ROWS, by_writer=True)
    for writer in {writer_of(row) for row in ROWS}:
        holding = [fold for fold in folds if any(writer_of(ROWS[i]) == writer for i in fold)]
        assert len(holding) == 1, writer
    assert max(len(fold) for fold in folds) == 3  # fresh12's three rows, the largest set, alone in a fold
