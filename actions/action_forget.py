"""'Forget me', after the user confirmed: triage erases the conversation, the user is told what was erased (and
that a part is kept when a supervisor placed it on legal hold); the bot starts afresh."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_client
from actions.conversation import language

FORGET_PATH = "/api/v1/bot/forget"


class ActionForget(Action):
    def name(self) -> str:
        return "action_forget"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        keep_language, keep_choice = language(tracker), tracker.get_slot("language_chosen")
        result = await triage_client.post(FORGET_PATH, {"conversation_id": tracker.sender_id})
        if result.ok:
            erased = result.data.get("erased") or {}
            counts = {kind: int(erased.get(kind) or 0) for kind in ("conversations", "messages", "reports")}
            held = bool(result.data.get("held"))
            dispatcher.utter_message(response="utter_forgotten_held" if held else "utter_forgotten", **counts)
        elif result.status == "pending":
            dispatcher.utter_message(response="utter_forget_pending")
        else:
            dispatcher.utter_message(response="utter_service_error")
            return []
        # Restarted drops the conversation state in Rasa; the language (and whether the user chose it) is kept so
        # the next reply is readable.
        kept = [SlotSet("language", keep_language), SlotSet("language_chosen", keep_choice)]
        return [Restarted(), AllSlotsReset(), *kept]
