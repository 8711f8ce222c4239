"""Encrypt at rest: message bodies, notes, report answers and consent, handoff packets, signal evidence.

Revision ID: t0002
Revises: t0001
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpline.crypto import PREFIX, encrypt

revision: str = "t0002"
down_revision: str | Sequence[str] | None = "t0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = [("messages", "body"), ("notes", "body")]
JSON_COLUMNS = [
    ("conversations", "signals"),
    ("conversations", "handoff"),
    ("reports", "answers"),
    ("reports", "consent"),
    ("reports", "signals"),
]


def _encrypt_rows(table: str, column: str, *, was_json: bool) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
    for row_id, value in rows:
        if value is None or (isinstance(value, str) and value.startswith(PREFIX)):
            continue
        plain = json.dumps(value if not isinstance(value, str) else json.loads(value)) if was_json else value
        connection.execute(
            sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), {"value": encrypt(plain), "id": row_id}
        )


def upgrade() -> None:
    for table, column in JSON_COLUMNS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                column, type_=sa.Text(), existing_nullable=False, server_default=None,
                postgresql_using=f"{column}::text",
            )  # fmt: skip
    for table, column in JSON_COLUMNS:
        _encrypt_rows(table, column, was_json=True)
    for table, column in TEXT_COLUMNS:
        _encrypt_rows(table, column, was_json=False)


def downgrade() -> None:
    raise NotImplementedError("decrypting the database back to plain text is deliberately not offered")
