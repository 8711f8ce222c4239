"""Runs the purge on a schedule for the life of the service, and as a command."""

import argparse
import asyncio
import logging

from helpline.db import new_session, utcnow
from helpline.settings import get_settings
from triage.retention.service import purge

log = logging.getLogger(__name__)


def purge_now() -> dict[str, int]:
    """One purge in its own transaction."""
    with new_session() as session, session.begin():
        return purge(session=session, now=utcnow())


async def run() -> None:
    """Purges at start and then every RETENTION_INTERVAL_SECONDS."""
    while True:
        try:
            await asyncio.to_thread(purge_now)
        except Exception as error:  # the schedule must outlive a database restart
            log.warning("retention purge failed: %s", type(error).__name__)
        await asyncio.sleep(get_settings().retention_interval_seconds)


def purge_command(_args: argparse.Namespace) -> int:
    """`helpline purge`: deletes what is past its retention now."""
    counts = purge_now()
    print("[helpline] purged: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()))
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds `purge` to the `helpline` command."""
    commands.add_parser("purge", help="delete what is past its retention time now").set_defaults(handler=purge_command)
