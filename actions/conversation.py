"""What the tracker tells us: language, report answers, consent, signals seen, and the handoff packet."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.text import LANGUAGES, detect_language

REPORT_SLOTS = (
    "report_what",
    "report_danger_now",
    "report_perpetrator_access",
    "report_harm",
    "report_age",
    "report_gender",
    "report_region",
    "report_city",
    "report_when",
    "report_ongoing",
    "report_relation",
    "report_contact_back",
    "report_contact_how",
    "report_anonymous",
)
SIGNAL_CODES = frozenset(
    "danger_now suicide_intent suicide_plan means attempt self_harm passive_ideation medical physical_abuse "
    "sexual_abuse emotional_abuse neglect perpetrator_access afraid_home ongoing recent past missing_runaway "
    "trafficking child_marriage child_labour online_exploitation bullying family_conflict school distress "
    "info_request greeting prank safe_now young_child negation hypothetical".split()
)
INTENT_SIGNALS = {
    "danger_now": "danger_now",
    "suicide_risk": "suicide_intent",
    "medical_emergency": "medical",
    "topic_violence_home": "physical_abuse",
    "topic_sexual_abuse": "sexual_abuse",
    "topic_bullying": "bullying",
    "topic_online_safety": "online_exploitation",
    "topic_child_labour": "child_labour",
    "topic_child_marriage": "child_marriage",
    "topic_runaway": "missing_runaway",
    "topic_sadness": "distress",
    "topic_school": "school",
    "topic_family_conflict": "family_conflict",
    "topic_rights": "info_request",
    "topic_helpline_info": "info_request",
    "greet": "greeting",
}
HARM_SIGNALS = {
    "physical": "physical_abuse",
    "sexual": "sexual_abuse",
    "emotional": "emotional_abuse",
    "neglect": "neglect",
    "bullying": "bullying",
    "online": "online_exploitation",
    "child_marriage": "child_marriage",
    "child_labour": "child_labour",
}
MAX_SUMMARY = 600


def language(tracker: Tracker) -> str:
    """The conversation's language: the slot, else a guess from the last message, else Darija (Latin)."""
    value = tracker.get_slot("language")
    if value in LANGUAGES:
        return value
    return detect_language(tracker.latest_message.get("text") or "") or "darija_lat"


def report_answers(tracker: Tracker) -> dict[str, Any]:
    """Report slots answered so far, by slot name; the age as an int when it is one."""
    answers: dict[str, Any] = {}
    for name in REPORT_SLOTS:
        value = tracker.get_slot(name)
        if value is None:
            continue
        if name == "report_age" and str(value).isdigit():
            value = int(value)
        answers[name] = value
    who = tracker.get_slot("who")
    if who in ("child", "adult"):
        answers["who"] = who  # a child writing raises the urgency one level in triage
    return answers


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def consent(tracker: Tracker) -> dict[str, Any]:
    how = tracker.get_slot("report_contact_how")
    return {
        "contact_back": _yes_no(tracker.get_slot("report_contact_back")),
        "contact_how": how if how not in (None, "unknown", "skipped") else None,
        "anonymous": _yes_no(tracker.get_slot("report_anonymous")),
    }


def signals_seen(tracker: Tracker) -> list[str]:
    """Signal codes from every user message (lexicon entities and intents) and from structured answers."""
    seen: list[str] = []

    def add(code: str) -> None:
        if code in SIGNAL_CODES and code not in seen:
            seen.append(code)

    for event in tracker.events:
        if event.get("event") != "user":
            continue
        parse = event.get("parse_data") or {}
        intent = (parse.get("intent") or {}).get("name")
        if intent in INTENT_SIGNALS:
            add(INTENT_SIGNALS[intent])
        for entity in parse.get("entities") or []:
            if entity.get("entity") == "signal":
                add(str(entity.get("value")))
    if tracker.get_slot("report_danger_now") == "yes":
        add("danger_now")
    if tracker.get_slot("report_perpetrator_access") == "yes":
        add("perpetrator_access")
    if tracker.get_slot("report_ongoing") == "yes":
        add("ongoing")
    if tracker.get_slot("report_when") in ("now", "today", "this_week"):
        add("recent")
    if tracker.get_slot("report_when") == "longer_ago":
        add("past")
    harm = tracker.get_slot("report_harm")
    if harm in HARM_SIGNALS:
        add(HARM_SIGNALS[harm])
    age = tracker.get_slot("report_age")
    if age and str(age).isdigit() and int(age) < 12:
        add("young_child")
    return seen


def summary(tracker: Tracker) -> str:
    """A short plain summary for staff: who writes, what they asked, signals, answers, last message."""
    parts = []
    who = tracker.get_slot("who")
    if who:
        parts.append(f"writer: {who}")
    intents = []
    for event in tracker.events:
        if event.get("event") == "user":
            name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if name and name not in intents and name not in ("affirm", "deny", "inform", "nlu_fallback"):
                intents.append(name)
    if intents:
        parts.append("topics: " + ", ".join(intents[-6:]))
    signals = signals_seen(tracker)
    if signals:
        parts.append("signals: " + ", ".join(signals))
    answers = report_answers(tracker)
    if answers:
        parts.append("; ".join(f"{k.removeprefix('report_')}={v}" for k, v in answers.items() if k != "report_what"))
    last = (tracker.latest_message.get("text") or "").strip()
    if last and not last.startswith("/"):
        parts.append(f"last message: {last[:200]}")
    return " | ".join(parts)[:MAX_SUMMARY]


def handoff_packet(tracker: Tracker, *, reason: str, priority: str | None) -> dict[str, Any]:
    return {
        "conversation_id": tracker.sender_id,
        "reason": reason,
        "priority": priority,
        "language": language(tracker),
        "summary": summary(tracker),
        "report": report_answers(tracker),
        "signals": signals_seen(tracker),
        "consent": consent(tracker),
    }
