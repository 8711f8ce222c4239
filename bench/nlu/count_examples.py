"""Training examples per intent per language (data/nlu), and the intents under a minimum.

data/nlu writes each intent's examples in language blocks, always in the order of BLOCK_ORDER (Darija in Latin
script, Darija in Arabic script, MSA, French, English, Tamazight), so the languages of one intent's examples are
found together: the best cut of the list into blocks in that order (Viterbi) given each example's evidence
(bot.text.language_scores, the script as a hard limit). An example too short to tell ("ok", "1", "شكرا") takes
the language of its block. Good enough to count, not to label: read --show when a figure looks odd, and add new
examples at the end of their language's block.

Usage (repo root, PYTHONPATH=.):  python bench/nlu/count_examples.py [--min 15] [--show INTENT]
Exits non-zero when an intent has fewer than --min examples in one of the main languages.
"""

from __future__ import annotations

import argparse
import glob
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from bot.text import LANGUAGES, language_scores

REPO = Path(__file__).resolve().parents[2]
MAIN_LANGUAGES = ("darija_ar", "darija_lat", "fr", "ar", "en")


def examples_by_intent() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(glob.glob(str(REPO / "data" / "nlu" / "*.yml"))):
        for block in yaml.safe_load(open(path, encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                lines = block["examples"].splitlines()
                found[block["intent"]] += [line.strip()[2:].strip() for line in lines if line.strip()]
    return found


BLOCK_ORDER = ("darija_lat", "darija_ar", "ar", "fr", "en", "tzm")
SWITCH_COST = 0.5
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
TIFINAGH = re.compile(r"[\u2D30-\u2D7F]")


def allowed(text: str) -> tuple[str, ...]:
    if TIFINAGH.search(text):
        return ("tzm",)
    arabic, latin = len(ARABIC.findall(text)), len(LATIN.findall(text))
    if arabic > latin:
        return ("darija_ar", "ar")
    if latin:
        return ("darija_lat", "fr", "en", "tzm")
    return LANGUAGES


def label(examples: list[str]) -> list[tuple[str, str]]:
    """Viterbi over languages in BLOCK_ORDER: evidence per example, SWITCH_COST per block, script as a hard limit."""
    if not examples:
        return []
    best: list[dict[str, float]] = []
    back: list[dict[str, str]] = []
    for i, text in enumerate(examples):
        scores = language_scores(text)
        row: dict[str, float] = {}
        pointers: dict[str, str] = {}
        for language in allowed(text):
            if i == 0:
                row[language], pointers[language] = float(scores[language]), language
                continue
            earlier = [p for p in best[-1] if BLOCK_ORDER.index(p) <= BLOCK_ORDER.index(language)]
            if not earlier:
                continue
            previous = max(earlier, key=lambda p, lang=language: best[-1][p] - SWITCH_COST * (p != lang))
            row[language] = best[-1][previous] - SWITCH_COST * (previous != language) + scores[language]
            pointers[language] = previous
        if not row:  # out of order: start a new run rather than fail
            row = {language: float(scores[language]) for language in allowed(text)}
            pointers = {language: max(best[-1], key=lambda p: best[-1][p]) for language in row}
        best.append(row)
        back.append(pointers)
    path = [max(best[-1], key=lambda lang: best[-1][lang])]
    for pointers in reversed(back[1:]):
        path.append(pointers[path[-1]])
    return list(zip(reversed(path), examples, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min", type=int, default=15)
    parser.add_argument("--show", default=None, help="list one intent's examples with their guessed language")
    args = parser.parse_args()
    intents = examples_by_intent()
    if args.show:
        for language, text in label(intents[args.show]):
            print(f"{language:<11} {text}")
        return 0
    columns = (*MAIN_LANGUAGES, "tzm")
    print(f"{'intent':<24}" + "".join(f"{c:>11}" for c in columns))
    short = []
    for intent in sorted(intents):
        counts: dict[str, int] = defaultdict(int)
        for language, _ in label(intents[intent]):
            counts[language] += 1
        print(f"{intent:<24}" + "".join(f"{counts[c]:>11}" for c in columns))
        short += [f"{intent}/{c}={counts[c]}" for c in MAIN_LANGUAGES if counts[c] < args.min]
    print(f"under {args.min}: " + (", ".join(short) if short else "none"))
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
