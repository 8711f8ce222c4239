"""One-tap feedback after goodbye: 1 not helpful, 2 a bit, 3 helpful."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_client

FEEDBACK_PATH = "/api/v1/bot/feedback"


def score_of(tracker: Tracker) -> int | None:
    for value in (tracker.get_slot("feedback_score"), tracker.latest_message.get("text")):
        text = str(value or "").strip()
        if text in ("1", "2", "3"):
            return int(text)
    return None


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        score = score_of(tracker)
        if score is not None:
            await triage_client.post(FEEDBACK_PATH, {"conversation_id": tracker.sender_id, "score": score})
        dispatcher.utter_message(response="utter_thanks_feedback")
        return []
