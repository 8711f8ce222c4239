"""Danger at any turn: emergency numbers first, then "a person is coming", then a P1 handoff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import emergency_numbers_text, handoff_state, request_human, user_language

# The user must not wait for triage to see the numbers; the handoff carries on in the background if slow.
TRIAGE_WAIT_SECONDS = 2.0


async def raise_emergency(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Gives the numbers, says a person is coming and asks triage for a human at P1. Returns slot events."""
    dispatcher.utter_message(response="utter_emergency_numbers", numbers=emergency_numbers_text(user_language(tracker)))
    dispatcher.utter_message(response="utter_person_coming")
    result = await request_human(dispatcher, tracker, reason="danger", priority="P1", wait_seconds=TRIAGE_WAIT_SECONDS)
    return [SlotSet("handoff_state", "danger_" + handoff_state(result))]


class ActionEmergency(Action):
    def name(self) -> str:
        return "action_emergency"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events = await raise_emergency(dispatcher, tracker)
        if tracker.active_loop_name:
            events += [ActiveLoop(None), SlotSet("requested_slot", None)]
        return events
