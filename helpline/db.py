"""Database engine, the declarative base, and one transaction per request."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any, cast

from fastapi import Depends
from sqlalchemy import CursorResult, DateTime, Engine, MetaData, Result, Table, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from helpline.settings import get_settings

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base of every table of the helpline service."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


def table(model: type[Base]) -> Table:
    """The model's table: statements built on it skip the ORM, for the hot paths where the ORM's handling of a
    statement costs several times what the database takes to run it."""
    return cast(Table, model.__table__)


class UUIDPrimaryKey:
    """A random UUID primary key."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


def make_engine(url: str) -> Engine:
    """An engine for the URL (SQL errors never show parameters: they may hold message data)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


_engine: Engine | None = None
_sessionmaker: sessionmaker[Session] | None = None


def get_engine() -> Engine:
    """The process-wide engine, created on first use."""
    global _engine, _sessionmaker
    if _engine is None:
        _engine = make_engine(get_settings().database_url)
        _sessionmaker = sessionmaker(_engine, expire_on_commit=False)
    return _engine


def new_session() -> Session:
    """A fresh session on the process-wide engine."""
    get_engine()
    assert _sessionmaker is not None
    return _sessionmaker()


def reset_engine() -> None:
    """Forget the process-wide engine (tests that change DATABASE_URL)."""
    global _engine, _sessionmaker
    if _engine is not None:
        _engine.dispose()
    _engine, _sessionmaker = None, None


def get_session() -> Iterator[Session]:
    """One transaction per request: commit at the end, roll back on error."""
    with new_session() as session, session.begin():
        yield session


# scope="function": commit before the response is sent, so a 2xx always means the change is stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def rowcount(result: Result[Any]) -> int:
    """Rows touched by an UPDATE or DELETE."""
    return int(cast(CursorResult[Any], result).rowcount)
