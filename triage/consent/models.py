"""One row each time a person states their consent."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from helpline.db import Base, UUIDPrimaryKey, utcnow


class Consent(UUIDPrimaryKey, Base):
    """What the person agreed to, when, and under which wording of the question."""

    __tablename__ = "consents"

    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    contact_back: Mapped[bool | None]
    contact_how: Mapped[str | None] = mapped_column(String(32))
    anonymous: Mapped[bool | None]
    wording_version: Mapped[str] = mapped_column(String(16))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
