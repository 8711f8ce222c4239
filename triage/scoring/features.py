"""Features of a message for the statistical model: character n-grams, word skeletons and rule findings."""

from __future__ import annotations

import math
import zlib

from triage.scoring.normalise import tokenise
from triage.scoring.rules import Finding

DIMENSIONS = 1 << 14
NGRAMS = (3, 4, 5)
Features = list[tuple[int, float]]


def bucket(feature: str) -> int:
    """Hashes a feature name to a stable bucket (Python's own hash changes between processes)."""
    return zlib.crc32(feature.encode("utf-8")) % DIMENSIONS


def text_features(text: str) -> list[str]:
    """Returns the character n-grams of the normalised text and the skeletons of its words."""
    tokens = tokenise(text.replace("\u2019", "'"))
    joined = " " + " ".join(t.form for t in tokens) + " "
    names = [f"c{n}:{joined[i:i + n]}" for n in NGRAMS for i in range(len(joined) - n + 1)]
    names += [f"w:{t.skeleton}" for t in tokens]
    return names


def rule_features(findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    """Returns one feature per finding code, marked when a modifier softens it."""
    return sorted({f"r:{f.code}" if f.softened_by is None else f"s:{f.code}" for f in findings})


def featurise(text: str, findings: list[Finding] | tuple[Finding, ...]) -> Features:
    """Returns the sparse feature vector: n-grams scaled to unit length, rule findings at full weight."""
    counts: dict[int, float] = {}
    names = text_features(text)
    scale = 1.0 / math.sqrt(len(names)) if names else 0.0
    for name in names:
        index = bucket(name)
        counts[index] = counts.get(index, 0.0) + scale
    for name in rule_features(findings):
        index = bucket(name)
        counts[index] = counts.get(index, 0.0) + 1.0
    return sorted(counts.items())
