"""The conversation's language: an explicit choice sticks, short words never switch, a real change does.

action_extract_language runs after every user message (custom slot mapping of `language`); the tracker below
is a child who chose Darija ("darija 3afak") and then wrote something else.
"""

from __future__ import annotations

import json

import pytest
from rasa_sdk import Tracker

from actions.action_extract_language import ActionExtractLanguage
from conftest import HERE, run


def conversation(*texts: str, slots: dict[str, str | None] | None = None) -> Tracker:
    """The Darija-chosen tracker with `texts` as the user's next messages (the last one is the latest)."""
    with open(HERE / "trackers" / "language_chosen_darija.json", encoding="utf-8") as handle:
        state = json.load(handle)
    state["events"] = state["events"][:-1]
    for text in texts:
        parse = {"intent": {"name": "inform", "confidence": 0.9}, "entities": [], "text": text}
        state["events"] += [
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": parse},
        ]
    state["latest_message"] = {**state["events"][-1]["parse_data"]}
    state["slots"].update(slots or {})
    return Tracker.from_dict(state)


def switched_to(tracker: Tracker, domain) -> str | None:
    events, messages = run(ActionExtractLanguage(), tracker, domain)
    assert messages == []
    values = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return values.get("language")


@pytest.mark.parametrize(
    "answer", ["oui", "ok", "non", "merci", "Merci beaucoup", "1", "2", "3", "👍", "ok 👌", "yes", "no"]
)
def test_short_or_ambiguous_answers_never_switch_a_chosen_language(domain, answer):
    assert switched_to(conversation(answer), domain) is None


@pytest.mark.parametrize("answer", ["oui", "ok", "merci", "1", "🙏", "yes"])
def test_short_answers_never_switch_a_detected_language_either(domain, answer):
    tracker = conversation(answer, slots={"language": "darija_ar", "language_chosen": None})
    assert switched_to(tracker, domain) is None


def test_one_french_sentence_does_not_undo_a_choice_of_darija(domain):
    assert switched_to(conversation("je veux parler à quelqu'un de mon problème"), domain) is None


def test_two_french_sentences_in_a_row_are_a_real_change(domain):
    tracker = conversation("je veux parler à quelqu'un de mon problème", "mon père me crie dessus tous les jours")
    events, _ = run(ActionExtractLanguage(), tracker, domain)
    assert {e["name"]: e["value"] for e in events} == {"language": "fr", "language_chosen": None}


def test_french_then_darija_again_keeps_darija(domain):
    tracker = conversation("je veux parler à quelqu'un de mon problème", "bba kaydrebni koul nhar w ana khayfa")
    assert switched_to(tracker, domain) is None


def test_darija_with_french_words_stays_darija(domain):
    tracker = conversation("bba kaydrebni tous les jours", "w mama ma katgoul walo f dar")
    assert switched_to(tracker, domain) is None


def test_a_detected_language_follows_a_full_sentence_in_another_language(domain):
    tracker = conversation("i want to talk to someone about my family", slots={"language_chosen": None})
    assert switched_to(tracker, domain) == "en"


def test_the_first_message_sets_the_language_even_when_short(domain):
    tracker = conversation("Bonjour", slots={"language": None, "language_chosen": None})
    assert switched_to(tracker, domain) == "fr"


def test_an_ambiguous_first_message_leaves_the_language_open(domain):
    tracker = conversation("ok", slots={"language": None, "language_chosen": None})
    assert switched_to(tracker, domain) is None


def test_tifinagh_is_tamazight_at_once(domain):
    assert switched_to(conversation("ⴰⵣⵓⵍ"), domain) == "tzm"


def test_button_payloads_are_left_alone(domain):
    assert switched_to(conversation('/rate{"feedback_score":"3"}'), domain) is None
