"""The live queue: one Redis sorted set per centre, ordered by level then deadline; changes are published."""

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, cast

import redis
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, object_session

from helpline.redis_client import get_redis
from helpline.settings import get_settings
from triage.conversations.models import Conversation, ConversationState

log = logging.getLogger(__name__)

PREFIX = "helpline:queue:"
EVENTS = "helpline:events"
ONLINE = "helpline:online:"
PENDING = "helpline:queue-pending"
VERSION = "helpline:queue-version"
CHANGED = "helpline:queue-changed"
SHOWN = ("state", "level", "signals", "channel", "language", "region", "centre_code", "child_age", "queued_at",
         "deadline")  # fmt: skip
"""The columns a queue entry shows: a committed change to one of them changes the queue's version."""
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


def _after_commit(conversation: Conversation, action: Callable[[], None]) -> None:
    """Runs `action` once the conversation's transaction has committed (now if there is none); never on rollback."""
    session = object_session(conversation)
    if session is None or not session.in_transaction():
        action()
        return
    pending: list[Callable[[], None]] = session.info.setdefault(PENDING, [])
    if not session.info.get(PENDING + ":hooked"):
        session.info[PENDING + ":hooked"] = True
        event.listen(session, "after_commit", _run_pending)
        event.listen(session, "after_rollback", _drop_pending)
    pending.append(action)


def _run_pending(session: Session) -> None:
    actions, session.info[PENDING] = session.info.get(PENDING, []), []
    for action in actions:
        action()


def _drop_pending(session: Session) -> None:
    session.info[PENDING] = []


def publish(event_type: str, conversation: Conversation, **extra: Any) -> None:
    """Pushes a queue change to whoever listens (consoles), once it is committed; Redis failing loses nothing."""
    payload = {
        "type": event_type,
        "conversation_id": str(conversation.id),
        "level": conversation.level,
        "centre": conversation.centre_code,
        "state": conversation.state,
        **extra,
    }
    _after_commit(conversation, lambda: _send(payload))


def _send(payload: dict[str, Any]) -> None:
    try:
        get_redis().publish(EVENTS, json.dumps(payload))
    except redis.RedisError as error:
        log.warning("queue event not published: %s", type(error).__name__)


def sync(conversation: Conversation) -> None:
    """Puts the conversation where its state says (its centre's queue when queued, none otherwise), on commit."""
    key = str(conversation.id)
    place = None
    if conversation.state == ConversationState.QUEUED and conversation.deadline is not None:
        place = (f"{PREFIX}{conversation.centre_code}", rank(level=conversation.level, deadline=conversation.deadline))
    _after_commit(conversation, lambda: _place(key, place))


def _place(key: str, place: tuple[str, float] | None) -> None:
    try:
        pipe = get_redis().pipeline()
        for queue in _keys(f"{PREFIX}*"):
            pipe.zrem(queue, key)
        if place is not None:
            pipe.zadd(place[0], {key: place[1]})
        pipe.set(VERSION, _new_version())
        pipe.execute()
    except redis.RedisError as error:
        log.warning("live queue not updated (rebuilt from the database later): %s", type(error).__name__)


def version() -> str | None:
    """A token that changes whenever the queues or what their entries show change; None if Redis cannot tell
    (down, or restarted since the last change: a random token, unlike a counter, cannot come back after that)."""
    try:
        token = cast(bytes | None, get_redis().get(VERSION))
    except redis.RedisError:
        return None
    return token.decode() if token is not None else None


def _new_version() -> str:
    return uuid.uuid4().hex


def _bump() -> None:
    try:
        get_redis().set(VERSION, _new_version())
    except redis.RedisError as error:
        log.warning("queue version not changed (cached queue reads expire on their own): %s", type(error).__name__)


@event.listens_for(Session, "after_flush")
def _note_shown_changes(session: Session, _context: object) -> None:
    """Marks the transaction when it changes a conversation's queue entry (not, say, its last message time)."""
    if session.info.get(CHANGED):
        return
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, Conversation) and (
            instance in session.new
            or instance in session.deleted
            or any(inspect(instance).attrs[name].history.has_changes() for name in SHOWN)
        ):
            session.info[CHANGED] = True
            return


@event.listens_for(Session, "after_commit")
def _bump_if_shown_changed(session: Session) -> None:
    if session.info.pop(CHANGED, False):
        _bump()


@event.listens_for(Session, "after_rollback")
def _forget_shown_changes(session: Session) -> None:
    session.info.pop(CHANGED, None)


def ordered_ids(*, centres: list[str]) -> list[uuid.UUID]:
    """Conversation ids waiting in these centres' queues, most urgent first."""
    pipe = get_redis().pipeline(transaction=False)
    for centre in centres:
        pipe.zrange(f"{PREFIX}{centre}", 0, -1, withscores=True)
    entries: list[tuple[float, str]] = []
    for members in cast(list[list[tuple[bytes, float]]], pipe.execute()):
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
    pipe.set(VERSION, _new_version())
    pipe.execute()
    return len(waiting)


_marked_until: dict[tuple[str, uuid.UUID], float] = {}


def mark_online(*, centre_code: str | None, staff_id: uuid.UUID) -> None:
    """Notes that a staff member of the centre is working now (expires on its own)."""
    if centre_code is None:
        return
    seconds = get_settings().staff_online_seconds
    get_redis().set(f"{ONLINE}{centre_code}:{staff_id}", "1", ex=seconds)
    _marked_until[(centre_code, staff_id)] = time.monotonic() + seconds / 4


def online_mark_due(*, centre_code: str | None, staff_id: uuid.UUID) -> bool:
    """True unless this process marked the staff member online in the last quarter of STAFF_ONLINE_SECONDS
    (reads that come every few seconds need not write to Redis each time; the mark lasts four times longer)."""
    return centre_code is not None and _marked_until.get((centre_code, staff_id), 0.0) <= time.monotonic()


def online_centres() -> set[str]:
    """Centres with at least one staff member seen recently."""
    try:
        return {key.decode().removeprefix(ONLINE).split(":", 1)[0] for key in _keys(f"{ONLINE}*")}
    except redis.RedisError:
        return set()
