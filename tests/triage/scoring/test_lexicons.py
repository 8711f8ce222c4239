"""The editable lexicons: every file loads, only uses known categories and lists a phrase once per category."""

import json
from importlib import resources

import pytest

from tests.triage.scoring.conftest import LEXICON_CATEGORIES
from triage.scoring.lexicon import LEXICON_FILES, Lexicon, Matchable, load_lexicons, parse_lexicon
from triage.scoring.normalise import tokenise


@pytest.mark.parametrize("language", LEXICON_FILES)
def test_categories_are_known(language: str) -> None:
    raw = json.loads((resources.files("triage.scoring") / "lexicons" / f"{language}.json").read_text("utf-8"))
    assert set(raw["phrases"]) <= LEXICON_CATEGORIES
    assert all(phrase.strip() for items in raw["phrases"].values() for phrase in items)
    assert all(len(set(items)) == len(items) for items in raw["phrases"].values())  # a repeat adds nothing


def test_all_lexicons_load() -> None:
    assert len(load_lexicons()) == len(LEXICON_FILES)


@pytest.mark.parametrize("lexicon", load_lexicons(), ids=lambda lexicon: lexicon.language)
def test_a_phrase_is_listed_once_as_it_is_matched(lexicon: Lexicon) -> None:
    # "أسمع صراخ طفل" and "اسمع صراخ طفل", or "kaymess fiha" and "kaymess fih" on skeletons, are one phrase once
    # normalised: the second adds nothing
    for phrases in lexicon.phrases.values():
        assert len(set(phrases)) == len(phrases), [p for p in phrases if phrases.count(p) > 1]


def test_a_phrase_must_start_with_a_word() -> None:
    with pytest.raises(ValueError, match="must start with a word"):
        parse_lexicon({"phrases": {"distress": [".. sad"]}}, language="xx")


def test_bad_match_on_is_refused() -> None:
    with pytest.raises(ValueError, match="match_on"):
        parse_lexicon({"match_on": "sound", "phrases": {}}, language="xx")


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("cet apres-midi", "cet après-midi il est venu"),
        ("aidez-moi", "aidez-moi"),
        ("vais-je mourir", "vais-je mourir ?"),
    ],
)
def test_a_hyphenated_phrase_matches_the_text_it_is_written_for(phrase: str, text: str) -> None:
    lexicon = parse_lexicon({"phrases": {"now": [phrase]}}, language="xx")
    hits = Matchable(tokenise(text)).find(lexicon)
    assert [h.name for h in hits] == ["now"]
