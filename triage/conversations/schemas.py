"""Conversation payloads for staff."""

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from triage.scoring import Level


class SignalRead(BaseModel):
    code: str
    evidence: str


class QueueEntry(BaseModel):
    conversation_id: uuid.UUID
    level: str
    signals: list[SignalRead]
    channel: str
    language: str | None
    region: str | None
    centre: str | None
    child_age: int | None
    waiting_since: datetime | None
    deadline: datetime | None


class DeliveryRead(BaseModel):
    status: str
    error: str | None


class MessageRead(BaseModel):
    id: uuid.UUID
    direction: str
    author: str
    body: str
    created_at: datetime
    delivery: DeliveryRead | None


class ReportRead(BaseModel):
    reference: str
    level: str
    answers: dict[str, Any]
    consent: dict[str, Any]
    created_at: datetime


class ConversationRead(BaseModel):
    id: uuid.UUID
    state: str
    level: str
    level_floor: str | None
    signals: list[SignalRead]
    channel: str
    language: str | None
    region: str | None
    centre: str | None
    reporter: str | None
    child_age: int | None
    claimed_by: str | None
    contact: str | None
    queued_at: datetime | None
    deadline: datetime | None
    outcome: str | None
    handoff: dict[str, Any]
    messages: list[MessageRead]
    reports: list[ReportRead]


class ReplyIn(BaseModel):
    text: str = Field(min_length=1, max_length=1600)


class RevealIn(BaseModel):
    """Why a number is revealed; required (from an admin) when the person asked to stay anonymous."""

    reason: str = Field(min_length=10, max_length=500)


class ReplyOut(BaseModel):
    message_id: uuid.UUID | None
    status: str
    detail: str | None
    template_sid: str | None


class TransferIn(BaseModel):
    to_staff: str | None = None
    to_centre: str | None = None


class CloseIn(BaseModel):
    outcome: Literal[
        "counselled", "referred", "information_given", "report_taken", "no_response", "test_or_prank", "other"
    ]


class LevelIn(BaseModel):
    level: Level
