"""The gateway bench's sustained run says "0 lost, 0 duplicated" only when its counts show it."""

from dataclasses import replace

import pytest

from tests.bench import bench_module

verdict = bench_module("gateway", "verdict")

CLEAN = verdict.Counts(
    posted=6000, acknowledged=6000, redeliveries=120, redeliveries_acknowledged=120, stored=6000,
    stored_distinct=6000, user_messages=6000, worked=6000, fallbacks=0, given_up=0, unfinished=0,
    replies_queued=9000, replies_accepted=9000, replies_failed=0, replies_received=9000, unanswered=0, drained=True,
)  # fmt: skip


def test_clean_counts_say_nothing_was_lost_or_duplicated() -> None:
    assert verdict.problems(CLEAN) == []
    assert verdict.report(CLEAN)[-1].endswith("0 lost, 0 duplicated")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"acknowledged": 5999}, "never acknowledged"),
        ({"stored": 5999, "stored_distinct": 5999, "user_messages": 5999, "worked": 5999}, "not stored"),
        ({"stored": 6001, "stored_distinct": 6000, "user_messages": 6001, "worked": 6001}, "stored twice"),
        ({"user_messages": 6001}, "duplicated in transcripts"),
        ({"user_messages": 5999}, "missing from transcripts"),
        ({"worked": 5998, "unfinished": 2, "drained": False}, "not drained"),
        ({"worked": 5999, "given_up": 1}, "given up"),
        ({"replies_accepted": 8999, "replies_failed": 1}, "not accepted"),
        ({"replies_received": 9001}, "received more than once"),
        ({"replies_received": 8999}, "accepted but not received"),
        ({"unanswered": 3}, "without a reply"),
        ({"redeliveries_acknowledged": 119}, "redelivery was not acknowledged"),
    ],
)
def test_any_loss_or_duplicate_fails_the_run(change: dict[str, object], problem: str) -> None:
    counts = replace(CLEAN, **change)
    found = verdict.problems(counts)
    assert any(problem in text for text in found), found
    assert verdict.report(counts)[-1].split()[1] == "FAILED:"
