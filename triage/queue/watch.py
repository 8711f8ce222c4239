"""Background work of the queue: rebuild it from the database at start, and raise SLA alarms."""

import asyncio
import logging

from sqlalchemy import select

from helpline.db import new_session, utcnow
from helpline.settings import get_settings
from triage.audit.service import record
from triage.conversations.models import Conversation, ConversationState
from triage.queue import service as queue

log = logging.getLogger(__name__)


def rebuild_now() -> int:
    """Rebuilds the live queue from the database (after a restart, or if Redis lost it)."""
    with new_session() as session:
        return queue.rebuild(session=session)


def alert_breaches() -> int:
    """Alerts supervisors once for each P1 waiting past its deadline; returns how many were new."""
    now = utcnow()
    with new_session() as session, session.begin():
        late = session.scalars(
            select(Conversation).where(
                Conversation.state == ConversationState.QUEUED,
                Conversation.level == "P1",
                Conversation.deadline < now,
                Conversation.sla_alerted_at.is_(None),
            )
        ).all()
        for conversation in late:
            conversation.sla_alerted_at = now
            overdue = (now - conversation.deadline).total_seconds() if conversation.deadline else 0.0
            record(session=session, actor="triage", action="sla_breach", conversation_id=conversation.id,
                   detail={"level": conversation.level, "overdue_seconds": round(overdue)})  # fmt: skip
            queue.publish("sla_breach", conversation, overdue_seconds=round(overdue))
        return len(late)


async def run() -> None:
    """Rebuilds the queue once, then checks deadlines every few seconds for the life of the service."""
    waiting = await asyncio.to_thread(rebuild_now)
    log.info("live queue rebuilt from the database: %d waiting", waiting)
    interval = get_settings().sla_check_interval_seconds
    while True:
        try:
            await asyncio.to_thread(alert_breaches)
        except Exception as error:  # the watcher must outlive a database or Redis restart
            log.warning("SLA check failed: %s", type(error).__name__)
        await asyncio.sleep(interval)
