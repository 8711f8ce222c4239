"""Asking triage for a human, and telling the user what happens next from triage's answer."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_client
from actions.conversation import handoff_packet, language

HANDOFF_PATH = "/api/v1/bot/handoff"
NUMBERS_FILE = Path(
    os.environ.get(
        "EMERGENCY_NUMBERS_FILE",
        str(Path(__file__).resolve().parent.parent / "data" / "reference" / "emergency_numbers.yml"),
    )
)
# Used only if the operators' file cannot be read: a person in danger must still get numbers.
FALLBACK_NUMBERS = "Police 19 / 112 · 2511 · 15 · 141"


def emergency_numbers_text(lang: str, path: Path | None = None) -> str:
    """One line per number from data/reference/emergency_numbers.yml, labelled in `lang` (read at every call,
    so operators' edits apply without a restart)."""
    try:
        with open(path or NUMBERS_FILE, encoding="utf-8") as handle:
            numbers = (yaml.safe_load(handle) or {}).get("numbers") or []
    except (OSError, yaml.YAMLError):
        return FALLBACK_NUMBERS
    lines = []
    for entry in numbers:
        label = (entry.get("label") or {}).get(lang) or (entry.get("label") or {}).get("fr") or entry.get("code", "")
        number = str(entry.get("number", ""))
        mobile = entry.get("mobile")
        digits = number + (f" / {mobile}" if mobile else "")
        lines.append(label if number and number in label else f"{label}: {digits}")
    return "\n".join(lines) or FALLBACK_NUMBERS


async def request_human(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, reason: str, priority: str | None, wait_seconds: float
) -> triage_client.TriageResult:
    """Sends the handoff packet and tells the user what happens next (wait, hours, meanwhile)."""
    packet = handoff_packet(tracker, reason=reason, priority=priority)
    result = await triage_client.post_within(HANDOFF_PATH, packet, seconds=wait_seconds)
    tell_next_steps(dispatcher, result)
    return result


def tell_next_steps(dispatcher: CollectingDispatcher, result: triage_client.TriageResult) -> None:
    data: dict[str, Any] = result.data
    if result.status == "rejected":
        dispatcher.utter_message(response="utter_service_error")
        return
    if not result.ok:
        dispatcher.utter_message(response="utter_handoff_pending")
        return
    if data.get("centre_open") is False:
        hours = data.get("opening_hours") or "-"
        dispatcher.utter_message(response="utter_handoff_closed", hours=hours)
        return
    wait = data.get("expected_wait_seconds")
    if isinstance(wait, (int, float)) and wait > 0:
        dispatcher.utter_message(response="utter_handoff_queued", minutes=max(1, math.ceil(wait / 60)))
    else:
        dispatcher.utter_message(response="utter_handoff_queued_nowait")


def handoff_state(result: triage_client.TriageResult) -> str:
    return "queued" if result.ok else result.status


def user_language(tracker: Tracker) -> str:
    return language(tracker)
