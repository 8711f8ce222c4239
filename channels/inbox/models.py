"""The inbox table: every provider update, stored once (unique provider id) before the provider gets its 2xx."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from helpline.crypto import EncryptedJSON, EncryptedText
from helpline.db import Base, utcnow


class InboxStatus(StrEnum):
    PENDING = "pending"
    WORKING = "working"
    DONE = "done"
    IGNORED = "ignored"


class InboundKind(StrEnum):
    TEXT = "text"
    BUTTON = "button"
    START = "start"
    EDITED = "edited"
    MEDIA = "media"
    LOCATION = "location"
    STICKER = "sticker"
    UNSUPPORTED = "unsupported"
    PAUSE_BOT = "pause_bot"
    RESUME_BOT = "resume_bot"


class InboundMessage(Base):
    """One update from a provider (or a control order for the bot), worked after it was acknowledged."""

    __tablename__ = "channel_inbox"
    __table_args__ = (
        UniqueConstraint("provider", "provider_id", name="uq_channel_inbox_provider_provider_id"),
        Index("ix_channel_inbox_status_id", "status", "id"),
        Index("ix_channel_inbox_contact_status", "contact_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("channel_contacts.id", ondelete="CASCADE"))
    kind: Mapped[InboundKind] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(EncryptedText)
    details: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    status: Mapped[InboxStatus] = mapped_column(String(16), default=InboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    lease_until: Mapped[datetime | None]
    conversation_id: Mapped[uuid.UUID | None]
    message_id: Mapped[uuid.UUID | None]
    error: Mapped[str | None] = mapped_column(String(300))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
