"""Unclear message: ask to rephrase; after two misses in a row, offer a human."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

MISSES_BEFORE_HUMAN = 2


def consecutive_misses(tracker: Tracker) -> int:
    """How many of the latest user messages in a row were not understood (this one included)."""
    misses = 0
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in ("action_fallback", "action_default_fallback"):
            continue
        if event.get("event") == "user":
            if ((event.get("parse_data") or {}).get("intent") or {}).get("name") == "nlu_fallback" or misses == 0:
                misses += 1
                continue
            break
    return misses


class ActionFallback(Action):
    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if consecutive_misses(tracker) >= MISSES_BEFORE_HUMAN:
            dispatcher.utter_message(response="utter_offer_human")
            return []
        dispatcher.utter_message(response="utter_rephrase")
        # Forget the unclear message so the conversation resumes where it was (e.g. inside the report form), but
        # not the language it was written in: the rewind would undo the switch action_extract_language made.
        kept = [SlotSet(name, tracker.get_slot(name)) for name in ("language", "language_chosen")]
        return [UserUtteranceReverted(), *kept]
