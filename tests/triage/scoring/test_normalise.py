"""Spelling normalisation: variants people really write must meet."""

import pytest

from triage.scoring.normalise import normalise_word, skeleton, tokenise, transliterate_tifinagh

VARIANTS = [
    ("kaydrebni", "kidrabni"),
    ("kaydrebni", "kaydarbni"),
    ("kaydrebni", "kayderbni"),
    ("daba", "dba"),
    ("7it", "hit"),
    ("9tel", "qtel"),
    ("3lach", "alach"),
    ("chkoun", "shkun"),
    ("khoya", "5oya"),
    ("ghadi", "ghaadi"),
    ("mzyan", "mzyaan"),
    ("bzzaf", "bzaf"),
    ("riɣ", "righ"),
    ("mmteɣ", "mmtegh"),
]

DIFFERENT = [
    ("shouting", "cutting"),  # sh is ش, a lone c is a k sound
    ("chop", "cop"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS, ids=lambda v: str(v))
def test_darija_spellings_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(normalise_word(a)) == skeleton(normalise_word(b))


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("Médicaments", "medikaments"),
        ("ÉCOLE", "ekole"),
        ("riɣ", "rig"),
        ("ɛmmi", "ami"),
        ("don't", "dont"),
        ("أريد", "اريد"),
        ("مدرسة", "مدرسه"),
        ("كَيْضْرَبْنِي", "كيضربني"),
    ],
)
def test_forms(word: str, form: str) -> None:
    assert normalise_word(word) == form


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=lambda v: str(v))
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert normalise_word(a) != normalise_word(b)


def test_numbers_stay_numbers() -> None:
    assert [t.form for t in tokenise("hadi 3 snin")] == ["hadi", "3", "snin"]


def test_tifinagh_reads_as_latin() -> None:
    assert transliterate_tifinagh("ⴰⵣⵓⵍ") == "azul"


def test_tokens_keep_their_span() -> None:
    text = "Bba kaydrebni 💊"
    assert [text[t.start : t.end] for t in tokenise(text)] == ["Bba", "kaydrebni", "💊"]
