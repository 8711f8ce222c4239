"""`/api/v1/cases`: the record about one child; `/api/v1/services`: the referral directory."""

import uuid

from fastapi import APIRouter, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.db import SessionDep
from triage.audit.service import record
from triage.cases import directory, schemas, service
from triage.cases.models import Case, Note, Referral
from triage.conversations.router import visible_centres, visible_conversation
from triage.reports.models import Report
from triage.staff.models import Staff
from triage.staff.security import CurrentStaff, Supervisor

router = APIRouter(prefix="/api/v1", tags=["cases"])


def _case(session: Session, case_id: uuid.UUID, staff: Staff) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such case")
    allowed = visible_centres(staff)
    if allowed is not None and case.centre_code not in allowed:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this case belongs to another centre")
    return case


def _read(session: Session, case: Case) -> schemas.CaseRead:
    notes = session.scalars(select(Note).where(Note.case_id == case.id).order_by(Note.created_at))
    referrals = session.scalars(select(Referral).where(Referral.case_id == case.id).order_by(Referral.created_at))
    reports = session.scalars(select(Report.reference).where(Report.case_id == case.id))
    return schemas.CaseRead(
        id=case.id, reference=case.reference, status=case.status, centre_code=case.centre_code, region=case.region,
        categories=case.categories, outcome=case.outcome, legal_hold=case.legal_hold, created_at=case.created_at,
        conversations=service.conversations_of(session=session, case_id=case.id), reports=list(reports),
        notes=[schemas.NoteRead.model_validate(n, from_attributes=True) for n in notes],
        referrals=[schemas.ReferralRead.model_validate(r, from_attributes=True) for r in referrals],
    )  # fmt: skip


def _as_422(error: service.CaseError) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error))


@router.post("/cases", status_code=status.HTTP_201_CREATED)
def open_case(body: schemas.CaseCreate, session: SessionDep, staff: CurrentStaff) -> schemas.CaseRead:
    """Opens a case, from a conversation when one is named."""
    conversation = visible_conversation(session, body.conversation_id, staff) if body.conversation_id else None
    return _read(session, service.open_case(session=session, staff=staff, conversation=conversation))


@router.get("/cases/{case_id}")
def read_case(case_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> schemas.CaseRead:
    """The case with its contacts, reports, notes and referrals (the view is audited)."""
    case = _case(session, case_id, staff)
    record(session=session, actor=staff.username, action="view", case_id=case.id)
    return _read(session, case)


@router.post("/cases/{case_id}/conversations")
def link_conversation(
    case_id: uuid.UUID, body: schemas.LinkIn, session: SessionDep, staff: CurrentStaff
) -> schemas.CaseRead:
    """Adds another contact about the same child to the case."""
    case = _case(session, case_id, staff)
    service.link(session=session, case=case, conversation=visible_conversation(session, body.conversation_id, staff),
                 staff=staff)  # fmt: skip
    return _read(session, case)


@router.post("/cases/{case_id}/notes", status_code=status.HTTP_201_CREATED)
def note_case(case_id: uuid.UUID, body: schemas.NoteIn, session: SessionDep, staff: CurrentStaff) -> schemas.NoteRead:
    """Adds a note to the case."""
    note = service.add_note(session=session, staff=staff, body=body.body, case=_case(session, case_id, staff))
    return schemas.NoteRead.model_validate(note, from_attributes=True)


@router.post("/conversations/{conversation_id}/notes", status_code=status.HTTP_201_CREATED)
def note_conversation(
    conversation_id: uuid.UUID, body: schemas.NoteIn, session: SessionDep, staff: CurrentStaff
) -> schemas.NoteRead:
    """Adds a note to a conversation."""
    conversation = visible_conversation(session, conversation_id, staff)
    note = service.add_note(session=session, staff=staff, body=body.body, conversation=conversation)
    return schemas.NoteRead.model_validate(note, from_attributes=True)


@router.put("/cases/{case_id}/categories")
def set_categories(
    case_id: uuid.UUID, body: schemas.CategoriesIn, session: SessionDep, staff: CurrentStaff
) -> schemas.CaseRead:
    """Sets the categories of contact (Child Helpline International)."""
    case = service.set_categories(session=session, case=_case(session, case_id, staff), staff=staff,
                                  categories=body.categories)  # fmt: skip
    return _read(session, case)


@router.post("/cases/{case_id}/referrals", status_code=status.HTTP_201_CREATED)
def refer(case_id: uuid.UUID, body: schemas.ReferralIn, session: SessionDep, staff: CurrentStaff) -> schemas.CaseRead:
    """Refers the case to a service of the directory that serves its region."""
    case = _case(session, case_id, staff)
    try:
        service.refer(session=session, case=case, staff=staff, service_code=body.service_code)
    except service.CaseError as error:
        raise _as_422(error) from None
    return _read(session, case)


@router.post("/cases/{case_id}/status")
def set_status(
    case_id: uuid.UUID, body: schemas.StatusIn, session: SessionDep, staff: CurrentStaff
) -> schemas.CaseRead:
    """Moves the case to follow-up, or closes it with an outcome."""
    case = _case(session, case_id, staff)
    try:
        service.set_status(session=session, case=case, staff=staff, status=body.status, outcome=body.outcome)
    except service.CaseError as error:
        raise _as_422(error) from None
    return _read(session, case)


@router.post("/cases/{case_id}/hold")
def set_hold(case_id: uuid.UUID, body: schemas.HoldIn, session: SessionDep, staff: Supervisor) -> schemas.CaseRead:
    """Places or lifts a legal hold (supervisors)."""
    case = service.set_hold(session=session, case=_case(session, case_id, staff), staff=staff, hold=body.legal_hold)
    return _read(session, case)


@router.get("/services")
def list_services(_staff: CurrentStaff, region: str | None = None) -> list[schemas.ServiceRead]:
    """Services a case from the region can be referred to, its own first."""
    return [
        schemas.ServiceRead(code=s.code, kind=s.kind, name=s.name, regions=list(s.regions), phone=s.phone)
        for s in directory.for_region(region)
    ]
