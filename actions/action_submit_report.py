"""End of the report form: send the answers to triage, show a short summary and the reference."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_client
from actions.conversation import consent, language, report_answers

REPORTS_PATH = "/api/v1/bot/reports"
SUMMARY_FIELDS = ("report_harm", "report_age", "report_region", "report_city", "report_when")


def short_summary(answers: dict[str, Any]) -> str:
    """Only the structured answers, not the free text: short enough for one SMS and safe on a lock screen."""
    parts = [str(answers[k]) for k in SUMMARY_FIELDS if answers.get(k) not in (None, "unknown", "skipped")]
    return ", ".join(parts) if parts else "-"


class ActionSubmitReport(Action):
    def name(self) -> str:
        return "action_submit_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answers = report_answers(tracker)
        body = {
            "conversation_id": tracker.sender_id,
            "language": language(tracker),
            "answers": answers,
            "consent": consent(tracker),
        }
        result = await triage_client.post(REPORTS_PATH, body)
        dispatcher.utter_message(response="utter_report_summary", summary=short_summary(answers))
        events: list[dict[str, Any]] = []
        if result.ok and result.data.get("reference"):
            reference = str(result.data["reference"])
            dispatcher.utter_message(response="utter_report_reference", reference=reference)
            events.append(SlotSet("report_reference", reference))
        elif result.status == "pending":
            dispatcher.utter_message(response="utter_report_pending")
        else:
            dispatcher.utter_message(response="utter_service_error")
        dispatcher.utter_message(response="utter_report_next")
        return events
