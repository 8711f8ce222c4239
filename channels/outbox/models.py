"""The outbox table: one provider message each (a long SMS reply is several), with its delivery status."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from helpline.crypto import EncryptedJSON, EncryptedText
from helpline.db import Base, utcnow


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    ACCEPTED = "accepted"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    CANCELLED = "cancelled"


UNFINISHED = (OutboxStatus.PENDING, OutboxStatus.SENDING)


class Purpose(StrEnum):
    REPLY = "reply"
    TEMPLATE = "template"
    OPT_OUT_CONFIRMATION = "opt_out_confirmation"


class OutboundMessage(Base):
    """One message handed to a provider, retried on transient failures, updated by status callbacks."""

    __tablename__ = "channel_outbox"
    __table_args__ = (
        Index("ix_channel_outbox_status_id", "status", "id"),
        Index("ix_channel_outbox_contact_status", "contact_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    conversation_id: Mapped[uuid.UUID]
    message_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("channel_contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[Purpose] = mapped_column(String(24), default=Purpose.REPLY)
    body: Mapped[str] = mapped_column(EncryptedText)
    buttons: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    template_sid: Mapped[str | None] = mapped_column(String(64))
    template_variables: Mapped[dict[str, str] | None] = mapped_column(EncryptedJSON)
    status: Mapped[OutboxStatus] = mapped_column(String(16), default=OutboxStatus.PENDING)
    provider_message_id: Mapped[str | None] = mapped_column(String(64), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
