"""The conversation's language after each user message (custom slot mapping of `language`, run by Rasa's
action_extract_slots before anything is answered).

A language the user names is an explicit choice: the NLU's `language` entity fills `language` and
`language_chosen` without this action. Otherwise bot.text.next_language decides from the message, the previous
one and the slots: short or ambiguous words (oui, ok, merci, 1, emojis) never switch; a full sentence in
another language does, but a chosen language needs two such sentences in a row.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.text import LANGUAGES, next_language


def previous_user_text(tracker: Tracker) -> str | None:
    """The text of the user message before the latest one, if any."""
    texts = [e.get("text") for e in tracker.events if e.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 else None


class ActionExtractLanguage(Action):
    def name(self) -> str:
        return "action_extract_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        if not text.strip() or text.startswith("/"):
            return []
        current = tracker.get_slot("language")
        chosen = tracker.get_slot("language_chosen")
        new = next_language(
            current=current if current in LANGUAGES else None,
            chosen=chosen,
            text=text,
            previous_text=previous_user_text(tracker),
        )
        if new is None:
            return []
        events = [SlotSet("language", new)]
        if chosen:
            events.append(SlotSet("language_chosen", None))
        return events
