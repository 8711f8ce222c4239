"""`/console/api/*`: small reads the console needs beside triage's API (notes, case link, lists for forms)."""

import uuid
from functools import lru_cache
from typing import Any

import yaml
from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.db import SessionDep
from triage.cases.models import Case, CaseConversation, Note
from triage.categories import Category
from triage.centres import service as centres
from triage.console.web import HERE, SUPERVISORS
from triage.conversations.models import Conversation, ConversationState
from triage.conversations.router import visible_conversation
from triage.conversations.schemas import CloseIn
from triage.staff.models import Staff
from triage.staff.security import CurrentStaff

router = APIRouter(prefix="/console/api", tags=["console"], include_in_schema=False)


class NoteRead(BaseModel):
    author: str
    body: str
    created_at: str


class CaseLink(BaseModel):
    id: uuid.UUID
    reference: str


class Context(BaseModel):
    notes: list[NoteRead]
    case: CaseLink | None


class Claimed(BaseModel):
    conversation_id: uuid.UUID
    level: str
    channel: str
    language: str | None
    region: str | None
    centre: str | None
    claimed_by: str | None
    claimed_at: str | None


class Colleague(BaseModel):
    username: str
    display_name: str
    role: str
    centre: str | None


class Choices(BaseModel):
    colleagues: list[Colleague]
    centres: list[dict[str, str]]
    categories: list[str]
    outcomes: list[str]
    canned: dict[str, list[str]]


@lru_cache
def canned_replies() -> dict[str, list[str]]:
    """Canned replies per conversation language (triage/console/canned_replies.yml)."""
    with (HERE / "canned_replies.yml").open(encoding="utf-8") as handle:
        data: dict[str, list[str]] = yaml.safe_load(handle)
    return data


def _usernames(session: Session, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {s.id: s.username for s in session.scalars(select(Staff).where(Staff.id.in_(wanted)))}


@router.get("/conversations/{conversation_id}/context")
def context(conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> Context:
    """The conversation's notes and the case it belongs to, if any."""
    conversation = visible_conversation(session, conversation_id, staff)
    notes = list(session.scalars(select(Note).where(Note.conversation_id == conversation.id).order_by(Note.created_at)))
    names = _usernames(session, {n.author_id for n in notes})
    case = session.scalar(
        select(Case).join(CaseConversation, CaseConversation.case_id == Case.id)
        .where(CaseConversation.conversation_id == conversation.id).order_by(Case.created_at.desc()).limit(1)
    )  # fmt: skip
    return Context(
        notes=[NoteRead(author=names.get(n.author_id, "?") if n.author_id else "?", body=n.body,
                        created_at=n.created_at.isoformat()) for n in notes],
        case=CaseLink(id=case.id, reference=case.reference) if case is not None else None,
    )  # fmt: skip


@router.get("/claimed")
def claimed(session: SessionDep, staff: CurrentStaff) -> list[Claimed]:
    """Conversations being answered now: one's own, or every one for supervisors."""
    query = select(Conversation).where(Conversation.state == ConversationState.CLAIMED)
    if staff.role not in SUPERVISORS:
        query = query.where(Conversation.claimed_by_id == staff.id)
    found = list(session.scalars(query.order_by(Conversation.claimed_at)))
    names = _usernames(session, {c.claimed_by_id for c in found})
    return [
        Claimed(conversation_id=c.id, level=c.level, channel=c.channel, language=c.language, region=c.region,
                centre=c.centre_code, claimed_by=names.get(c.claimed_by_id) if c.claimed_by_id else None,
                claimed_at=c.claimed_at.isoformat() if c.claimed_at else None)
        for c in found
    ]  # fmt: skip


@router.get("/choices")
def choices(session: SessionDep, staff: CurrentStaff) -> Choices:
    """What the conversation forms offer: colleagues, centres, categories, outcomes, canned replies."""
    colleagues = session.scalars(select(Staff).where(Staff.active.is_(True), Staff.id != staff.id)
                                 .order_by(Staff.username))  # fmt: skip
    outcomes: Any = CloseIn.model_fields["outcome"].annotation
    return Choices(
        colleagues=[Colleague(username=c.username, display_name=c.display_name, role=c.role, centre=c.centre_code)
                    for c in colleagues],
        centres=[{"code": c.code, "name": c.name} for c in centres.all_centres()],
        categories=[str(c) for c in Category], outcomes=list(outcomes.__args__), canned=canned_replies(),
    )  # fmt: skip
