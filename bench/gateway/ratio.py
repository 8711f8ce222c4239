"""The gateway's latency ratio at one level, over rounds, with a bootstrap interval (no project imports: tested alone).

A round's 240 messages share one stretch of the machine (Rasa's queue, other load), so a single round's ratio moves
by ±0.2 while the messages inside it hardly vary. The independent unit is the round: the interval resamples whole
rounds (each with both paths' messages, the same people and pauses), pools them and takes the ratio of the medians.
"""

import random
import statistics
from dataclasses import dataclass

MIN_ROUNDS = 5
"""Fewer rounds than this give too few distinct resamples for an interval to mean anything."""


@dataclass(frozen=True)
class Round:
    """The last-reply latencies of one round, straight to Rasa and through the gateway (seconds)."""

    rasa: list[float]
    gateway: list[float]


@dataclass(frozen=True)
class Ratio:
    """The gateway's median over Rasa's, pooled over the rounds, and its interval (None with too few rounds)."""

    point: float
    low: float | None
    high: float | None

    def verdict(self, goal: float) -> str:
        """Met when the whole interval is within the goal, not met when the estimate is above it, else unsure."""
        if self.point > goal:
            return "not met"
        if self.high is None:
            return "unsure"
        return "met" if self.high <= goal else "unsure"


def pooled(rounds: list[Round]) -> float:
    """The median of every gateway latency over the median of every Rasa latency."""
    gateway = [seconds for one in rounds for seconds in one.gateway]
    rasa = [seconds for one in rounds for seconds in one.rasa]
    return statistics.median(gateway) / statistics.median(rasa)


def ratio(rounds: list[Round], *, confidence: float = 0.95, resamples: int = 2000, seed: int = 0) -> Ratio:
    """The pooled ratio with a percentile bootstrap interval over whole rounds."""
    usable = [one for one in rounds if one.rasa and one.gateway]
    if not usable:
        raise ValueError("no round measured both paths")
    point = pooled(usable)
    if len(usable) < MIN_ROUNDS:
        return Ratio(point, None, None)
    rng = random.Random(seed)
    draws = sorted(pooled(rng.choices(usable, k=len(usable))) for _ in range(resamples))
    tail = (1 - confidence) / 2
    return Ratio(point, draws[int(tail * (resamples - 1))], draws[int(round((1 - tail) * (resamples - 1)))])
