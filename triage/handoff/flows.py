"""The conversation lifecycle. Every state change happens here, is checked against TRANSITIONS and audited."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from helpline.db import rowcount, utcnow
from triage.audit.service import record
from triage.centres import service as centres
from triage.conversations.models import Author, Conversation, ConversationState, Direction
from triage.conversations.service import insert_message, last_user_messages
from triage.handoff.ports import gateway
from triage.queue import service as queue
from triage.scoring import Context, Level, assess
from triage.staff.models import Role, Staff

BOT, QUEUED, CLAIMED, CLOSED = (
    ConversationState.BOT,
    ConversationState.QUEUED,
    ConversationState.CLAIMED,
    ConversationState.CLOSED,
)

TRANSITIONS: dict[tuple[ConversationState, ConversationState], str] = {
    (BOT, QUEUED): "enqueue",
    (QUEUED, CLAIMED): "claim",
    (CLAIMED, CLAIMED): "transfer_to_staff",
    (CLAIMED, QUEUED): "transfer_to_centre",
    (CLAIMED, BOT): "release",
    (QUEUED, BOT): "release",
    (BOT, CLOSED): "close",
    (QUEUED, CLOSED): "close",
    (CLAIMED, CLOSED): "close",
}
HISTORY_FOR_SCORING = 5


class IllegalTransition(Exception):
    """The conversation is not in a state that allows this step."""


class AlreadyClaimed(IllegalTransition):
    """Someone else claimed the conversation first."""

    def __init__(self, by: str) -> None:
        super().__init__(f"already claimed by {by}")
        self.by = by


class NotYours(Exception):
    """Only the staff member who has the conversation (or a supervisor) may do this."""


def _check(conversation: Conversation, target: ConversationState, action: str) -> None:
    if TRANSITIONS.get((conversation.state, target)) != action:
        raise IllegalTransition(f"cannot {action} a conversation that is {conversation.state}")


def _actor(staff: Staff | None, fallback: str) -> str:
    return staff.username if staff is not None else fallback


def _audit(session: Session, actor: str, action: str, conversation: Conversation, **detail: Any) -> None:
    record(session=session, actor=actor, action=action, conversation_id=conversation.id, detail=detail)


def _more_urgent(a: str, b: str) -> str:
    return min(a, b)


def raise_level(*, session: Session, conversation: Conversation, level: str, actor: str) -> bool:
    """Raises the level (never lowers it); re-times the deadline; returns True if it rose."""
    if _more_urgent(conversation.level, level) == conversation.level:
        return False
    previous, conversation.level = conversation.level, level
    if conversation.queued_at is not None:
        conversation.deadline = _deadline(conversation.queued_at, level)
    session.flush()
    _audit(session, actor, "level_raised", conversation, previous=previous, level=level)
    return True


def _deadline(queued_at: datetime, level: str) -> datetime:
    from datetime import timedelta

    return queued_at + timedelta(seconds=queue.target_seconds(level))


def _route(conversation: Conversation, now: datetime) -> str | None:
    """Chooses the centre's queue; returns the regional centre's hours when it had to fall back."""
    centre, fell_back_from = centres.route(region=conversation.region, at=now, online=queue.online_centres())
    conversation.centre_code = centre.code
    return fell_back_from.hours_text() if fell_back_from is not None else None


def enqueue(
    *, session: Session, conversation: Conversation, reason: str, actor: str, level: str | None = None
) -> Conversation:
    """Puts a conversation that is with the bot into a queue for a human (a no-op if a human has it already)."""
    if level is not None:
        raise_level(session=session, conversation=conversation, level=level, actor=actor)
    if conversation.state in (QUEUED, CLAIMED):
        queue.sync(conversation)
        return conversation
    _check(conversation, QUEUED, "enqueue")
    now = utcnow()
    fallback_hours = _route(conversation, now)
    conversation.state = QUEUED
    conversation.queued_at = now
    conversation.deadline = _deadline(now, conversation.level)
    conversation.sla_alerted_at = None
    session.flush()
    _audit(session, actor, "enqueue", conversation, reason=reason, level=conversation.level,
           centre=conversation.centre_code, regional_centre_closed_hours=fallback_hours)  # fmt: skip
    queue.sync(conversation)
    queue.publish("queued", conversation)
    return conversation


def claim(*, session: Session, conversation_id: uuid.UUID, staff: Staff) -> Conversation:
    """Gives a queued conversation to one staff member; exactly one of several simultaneous claims wins."""
    now = utcnow()
    won = rowcount(
        session.execute(
            update(Conversation)
            .where(Conversation.id == conversation_id, Conversation.state == QUEUED)
            .values(state=CLAIMED, claimed_by_id=staff.id, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
    )
    conversation = session.get(Conversation, conversation_id, populate_existing=True)
    if conversation is None:
        raise LookupError(f"no conversation {conversation_id}")
    if not won:
        if conversation.state == CLAIMED and conversation.claimed_by_id is not None:
            holder = session.get(Staff, conversation.claimed_by_id)
            raise AlreadyClaimed(holder.username if holder is not None else "someone")
        raise IllegalTransition(f"cannot claim a conversation that is {conversation.state}")
    waited = (now - conversation.queued_at).total_seconds() if conversation.queued_at else None
    _audit(session, staff.username, "claim", conversation, waited_seconds=waited)
    queue.sync(conversation)
    queue.publish("claimed", conversation, by=staff.username)
    gateway().pause_bot(session=session, conversation_id=conversation.id)
    return conversation


def _require_holder(conversation: Conversation, staff: Staff) -> None:
    if conversation.claimed_by_id != staff.id and staff.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise NotYours("this conversation is with another staff member")


def release(*, session: Session, conversation: Conversation, staff: Staff) -> Conversation:
    """Returns the conversation to the bot, which resumes."""
    _check(conversation, BOT, "release")
    if conversation.state == CLAIMED:
        _require_holder(conversation, staff)
    elif staff.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise NotYours("only a supervisor can return a waiting conversation to the bot")
    conversation.state = BOT
    conversation.claimed_by_id = None
    conversation.queued_at = conversation.deadline = None
    session.flush()
    _audit(session, staff.username, "release", conversation)
    queue.sync(conversation)
    queue.publish("released", conversation)
    gateway().resume_bot(session=session, conversation_id=conversation.id)
    return conversation


def transfer(
    *, session: Session, conversation: Conversation, staff: Staff, to_staff: Staff | None, to_centre: str | None
) -> Conversation:
    """Hands a claimed conversation to a colleague, or back to the queue of another centre."""
    _require_holder(conversation, staff)
    if to_staff is not None:
        _check(conversation, CLAIMED, "transfer_to_staff")
        conversation.claimed_by_id = to_staff.id
        conversation.claimed_at = utcnow()
        session.flush()
        _audit(session, staff.username, "transfer_to_staff", conversation, to=to_staff.username)
        queue.publish("transferred", conversation, to=to_staff.username)
        return conversation
    if to_centre is None or centres.get(to_centre) is None:
        raise ValueError("name a colleague or a known centre")
    _check(conversation, QUEUED, "transfer_to_centre")
    now = utcnow()
    conversation.state = QUEUED
    conversation.claimed_by_id = None
    conversation.centre_code = to_centre
    conversation.queued_at = now
    conversation.deadline = _deadline(now, conversation.level)
    session.flush()
    _audit(session, staff.username, "transfer_to_centre", conversation, to=to_centre)
    queue.sync(conversation)
    queue.publish("queued", conversation)
    return conversation


def close(*, session: Session, conversation: Conversation, actor: Staff | None, outcome: str) -> Conversation:
    """Ends the conversation with an outcome; the next message from the person opens a new one."""
    _check(conversation, CLOSED, "close")
    if actor is not None and conversation.state == CLAIMED:
        _require_holder(conversation, actor)
    conversation.state = CLOSED
    conversation.closed_at = utcnow()
    conversation.outcome = outcome
    session.flush()
    _audit(session, _actor(actor, "system"), "close", conversation, outcome=outcome)
    queue.sync(conversation)
    queue.publish("closed", conversation)
    return conversation


def set_level(*, session: Session, conversation: Conversation, staff: Staff, level: Level) -> Conversation:
    """A human sets the level; automatic rescoring never brings it below that again."""
    previous = conversation.level
    conversation.level = conversation.level_floor = str(level)
    if conversation.queued_at is not None:
        conversation.deadline = _deadline(conversation.queued_at, conversation.level)
    session.flush()
    _audit(session, staff.username, "set_level", conversation, previous=previous, level=conversation.level)
    queue.sync(conversation)
    queue.publish("updated", conversation)
    return conversation


def _context(conversation: Conversation, session: Session) -> Context:
    """What the scorer knows of the conversation before this message (called before it is stored)."""
    earlier = last_user_messages(session=session, conversation_id=conversation.id, limit=HISTORY_FOR_SCORING)
    return Context(
        reporter="child" if conversation.reporter == "child" else "adult" if conversation.reporter else None,
        child_age=conversation.child_age,
        earlier_messages=tuple(earlier),
    )


def record_inbound(*, session: Session, conversation: Conversation, body: str) -> uuid.UUID:
    """Stores a user's message and rescores the conversation: the level may rise (a P1 jumps the queue). Returns
    the message's id."""
    context = _context(conversation, session)
    message_id = insert_message(
        session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER, body=body
    )
    assessment = assess(body, context=context)
    merge_signals(conversation, [{"code": s.code, "evidence": s.evidence} for s in assessment.signals])
    if conversation.language is None:
        conversation.language = assessment.language
    conversation.score = max(conversation.score, assessment.score)
    rose = raise_level(session=session, conversation=conversation, level=str(assessment.level), actor="triage")
    if conversation.state == BOT and assessment.level == Level.P1:
        enqueue(session=session, conversation=conversation, reason="danger detected by triage", actor="triage")
    elif rose and conversation.state == QUEUED:
        queue.sync(conversation)
        queue.publish("updated", conversation)
    if conversation.state in (QUEUED, CLAIMED):
        queue.publish("message", conversation)
    return message_id


def merge_signals(conversation: Conversation, signals: list[dict[str, str]]) -> None:
    """Adds new signals (code + evidence) to the conversation, keeping the first evidence of each code."""
    known = {s["code"] for s in conversation.signals}
    fresh = [s for s in signals if s["code"] not in known]
    if fresh:
        conversation.signals = [*conversation.signals, *fresh]
