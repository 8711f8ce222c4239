"""Scores one text with optional context; for the action server (service token) or signed-in staff."""

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

from triage.scoring import Context, assess
from triage.staff.security import ServiceOrStaff

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
def score(_caller: ServiceOrStaff, body: ScoreIn) -> ScoreOut:
    """The assessment of one text: level, score, signals with their evidence, language and script."""
    try:
        context = Context.from_mapping(body.context)
    except ValueError as invalid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(invalid)) from None
    return ScoreOut.model_validate(assess(body.text, context=context).to_dict())
