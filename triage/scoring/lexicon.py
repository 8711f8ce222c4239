"""Loads the editable per-language lexicons and finds their phrases in tokenised text.

A phrase is a sequence of words; `*` inside a word matches any letters, `..` skips up to three words, and a
leading `=` makes a skeleton lexicon compare this phrase on full forms. Matching merges the phrases of every
lexicon into one trie of words per token field (form or skeleton) and walks each field's tokens through it once,
which keeps tens of thousands of phrases fast.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
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
ARABIC_PRESENT = ("ي", "ت", "ن")
"""The letters a verb in the present starts with (he, she or you, we), after which "س" makes it the future."""
ARABIC_FUTURE = "س"
ARABIC_PREPOSITIONS = ("ب", "ل", "ف")
"""Written joined to the next word: "لاغتصاب" (to rape), "بالحبوب" (with the pills), "فالبيت" (in the room)."""
ARABIC_ARTICLED = ("بال", "فال", "لل")
"""The prepositions with the article; "ل" before it drops the article's alif: "للاغتصاب"."""
MIN_ARTICLE_STEM = 3
MIN_PREPOSITION_STEM = 4
"""A preposition joins only longer words: "ف" + "تاه" (got lost) would read "فتاة" (a girl)."""
KNOWN_TOKENS = 65536
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


@dataclass(frozen=True, eq=False, slots=True)
class Lexicon:
    """The compiled phrases of one language, by the token field they are compared on, in the file's order."""

    language: str
    phrases: dict[MatchOn, tuple[Phrase, ...]]


End = tuple[int, int, str]
"""A phrase ending at a trie node: its lexicon's place among those matched, its rank there, its category."""
Found = tuple[int, int, int, str, int]
"""A phrase found: its lexicon's place, its first token, its rank, its category, its last token."""


@dataclass(eq=False, slots=True)
class Node:
    """One step of a phrase trie: where each next word leads, and the phrases that end here."""

    children: dict[Word, Node] = field(default_factory=dict)
    ends: list[End] = field(default_factory=list)
    exact: dict[str, tuple[Node, ...]] = field(default_factory=dict)
    patterns: tuple[tuple[re.Pattern[str], Node], ...] = ()
    gap: Node | None = None

    def add(self, phrase: Phrase, end: End) -> None:
        """Adds a phrase below this node."""
        node = self
        for word in phrase.words:
            node = node.children.setdefault(word, Node())
        node.ends.append(end)

    def seal(self) -> None:
        """Derives, here and below, the lookups matching uses: children by token, by pattern and past a gap."""
        exact: dict[str, list[Node]] = defaultdict(list)
        patterns = []
        for word, child in self.children.items():
            child.seal()
            if word is None:
                self.gap = child
            elif isinstance(word, str):
                exact[word].append(child)
            elif isinstance(word, frozenset):
                for key in word:
                    exact[key].append(child)
            else:
                patterns.append((word, child))
        self.exact = {key: tuple(nodes) for key, nodes in exact.items()}
        self.patterns = tuple(patterns)
        self.children = {}


@dataclass(frozen=True, slots=True)
class Trie:
    """The phrases of several lexicons compared on one token field, merged into one trie of their words."""

    match_on: MatchOn
    root: Node
    pattern_first: re.Pattern[str] | None
    """Any first word written with a wildcard, so that most tokens skip trying those one by one."""
    known: dict[str, tuple[Node, ...]] = field(default_factory=dict, compare=False)
    """The first nodes of tokens already met (words recur from message to message), up to KNOWN_TOKENS."""

    def firsts(self, token: str) -> tuple[Node, ...]:
        """Returns the nodes a phrase's first word leads to from a token, and keeps them in `known`."""
        firsts = self.root.exact.get(token, ())
        if self.pattern_first is not None and self.pattern_first.fullmatch(token):
            firsts += tuple(child for pattern, child in self.root.patterns if pattern.fullmatch(token))
        if len(self.known) >= KNOWN_TOKENS:
            self.known.clear()
        self.known[token] = firsts
        return firsts

    def find(self, tokens: list[str]) -> list[Found]:
        """Returns every phrase found starting at each token (see `Found`)."""
        found = []
        known = self.known
        for start, token in enumerate(tokens):
            firsts = known.get(token)
            if firsts is None:
                firsts = self.firsts(token)
            if not firsts:
                continue
            arrivals: dict[Node, int] = {}
            for node in firsts:
                _walk(node, tokens, start + 1, arrivals)
            found += [
                (lexicon, start, rank, name, last)
                for node, last in arrivals.items()
                for lexicon, rank, name in node.ends
            ]
        return found


