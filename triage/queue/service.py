"""The live queue: one Redis sorted set per centre, ordered by level then deadline; changes are published."""

import json
import logging
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any, cast

import redis
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.redis_client import get_redis
from helpline.settings import get_settings
from triage.conversations.models import Conversation, ConversationState

log = logging.getLogger(__name__)

PREFIX = "helpline:queue:"
EVENTS = "helpline:events"
ONLINE = "helpline:online:"
LEVEL_RANK = {"P1": 1, "P2": 2, "P3": 3, "P4": 4}


def _keys(pattern: str) -> list[bytes]:
    """Keys matching a pattern (few: one per centre or online staff member)."""
    return list(cast(Iterator[bytes], get_redis().scan_iter(pattern)))


def target_seconds(level: str) -> int:
    """How long a conversation of this level may wait before a human claims it."""
    settings = get_settings()
    return {
        "P1": settings.sla_p1_seconds,
        "P2": settings.sla_p2_seconds,
        "P3": settings.sla_p3_seconds,
    }.get(level, settings.sla_p4_seconds)


def rank(*, level: str, deadline: datetime) -> float:
    """Sort key: every P1 before every P2, and so on; within a level, the earliest deadline first."""
    return LEVEL_RANK[level] * 1e10 + deadline.timestamp()


def publish(event: str, conversation: Conversation, **extra: Any) -> None:
    """Pushes a queue change to whoever listens (consoles); the database stays the truth if Redis fails."""
    payload = {
        "type": event,
        "conversation_id": str(conversation.id),
        "level": conversation.level,
        "centre": conversation.centre_code,
        "state": conversation.state,
        **extra,
    }
    try:
        get_redis().publish(EVENTS, json.dumps(payload))
    except redis.RedisError as error:
        log.warning("queue event not published: %s", type(error).__name__)


def sync(conversation: Conversation) -> None:
    """Puts the conversation where its state says: in its centre's queue when queued, in none otherwise."""
    client = get_redis()
    key = str(conversation.id)
    try:
        pipe = client.pipeline()
        for queue in _keys(f"{PREFIX}*"):
            pipe.zrem(queue, key)
        if conversation.state == ConversationState.QUEUED and conversation.deadline is not None:
            pipe.zadd(
                f"{PREFIX}{conversation.centre_code}",
                {key: rank(level=conversation.level, deadline=conversation.deadline)},
            )
        pipe.execute()
    except redis.RedisError as error:
        log.warning("live queue not updated (rebuilt from the database later): %s", type(error).__name__)


def ordered_ids(*, centres: list[str]) -> list[uuid.UUID]:
    """Conversation ids waiting in these centres' queues, most urgent first."""
    client = get_redis()
    entries: list[tuple[float, str]] = []
    for centre in centres:
        members = cast(list[tuple[bytes, float]], client.zrange(f"{PREFIX}{centre}", 0, -1, withscores=True))
        entries.extend((score, member.decode()) for member, score in members)
    return [uuid.UUID(member) for _score, member in sorted(entries)]


def rebuild(*, session: Session) -> int:
    """Rebuilds every live queue from the database; returns how many conversations are waiting."""
    client = get_redis()
    waiting = list(session.scalars(select(Conversation).where(Conversation.state == ConversationState.QUEUED)))
    pipe = client.pipeline()
    for queue in _keys(f"{PREFIX}*"):
        pipe.delete(queue)
    for conversation in waiting:
        if conversation.deadline is not None:
            pipe.zadd(
                f"{PREFIX}{conversation.centre_code}",
                {str(conversation.id): rank(level=conversation.level, deadline=conversation.deadline)},
            )
    pipe.execute()
    return len(waiting)


def mark_online(*, centre_code: str | None, staff_id: uuid.UUID) -> None:
    """Notes that a staff member of the centre is working now (expires on its own)."""
    if centre_code is None:
        return
    seconds = get_settings().staff_online_seconds
    get_redis().set(f"{ONLINE}{centre_code}:{staff_id}", "1", ex=seconds)


def online_centres() -> set[str]:
    """Centres with at least one staff member seen recently."""
    try:
        return {key.decode().removeprefix(ONLINE).split(":", 1)[0] for key in _keys(f"{ONLINE}*")}
    except redis.RedisError:
        return set()
