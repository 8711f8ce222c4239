"""Features of a message for the statistical model: character n-grams, word skeletons and rule findings."""

from __future__ import annotations

import math
import zlib

from triage.scoring.normalise import Token
from triage.scoring.rules import Finding, RuleResult

DIMENSIONS = 1 << 14
NGRAMS = (3, 4, 5)
Features = list[tuple[int, float]]


def bucket(feature: str) -> int:
    """Hashes a feature name to a stable bucket (Python's own hash changes between processes)."""
    return zlib.crc32(feature.encode("utf-8")) % DIMENSIONS


def text_features(tokens: tuple[Token, ...]) -> list[str]:
    """Returns the character n-grams of the normalised text and the skeletons of its words."""
    joined = " " + " ".join(t.form for t in tokens) + " "
    names = [f"c{n}:{joined[i:i + n]}" for n in NGRAMS for i in range(len(joined) - n + 1)]
    names += [f"w:{t.skeleton}" for t in tokens]
    return names


def rule_features(findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    """Returns one feature per finding code, marked when a modifier softens it."""
    return sorted({f"r:{f.code}" if f.softened_by is None else f"s:{f.code}" for f in findings})


def featurise(rules: RuleResult) -> Features:
    """Returns the sparse feature vector: n-grams scaled to unit length, rule findings at full weight."""
    counts: dict[int, float] = {}
    names = text_features(rules.tokens)
    scale = 1.0 / math.sqrt(len(names)) if names else 0.0
    for name in names:
        index = bucket(name)
        counts[index] = counts.get(index, 0.0) + scale
    for name in rule_features(rules.findings):
        index = bucket(name)
        counts[index] = counts.get(index, 0.0) + 1.0
    return sorted(counts.items())
