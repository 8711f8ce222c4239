"""What happens when the assistant hands over, files a report, or the person asks to be forgotten."""

import statistics
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from helpline.db import rowcount, utcnow
from helpline.reference import region_code
from triage.audit.service import record
from triage.cases.models import Case, CaseConversation
from triage.centres import service as centres
from triage.consent import service as consent
from triage.conversations.models import Conversation, ConversationState, Message
from triage.handoff import flows
from triage.queue import service as queue
from triage.reports import service as reports
from triage.reports.models import Report
from triage.scoring import Answers, Context, assess

TRUE_WORDS = {"yes", "true", "oui", "iyeh", "ah", "na3am", "نعم", "اه", "1"}
FALSE_WORDS = {"no", "false", "non", "la", "لا", "0"}
URGENT_LEVELS = {"P1", "P2"}


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    return True if text in TRUE_WORDS else False if text in FALSE_WORDS else None


def _age(value: Any) -> int | None:
    try:
        age = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return age if 0 <= age < 18 else None


# The assistant sends its form's slot names; the API also accepts the plain names.
ANSWER_KEYS = {
    "what_happened": ("report_what", "what_happened", "description"),
    "danger_now": ("report_danger_now", "danger_now"),
    "perpetrator_access": ("report_perpetrator_access", "perpetrator_access"),
    "when": ("report_when", "when"),
    "ongoing": ("report_ongoing", "ongoing"),
    "child_age": ("report_age", "child_age"),
    "region": ("report_region", "region"),
    "reporter": ("who", "reporter"),
}


def answer(answers: dict[str, Any], name: str) -> Any:
    """One answer of a report, under whichever of its accepted keys it came."""
    return next((answers[key] for key in ANSWER_KEYS[name] if answers.get(key) is not None), None)


def context_from_answers(answers: dict[str, Any], *, reporter: str | None) -> Context:
    """Turns a report's answers into scoring context (structured answers weigh as much as words)."""
    when = answer(answers, "when")
    reporter = reporter or answer(answers, "reporter")
    return Context(
        reporter="child" if reporter == "child" else "adult" if reporter == "adult" else None,
        child_age=_age(answer(answers, "child_age")),
        answers=Answers(
            danger_now=_flag(answer(answers, "danger_now")),
            perpetrator_access=_flag(answer(answers, "perpetrator_access")),
            when=when if when in ("now", "today", "this_week", "longer_ago") else None,
            ongoing=_flag(answer(answers, "ongoing")),
        ),
    )


def _apply_answers(conversation: Conversation, answers: dict[str, Any]) -> None:
    reporter = answer(answers, "reporter")
    if reporter in ("child", "adult"):
        conversation.reporter = reporter
    age = _age(answer(answers, "child_age"))
    if age is not None:
        conversation.child_age = age
    region = region_code(str(answer(answers, "region") or ""))
    if region is not None:
        conversation.region = region


def _report_text(answers: dict[str, Any]) -> str:
    return str(answer(answers, "what_happened") or "")


def expected_wait_seconds(*, session: Session, level: str) -> int:
    """Median time to claim at this level over the last week, or the level's target if nobody was claimed."""
    since = utcnow() - timedelta(days=7)
    rows = session.execute(
        select(Conversation.queued_at, Conversation.claimed_at).where(
            Conversation.level == level, Conversation.claimed_at >= since, Conversation.queued_at.is_not(None)
        )
    ).all()
    waits = [(claimed - queued).total_seconds() for queued, claimed in rows if queued and claimed]
    return int(statistics.median(waits)) if waits else queue.target_seconds(level)


def handoff(
    *,
    session: Session,
    conversation: Conversation,
    reason: str,
    priority: str | None,
    packet: dict[str, Any],
    signals: list[str],
) -> tuple[Conversation, str | None]:
    """Queues the conversation with the bot's packet; returns it and the regional hours if it fell back."""
    conversation.handoff = packet
    consent.record(session=session, conversation=conversation, consent=packet.get("consent") or {})
    answers = packet.get("report") or {}
    _apply_answers(conversation, answers)
    if packet.get("language"):
        conversation.language = packet["language"]
    text = " ".join(filter(None, [packet.get("summary", ""), _report_text(answers)]))
    assessment = assess(text, context=context_from_answers(answers, reporter=conversation.reporter))
    flows.merge_signals(
        conversation,
        [{"code": s.code, "evidence": s.evidence} for s in assessment.signals]
        + [{"code": code, "evidence": "noted by the assistant"} for code in signals],
    )
    level = min(str(assessment.level), priority or "P4", "P1" if reason == "danger" else "P4")
    flows.enqueue(session=session, conversation=conversation, reason=reason, actor="bot", level=level)
    regional = centres.for_region(conversation.region)
    fell_back = regional is not None and conversation.centre_code != regional.code
    return conversation, (regional.hours_text() if fell_back and regional is not None else None)


