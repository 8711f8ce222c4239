"""`GET /api/v1/audit`: the audit log, for supervisors."""

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from helpline.db import SessionDep
from triage.audit.service import events
from triage.staff.security import Supervisor

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


class AuditRead(BaseModel):
    at: datetime
    actor: str
    action: str
    conversation_id: uuid.UUID | None
    case_id: uuid.UUID | None
    detail: dict[str, Any]


@router.get("")
def read_audit(
    session: SessionDep,
    _staff: Supervisor,
    conversation_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[AuditRead]:
    """Who viewed or changed which conversation or case, and when; newest first."""
    found = events(session=session, conversation_id=conversation_id, case_id=case_id, limit=limit)
    return [AuditRead.model_validate(event, from_attributes=True) for event in found]
