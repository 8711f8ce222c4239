"""Payloads exchanged with the assistant's action server."""

import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field


class Consent(BaseModel):
    contact_back: bool | None = None
    contact_how: str | None = Field(default=None, max_length=32)
    anonymous: bool | None = None
    wording_version: str = Field(default="v1", max_length=16)


class HandoffIn(BaseModel):
    conversation_id: uuid.UUID
    reason: Literal["danger", "user_request", "fallback"]
    priority: Literal["P1", "P2", "P3", "P4"] | None = None
    language: str | None = Field(default=None, max_length=16)
    summary: str = Field(default="", max_length=4000)
    report: dict[str, Any] = Field(default_factory=dict)
    signals: list[str] = Field(default_factory=list, max_length=64)
    consent: Consent = Field(default_factory=Consent)


class HandoffOut(BaseModel):
    state: str
    level: str
    expected_wait_seconds: int | None
    centre_open: bool
    opening_hours: str | None


class ReportIn(BaseModel):
    conversation_id: uuid.UUID
    language: str | None = Field(default=None, max_length=16)
    answers: dict[str, Any] = Field(default_factory=dict)
    consent: Consent = Field(default_factory=Consent)


class ReportOut(BaseModel):
    reference: str
    level: str


class ForgetIn(BaseModel):
    conversation_id: uuid.UUID


class ForgetOut(BaseModel):
    erased: dict[str, int]
    held: bool


class FeedbackIn(BaseModel):
    conversation_id: uuid.UUID
    score: Literal[1, 2, 3]
