"""Creating reports and their references."""

import secrets
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.reports.models import Report

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read out on the phone


def new_reference(prefix: str) -> str:
    """A short random reference such as `R-7KQ2XM`."""
    return f"{prefix}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def create(
    *,
    session: Session,
    conversation_id: uuid.UUID | None,
    language: str | None,
    answers: dict[str, Any],
    consent: dict[str, Any],
    level: str,
    signals: list[dict[str, str]],
) -> Report:
    """Stores a report under a fresh reference."""
    reference = new_reference("R")
    while session.scalar(select(Report.id).where(Report.reference == reference)) is not None:
        reference = new_reference("R")
    report = Report(
        reference=reference, conversation_id=conversation_id, language=language, answers=answers,
        consent=consent, level=level, signals=signals,
    )  # fmt: skip
    session.add(report)
    session.flush()
    return report


def by_reference(*, session: Session, reference: str) -> Report | None:
    """The report with this reference."""
    return session.scalar(select(Report).where(Report.reference == reference.upper()))


def for_conversation(*, session: Session, conversation_id: uuid.UUID) -> list[Report]:
    """Reports taken in a conversation, oldest first."""
    return list(
        session.scalars(select(Report).where(Report.conversation_id == conversation_id).order_by(Report.created_at))
    )
