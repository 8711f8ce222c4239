"""Validation of the report form: every answer accepts "I don't know" and "skip"; unclear answers get a clear
re-prompt; "danger now: yes" or "the person has access now: yes" raises the emergency at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers
from actions.action_emergency import raise_emergency

UNKNOWN = "unknown"
SKIPPED = "skipped"
MAX_TEXT = 1000
Slots = dict[str, Any]


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _entity(tracker: Tracker, name: str) -> str | None:
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == name:
            return str(entity.get("value"))
    return None


def _text(value: Any, tracker: Tracker) -> str:
    return str(value if value is not None else tracker.latest_message.get("text") or "")


def _unknown_or_skip(value: Any, tracker: Tracker) -> str | None:
    intent = _intent(tracker)
    text = _text(value, tracker)
    if intent == "skip" or answers.is_skip(text):
        return SKIPPED
    if intent == "dont_know" or answers.is_dont_know(text):
        return UNKNOWN
    return None


def _yes_no(value: Any, tracker: Tracker) -> str | None:
    intent = _intent(tracker)
    if intent == "affirm":
        return "yes"
    if intent == "deny":
        return "no"
    return answers.yes_no(_text(value, tracker))


class ValidateReportForm(FormValidationAction):
    def name(self) -> str:
        return "validate_report_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Contact details are asked only of those who accept to be contacted."""
        slots = list(domain_slots)
        if tracker.get_slot("report_contact_back") in ("no", UNKNOWN, SKIPPED) and "report_contact_how" in slots:
            slots.remove("report_contact_how")
        return slots

    async def _choice(
        self,
        slot: str,
        parse: Callable[[str], str | None],
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        reprompt: str = "utter_reprompt_choice",
    ) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {slot: special}
        chosen = _entity(tracker, slot) or parse(_text(value, tracker))
        if chosen:
            return {slot: chosen}
        dispatcher.utter_message(response=reprompt)
        return {slot: None}

    async def validate_report_what(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        slots: Slots = {}
        if tracker.get_slot("who") == "child" and not tracker.get_slot("report_relation"):
            slots["report_relation"] = "self"
        special = _unknown_or_skip(value, tracker)
        text = _text(value, tracker).strip()
        if special:
            slots["report_what"] = special
        elif not text or text.startswith("/"):
            dispatcher.utter_message(response="utter_ask_report_what")
            slots["report_what"] = None
        else:
            slots["report_what"] = text[:MAX_TEXT]
            guessed = answers.harm(text)
            if guessed and guessed != "other" and not tracker.get_slot("report_harm"):
                slots["report_harm"] = guessed
        return slots

    async def _danger_question(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {slot: special}
        answer = _yes_no(value, tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_yes_no_reprompt")
            return {slot: None}
        slots: Slots = {slot: answer}
        if answer == "yes" and not str(tracker.get_slot("handoff_state") or "").startswith("danger"):
            tracker.slots[slot] = answer  # so the packet carries this answer
            for event in await raise_emergency(dispatcher, tracker):
                slots[event["name"]] = event["value"]
        return slots

    async def validate_report_danger_now(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return await self._danger_question("report_danger_now", value, dispatcher, tracker)

    async def validate_report_perpetrator_access(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return await self._danger_question("report_perpetrator_access", value, dispatcher, tracker)

    async def validate_report_harm(self, value: Any, dispatcher, tracker, domain) -> Slots:
        return await self._choice("report_harm", answers.harm, value, dispatcher, tracker)

    async def validate_report_age(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_age": special}
        years = answers.age(_text(value, tracker))
        if years is None or years > 25:
            dispatcher.utter_message(response="utter_reprompt_age")
            return {"report_age": None}
        if years >= 18:
            dispatcher.utter_message(response="utter_adult_age")
        return {"report_age": str(years)}

    async def validate_report_gender(self, value: Any, dispatcher, tracker, domain) -> Slots:
        return await self._choice("report_gender", answers.gender, value, dispatcher, tracker)

    async def validate_report_region(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_region": special}
        text = _text(value, tracker).strip()[:200]
        name, city = answers.region(text)
        if name is None:
            return {"report_region": text}  # free text accepted: staff will read it
        slots: Slots = {"report_region": name}
        if city and not tracker.get_slot("report_city"):
            slots["report_city"] = city.title() if city.isascii() else city
        return slots

    async def validate_report_city(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        return {"report_city": special or _text(value, tracker).strip()[:200]}

    async def validate_report_when(self, value: Any, dispatcher, tracker, domain) -> Slots:
        return await self._choice("report_when", answers.when, value, dispatcher, tracker)

    async def validate_report_ongoing(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_ongoing": special}
        answer = _yes_no(value, tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_yes_no_reprompt")
        return {"report_ongoing": answer}

    async def validate_report_relation(self, value: Any, dispatcher, tracker, domain) -> Slots:
        return await self._choice("report_relation", answers.relation, value, dispatcher, tracker)

    async def validate_report_contact_back(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_contact_back": special}
        answer = _yes_no(value, tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_yes_no_reprompt")
        return {"report_contact_back": answer}

    async def validate_report_contact_how(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_contact_how": special}
        chosen = _entity(tracker, "report_contact_how") or answers.contact_how(_text(value, tracker))
        return {"report_contact_how": chosen or _text(value, tracker).strip()[:200]}

    async def validate_report_anonymous(self, value: Any, dispatcher, tracker, domain) -> Slots:
        special = _unknown_or_skip(value, tracker)
        if special:
            return {"report_anonymous": special}
        answer = _yes_no(value, tracker)
        if answer is None:
            dispatcher.utter_message(response="utter_yes_no_reprompt")
        return {"report_anonymous": answer}
