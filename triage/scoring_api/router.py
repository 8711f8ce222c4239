"""Scores one text with optional context; for the action server (service token) or signed-in staff.

Scoring is pure and takes about half a millisecond, so short texts are scored on the event loop: handing them to
the thread pool cost more than the work. Long texts (up to 4,000 characters, ~20 ms) go to the thread pool so
that they do not hold up other requests.
"""

from typing import Any

from fastapi import APIRouter, HTTPException, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from triage.scoring import Assessment, Context, assess
from triage.staff.security import ServiceOrStaff

router = APIRouter(prefix="/api/v1/triage", tags=["triage"])

INLINE_CHARACTERS = 500


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
async def score(_caller: ServiceOrStaff, body: ScoreIn) -> ScoreOut:
    """The assessment of one text: level, score, signals with their evidence, language and script."""
    try:
        context = Context.from_mapping(body.context)
    except ValueError as invalid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(invalid)) from None
    assessment: Assessment
    if len(body.text) + sum(len(message) for message in context.earlier_messages) <= INLINE_CHARACTERS:
        assessment = assess(body.text, context=context)
    else:
        assessment = await run_in_threadpool(assess, body.text, context=context)
    return ScoreOut.model_validate(assessment.to_dict())