def file_report(
    *, session: Session, conversation: Conversation, language: str | None, answers: dict[str, Any],
    consent_given: dict[str, Any],
) -> Report:  # fmt: skip
    """Stores the report, scores it with its answers, and queues the conversation when it is urgent."""
    _apply_answers(conversation, answers)
    consent.record(session=session, conversation=conversation, consent=consent_given)
    assessment = assess(_report_text(answers), context=context_from_answers(answers, reporter=conversation.reporter))
    signals = [{"code": s.code, "evidence": s.evidence} for s in assessment.signals]
    report = reports.create(
        session=session, conversation_id=conversation.id, language=language, answers=answers,
        consent=consent_given, level=str(assessment.level), signals=signals,
    )  # fmt: skip
    flows.merge_signals(conversation, signals)
    flows.raise_level(session=session, conversation=conversation, level=report.level, actor="bot")
    record(session=session, actor="bot", action="report_filed", conversation_id=conversation.id,
           detail={"reference": report.reference, "level": report.level})  # fmt: skip
    if report.level in URGENT_LEVELS and conversation.state == ConversationState.BOT:
        flows.enqueue(session=session, conversation=conversation, reason="urgent report", actor="bot")
    return report


def _held_cases(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Cases on legal hold that hold one of these conversations or one of their reports."""
    linked = select(CaseConversation.case_id).where(CaseConversation.conversation_id.in_(ids))
    reported = select(Report.case_id).where(Report.conversation_id.in_(ids), Report.case_id.is_not(None))
    query = select(Case.id).where(Case.legal_hold.is_(True), or_(Case.id.in_(linked), Case.id.in_(reported)))
    return set(session.scalars(query))


def _held_conversations(session: Session, ids: list[uuid.UUID], cases: set[uuid.UUID]) -> set[uuid.UUID]:
    if not cases:
        return set()
    query = select(CaseConversation.conversation_id).where(
        CaseConversation.conversation_id.in_(ids), CaseConversation.case_id.in_(cases)
    )
    return set(session.scalars(query))


Forgetter = Callable[[Session, str, str, list[uuid.UUID], bool], dict[str, int]]
_forgetters: list[Forgetter] = []


def register_forgetter(forgetter: Forgetter) -> None:
    """Lets another part (the gateway) erase what it keeps about a person: (session, channel, pseudonym, erased
    conversations whose Rasa tracker it must empty, whether their address must be kept for a legal hold)."""
    if forgetter not in _forgetters:
        _forgetters.append(forgetter)


def forget(
    *, session: Session, conversation: Conversation, actor: str, bot_empties_current: bool = False
) -> tuple[dict[str, int], bool]:
    """Erases every conversation of this person on this channel, with messages and reports, except what a
    supervisor placed on legal hold; returns how much was erased, by kind, and whether anything was held.

    `bot_empties_current`: the request comes from the bot in this very conversation. Rasa holds its lock until
    the action ends, so its tracker store empties that tracker itself (bot/tracker_store.py); asking Rasa to
    empty it now would only wait for the lock."""
    ids = list(
        session.scalars(
            select(Conversation.id).where(
                Conversation.channel == conversation.channel, Conversation.pseudonym == conversation.pseudonym
            )
        )
    )
    held_cases = _held_cases(session, ids)
    held = _held_conversations(session, ids, held_cases)
    erasable = [i for i in ids if i not in held]
    reports = delete(Report).where(Report.conversation_id.in_(erasable))
    if held_cases:
        reports = reports.where(or_(Report.case_id.is_(None), Report.case_id.not_in(held_cases)))
    counts = {
        "messages": rowcount(session.execute(delete(Message).where(Message.conversation_id.in_(erasable)))),
        "reports": rowcount(session.execute(reports)),
    }
    for conversation_id in erasable:
        erased = session.get(Conversation, conversation_id)
        if erased is not None:
            erased.state = ConversationState.CLOSED
            queue.sync(erased)
    channel, person = conversation.channel, conversation.pseudonym
    counts["conversations"] = rowcount(session.execute(delete(Conversation).where(Conversation.id.in_(erasable))))
    kept = bool(held_cases)
    trackers = [i for i in erasable if not (bot_empties_current and i == conversation.id)]
    for forgetter in _forgetters:
        counts.update(forgetter(session, channel, person, trackers, kept))
    record(session=session, actor=actor, action="forget", detail={**counts, "held": len(held)})
    return counts, kept
