"""The custom NLU component: language entity, signals, and danger intents never lost to the fallback."""

from __future__ import annotations

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
    assert ("language", "darija_lat") in entities
    assert ("signal", "danger_now") in entities


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