def _walk(node: Node, tokens: list[str], position: int, arrivals: dict[Node, int]) -> None:
    """Follows the trie from a node at a token position, noting the last token covered at each node where phrases
    end; a gap tries skipping 0 to GAP_WORDS tokens, fewest first, and a node keeps its first arrival, as matching
    each phrase on its own would."""
    if node.ends and node not in arrivals:
        arrivals[node] = position - 1
    if position < len(tokens):
        token = tokens[position]
        for child in node.exact.get(token, ()):
            _walk(child, tokens, position + 1, arrivals)
        for pattern, child in node.patterns:
            if pattern.fullmatch(token):
                _walk(child, tokens, position + 1, arrivals)
    if node.gap is not None:
        for skip in range(GAP_WORDS + 1):
            _walk(node.gap, tokens, position + skip, arrivals)


class Matcher:
    """Finds the phrases of several lexicons in one pass over each token field."""

    def __init__(self, lexicons: tuple[Lexicon, ...]) -> None:
        self.tries = tuple(_trie(lexicons, match_on=m) for m in ("form", "skeleton"))

    def find(self, matchable: Matchable) -> list[Hit]:
        """Returns every phrase found, lexicon by lexicon in their order, then by first token, then in the order
        of each category's first phrase in the lexicon."""
        found = []
        for trie in self.tries:
            found += trie.find(matchable.fields[trie.match_on])
        found.sort(key=itemgetter(0, 1, 2))
        longest: dict[tuple[int, int, str], int] = {}  # a category is listed where its first phrase sorts
        for lexicon, first, _, name, last in found:
            key = (lexicon, first, name)
            if last > longest.get(key, -1):
                longest[key] = last
        return [Hit(name, first, last) for (_, first, name), last in longest.items()]


def _trie(lexicons: tuple[Lexicon, ...], *, match_on: MatchOn) -> Trie:
    """Merges the phrases of lexicons compared on one field into a trie. A phrase's rank is its place in its
    lexicon's list, after every phrase starting with a plain word when it starts with a pattern; its lexicon's
    place counts the field: the form phrases of a lexicon come before its skeleton phrases."""
    root = Node()
    patterns = set()
    for place, lexicon in enumerate(lexicons):
        phrases = lexicon.phrases.get(match_on, ())
        for rank, phrase in enumerate(phrases):
            first = phrase.words[0]
            if isinstance(first, re.Pattern):
                patterns.add(first.pattern)
                rank += len(phrases)
            root.add(phrase, (2 * place + (match_on == "skeleton"), rank, phrase.name))
    root.seal()
    pattern_first = re.compile("|".join(f"(?:{p})" for p in sorted(patterns))) if patterns else None
    return Trie(match_on, root, pattern_first)


@lru_cache(maxsize=8)
def matcher_of(lexicons: tuple[Lexicon, ...]) -> Matcher:
    """Returns the matcher of some lexicons, built once (the packaged ones, used for every text, stay cached)."""
    return Matcher(lexicons)


class Matchable:
    """The forms and skeletons of a text's tokens, ready for every lexicon."""

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        self.fields = {"form": [t.form for t in tokens], "skeleton": [t.skeleton for t in tokens]}

    def find(self, lexicon: Lexicon) -> list[Hit]:
        """Returns every phrase of the lexicon found in the tokens."""
        return matcher_of((lexicon,)).find(self)


def _normalise_part(part: str, *, match_on: MatchOn) -> str:
    """Normalises one fragment of a lexicon word the way text tokens are normalised."""
    if not part:
        return ""
    form = normalise_word(part)
    return skeleton(form) if match_on == "skeleton" else form


def _arabic_forms(word: str) -> frozenset[str]:
    """Returns an Arabic word with the clitics written before it: "و" (and), the prepositions "ب", "ل", "ف" and, for a
    word of three letters or more without it, the article "ال" ("دري صغير" also matches "الدري صغير", "لاغتصاب" and
    "للاغتصاب" match "اغتصاب") or, for a verb in the present, the
    future "س" ("يأتي إلى غرفتي" also matches "سيأتي إلى غرفتي الليلة": what he will do tonight)."""
    forms = {word}
    if word.startswith(ARABIC_ARTICLE):
        forms |= {prefix + word.removeprefix(ARABIC_ARTICLE) for prefix in ARABIC_ARTICLED}
    elif len(word) >= MIN_ARTICLE_STEM:
        forms |= {prefix + word for prefix in (ARABIC_ARTICLE, *ARABIC_ARTICLED)}
        if len(word) >= MIN_PREPOSITION_STEM:
            forms |= {p + word for p in ARABIC_PREPOSITIONS}
    if word.startswith(ARABIC_PRESENT) and len(word) >= MIN_ARTICLE_STEM:
        forms.add(ARABIC_FUTURE + word)
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
    return Lexicon(language=language, phrases={m: tuple(p) for m, p in compiled.items() if p})


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
