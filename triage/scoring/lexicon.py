"""Loads the editable per-language lexicons and finds their phrases in tokenised text."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from triage.scoring.normalise import Token, char_script, normalise_word, skeleton

LEXICON_FILES = ("en", "fr", "ar", "darija_ar", "darija_lat", "tzm")
GAP = ".."
EXACT = "="
MIN_SKELETON = 3
ARABIC_CONJUNCTION = "(?:و)?"
MatchOn = Literal["form", "skeleton"]


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found in the text: its category and the tokens it covers."""

    name: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled phrases of one language: per category, one expression over forms and one over skeletons."""

    language: str
    patterns: tuple[tuple[str, MatchOn, re.Pattern[str]], ...]


class Matchable:
    """Tokens joined into strings so that one regular expression scans a whole category."""

    def __init__(self, tokens: list[Token]) -> None:
        self.forms = " ".join(t.form for t in tokens)
        self.skeletons = " ".join(t.skeleton for t in tokens)
        self.form_starts = _starts([t.form for t in tokens])
        self.skeleton_starts = _starts([t.skeleton for t in tokens])

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Returns every phrase of the lexicon found in the tokens."""
        hits = []
        for name, match_on, pattern in lexicon.patterns:
            text = self.forms if match_on == "form" else self.skeletons
            starts = self.form_starts if match_on == "form" else self.skeleton_starts
            for match in pattern.finditer(text):
                first = bisect.bisect_right(starts, match.start()) - 1
                last = bisect.bisect_right(starts, match.end() - 1) - 1
                hits.append(Hit(name, first, last))
        return hits


def _starts(parts: list[str]) -> list[int]:
    """Returns the offset of each part in the space-joined string."""
    offsets, position = [], 0
    for part in parts:
        offsets.append(position)
        position += len(part) + 1
    return offsets


def compile_phrase(phrase: str, *, match_on: MatchOn) -> str:
    """Turns a lexicon phrase into a regular expression over space-joined tokens."""
    pieces = []
    for word in phrase.split():
        if word == GAP:
            pieces.append(GAP)
            continue
        parts = [_normalise_part(p, match_on=match_on) for p in word.split("*")]
        prefix = ARABIC_CONJUNCTION if parts[0] and char_script(parts[0][0]) == "arabic" else ""
        pieces.append(prefix + "[^ ]*".join(re.escape(p) for p in parts))
    body = ""
    for piece in pieces:
        if piece == GAP:
            body += "(?:[^ ]+ ){0,3}"
        else:
            body += piece + " "
    return r"(?<![^ ])" + body.rstrip(" ") + r"(?![^ ])"


def _normalise_part(part: str, *, match_on: MatchOn) -> str:
    """Normalises one fragment of a lexicon word the way text tokens are normalised."""
    if not part:
        return ""
    form = normalise_word(part)
    return skeleton(form) if match_on == "skeleton" else form


def _too_short(phrase: str) -> bool:
    """Tells whether a one-word phrase has a skeleton too short to match safely (dima and dem are both dm)."""
    words = phrase.split()
    return len(words) == 1 and "*" not in phrase and len(skeleton(normalise_word(phrase))) < MIN_SKELETON


def parse_lexicon(raw: dict[str, object], *, language: str) -> Lexicon:
    """Compiles a lexicon from its JSON form."""
    match_on = raw.get("match_on", "form")
    if match_on not in ("form", "skeleton"):
        raise ValueError(f"{language}: match_on must be form or skeleton")
    phrases = raw.get("phrases")
    if not isinstance(phrases, dict):
        raise ValueError(f"{language}: phrases must be an object of lists")
    patterns = []
    for name, items in phrases.items():
        if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
            raise ValueError(f"{language}: {name} must be a list of phrases")
        by_target: dict[MatchOn, set[str]] = {"form": set(), "skeleton": set()}
        for phrase in items:
            target: MatchOn = "form" if phrase.startswith(EXACT) or _too_short(phrase) else match_on
            by_target[target].add(compile_phrase(phrase.removeprefix(EXACT), match_on=target))
        for target, alternatives in by_target.items():
            if alternatives:
                ordered = sorted(alternatives, key=lambda a: (-len(a), a))
                patterns.append((name, target, re.compile("|".join(ordered))))
    return Lexicon(language=language, patterns=tuple(patterns))


@cache
def load_lexicons() -> tuple[Lexicon, ...]:
    """Loads the packaged lexicons once."""
    folder = resources.files("triage.scoring") / "lexicons"
    lexicons = []
    for language in LEXICON_FILES:
        raw = json.loads((folder / f"{language}.json").read_text(encoding="utf-8"))
        lexicons.append(parse_lexicon(raw, language=language))
    return tuple(lexicons)
