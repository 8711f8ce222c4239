"""Scores one text with optional context; for the action server (service token) or signed-in staff."""

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

from helpline.db import SessionDep
from triage.scoring import Context, assess
from triage.staff import service as staff_service
from triage.staff.security import UNAUTHENTICATED, Credentials, is_service_token

router = APIRouter(prefix="/api/v1/triage", tags=["triage"])


class ScoreIn(BaseModel):
    text: str = Field(max_length=4000)
    context: dict[str, Any] = Field(default_factory=dict)


class SignalOut(BaseModel):
    code: str
    evidence: str


class ScoreOut(BaseModel):
    level: str
    score: float
    signals: list[SignalOut]
    language: str
    script: str


@router.post("/score")
def score(body: ScoreIn, session: SessionDep, credentials: Credentials) -> ScoreOut:
    """The assessment of one text: level, score, signals with their evidence, language and script."""
    if credentials is None or not (
        is_service_token(credentials.credentials)
        or staff_service.staff_for_token(session=session, token=credentials.credentials) is not None
    ):
        raise UNAUTHENTICATED
    try:
        context = Context.from_mapping(body.context)
    except ValueError as invalid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(invalid)) from None
    return ScoreOut.model_validate(assess(body.text, context=context).to_dict())
