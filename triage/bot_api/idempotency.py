"""Retried requests from the action server (same Idempotency-Key) get the first answer again, not a duplicate."""

from datetime import datetime
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from helpline.db import Base, utcnow


class IdempotentRequest(Base):
    """The answer given to one request, by its Idempotency-Key."""

    __tablename__ = "idempotent_requests"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    path: Mapped[str] = mapped_column(String(128))
    status_code: Mapped[int]
    body: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def replay(*, session: Session, key: str | None, path: str) -> JSONResponse | None:
    """The stored answer for this key and path, if the request was already handled."""
    if not key:
        return None
    stored = session.get(IdempotentRequest, key)
    if stored is None or stored.path != path:
        return None
    return JSONResponse(stored.body, status_code=stored.status_code)


def remember(*, session: Session, key: str | None, path: str, status_code: int, body: dict[str, Any] | None) -> None:
    """Keeps the answer so that a retry with the same key gets it again (in the request's transaction)."""
    if key:
        session.add(IdempotentRequest(key=key[:128], path=path, status_code=status_code, body=body))
        session.flush()
