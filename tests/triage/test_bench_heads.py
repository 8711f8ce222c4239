"""The heads study: its ranking rule, and its hard cases agreeing with the tests at the kept heads."""

import dataclasses
from collections import Counter

from tests.bench import bench_module
from triage.scoring.model import load_model

heads = bench_module("triage", "heads")


def result(point: float, *, hit: int, flagged: int, under: int, wrong: tuple[str, ...] = ()) -> object:
    """A study result with ten P1s."""
    counts = Counter(messages=100, p1=10, hit=hit, flagged=flagged, under=under, over=0)
    return heads.Result((point, 0.2, 0.3, 0.35, 0.4), counts, wrong)


def test_the_rule_puts_hard_cases_then_the_precision_floor_before_recall() -> None:
    best = result(0.3, hit=8, flagged=10, under=5)
    more_recall_below_floor = result(0.1, hit=10, flagged=20, under=3)
    most_recall_but_a_case_wrong = result(0.05, hit=10, flagged=11, under=1, wrong=("en-idiom-mum",))
    less_under = result(0.25, hit=8, flagged=10, under=4)
    order = heads.ranked([best, more_recall_below_floor, most_recall_but_a_case_wrong, less_under])
    assert order == [less_under, best, more_recall_below_floor, most_recall_but_a_case_wrong]


def test_the_kept_heads_get_every_hard_case_right() -> None:
    assert heads.wrong_cases(load_model()) == ()


def test_a_low_p1_head_gets_hard_cases_wrong() -> None:
    model = dataclasses.replace(load_model(), thresholds=(0.02, 0.3, 0.4))
    assert heads.wrong_cases(model)
