"""Brings the database schema to the newest migration."""

from pathlib import Path

from alembic import command
from alembic.config import Config

from helpline.paths import ROOT, VAR
from helpline.settings import get_settings


def alembic_config() -> Config:
    """Alembic's configuration for this project, pointing at DATABASE_URL."""
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    return config


def upgrade() -> None:
    """Migrates DATABASE_URL to head, creating the SQLite folder when needed."""
    url = get_settings().database_url
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    VAR.mkdir(exist_ok=True)
    command.upgrade(alembic_config(), "heads")
