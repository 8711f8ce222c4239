"""The custom NLU component: language entity, signals, and danger intents never lost to the fallback."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.components import LanguageSignalExtractor


def _parse(text: str, intent: str, confidence: float, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    LanguageSignalExtractor({}).process([message])
    return message


def test_lexicon_danger_overrides_a_fallback():
    message = _parse(
        "kidrebni daba w ana bou7di",
        "nlu_fallback",
        0.45,
        [("nlu_fallback", 0.45), ("danger_now", 0.33), ("i_am_adult", 0.31)],
    )
    assert message.get("intent") == {"name": "danger_now", "confidence": 1.0}
    entities = {(e["entity"], e["value"]) for e in message.get("entities")}
    assert ("signal", "danger_now") in entities
    assert "language" not in {e["entity"] for e in message.get("entities")}, "detection is not a choice"


def test_top_ranked_danger_intent_is_restored_from_fallback():
    message = _parse(
        "it is happening again and i am scared",
        "nlu_fallback",
        0.45,
        [("nlu_fallback", 0.45), ("suicide_risk", 0.4), ("topic_sadness", 0.35)],
    )
    assert message.get("intent")["name"] == "suicide_risk"


def test_other_fallbacks_stay_fallbacks():
    message = _parse("purple monkey", "nlu_fallback", 0.45, [("nlu_fallback", 0.45), ("greet", 0.3)])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_idiom_is_not_forced_to_danger():
    message = _parse("my mum will kill me if I fail", "topic_school", 0.8, [("topic_school", 0.8)])
    assert message.get("intent")["name"] == "topic_school"
    assert ("signal", "hypothetical") in {(e["entity"], e["value"]) for e in message.get("entities")}


def test_button_payloads_are_left_alone():
    message = _parse('/choose_language{"language":"fr"}', "choose_language", 1.0, [("choose_language", 1.0)])
    assert message.get("intent")["name"] == "choose_language"
    assert not message.get("entities")


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [
        ("je ne suis pas en danger", [("danger_now", 0.6), ("topic_helpline_info", 0.2)], "topic_helpline_info"),
        ("he doesn't hit me anymore", [("danger_now", 0.5), ("topic_violence_home", 0.3)], "topic_violence_home"),
        ("this exam is killing me", [("danger_now", 0.55), ("topic_school", 0.25)], "topic_school"),
        ("ma bghitch nmout, ghir 3yit", [("suicide_risk", 0.9), ("topic_sadness", 0.05)], "topic_sadness"),
        ("واش ممكن نسول ماشي فخطر", [("danger_now", 0.7)], "nlu_fallback"),
    ],
)
def test_words_against_danger_give_the_best_other_reading(text, ranking, expected):
    message = _parse(text, ranking[0][0], ranking[0][1], ranking)
    assert message.get("intent")["name"] == expected


def test_a_doubtful_danger_below_the_threshold_is_not_restored():
    message = _parse(
        "il ne me frappe plus",
        "nlu_fallback",
        0.45,
        [("nlu_fallback", 0.45), ("danger_now", 0.3), ("topic_violence_home", 0.28)],
    )
    assert message.get("intent")["name"] == "nlu_fallback"


def test_live_danger_words_win_over_words_against_danger():
    message = _parse(
        "je ne suis pas en danger mais j'ai avalé tous les comprimés",
        "topic_sadness",
        0.7,
        [("topic_sadness", 0.7), ("suicide_risk", 0.2)],
    )
    assert message.get("intent")["name"] == "suicide_risk"


@pytest.mark.parametrize(
    ("text", "intent", "language"),
    [
        ("français", "nlu_fallback", "fr"),
        ("b darija 3afak", "inform", "darija_lat"),
        ("can we speak in english from now on please", "choose_language", "en"),
        ("بالعربية", "choose_language", "ar"),
        ("my english teacher hits me in class", "topic_school", None),
        ("oui", "affirm", None),
    ],
)
def test_only_a_named_language_is_a_choice(text, intent, language):
    message = _parse(text, intent, 0.9, [(intent, 0.9)])
    found = [e["value"] for e in message.get("entities") if e["entity"] == "language"]
    assert found == ([language] if language else [])
