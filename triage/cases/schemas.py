"""Case payloads."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from triage.cases.models import CaseStatus
from triage.categories import Category


class CaseCreate(BaseModel):
    conversation_id: uuid.UUID | None = None


class NoteIn(BaseModel):
    body: str = Field(min_length=1, max_length=8000)


class NoteRead(BaseModel):
    id: uuid.UUID
    body: str
    author_id: uuid.UUID | None
    created_at: datetime


class CategoriesIn(BaseModel):
    categories: list[Category] = Field(max_length=12)


class ReferralIn(BaseModel):
    service_code: str = Field(max_length=32)


class ReferralRead(BaseModel):
    service_code: str
    created_at: datetime


class StatusIn(BaseModel):
    status: CaseStatus
    outcome: str | None = Field(default=None, max_length=64)


class HoldIn(BaseModel):
    legal_hold: bool


class LinkIn(BaseModel):
    conversation_id: uuid.UUID


class ServiceRead(BaseModel):
    code: str
    kind: str
    name: str
    regions: list[str]
    phone: str | None


class CaseRead(BaseModel):
    id: uuid.UUID
    reference: str
    status: CaseStatus
    centre_code: str | None
    region: str | None
    categories: list[str]
    outcome: str | None
    legal_hold: bool
    created_at: datetime
    conversations: list[uuid.UUID]
    reports: list[str]
    notes: list[NoteRead]
    referrals: list[ReferralRead]
