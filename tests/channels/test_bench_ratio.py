"""The gateway bench's latency ratio: pooled over rounds, a bootstrap interval over whole rounds, the verdict."""

import pytest

from tests.bench import bench_module

ratio = bench_module("gateway", "ratio")
GOAL = 1.25


def scaled(factor: float, base: tuple[float, ...] = (0.060, 0.070, 0.080, 0.090, 0.200)) -> object:
    """A round whose gateway latencies are Rasa's times `factor`."""
    return ratio.Round(list(base), [seconds * factor for seconds in base])


def test_pooled_is_the_ratio_of_the_medians_of_every_message() -> None:
    rounds = [ratio.Round([0.1, 0.3], [0.2]), ratio.Round([0.2], [0.1, 0.3, 0.4])]
    # Rasa's messages 0.1, 0.2, 0.3 (median 0.2); the gateway's 0.1, 0.2, 0.3, 0.4 (median 0.25)
    assert ratio.pooled(rounds) == pytest.approx(1.25)


@pytest.mark.parametrize(
    ("factors", "verdict"),
    [
        ((1.10,) * 6, "met"),  # every round alike and within the goal: the interval is a point
        ((1.05, 1.10, 1.15, 1.12, 1.08, 1.20), "met"),
        ((1.00, 1.05, 1.10, 1.40, 1.45, 1.50), "unsure"),  # the estimate within, the interval not
        ((1.30,) * 6, "not met"),
        ((1.10, 1.10, 1.10), "unsure"),  # under MIN_ROUNDS: no interval, so never "met"
        ((1.30, 1.30, 1.30), "not met"),
    ],
)
def test_verdict(factors: tuple[float, ...], verdict: str) -> None:
    judged = ratio.ratio([scaled(factor) for factor in factors])
    assert judged.verdict(GOAL) == verdict


def test_interval_holds_the_estimate_and_spans_the_rounds() -> None:
    factors = (1.02, 1.08, 1.12, 1.18, 1.22, 1.31)
    judged = ratio.ratio([scaled(factor) for factor in factors])
    assert min(factors) <= judged.low <= judged.point <= judged.high <= max(factors)
    assert judged.low < judged.high


def test_interval_is_reproducible_and_none_under_the_minimum() -> None:
    rounds = [scaled(1.0 + n / 50) for n in range(ratio.MIN_ROUNDS)]
    assert ratio.ratio(rounds) == ratio.ratio(rounds)
    assert ratio.ratio(rounds[:-1]).low is None
    assert ratio.ratio(rounds[:-1]).high is None


def test_rounds_missing_a_path_are_left_out_and_none_at_all_is_refused() -> None:
    judged = ratio.ratio([scaled(1.1), ratio.Round([], [0.5]), ratio.Round([0.5], [])])
    assert judged.point == pytest.approx(1.1)
    with pytest.raises(ValueError, match="no round"):
        ratio.ratio([ratio.Round([], [0.1])])
