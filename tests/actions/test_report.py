"""The report form: validation of answers and submission to triage."""

from __future__ import annotations

import pytest

from actions.action_submit_report import ActionSubmitReport
from actions.validate_report_form import ValidateReportForm
from conftest import load_tracker, queued, responses, run

FULL = {
    "report_what": "Le voisin frappe sa fille tous les soirs",
    "report_danger_now": "no",
    "report_perpetrator_access": "yes",
    "report_harm": "physical",
    "report_age": "9",
    "report_gender": "girl",
    "report_region": "Casablanca-Settat",
    "report_city": "Casa",
    "report_when": "today",
    "report_ongoing": "yes",
    "report_relation": "neighbour",
    "report_contact_back": "yes",
    "report_contact_how": "this_chat",
    "report_anonymous": "yes",
    "requested_slot": None,
}


def _validate(domain, requested: str, text: str, intent: str = "inform", entities=None, slots=None):
    tracker = load_tracker(
        "report_form",
        text=text,
        intent=intent,
        entities=entities or [],
        slots={"requested_slot": requested, requested: text, **(slots or {})},
    )
    # As after Rasa's slot extraction: the form validates the slots set since the latest user message.
    tracker.events.append({"event": "slot", "timestamp": None, "name": requested, "value": text})
    events, messages = run(ValidateReportForm(), tracker, domain)
    values = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return values, messages


@pytest.mark.parametrize(
    ("text", "expected"),
    [("elle a 9 ans", "9"), ("3ndha 7 snin", "7"), ("١٢", "12"), ("quatorze", "14"), ("twelve", "12")],
)
def test_age_in_any_language(domain, text, expected):
    values, messages = _validate(domain, "report_age", text)
    assert values["report_age"] == expected
    assert messages == []


def test_unclear_age_is_asked_again(domain):
    values, messages = _validate(domain, "report_age", "grande")
    assert values["report_age"] is None
    assert responses(messages) == ["utter_reprompt_age"]


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [("dont_know", "je sais pas", "unknown"), ("skip", "/skip", "skipped"), ("inform", "ma3reftch", "unknown")],
)
def test_every_question_accepts_dont_know_and_skip(domain, intent, text, expected):
    for slot in ("report_age", "report_harm", "report_region", "report_when", "report_ongoing", "report_anonymous"):
        values, messages = _validate(domain, slot, text, intent=intent)
        assert values[slot] == expected, slot
        assert messages == []


def test_region_and_city_from_a_city_name(domain):
    values, _ = _validate(domain, "report_region", "f casa")
    assert values["report_region"] == "Casablanca-Settat"
    assert values["report_city"] == "Casa"


def test_region_in_arabic_and_free_text(domain):
    values, _ = _validate(domain, "report_region", "في مراكش")
    assert values["report_region"] == "Marrakech-Safi"
    values, _ = _validate(domain, "report_region", "un petit douar près de la montagne")
    assert values["report_region"] == "un petit douar près de la montagne"


def test_harm_from_button_entity_and_from_words(domain):
    values, _ = _validate(
        domain,
        "report_harm",
        '/inform{"report_harm":"sexual"}',
        entities=[{"entity": "report_harm", "value": "sexual"}],
    )
    assert values["report_harm"] == "sexual"
    values, _ = _validate(domain, "report_harm", "kaydrebha b sem7a")
    assert values["report_harm"] == "physical"
    values, messages = _validate(domain, "report_harm", "hmm")
    assert values["report_harm"] is None
    assert responses(messages) == ["utter_reprompt_choice"]


def test_yes_no_answers_and_reprompt(domain):
    assert _validate(domain, "report_ongoing", "ah", intent="affirm")[0]["report_ongoing"] == "yes"
    assert _validate(domain, "report_ongoing", "لا")[0]["report_ongoing"] == "no"
    values, messages = _validate(domain, "report_ongoing", "peut-être bleu")
    assert values["report_ongoing"] is None
    assert responses(messages) == ["utter_yes_no_reprompt"]


def test_danger_now_yes_raises_the_emergency_before_the_next_question(triage, domain):
    values, messages = _validate(domain, "report_danger_now", "oui", intent="affirm")
    assert values["report_danger_now"] == "yes"
    assert responses(messages)[:2] == ["utter_emergency_numbers", "utter_person_coming"]
    packet = triage.bodies("/api/v1/bot/handoff")[0]
    assert packet["priority"] == "P1"
    assert packet["reason"] == "danger"
    assert "danger_now" in packet["signals"]
    assert values["handoff_state"] == "danger_queued"


def test_perpetrator_access_yes_is_an_emergency_too(triage, domain):
    values, messages = _validate(domain, "report_perpetrator_access", "iyeh", intent="affirm")
    assert responses(messages)[0] == "utter_emergency_numbers"
    assert "perpetrator_access" in triage.bodies("/api/v1/bot/handoff")[0]["signals"]


def test_a_child_reporting_about_themselves_is_not_asked_their_relation(domain):
    values, _ = _validate(
        domain,
        "report_what",
        "bba kaydrebni",
        intent="topic_violence_home",
        slots={"who": "child", "report_harm": None, "report_relation": None},
    )
    assert values["report_relation"] == "self"
    assert values["report_harm"] == "physical"


def test_contact_details_only_asked_if_contact_accepted(domain):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    form = ValidateReportForm()
    slots = domain["forms"]["report_form"]["required_slots"]
    declined = load_tracker("report_form", slots={"report_contact_back": "no"})
    accepted = load_tracker("report_form", slots={"report_contact_back": "yes"})
    assert "report_contact_how" not in asyncio.run(form.required_slots(slots, CollectingDispatcher(), declined, domain))
    assert "report_contact_how" in asyncio.run(form.required_slots(slots, CollectingDispatcher(), accepted, domain))


def test_submit_sends_answers_and_shows_summary_and_reference(triage, domain):
    tracker = load_tracker("report_form", slots=FULL)
    events, messages = run(ActionSubmitReport(), tracker, domain)

    body = triage.bodies("/api/v1/bot/reports")[0]
    assert body["conversation_id"] == "7c1e2f9a-0000-4000-8000-000000000002"
    assert body["language"] == "fr"
    assert body["answers"]["report_age"] == 9
    assert body["answers"]["report_perpetrator_access"] == "yes"
    assert body["consent"] == {"contact_back": True, "contact_how": "this_chat", "anonymous": True}
    assert responses(messages) == ["utter_report_summary", "utter_report_reference", "utter_report_next"]
    assert messages[1]["reference"] == "R-7Q2K9D"
    assert "frappe" not in messages[0]["summary"]  # free text stays out of the SMS summary
    assert {"event": "slot", "timestamp": None, "name": "report_reference", "value": "R-7Q2K9D"} in events


def test_submit_with_triage_down_saves_the_report(unreachable_triage, domain):
    _, messages = run(ActionSubmitReport(), load_tracker("report_form", slots=FULL), domain)
    assert responses(messages) == ["utter_report_summary", "utter_report_pending", "utter_report_next"]
    (waiting,) = queued(unreachable_triage)
    assert waiting["path"] == "/api/v1/bot/reports"
    assert waiting["body"]["answers"]["report_what"] == FULL["report_what"]
    stored = unreachable_triage.read_text()
    assert "frappe" not in stored, "the outbox file is encrypted"
    assert "/api/v1" not in stored
    assert unreachable_triage.stat().st_mode & 0o077 == 0, "readable by the action server only"
