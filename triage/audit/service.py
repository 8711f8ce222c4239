"""Writing and reading the audit log."""

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.audit.models import AuditEvent


def record(
    *,
    session: Session,
    actor: str,
    action: str,
    conversation_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Appends one event to the audit log (never message text)."""
    event = AuditEvent(
        actor=actor, action=action, conversation_id=conversation_id, case_id=case_id, detail=detail or {}
    )
    session.add(event)
    session.flush()
    return event


def events(
    *, session: Session, conversation_id: uuid.UUID | None = None, case_id: uuid.UUID | None = None, limit: int = 200
) -> list[AuditEvent]:
    """The newest events, optionally about one conversation or case."""
    query = select(AuditEvent).order_by(AuditEvent.at.desc()).limit(limit)
    if conversation_id is not None:
        query = query.where(AuditEvent.conversation_id == conversation_id)
    if case_id is not None:
        query = query.where(AuditEvent.case_id == case_id)
    return list(session.scalars(query))
