"""Cases: open, link contacts, notes, categories, referrals, legal hold, close."""

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.db import utcnow
from triage.audit.service import record
from triage.cases import directory
from triage.cases.models import Case, CaseConversation, CaseStatus, Note, Referral
from triage.categories import Category
from triage.conversations.models import Conversation
from triage.reports.models import Report
from triage.reports.service import new_reference
from triage.staff.models import Staff


class CaseError(ValueError):
    """A case operation that cannot be done as asked."""


def open_case(*, session: Session, staff: Staff, conversation: Conversation | None) -> Case:
    """Opens a case, linked to a conversation and its reports when one is given."""
    case = Case(
        reference=new_reference("C"),
        centre_code=conversation.centre_code if conversation else staff.centre_code,
        region=conversation.region if conversation else None,
    )
    session.add(case)
    session.flush()
    if conversation is not None:
        link(session=session, case=case, conversation=conversation, staff=staff)
    record(session=session, actor=staff.username, action="case_opened", case_id=case.id,
           conversation_id=conversation.id if conversation else None)  # fmt: skip
    return case


def link(*, session: Session, case: Case, conversation: Conversation, staff: Staff) -> None:
    """Adds a conversation (and the reports taken in it) to the case."""
    if session.get(CaseConversation, (case.id, conversation.id)) is None:
        session.add(CaseConversation(case_id=case.id, conversation_id=conversation.id))
    for report in session.scalars(select(Report).where(Report.conversation_id == conversation.id)):
        report.case_id = case.id
    session.flush()
    record(session=session, actor=staff.username, action="case_linked", case_id=case.id,
           conversation_id=conversation.id)  # fmt: skip


def add_note(
    *, session: Session, staff: Staff, body: str, case: Case | None = None, conversation: Conversation | None = None
) -> Note:
    """Adds a note to a case or a conversation."""
    note = Note(case_id=case.id if case else None, conversation_id=conversation.id if conversation else None,
                author_id=staff.id, body=body)  # fmt: skip
    session.add(note)
    session.flush()
    record(session=session, actor=staff.username, action="note_added", case_id=note.case_id,
           conversation_id=note.conversation_id)  # fmt: skip
    return note


def set_categories(*, session: Session, case: Case, staff: Staff, categories: list[Category]) -> Case:
    """Replaces the case's categories."""
    case.categories = sorted({str(c) for c in categories})
    session.flush()
    record(session=session, actor=staff.username, action="categories_set", case_id=case.id,
           detail={"categories": case.categories})  # fmt: skip
    return case


def refer(*, session: Session, case: Case, staff: Staff, service_code: str) -> Referral:
    """Refers the case to a service of the directory that serves its region."""
    service = directory.get(service_code)
    if service is None or not service.serves(case.region):
        raise CaseError(f"no service {service_code!r} for this case's region")
    referral = Referral(case_id=case.id, service_code=service.code, author_id=staff.id)
    session.add(referral)
    session.flush()
    record(session=session, actor=staff.username, action="referral", case_id=case.id,
           detail={"service": service.code})  # fmt: skip
    return referral


def set_status(*, session: Session, case: Case, staff: Staff, status: CaseStatus, outcome: str | None) -> Case:
    """Moves the case to follow-up or closes it with an outcome."""
    if case.status == CaseStatus.CLOSED:
        raise CaseError("the case is closed")
    if status == CaseStatus.CLOSED:
        if not outcome:
            raise CaseError("closing a case needs an outcome")
        case.outcome, case.closed_at = outcome, utcnow()
    case.status = status
    session.flush()
    record(session=session, actor=staff.username, action=f"case_{status}", case_id=case.id,
           detail={"outcome": outcome} if outcome else {})  # fmt: skip
    return case


def set_hold(*, session: Session, case: Case, staff: Staff, hold: bool) -> Case:
    """Places or lifts a legal hold: held cases survive retention and forget-me."""
    case.legal_hold = hold
    session.flush()
    record(session=session, actor=staff.username, action="legal_hold" if hold else "legal_hold_lifted",
           case_id=case.id)  # fmt: skip
    return case


def conversations_of(*, session: Session, case_id: uuid.UUID) -> list[uuid.UUID]:
    """Ids of the conversations linked to the case."""
    return list(session.scalars(select(CaseConversation.conversation_id).where(CaseConversation.case_id == case_id)))
