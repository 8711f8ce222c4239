"""Alembic environment: migrates the database named by DATABASE_URL."""

from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from helpline.crypto import EncryptedJSON, EncryptedText
from helpline.db import Base, UTCDateTime, make_engine
from helpline.models import import_all_models
from helpline.settings import get_settings

if context.config.config_file_name is not None and context.config.attributes.get("configure_logger", True):
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)

import_all_models()
target_metadata = Base.metadata


def run_migrations() -> None:
    """Runs the migrations online, on a connection given by the caller or a new engine."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(get_settings().database_url)
    with engine.connect() as new_connection:
        _run(new_connection)
    engine.dispose()


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Writes project column types as plain SQLAlchemy types in new migrations."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, EncryptedText | EncryptedJSON):
        return "sa.Text()"
    return False


def _run(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # Batch migrations copy and drop tables: with foreign keys on, ON DELETE CASCADE would empty the children.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
