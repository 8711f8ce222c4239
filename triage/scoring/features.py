"""Features of a message for the statistical model: character n-grams, word skeletons and rule findings."""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from triage.scoring.normalise import Token
from triage.scoring.rules import Finding, RuleResult
from triage.scoring.types import Level

DIMENSIONS = 1 << 14
NGRAMS = (3, 4, 5)
Features = list[tuple[int, float]]
CONCERN = Level.P3


def bucket(feature: str) -> int:
    """Hashes a feature name to a stable bucket (Python's own hash changes between processes)."""
    return zlib.crc32(feature.encode("utf-8")) % DIMENSIONS


@lru_cache(maxsize=1024)
def _gram_slices(n: int, count: int) -> tuple[slice, ...]:
    """Returns the byte slices of the first `count` n-grams of a UTF-32 text."""
    return tuple(slice(4 * i, 4 * (i + n)) for i in range(count))


@lru_cache(maxsize=65536)
def _word_bucket(skeleton: str) -> int:
    """Returns the bucket of a word skeleton's feature."""
    return bucket(f"w:{skeleton}")


def text_buckets(tokens: tuple[Token, ...]) -> list[int]:
    """Returns the buckets of the character n-grams of the normalised text and of its word skeletons.

    N-grams are hashed as fixed-width UTF-32 slices seeded with their length, which avoids building strings.
    """
    joined = (" " + " ".join(t.form for t in tokens) + " ").encode("utf-32-le")
    width = len(joined) // 4
    crc = zlib.crc32
    buckets = [crc(joined[gram], n) % DIMENSIONS for n in NGRAMS for gram in _gram_slices(n, max(width - n + 1, 0))]
    buckets += [_word_bucket(t.skeleton) for t in tokens]
    return buckets


def rule_features(findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    """Returns one feature per finding code, marked when a modifier softens it."""
    return sorted({f"r:{f.code}" if f.softened_by is None else f"s:{f.code}" for f in findings})


def writer_features(rules: RuleResult) -> list[str]:
    """Returns what the text says about who the message is about: a child writing, a disability. The labels raise
    by one for both, so the model needs them to tell "my daughter is being blackmailed" from "he is blackmailing
    me, im 15"."""
    if rules.level.rank > CONCERN.rank:  # "hey im 14" says who writes, about nothing
        return []
    child = rules.child_writing and not rules.figurative  # an exam idiom's child is raised by the rules alone
    return [name for name, present in (("c:child", child), ("c:disability", rules.disability)) if present]


@dataclass(frozen=True, slots=True)
class Parts:
    """A message's features before they are summed: its text's buckets (repeats kept), each worth `scale`, and the
    buckets of its rule and writer features (`flags`), each worth 1."""

    text: list[int]
    scale: float
    flags: list[int]


def parts(rules: RuleResult) -> Parts:
    """Returns the parts of a message's features: n-grams scaled to unit length, rule findings at full weight."""
    buckets = text_buckets(rules.tokens)
    scale = 1.0 / math.sqrt(len(buckets)) if buckets else 0.0
    flags = [_flag_bucket(name) for name in rule_features(rules.findings) + writer_features(rules)]
    return Parts(buckets, scale, flags)


@lru_cache(maxsize=1024)
def _flag_bucket(name: str) -> int:
    """Returns the bucket of a rule or writer feature."""
    return bucket(name)


def featurise(rules: RuleResult) -> Features:
    """Returns the sparse feature vector of a message (for fitting; scoring sums its parts directly)."""
    return sparse(parts(rules))


def sparse(message: Parts) -> Features:
    """Returns the sparse feature vector the parts sum to, by bucket."""
    counts: dict[int, float] = {}
    for index in message.text:
        counts[index] = counts.get(index, 0.0) + message.scale
    for index in message.flags:
        counts[index] = counts.get(index, 0.0) + 1.0
    return sorted(counts.items(), key=itemgetter(0))  # by bucket alone, which is unique: comparing pairs is slower
