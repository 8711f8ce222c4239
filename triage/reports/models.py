"""Reports taken by the assistant's form."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from helpline.crypto import EncryptedJSON
from helpline.db import Base, UUIDPrimaryKey, utcnow


class Report(UUIDPrimaryKey, Base):
    """One structured report with the reference given to the reporter."""

    __tablename__ = "reports"

    reference: Mapped[str] = mapped_column(String(16), unique=True)
    conversation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), index=True
    )
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    answers: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    consent: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    level: Mapped[str] = mapped_column(String(2))
    signals: Mapped[list[dict[str, str]]] = mapped_column(EncryptedJSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
