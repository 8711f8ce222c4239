"""Language detection, Arabizi normalisation and danger signals (bot.text), offline."""

from __future__ import annotations

import pytest

from bot.text import detect_language, detect_signals, explicit_language, normalise


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("bghit nhder m3a chi wa7ed", "darija_lat"),
        ("bba kaydrebni tous les jours", "darija_lat"),
        ("بغيت نهضر مع شي حد", "darija_ar"),
        ("أريد التحدث مع شخص من فضلك", "ar"),
        ("je veux parler à quelqu'un", "fr"),
        ("i want to talk to someone", "en"),
        ("ⴰⵣⵓⵍ", "tzm"),
        ("azul", "tzm"),
        ("12", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("français", "fr"),
        ("darija", "darija_lat"),
        ("بالعربية", "ar"),
        ("english", "en"),
        ("بالدارجة", "darija_ar"),
        ("ⵜⴰⵎⴰⵣⵉⵖⵜ", "tzm"),
        ("bonjour", None),
    ],
)
def test_explicit_language_switch(text, language):
    assert explicit_language(text) == language


def test_normalise_spelling_variants():
    assert normalise("Bzzzaaaf") == normalise("bzaf")
    assert normalise("Français") == "francais"
    assert normalise("أريد") == normalise("اريد")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("bba kaydrebni daba", "danger_now"),
        ("kidrabni dba", "danger_now"),
        ("ma mère me frappe maintenant", "danger_now"),
        ("bghit nmout", "suicide_risk"),
        ("kliit dwa bzaf", "suicide_risk"),
        ("j'ai avalé tous les comprimés", "suicide_risk"),
        ("I took all the pills", "suicide_risk"),
        ("بغيت نقتل راسي", "suicide_risk"),
        ("khoya kaysil dem bzaf", "medical_emergency"),
        ("he is unconscious", "medical_emergency"),
        ("khayfa nrje3 ldar", "danger_now"),
    ],
)
def test_live_danger(text, intent):
    assert detect_signals(text).danger_intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "my mum will kill me if I fail",
        "I don't want to die",
        "il ne me frappe plus",
        "ghadi yqtlni ila jabt nu9ta khayba",
        "bba kaydrebni tous les jours",
    ],
)
def test_negation_idioms_and_non_immediate_are_not_emergencies(text):
    assert detect_signals(text).danger_intent is None


def test_signal_codes_for_staff():
    codes = detect_signals("bba kaydrebni tous les jours, 3 snin hadi").codes
    assert "physical_abuse" in codes
    assert "ongoing" in codes
