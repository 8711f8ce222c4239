"""The purge: deletes what is past its time, except legal holds and cases still being followed."""

import logging
import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from helpline.db import rowcount
from triage.audit.models import AuditEvent
from triage.audit.service import record
from triage.cases.models import Case, CaseConversation, CaseStatus
from triage.conversations.models import Conversation, ConversationState
from triage.reports.models import Report
from triage.retention.models import DailyCount
from triage.retention.policy import Policy

log = logging.getLogger(__name__)

Purger = Callable[[Session, datetime, Policy, list[uuid.UUID]], dict[str, int]]
_purgers: list[Purger] = []


def register_purger(purger: Purger) -> None:
    """Lets another part (the gateway) delete its own expired data in the same purge:
    (session, now, policy, ids of the conversations this purge deleted)."""
    if purger not in _purgers:
        _purgers.append(purger)


def _held_cases(session: Session) -> set[uuid.UUID]:
    """Cases whose data must stay: on legal hold, or not closed yet (under follow-up)."""
    return set(session.scalars(select(Case.id).where(or_(Case.legal_hold.is_(True), Case.status != CaseStatus.CLOSED))))


def _held_conversations(session: Session, held_cases: set[uuid.UUID]) -> set[uuid.UUID]:
    if not held_cases:
        return set()
    query = select(CaseConversation.conversation_id).where(CaseConversation.case_id.in_(held_cases))
    return set(session.scalars(query))


def _count(session: Session, conversation: Conversation) -> None:
    key = {
        "day": conversation.opened_at.date(),
        "channel": conversation.channel,
        "level": conversation.level,
        "region": conversation.region or "",
        "outcome": conversation.outcome or "",
    }
    row = session.scalars(select(DailyCount).filter_by(**key)).first()
    if row is None:
        row = DailyCount(**key, count=0)
        session.add(row)
    row.count += 1


def _expired_conversations(session: Session, cutoff: datetime) -> list[Conversation]:
    closed = and_(Conversation.state == ConversationState.CLOSED, Conversation.closed_at < cutoff)
    idle = and_(Conversation.state == ConversationState.BOT, Conversation.last_message_at < cutoff)
    return list(session.scalars(select(Conversation).where(or_(closed, idle))))


def purge(*, session: Session, now: datetime, policy: Policy | None = None) -> dict[str, int]:
    """Deletes everything past its retention and returns what was deleted, by kind."""
    policy = policy or Policy.from_settings()
    held_cases = _held_cases(session)
    held = _held_conversations(session, held_cases)
    purged: list[uuid.UUID] = []
    for conversation in _expired_conversations(session, now - policy.transcripts):
        if conversation.id in held:
            continue
        _count(session, conversation)
        purged.append(conversation.id)
        session.delete(conversation)
    session.flush()
    counts = {"conversations": len(purged)}
    expired_reports = delete(Report).where(Report.created_at < now - policy.reports)
    if held_cases:
        expired_reports = expired_reports.where(or_(Report.case_id.is_(None), Report.case_id.not_in(held_cases)))
    counts["reports"] = rowcount(session.execute(expired_reports))
    old_cases = and_(Case.status == CaseStatus.CLOSED, Case.closed_at < now - policy.case_notes,
                     Case.legal_hold.is_(False))  # fmt: skip
    counts["cases"] = rowcount(session.execute(delete(Case).where(old_cases)))
    counts["audit_events"] = rowcount(session.execute(delete(AuditEvent).where(AuditEvent.at < now - policy.audit)))
    oldest_day = (now - policy.statistics).date()
    counts["daily_counts"] = rowcount(session.execute(delete(DailyCount).where(DailyCount.day < oldest_day)))
    for purger in _purgers:
        counts.update(purger(session, now, policy, purged))
    record(session=session, actor="retention", action="purge", detail=counts)
    log.info("retention purge: %s", counts)
    return counts
