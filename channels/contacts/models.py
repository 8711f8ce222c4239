"""The contacts table: how to reach a pseudonymous sender, and what they agreed to."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from helpline.crypto import EncryptedText
from helpline.db import Base, UUIDPrimaryKey, utcnow


class Contact(UUIDPrimaryKey, Base):
    """One address on one channel; `address` is the only raw phone number or chat id in the database."""

    __tablename__ = "channel_contacts"
    __table_args__ = (UniqueConstraint("channel", "pseudonym", name="uq_channel_contacts_channel_pseudonym"),)

    channel: Mapped[str] = mapped_column(String(16))
    pseudonym: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(EncryptedText)
    opted_out: Mapped[bool] = mapped_column(default=False)
    last_inbound_at: Mapped[datetime | None]
    menu: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
