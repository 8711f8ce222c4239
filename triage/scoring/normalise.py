"""Tokenising, script detection and spelling normalisation (Arabizi, accents, Arabic letter forms)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from triage.scoring.types import Script

MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
WORD = rf"(?:[^\W_]|[{MARKS}])+"
TOKEN = re.compile(rf"{WORD}(?:'{WORD})?|[^\w\s{MARKS}]")
ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "گ": "ك",
        "ڭ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "ی": "ي",
        "ک": "ك",
    }
)
ARABIZI_DIGITS = str.maketrans({"2": "a", "3": "a", "5": "x", "7": "h", "8": "h", "9": "q"})
TIFINAGH = dict(
    zip(
        "ⴰⴱⴳⴷⴹⴻⴼⴽⵀⵃⵄⵅⵇⵉⵊⵍⵎⵏⵓⵔⵕⵖⵙⵚⵛⵜⵟⵡⵢⵣⵥⵯ",
        [
            "a",
            "b",
            "g",
            "d",
            "d",
            "e",
            "f",
            "k",
            "h",
            "h",
            "a",
            "x",
            "q",
            "i",
            "j",
            "l",
            "m",
            "n",
            "u",
            "r",
            "r",
            "gh",
            "s",
            "s",
            "ch",
            "t",
            "t",
            "w",
            "y",
            "z",
            "z",
            "w",
        ],
        strict=True,
    )
)
LATIN_EXTRA = str.maketrans({"ɣ": "gh", "ɛ": "a", "ə": "e", "ʷ": ""})
"""Letters of Tamazight and Arabizi Latin spelling that have no accent to strip (riɣ = righ)."""
SHIN = "\x00"
DIGRAPHS = (
    ("sh", SHIN),
    ("ch", SHIN),
    ("ck", "k"),
    ("c", "k"),
    (SHIN, "c"),
    ("kh", "x"),
    ("gh", "g"),
    ("ou", "u"),
    ("oo", "u"),
    ("ph", "f"),
)
"""`ch` and `sh` (ش) become `c`; a lone `c` is a k sound, so that "shouting" and "cutting" do not meet."""
VOWELS = re.compile(r"(?<=.)[aeiouy]")
DOUBLES = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or symbol of the original text with its position and normalised forms."""

    start: int
    end: int
    form: str
    skeleton: str


@lru_cache(maxsize=4096)
def char_script(ch: str) -> str | None:
    """Returns the script of one letter, or None for digits, symbols and emoji."""
    code = ord(ch)
    if 0x2D30 <= code <= 0x2D7F:
        return "tifinagh"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic" if ch.isalpha() else None
    if ch.isalpha() and code < 0x02B0:
        return "latin"
    return None


def detect_script(text: str) -> Script:
    """Returns the dominant script, or mixed when two scripts each carry a fifth of the letters."""
    counts = {"latin": 0, "arabic": 0, "tifinagh": 0}
    for ch, n in Counter(text).items():
        script = char_script(ch)
        if script:
            counts[script] += n
    total = sum(counts.values())
    if total == 0:
        return "latin"
    present = [s for s, n in counts.items() if n / total >= 0.2]
    if len(present) > 1:
        return "mixed"
    best = max(counts, key=lambda s: counts[s])
    return "tifinagh" if best == "tifinagh" else "arabic" if best == "arabic" else "latin"


def strip_accents(text: str) -> str:
    """Removes Latin accents: é → e, ç → c."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_arabic(word: str) -> str:
    """Removes diacritics and tatweel and unifies alef, ya, ta marbuta and hamza seats."""
    return ARABIC_DIACRITICS.sub("", word).translate(ARABIC_LETTERS)


def normalise_latin(word: str) -> str:
    """Lower-cases, strips accents, reads Arabizi digits, unifies digraphs and collapses doubled letters."""
    word = strip_accents(word.lower().translate(LATIN_EXTRA)).replace("'", "")
    if any(ch.isalpha() for ch in word):
        word = word.translate(ARABIZI_DIGITS)
    for digraph, letter in DIGRAPHS:
        word = word.replace(digraph, letter)
    return DOUBLES.sub(r"\1", word)


def transliterate_tifinagh(word: str) -> str:
    """Writes a Tifinagh word in Latin letters."""
    return "".join(TIFINAGH.get(ch, ch) for ch in word)


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """Returns the comparable form of one word in any script."""
    if any(0x2D30 <= ord(ch) <= 0x2D7F for ch in word):
        return normalise_latin(transliterate_tifinagh(word))
    if any(char_script(ch) == "arabic" for ch in word):
        return normalise_arabic(word)
    if word.isdigit() or not any(ch.isalnum() for ch in word):
        return word
    return normalise_latin(word)


@lru_cache(maxsize=65536)
def skeleton(form: str) -> str:
    """Drops inner vowels of a Latin form so that kaydrebni, kidrabni and kaydarbni meet."""
    if not form.isascii() or not form.isalpha():
        return form
    return DOUBLES.sub(r"\1", VOWELS.sub("", form))


def tokenise(text: str) -> tuple[Token, ...]:
    """Splits text into tokens carrying their span, normalised form and consonant skeleton."""
    tokens = []
    for match in TOKEN.finditer(text.replace("\u2019", "'")):
        form = normalise_word(match.group())
        tokens.append(Token(match.start(), match.end(), form, skeleton(form)))
    return tuple(tokens)
