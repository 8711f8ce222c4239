"""Gateway encrypt at rest: raw addresses, queued message texts and details, outbox bodies and template variables.

Revision ID: c0002
Revises: c0001
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from helpline.crypto import PREFIX, encrypt

revision: str = "c0002"
down_revision: str | Sequence[str] | None = "c0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT_COLUMNS = [
    ("channel_contacts", "address", False),
    ("channel_inbox", "text", True),
    ("channel_outbox", "body", False),
]
JSON_COLUMNS = [("channel_inbox", "details", False), ("channel_outbox", "template_variables", True)]


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
    for table, column, nullable in JSON_COLUMNS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                column, type_=sa.Text(), existing_nullable=nullable, postgresql_using=f"{column}::text"
            )
    with op.batch_alter_table("channel_contacts") as batch_op:
        batch_op.alter_column("address", type_=sa.Text(), existing_type=sa.String(length=128), existing_nullable=False)
    for table, column, _ in JSON_COLUMNS:
        _encrypt_rows(table, column, was_json=True)
    for table, column, _ in TEXT_COLUMNS:
        _encrypt_rows(table, column, was_json=False)


def downgrade() -> None:
    raise NotImplementedError("decrypting the database back to plain text is deliberately not offered")
