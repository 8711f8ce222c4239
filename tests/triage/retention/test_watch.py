"""The service's own schedule: the purge runs at start, then again every RETENTION_INTERVAL_SECONDS, on the real
database, for as long as the service lives."""

import asyncio
import time
import uuid
from datetime import timedelta

from helpline.db import new_session, utcnow
from tests.conftest import Reconfigure
from tests.triage.retention.test_purge import _conversation
from triage.conversations.models import Conversation, ConversationState
from triage.retention import watch

INTERVAL = 2.0


def _expired_conversation() -> uuid.UUID:
    """A closed conversation older than any transcript retention, committed for the loop's own sessions."""
    with new_session() as session, session.begin():
        conversation = _conversation(session, state=ConversationState.CLOSED, at=utcnow() - timedelta(days=400))
        return conversation.id


def _exists(conversation_id: uuid.UUID) -> bool:
    with new_session() as session:
        return session.get(Conversation, conversation_id) is not None


async def _gone_within(conversation_id: uuid.UUID, seconds: float) -> float:
    """How long it took the loop to purge the conversation; fails after `seconds`."""
    start = time.monotonic()
    while _exists(conversation_id):
        assert time.monotonic() - start < seconds, "the scheduled purge did not run"
        await asyncio.sleep(0.05)
    return time.monotonic() - start


def test_the_service_loop_purges_at_start_and_then_on_schedule(reconfigure: Reconfigure) -> None:
    reconfigure(RETENTION_INTERVAL_SECONDS=str(INTERVAL))
    first, recent = _expired_conversation(), None

    async def scenario() -> None:
        nonlocal recent
        loop = asyncio.create_task(watch.run())
        try:
            await _gone_within(first, seconds=15)  # at start
            second = _expired_conversation()
            with new_session() as session, session.begin():
                recent = _conversation(session, state=ConversationState.CLOSED, at=utcnow()).id
            await asyncio.sleep(INTERVAL / 4)
            assert _exists(second), "the loop waits for its interval between purges"
            await _gone_within(second, seconds=INTERVAL + 15)  # at the next tick
            assert not loop.done(), "the loop keeps running"
        finally:
            loop.cancel()

    asyncio.run(scenario())
    assert recent is not None
    assert _exists(recent), "what is within its retention stays"
