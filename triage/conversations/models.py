"""Tables of conversations and their messages."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from helpline.crypto import EncryptedJSON, EncryptedText
from helpline.db import Base, UUIDPrimaryKey, utcnow


class ConversationState(StrEnum):
    BOT = "bot"
    QUEUED = "queued"
    CLAIMED = "claimed"
    CLOSED = "closed"


class Direction(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class Author(StrEnum):
    USER = "user"
    BOT = "bot"
    STAFF = "staff"
    SYSTEM = "system"


class Conversation(UUIDPrimaryKey, Base):
    """One person on one channel; the unit that is scored, queued and claimed."""

    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_channel_pseudonym", "channel", "pseudonym"),)

    channel: Mapped[str] = mapped_column(String(16))
    pseudonym: Mapped[str] = mapped_column(String(64))
    state: Mapped[ConversationState] = mapped_column(String(16), default=ConversationState.BOT, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)

    level: Mapped[str] = mapped_column(String(2), default="P4")
    level_floor: Mapped[str | None] = mapped_column(String(2))
    score: Mapped[float] = mapped_column(default=0.0)
    signals: Mapped[list[dict[str, str]]] = mapped_column(EncryptedJSON, default=list)
    region: Mapped[str | None] = mapped_column(String(8))
    centre_code: Mapped[str | None] = mapped_column(String(32))
    reporter: Mapped[str | None] = mapped_column(String(8))
    child_age: Mapped[int | None]
    handoff: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)

    queued_at: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    sla_alerted_at: Mapped[datetime | None]
    claimed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(64))
    feedback: Mapped[int | None]

    messages: Mapped[list["Message"]] = relationship(
        back_populates="conversation", order_by="Message.created_at", cascade="all, delete-orphan"
    )


class Message(UUIDPrimaryKey, Base):
    """One message in or out of a conversation."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_conversation_created", "conversation_id", "created_at"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    direction: Mapped[Direction] = mapped_column(String(3))
    author: Mapped[Author] = mapped_column(String(8))
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")
