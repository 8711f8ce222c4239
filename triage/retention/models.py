"""Anonymised daily counts, kept after the conversations they count are deleted."""

from datetime import date

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from helpline.db import Base


class DailyCount(Base):
    """How many conversations of one kind started on one day (no identifier, no text)."""

    __tablename__ = "daily_counts"
    __table_args__ = (UniqueConstraint("day", "channel", "level", "region", "outcome"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    day: Mapped[date]
    channel: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = mapped_column(String(8), default="")
    outcome: Mapped[str] = mapped_column(String(64), default="")
    count: Mapped[int] = mapped_column(default=0)
