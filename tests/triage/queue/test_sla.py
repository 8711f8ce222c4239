"""A P1 not claimed within its target alerts supervisors, once."""

import json
import uuid
from collections.abc import Callable
from datetime import timedelta

import redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.db import utcnow
from triage.audit.models import AuditEvent
from triage.conversations.models import Conversation
from triage.queue import service as queue
from triage.queue.watch import alert_breaches


def _age(session: Session, conversation_id: uuid.UUID, seconds: int) -> None:
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    conversation.deadline = utcnow() - timedelta(seconds=seconds)
    session.commit()


def test_late_p1_alerts_once_with_an_event(
    make_conversation: Callable[..., uuid.UUID], session: Session, redis_client: redis.Redis
) -> None:
    late_p1 = make_conversation(level="P1")
    fresh_p1 = make_conversation(level="P1")
    late_p3 = make_conversation(level="P3")
    _age(session, late_p1, 30)
    _age(session, late_p3, 30)
    listener = redis_client.pubsub()
    listener.subscribe(queue.EVENTS)
    listener.get_message(timeout=1)
    assert alert_breaches() == 1
    assert alert_breaches() == 0, "an alarm is raised once"
    event = listener.get_message(timeout=2)
    listener.close()
    assert event is not None
    payload = json.loads(event["data"])
    assert payload["type"] == "sla_breach"
    assert payload["conversation_id"] == str(late_p1)
    assert payload["overdue_seconds"] >= 30
    audited = session.scalars(select(AuditEvent.conversation_id).where(AuditEvent.action == "sla_breach")).all()
    assert audited == [late_p1]
    assert fresh_p1 not in audited
