"""Anonymised daily counts kept after retention deletes conversations.

Revision ID: t0003
Revises: t0002

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "t0003"
down_revision: str | Sequence[str] | None = "t0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "daily_counts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=2), nullable=False),
        sa.Column("region", sa.String(length=8), nullable=False),
        sa.Column("outcome", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_counts")),
        sa.UniqueConstraint("day", "channel", "level", "region", "outcome", name=op.f("uq_daily_counts_day")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("daily_counts")
