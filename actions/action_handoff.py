"""A human on request (or after repeated misunderstanding): handoff packet to triage, next steps to the user."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import handoff_state, request_human

TRIAGE_WAIT_SECONDS = 8.0


def _reason(tracker: Tracker) -> str:
    """`fallback` when the user accepts a human the bot offered after failing to understand, else `user_request`."""
    passed_latest_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if passed_latest_user:
                break
            passed_latest_user = True
        elif passed_latest_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return "fallback" if event.get("name") in ("utter_offer_human", "action_fallback") else "user_request"
    return "user_request"


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        result = await request_human(
            dispatcher, tracker, reason=_reason(tracker), priority=None, wait_seconds=TRIAGE_WAIT_SECONDS
        )
        events: list[dict[str, Any]] = [SlotSet("handoff_state", handoff_state(result))]
        if tracker.active_loop_name:
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
