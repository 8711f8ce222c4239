"""Shared fixtures of the main runtime's tests: a real database and a real Redis.

DATABASE_URL and REDIS_URL pick real servers (CI: PostgreSQL and Redis on 127.0.0.1); when they are unset the
tests use a SQLite file and an embedded redis-server, like `make run` does on one machine.
"""

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import text
from sqlalchemy.orm import Session

_TMP = Path(tempfile.mkdtemp(prefix="helpline-tests-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_TMP / 'helpline.db'}")
os.environ["HELPLINE_ENV"] = "development"
os.environ["RASA_URL"] = os.environ.get("TEST_RASA_URL", "http://127.0.0.1:9")  # nothing listens: Rasa is down
os.environ["RASA_TIMEOUT_SECONDS"] = "2"

_embedded_redis: subprocess.Popen[bytes] | None = None
if not os.environ.get("REDIS_URL"):
    from helpline import embedded_redis

    _embedded_redis, os.environ["REDIS_URL"] = embedded_redis.start(_TMP / "redis")

from helpline.db import get_engine, new_session, reset_engine  # noqa: E402
from helpline.migrate import upgrade  # noqa: E402
from helpline.models import import_all_models  # noqa: E402
from helpline.redis_client import get_redis  # noqa: E402
from helpline.settings import get_settings  # noqa: E402


def _drop_everything() -> None:
    engine = get_engine()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        else:
            rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).all()
            for (name,) in rows:
                connection.execute(text(f'DROP TABLE IF EXISTS "{name}"'))


@pytest.fixture(scope="session", autouse=True)
def database() -> Iterator[None]:
    """A freshly migrated database for the whole run."""
    get_settings.cache_clear()
    reset_engine()
    _drop_everything()
    upgrade()
    import_all_models()
    yield
    reset_engine()


@pytest.fixture(autouse=True)
def _clean_state(database: None) -> Iterator[None]:
    """Each test starts with empty tables and an empty Redis database."""
    yield
    from helpline.db import Base

    engine = get_engine()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
    get_redis().flushdb()


@pytest.fixture
def session() -> Iterator[Session]:
    """A database session for the test; tests commit when the service under test must see their rows."""
    with new_session() as db_session:
        yield db_session
        db_session.commit()


@pytest.fixture
def redis_client() -> "redis.Redis":
    """The Redis client the service uses."""
    return get_redis()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI no test may be skipped silently: a skip fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") and skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line(f"CI: {skipped} test(s) were skipped; every test must run in CI", red=True)
    if _embedded_redis is not None:
        _embedded_redis.terminate()


class Reconfigure:
    """Changes environment variables for one test and re-reads settings, engine and Redis client."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def __call__(self, **values: str) -> None:
        for name, value in values.items():
            self._monkeypatch.setenv(name, value)
        _reload()


def _reload() -> None:
    from helpline import crypto

    crypto.reset()
    get_settings.cache_clear()
    get_redis.cache_clear()
    reset_engine()


@pytest.fixture
def reconfigure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Reconfigure]:
    """Call with NAME=value to change settings; everything is restored after the test."""
    yield Reconfigure(monkeypatch)
    monkeypatch.undo()
    _reload()
