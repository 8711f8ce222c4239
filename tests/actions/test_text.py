"""Language detection, Arabizi normalisation and danger signals (bot.text), offline."""

from __future__ import annotations

import pytest

from bot.text import detect_language, detect_signals, explicit_language, next_language, normalise, sentence_language


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
        ("الدراري كيتمسخرو عليا فالمدرسة", "darija_ar"),
        ("ما عرفتش شنو ندير", "darija_ar"),
        ("التلاميذ يسخرون مني في المدرسة", "ar"),
        ("سأخبر أمي غدا", "ar"),
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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("oui", None),
        ("ok merci", None),
        ("merci beaucoup", None),
        ("1", None),
        ("👍👍", None),
        ("je veux parler à quelqu'un", "fr"),
        ("bghit nhder m3a chi wa7ed", "darija_lat"),
        ("ⴰⵣⵓⵍ", "tzm"),
    ],
)
def test_only_full_sentences_tell_a_language(text, language):
    assert sentence_language(text) == language


@pytest.mark.parametrize(
    ("current", "chosen", "previous", "text", "expected"),
    [
        (None, None, None, "salam", "darija_lat"),
        (None, None, None, "oui", None),
        ("darija_lat", "darija_lat", "darija", "oui", None),
        ("darija_lat", "darija_lat", "darija", "ok", None),
        ("darija_lat", None, "salam", "oui", None),
        ("darija_lat", "darija_lat", "darija", "je veux parler à quelqu'un", None),
        ("darija_lat", "darija_lat", "je veux parler à quelqu'un", "mon père me frappe tous les jours", "fr"),
        ("darija_lat", None, "salam", "je veux parler à quelqu'un", "fr"),
        ("fr", None, "bonjour", "bba kaydrebni tous les jours", "darija_lat"),
        ("fr", "fr", "bonjour", "ⴰⵣⵓⵍ", "tzm"),
    ],
)
def test_next_language(current, chosen, previous, text, expected):
    assert next_language(current=current, chosen=chosen, text=text, previous_text=previous) == expected


@pytest.mark.parametrize(
    "text",
    [
        "bba ma b9ach kaydrebni",
        "bba ma kaydrebnich",
        "بابا ما كيضربنيش",
        "my dad used to hit me when i was little",
        "il y a deux ans mon oncle me frappait",
        "this exam is killing me",
        "les maths me tuent",
        "had lwajib ghadi y9telni",
        "ma mère va me tuer si je rate",
        "what should i do if a friend says she wants to die",
        "ila chi wa7ed bgha ynta7er chno ndir",
        "je ne veux pas mourir, je suis juste fatiguée",
        "ma bghitch nmout, ghir 3yit",
        "i'm not in danger, just a question",
        "ma kaynch chi khatar, ghir bghit nfhem",
        "لست في خطر، عندي سؤال",
        "تعرضت للضرب عندما كنت صغيرا لكنني بخير الآن",
        "mt bl3ya lyoum",
        "in the game they kill me all the time",
        "فاللعبة كيقتلوني ديما",
    ],
)
def test_words_against_danger_are_seen(text):
    signals = detect_signals(text)
    assert signals.danger_intent is None
    assert signals.doubts_danger


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ma bghitch n3ich, bghit nmout lyoum", "suicide_risk"),
        ("ma mère ne sait pas, il me frappe maintenant", "danger_now"),
        ("my friend took all her mum's pills, what do i do", "suicide_risk"),
        ("i can't breathe", "medical_emergency"),
        ("أبي يضربني بقوة الآن", "danger_now"),
        ("je ne suis pas en danger mais j'ai avalé tous les comprimés", "suicide_risk"),
        ("mli kont sghira kan kaydrebni w daba 3awd bda kaydrebni daba", "danger_now"),
        ("sedo 3liya f lbit w ma khlawnich nkhrej", "danger_now"),
        ("i'm not safe at home tonight", "danger_now"),
        ("j'ai coupé trop profond et ça ne s'arrête pas de saigner", "medical_emergency"),
        ("الدم ما بغاش يحبس", "medical_emergency"),
        ("بغيت ننتحر", "suicide_risk"),
    ],
)
def test_live_danger_survives_negations_elsewhere_in_the_message(text, intent):
    assert detect_signals(text).danger_intent == intent


@pytest.mark.parametrize("text", ["i don't want to live anymore", "je ne veux plus vivre", "ما بقيتش باغي نعيش"])
def test_a_wish_not_to_live_never_counts_against_danger(text):
    signals = detect_signals(text)
    assert "passive_ideation" in signals.codes
    assert not signals.doubts_danger


@pytest.mark.parametrize(
    "text",
    ["ma kaydrebnich walakin kaykhne9ni daba", "he doesn't hit me anymore but tonight he said he would"],
)
def test_a_negation_or_the_past_does_not_argue_against_danger_told_now(text):
    assert not detect_signals(text).doubts_danger


def test_darija_if_in_arabic_script_about_someone_else_is_a_hypothetical():
    assert detect_signals("الا شي صاحبي بغا ينتحر شنو ندير").doubts_danger


@pytest.mark.parametrize(
    "text",
    [
        "a man grabbed me and is pulling me into a car",
        "khtfouni w ana f dar ma n3rfhach",
        "il m'étrangle",
        "la maison est en feu",
        "bba sker w kaydreb lbab daba",
        "my uncle raped me today",
        "a man raped me an hour ago",
        "واحد اغتاصبني هادي ساعة",
        "khti sghira tlfat f lil",
        "hhh bba kaydrebni daba",
        "ههه كيضربني دابا",
    ],
)
def test_immediate_danger_of_every_kind_in_the_domain_list(text):
    assert detect_signals(text).danger_intent == "danger_now"


@pytest.mark.parametrize(
    "text",
    [
        "i lost my phone last night",
        "il y a deux ans un homme m'a enlevée",
        "he raped me last year",
        "je suis soulagée maintenant",
        "je lis un livre maintenant",
        "my dad gets drunk every weekend",
    ],
)
def test_the_same_words_without_immediate_danger(text):
    assert detect_signals(text).danger_intent is None
