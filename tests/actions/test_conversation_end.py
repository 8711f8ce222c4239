"""Fallback, goodbye feedback and 'forget me'."""

from __future__ import annotations

from actions.action_fallback import ActionFallback
from actions.action_feedback import ActionFeedback
from actions.action_forget import ActionForget
from conftest import load_tracker, responses, run


def test_first_miss_asks_to_rephrase_and_forgets_the_message(domain):
    events, messages = run(ActionFallback(), load_tracker("fallback_en"), domain)
    assert responses(messages) == ["utter_rephrase"]
    assert [e["event"] for e in events] == ["rewind", "slot", "slot"]


def test_a_forgotten_message_keeps_the_language_it_switched_to(domain):
    tracker = load_tracker("fallback_en", slots={"language": "fr", "language_chosen": None})
    events, _ = run(ActionFallback(), tracker, domain)
    assert {e["name"]: e["value"] for e in events if e["event"] == "slot"} == {
        "language": "fr",
        "language_chosen": None,
    }


def test_second_miss_offers_a_human(domain):
    events, messages = run(ActionFallback(), load_tracker("fallback_twice_en"), domain)
    assert responses(messages) == ["utter_offer_human"]
    assert events == []


def test_forget_erases_then_restarts_keeping_the_language(triage, domain):
    events, messages = run(ActionForget(), load_tracker("fallback_en", text="yes", intent="affirm"), domain)
    assert triage.bodies("/api/v1/bot/forget") == [{"conversation_id": "7c1e2f9a-0000-4000-8000-000000000003"}]
    assert responses(messages) == ["utter_forgotten"]
    assert {k: messages[0][k] for k in ("conversations", "messages", "reports")} == {
        "conversations": 2, "messages": 7, "reports": 1,
    }  # fmt: skip
    assert [e["event"] for e in events] == ["restart", "reset_slots", "slot", "slot"]
    assert {e["name"]: e["value"] for e in events[2:]} == {"language": "en", "language_chosen": None}


def test_forget_with_a_legal_hold_says_what_was_erased_and_that_a_part_is_kept(triage, domain):
    erased = {"conversations": 1, "messages": 3, "reports": 0, "contacts": 0, "rasa_trackers": 1}
    triage.answers["/api/v1/bot/forget"] = (202, {"erased": erased, "held": True})
    _, messages = run(ActionForget(), load_tracker("fallback_en", intent="affirm"), domain)
    assert responses(messages) == ["utter_forgotten_held"]
    assert (messages[0]["conversations"], messages[0]["messages"], messages[0]["reports"]) == (1, 3, 0)
    held = [r["text"] for r in domain["responses"]["utter_forgotten_held"]]
    assert all("{messages}" in text and "{reports}" in text for text in held), "every language gives the counts"


def test_forget_refused_tells_the_user_and_keeps_the_conversation(triage, domain):
    triage.answers["/api/v1/bot/forget"] = (404, {"detail": "unknown conversation"})
    events, messages = run(ActionForget(), load_tracker("fallback_en", intent="affirm"), domain)
    assert responses(messages) == ["utter_service_error"]
    assert events == []


def test_feedback_score_goes_to_triage(triage, domain):
    tracker = load_tracker(
        "fallback_en", text='/rate{"feedback_score":"3"}', intent="rate", slots={"feedback_score": "3"}
    )
    _, messages = run(ActionFeedback(), tracker, domain)
    assert triage.bodies("/api/v1/bot/feedback") == [
        {"conversation_id": "7c1e2f9a-0000-4000-8000-000000000003", "score": 3}
    ]
    assert responses(messages) == ["utter_thanks_feedback"]
