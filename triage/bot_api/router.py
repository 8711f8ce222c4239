"""`/api/v1/bot/*`: called by the action server with the service token."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Response, status
from sqlalchemy.orm import Session

from helpline.db import SessionDep
from triage.audit.service import record
from triage.bot_api import idempotency, schemas, service
from triage.centres import service as centres
from triage.conversations.models import Conversation
from triage.conversations.service import get_conversation
from triage.staff.security import Service, Supervisor

router = APIRouter(prefix="/api/v1/bot", tags=["assistant"])
staff_router = APIRouter(prefix="/api/v1", tags=["conversations"])


def _conversation(session: Session, conversation_id: uuid.UUID) -> Conversation:
    conversation = get_conversation(session=session, conversation_id=conversation_id)
    if conversation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such conversation")
    return conversation


IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=128)]


@router.post("/handoff", status_code=status.HTTP_202_ACCEPTED, response_model=schemas.HandoffOut)
def handoff(
    body: schemas.HandoffIn, session: SessionDep, _caller: Service, key: IdempotencyKey = None
) -> Response | schemas.HandoffOut:
    """The assistant asks for a human, with its handoff packet (summary, answers so far, signals, consent)."""
    if (again := idempotency.replay(session=session, key=key, path="handoff")) is not None:
        return again
    conversation = _conversation(session, body.conversation_id)
    packet = body.model_dump(mode="json", exclude={"conversation_id"})
    conversation, closed_hours = service.handoff(
        session=session, conversation=conversation, reason=body.reason, priority=body.priority, packet=packet,
        signals=body.signals,
    )  # fmt: skip
    centre = centres.get(conversation.centre_code or centres.national_code())
    answer = schemas.HandoffOut(
        state=conversation.state,
        level=conversation.level,
        expected_wait_seconds=service.expected_wait_seconds(session=session, level=conversation.level),
        centre_open=closed_hours is None,
        opening_hours=closed_hours or (centre.hours_text() if centre else None),
    )
    idempotency.remember(session=session, key=key, path="handoff", status_code=202, body=answer.model_dump(mode="json"))
    return answer


@router.post("/reports", status_code=status.HTTP_201_CREATED, response_model=schemas.ReportOut)
def file_report(
    body: schemas.ReportIn, session: SessionDep, _caller: Service, key: IdempotencyKey = None
) -> Response | schemas.ReportOut:
    """Stores a finished report and returns the reference the reporter can quote (once, whatever the retries)."""
    if (again := idempotency.replay(session=session, key=key, path="reports")) is not None:
        return again
    conversation = _conversation(session, body.conversation_id)
    report = service.file_report(
        session=session, conversation=conversation, language=body.language, answers=body.answers,
        consent_given=body.consent.model_dump(),
    )  # fmt: skip
    answer = schemas.ReportOut(reference=report.reference, level=report.level)
    idempotency.remember(session=session, key=key, path="reports", status_code=201, body=answer.model_dump(mode="json"))
    return answer


@router.post("/forget", status_code=status.HTTP_202_ACCEPTED)
def forget(body: schemas.ForgetIn, session: SessionDep, _caller: Service) -> schemas.ForgetOut:
    """Erases the person's conversations and reports (the user confirmed in the bot)."""
    conversation = _conversation(session, body.conversation_id)
    erased, held = service.forget(session=session, conversation=conversation, actor="bot", bot_empties_current=True)
    return schemas.ForgetOut(erased=erased, held=held)


@staff_router.post("/conversations/{conversation_id}/forget")
def staff_forget(conversation_id: uuid.UUID, session: SessionDep, staff: Supervisor) -> schemas.ForgetOut:
    """Erases the person's conversations and personal data at their request (supervisors), except legal holds."""
    conversation = _conversation(session, conversation_id)
    erased, held = service.forget(session=session, conversation=conversation, actor=staff.username)
    return schemas.ForgetOut(erased=erased, held=held)


@router.post("/feedback", status_code=status.HTTP_204_NO_CONTENT)
def feedback(body: schemas.FeedbackIn, session: SessionDep, _caller: Service) -> Response:
    """Stores the one-tap feedback score (1 not helpful … 3 helpful)."""
    conversation = _conversation(session, body.conversation_id)
    conversation.feedback = body.score
    record(session=session, actor="bot", action="feedback", conversation_id=conversation.id,
           detail={"score": body.score})  # fmt: skip
    return Response(status_code=status.HTTP_204_NO_CONTENT)
