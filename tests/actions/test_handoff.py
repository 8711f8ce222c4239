"""A human on request: the handoff packet and what the user is told."""

from __future__ import annotations

from actions.action_handoff import ActionHandoff
from conftest import load_tracker, responses, run


def test_request_sends_packet_with_report_answers_and_consent(triage, domain):
    tracker = load_tracker(
        "report_form",
        text="je veux parler à quelqu'un",
        intent="request_human",
        slots={"report_contact_back": "yes", "report_contact_how": "this_chat", "report_anonymous": "no"},
    )
    events, messages = run(ActionHandoff(), tracker, domain)

    packet = triage.bodies("/api/v1/bot/handoff")[0]
    assert packet["reason"] == "user_request"
    assert packet["priority"] is None
    assert packet["language"] == "fr"
    assert packet["report"]["report_what"] == "Le voisin frappe sa fille tous les soirs"
    assert packet["consent"] == {"contact_back": True, "contact_how": "this_chat", "anonymous": False}
    assert "physical_abuse" in packet["signals"]
    assert responses(messages) == ["utter_handoff_queued"]
    assert {"event": "active_loop", "timestamp": None, "name": None} in events


def test_accepting_the_offer_after_misunderstanding_is_a_fallback_handoff(triage, domain):
    tracker = load_tracker("fallback_twice_en", text="yes", intent="affirm")
    tracker.events.insert(-1, {"event": "action", "name": "utter_offer_human"})
    tracker.events.insert(-1, {"event": "action", "name": "action_listen"})
    run(ActionHandoff(), tracker, domain)
    assert triage.bodies("/api/v1/bot/handoff")[0]["reason"] == "fallback"


def test_refused_request_is_told_kindly(triage, domain):
    triage.answers["/api/v1/bot/handoff"] = (422, {"detail": "bad"})
    _, messages = run(
        ActionHandoff(), load_tracker("fallback_en", text="talk to a person", intent="request_human"), domain
    )
    assert responses(messages) == ["utter_service_error"]
    assert len(triage.requests) == 1  # 4xx is not retried


def test_no_wait_estimate(triage, domain):
    triage.answers["/api/v1/bot/handoff"] = (
        202,
        {"state": "queued", "level": "P3", "expected_wait_seconds": None, "centre_open": True, "opening_hours": None},
    )
    _, messages = run(ActionHandoff(), load_tracker("fallback_en", intent="request_human"), domain)
    assert responses(messages) == ["utter_handoff_queued_nowait"]
