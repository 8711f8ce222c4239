"""Loads the editable per-language lexicons and finds their phrases in tokenised text.

A phrase is a sequence of words; `*` inside a word matches any letters, `..` skips up to three words, and a
leading `=` makes a skeleton lexicon compare this phrase on full forms. Matching walks the tokens with a
dictionary of first words, which keeps thousands of phrases fast.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from triage.scoring.normalise import Token, char_script, normalise_word, skeleton

LEXICON_FILES = ("en", "fr", "ar", "darija_ar", "darija_lat", "tzm")
GAP = ".."
HYPHEN = "-"
GAP_WORDS = 3
EXACT = "="
MIN_SKELETON = 3
ARABIC_CONJUNCTION = "و"
ARABIC_ARTICLE = "ال"
MIN_ARTICLE_STEM = 3
MatchOn = Literal["form", "skeleton"]
Word = str | frozenset[str] | re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found in the text: its category and the tokens it covers."""

    name: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Phrase:
    """One compiled phrase: its category and word matchers (None is a gap)."""

    name: str
    words: tuple[Word, ...]


@dataclass(frozen=True, slots=True)
class Index:
    """Phrases of one lexicon compared on one token field, indexed by their first word."""

    match_on: MatchOn
    by_first: dict[str, tuple[Phrase, ...]]
    wildcard_first: tuple[Phrase, ...]
    wildcard_any: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled phrases of one language."""

    language: str
    indexes: tuple[Index, ...]


def _word_matches(word: Word, token: str) -> bool:
    """Tells whether one phrase word matches one token."""
    if isinstance(word, str):
        return token == word
    if isinstance(word, frozenset):
        return token in word
    return word is not None and word.fullmatch(token) is not None


def _match_rest(words: tuple[Word, ...], tokens: list[str], position: int) -> int | None:
    """Returns the index of the last token matched by the remaining words, or None."""
    if not words:
        return position - 1
    word, rest = words[0], words[1:]
    if word is None:
        for skip in range(GAP_WORDS + 1):
            end = _match_rest(rest, tokens, position + skip)
            if end is not None:
                return end
        return None
    if position < len(tokens) and _word_matches(word, tokens[position]):
        return _match_rest(rest, tokens, position + 1)
    return None


def find_in(index: Index, tokens: list[str]) -> list[Hit]:
    """Returns the longest phrase of each category starting at each token."""
    hits = []
    for start, token in enumerate(tokens):
        candidates = list(index.by_first.get(token, ()))
        if index.wildcard_any is not None and index.wildcard_any.fullmatch(token):
            candidates += [p for p in index.wildcard_first if _word_matches(p.words[0], token)]
        longest: dict[str, int] = {}
        for phrase in candidates:
            end = _match_rest(phrase.words[1:], tokens, start + 1)
            if end is not None and end > longest.get(phrase.name, -1):
                longest[phrase.name] = end
        hits += [Hit(name, start, end) for name, end in longest.items()]
    return hits


class Matchable:
    """The forms and skeletons of a text's tokens, ready for every lexicon."""

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.fields = {"form": [t.form for t in tokens], "skeleton": [t.skeleton for t in tokens]}

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Returns every phrase of the lexicon found in the tokens."""
        hits = []
        for index in lexicon.indexes:
            hits += find_in(index, self.fields[index.match_on])
        return hits


def _normalise_part(part: str, *, match_on: MatchOn) -> str:
    """Normalises one fragment of a lexicon word the way text tokens are normalised."""
    if not part:
        return ""
    form = normalise_word(part)
    return skeleton(form) if match_on == "skeleton" else form


def _arabic_forms(word: str) -> frozenset[str]:
    """Returns an Arabic word with the clitics written before it: "و" (and) and, for a word of three letters or
    more without it, the article "ال" ("دري صغير" also matches "الدري صغير")."""
    forms = {word}
    if not word.startswith(ARABIC_ARTICLE) and len(word) >= MIN_ARTICLE_STEM:
        forms.add(ARABIC_ARTICLE + word)
    return frozenset(forms | {ARABIC_CONJUNCTION + form for form in forms})


def compile_word(word: str, *, match_on: MatchOn) -> Word:
    """Turns one lexicon word into an exact string or, with wildcards or Arabic clitics, a set or a pattern."""
    if word == GAP:
        return None
    parts = [_normalise_part(p, match_on=match_on) for p in word.split("*")]
    arabic = bool(parts[0]) and char_script(parts[0][0]) == "arabic"
    if len(parts) == 1:
        return _arabic_forms(parts[0]) if arabic else parts[0]
    prefix = f"{ARABIC_CONJUNCTION}?(?:{ARABIC_ARTICLE})?" if arabic else ""
    return re.compile(prefix + ".*".join(re.escape(p) for p in parts))


def _too_short(phrase: str) -> bool:
    """Tells whether a one-word phrase has a skeleton too short to match safely (dima and dem are both dm)."""
    words = phrase.split()
    return len(words) == 1 and "*" not in phrase and len(skeleton(normalise_word(phrase))) < MIN_SKELETON


def build_index(phrases: list[Phrase], *, match_on: MatchOn) -> Index:
    """Indexes phrases by their first word; phrases starting with a pattern are tried on every token."""
    by_first: dict[str, list[Phrase]] = defaultdict(list)
    wildcard_first = []
    for phrase in phrases:
        first = phrase.words[0]
        if isinstance(first, str):
            by_first[first].append(phrase)
        elif isinstance(first, frozenset):
            for key in first:
                by_first[key].append(phrase)
        else:
            wildcard_first.append(phrase)
    patterns = sorted({p.words[0].pattern for p in wildcard_first if isinstance(p.words[0], re.Pattern)})
    wildcard_any = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    return Index(match_on, {k: tuple(v) for k, v in by_first.items()}, tuple(wildcard_first), wildcard_any)


def parse_lexicon(raw: dict[str, object], *, language: str) -> Lexicon:
    """Compiles a lexicon from its JSON form."""
    match_on = raw.get("match_on", "form")
    if match_on not in ("form", "skeleton"):
        raise ValueError(f"{language}: match_on must be form or skeleton")
    phrases = raw.get("phrases")
    if not isinstance(phrases, dict):
        raise ValueError(f"{language}: phrases must be an object of lists")
    compiled: dict[MatchOn, list[Phrase]] = {"form": [], "skeleton": []}
    for name, items in phrases.items():
        if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
            raise ValueError(f"{language}: {name} must be a list of phrases")
        for text in items:
            target: MatchOn = "form" if text.startswith(EXACT) or _too_short(text) else match_on
            spaced = text.removeprefix(EXACT).replace(HYPHEN, f" {HYPHEN} ")  # text splits "après-midi" in three
            words = tuple(compile_word(w, match_on=target) for w in spaced.split())
            if not words or words[0] is None:
                raise ValueError(f"{language}: {name}: phrase {text!r} must start with a word")
            compiled[target].append(Phrase(name, words))
    indexes = tuple(build_index(p, match_on=m) for m, p in compiled.items() if p)
    return Lexicon(language=language, indexes=indexes)


@cache
def number_words() -> dict[str, int]:
    """Returns the number words of every lexicon ("four", "quatre", "أربع", "rb3a") by normalised form."""
    folder = resources.files("triage.scoring") / "lexicons"
    words: dict[str, int] = {}
    for language in LEXICON_FILES:
        raw = json.loads((folder / f"{language}.json").read_text(encoding="utf-8"))
        for value, items in raw.get("numbers", {}).items():
            words.update({normalise_word(word): int(value) for word in items})
    return words


@cache
def load_lexicons() -> tuple[Lexicon, ...]:
    """Loads the packaged lexicons once."""
    folder = resources.files("triage.scoring") / "lexicons"
    lexicons = []
    for language in LEXICON_FILES:
        raw = json.loads((folder / f"{language}.json").read_text(encoding="utf-8"))
        lexicons.append(parse_lexicon(raw, language=language))
    return tuple(lexicons)
