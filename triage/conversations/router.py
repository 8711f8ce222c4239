"""Staff API over conversations: the queue, reading, claiming, replying, releasing, transferring, closing."""

import asyncio
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter
from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from helpline.db import SessionDep, new_session
from triage.audit.service import record
from triage.centres import service as centres
from triage.consent import service as consent
from triage.conversations import schemas
from triage.conversations.models import Conversation, ConversationState
from triage.conversations.service import transcript
from triage.handoff import flows
from triage.handoff.ports import DeliveryState, SentReply, gateway
from triage.queue import service as queue
from triage.reports.service import for_conversation
from triage.staff import service as staff_service
from triage.staff.models import Role, Staff
from triage.staff.security import CurrentCaller, CurrentStaff, Supervisor
from triage.staff.tokens import Caller

router = APIRouter(prefix="/api/v1", tags=["conversations"])

CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "the conversation is not in a state that allows this"}
}


@contextmanager
def _as_http() -> Iterator[None]:
    try:
        yield
    except flows.AlreadyClaimed as taken:
        raise HTTPException(status.HTTP_409_CONFLICT, {"error": "already_claimed", "claimed_by": taken.by}) from None
    except flows.IllegalTransition as illegal:
        raise HTTPException(status.HTTP_409_CONFLICT, {"error": "illegal_transition", "detail": str(illegal)}) from None
    except flows.NotYours as refused:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(refused)) from None
    except ValueError as invalid:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(invalid)) from None


def mask(address: str | None) -> str | None:
    """A phone number or chat id with all but its last digits hidden: `•••• 5678`."""
    if not address:
        return None
    digits = "".join(ch for ch in address if ch.isdigit())
    return f"•••• {digits[-4:]}" if len(digits) > 4 else "••••"


def visible_centres(staff: Staff | Caller) -> list[str] | None:
    """Queues a staff member may see: their centre's and the national one; None means every queue."""
    if staff.role in (Role.SUPERVISOR, Role.ADMIN):
        return None
    return [code for code in (staff.centre_code, centres.national_code()) if code]


def can_see(staff: Staff, conversation: Conversation) -> bool:
    """Own centre, the national queue, or a conversation one holds (supervisors and admins: everything)."""
    allowed = visible_centres(staff)
    return allowed is None or conversation.claimed_by_id == staff.id or conversation.centre_code in allowed


def visible_conversation(session: Session, conversation_id: uuid.UUID, staff: Staff) -> Conversation:
    """The conversation if the staff member may see it; 404 or 403 otherwise."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such conversation")
    if not can_see(staff, conversation):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this conversation belongs to another centre")
    return conversation


QUEUE_COLUMNS = (
    Conversation.id, Conversation.state, Conversation.level, Conversation.signals, Conversation.channel,
    Conversation.language, Conversation.region, Conversation.centre_code, Conversation.child_age,
    Conversation.queued_at, Conversation.deadline,
)  # fmt: skip
"""What a queue entry shows: read as columns, not as whole rows (no handoff packet to decrypt, no ORM objects)."""


def _entry(row: Row[Any]) -> schemas.QueueEntry:
    return schemas.QueueEntry(
        conversation_id=row.id, level=row.level, signals=[schemas.SignalRead(**s) for s in row.signals],
        channel=row.channel, language=row.language, region=row.region, centre=row.centre_code,
        child_age=row.child_age, waiting_since=row.queued_at, deadline=row.deadline,
    )  # fmt: skip


QueueScope = tuple[str, ...] | None
QUEUE_JSON = TypeAdapter(list[schemas.QueueEntry])
CACHE_SECONDS = 5.0
"""A cached queue is shown only while the queue's version is unchanged, and never for longer than this (a
version change Redis failed to record is covered by it)."""


@dataclass(frozen=True)
class _Rendered:
    version: str | None
    at: float
    body: bytes


_reads_under_way: dict[tuple[QueueScope, str | None], "asyncio.Future[_Rendered]"] = {}
_rendered: dict[QueueScope, _Rendered] = {}


@router.get("/queue", response_model=list[schemas.QueueEntry])
async def get_queue(caller: CurrentCaller) -> Response:
    """Waiting conversations the caller may take, most urgent first (level, then deadline).

    Every console re-reads the queue when it changes, so the reads come in bursts: the queue rendered for the
    same centres is reused while the queue's version (changed by every committed change of the queue or of what
    its entries show) is the same, and a read already under way is shared with the requests that arrive meanwhile.
    """
    if queue.online_mark_due(centre_code=caller.centre_code, staff_id=caller.id):
        await run_in_threadpool(queue.mark_online, centre_code=caller.centre_code, staff_id=caller.id)
    allowed = visible_centres(caller)
    scope: QueueScope = tuple(allowed) if allowed is not None else None
    version = queue.version()
    cached = _rendered.get(scope)
    if cached is None or not _fresh(cached, version):
        key = (scope, version)  # a read begun before the latest change is not shared: it may miss that change
        read = _reads_under_way.get(key)
        if read is None:
            read = asyncio.ensure_future(run_in_threadpool(_render_queue, allowed, version))
            _reads_under_way[key] = read
            read.add_done_callback(lambda _done: _reads_under_way.pop(key, None))
        cached = _rendered[scope] = await asyncio.shield(read)
    return Response(cached.body, media_type="application/json")


def _fresh(cached: _Rendered, version: str | None) -> bool:
    return version is not None and cached.version == version and time.monotonic() - cached.at < CACHE_SECONDS


def _render_queue(allowed: list[str] | None, version: str | None) -> _Rendered:
    """The queue as JSON, tagged with the version read before it (a change during the read shows next time)."""
    return _Rendered(version=version, at=time.monotonic(), body=QUEUE_JSON.dump_json(_read_queue(allowed)))


def _read_queue(allowed: list[str] | None) -> list[schemas.QueueEntry]:
    """The waiting conversations of some centres' queues (every queue for None): Redis for the order, one
    read-only query for the rows."""
    codes = allowed if allowed is not None else [c.code for c in centres.all_centres()]
    ids = queue.ordered_ids(centres=codes)
    if not ids:
        return []
    with new_session() as session:
        found = {row.id: row for row in session.execute(select(*QUEUE_COLUMNS).where(Conversation.id.in_(ids)))}
    return [_entry(found[i]) for i in ids if i in found and found[i].state == ConversationState.QUEUED]


def _reply_out(sent: SentReply) -> schemas.ReplyOut:
    return schemas.ReplyOut(
        message_id=sent.message_id, status=sent.status, detail=sent.detail, template_sid=sent.template_sid
    )


def _delivery(state: DeliveryState | None) -> schemas.DeliveryRead | None:
    return schemas.DeliveryRead(status=state.status, error=state.error) if state is not None else None


def _read(session: Session, conversation: Conversation) -> schemas.ConversationRead:
    messages = transcript(session=session, conversation_id=conversation.id)
    deliveries = gateway().delivery_status(session=session, message_ids=[m.id for m in messages])
    holder = (
        staff_service.get(session=session, staff_id=conversation.claimed_by_id) if conversation.claimed_by_id else None
    )
    return schemas.ConversationRead(
        id=conversation.id, state=conversation.state, level=conversation.level, level_floor=conversation.level_floor,
        signals=[schemas.SignalRead(**s) for s in conversation.signals], channel=conversation.channel,
        language=conversation.language, region=conversation.region, centre=conversation.centre_code,
        reporter=conversation.reporter, child_age=conversation.child_age,
        claimed_by=holder.username if holder else None,
        contact=mask(gateway().contact_address(session=session, conversation_id=conversation.id)),
        queued_at=conversation.queued_at, deadline=conversation.deadline, outcome=conversation.outcome,
        handoff=conversation.handoff,
        messages=[
            schemas.MessageRead(id=m.id, direction=m.direction, author=m.author, body=m.body, created_at=m.created_at,
                                delivery=_delivery(deliveries.get(m.id)))
            for m in messages
        ],
        reports=[
            schemas.ReportRead(reference=r.reference, level=r.level, answers=r.answers, consent=r.consent,
                               created_at=r.created_at)
            for r in for_conversation(session=session, conversation_id=conversation.id)
        ],
    )  # fmt: skip


@router.get("/conversations/{conversation_id}")
def read_conversation(conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> schemas.ConversationRead:
    """The conversation with its transcript, handoff packet and reports (the view is audited)."""
    conversation = visible_conversation(session, conversation_id, staff)
    record(session=session, actor=staff.username, action="view", conversation_id=conversation.id)
    return _read(session, conversation)


@router.post("/conversations/{conversation_id}/claim", responses=CONFLICT)
def claim(conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> schemas.ConversationRead:
    """Takes a waiting conversation; if someone was faster, 409 says who."""
    visible_conversation(session, conversation_id, staff)
    with _as_http():
        conversation = flows.claim(session=session, conversation_id=conversation_id, staff=staff)
    return _read(session, conversation)


@router.post("/conversations/{conversation_id}/messages", responses=CONFLICT)
def reply(
    conversation_id: uuid.UUID, body: schemas.ReplyIn, session: SessionDep, staff: CurrentStaff
) -> schemas.ReplyOut:
    """Sends a reply to the person on their own channel (only by whoever has the conversation)."""
    conversation = visible_conversation(session, conversation_id, staff)
    if conversation.state != ConversationState.CLAIMED or conversation.claimed_by_id != staff.id:
        raise HTTPException(status.HTTP_409_CONFLICT, {"error": "not_claimed_by_you"})
    sent = gateway().send_reply(session=session, conversation_id=conversation.id, text=body.text)
    record(session=session, actor=staff.username, action="reply", conversation_id=conversation.id,
           detail={"message_id": str(sent.message_id) if sent.message_id else None, "status": sent.status})  # fmt: skip
    return _reply_out(sent)


@router.post("/conversations/{conversation_id}/contact-back", responses={403: {"description": "no consent"}})
def contact_back(
    conversation_id: uuid.UUID, body: schemas.ReplyIn, session: SessionDep, staff: CurrentStaff
) -> schemas.ReplyOut:
    """Writes to the person outside an open conversation: only with their consent, after neutral first words."""
    conversation = visible_conversation(session, conversation_id, staff)
    if conversation.state == ConversationState.CLAIMED and conversation.claimed_by_id == staff.id:
        raise HTTPException(status.HTTP_409_CONFLICT, {"error": "open_conversation", "detail": "reply instead"})
    try:
        given = consent.require_contact_back(session=session, conversation=conversation)
    except consent.NoConsent as refused:
        record(session=session, actor=staff.username, action="contact_back_refused", conversation_id=conversation.id)
        session.commit()  # the refusal is audited even though the request fails
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(refused)) from None
    text = f"{consent.neutral_opening(conversation.language)}\n{body.text}"
    sent = gateway().send_reply(session=session, conversation_id=conversation.id, text=text)
    record(session=session, actor=staff.username, action="contact_back", conversation_id=conversation.id,
           detail={"status": sent.status, "consent_wording": given.wording_version})  # fmt: skip
    return _reply_out(sent)


ANONYMOUS_REFUSAL = (
    "This person asked to stay anonymous: their number is not revealed. "
    "Only an admin can reveal it, giving the legal reason (for example a prosecutor's requisition)."
)


@router.post("/conversations/{conversation_id}/reveal-contact", responses={403: {"description": "anonymous"}})
def reveal_contact(
    conversation_id: uuid.UUID, session: SessionDep, staff: Supervisor, body: schemas.RevealIn | None = None
) -> dict[str, str | None]:
    """The full phone number or chat id, for supervisors; every reveal and every refusal is audited.

    A person who asked to stay anonymous keeps their number hidden, except from an admin who gives a reason."""
    conversation = visible_conversation(session, conversation_id, staff)
    reason = body.reason if body else None
    anonymous = consent.wants_anonymity(session=session, channel=conversation.channel, pseudonym=conversation.pseudonym)
    if anonymous and (staff.role != Role.ADMIN or reason is None):
        record(session=session, actor=staff.username, action="reveal_contact_refused", conversation_id=conversation.id,
               detail={"why": "anonymous"})  # fmt: skip
        session.commit()  # the refusal is audited even though the request fails
        raise HTTPException(status.HTTP_403_FORBIDDEN, {"error": "anonymous", "detail": ANONYMOUS_REFUSAL})
    detail = {"anonymous": True, "reason": reason} if anonymous else ({"reason": reason} if reason else None)
    record(session=session, actor=staff.username, action="reveal_contact", conversation_id=conversation.id,
           detail=detail)  # fmt: skip
    return {"contact": gateway().contact_address(session=session, conversation_id=conversation.id)}


@router.post("/conversations/{conversation_id}/release", responses=CONFLICT)
def release(conversation_id: uuid.UUID, session: SessionDep, staff: CurrentStaff) -> schemas.ConversationRead:
    """Returns the conversation to the bot."""
    conversation = visible_conversation(session, conversation_id, staff)
    with _as_http():
        flows.release(session=session, conversation=conversation, staff=staff)
    return _read(session, conversation)


@router.post("/conversations/{conversation_id}/transfer", responses=CONFLICT)
def transfer(
    conversation_id: uuid.UUID, body: schemas.TransferIn, session: SessionDep, staff: CurrentStaff
) -> schemas.ConversationRead:
    """Hands the conversation to a colleague (`to_staff`) or to another centre's queue (`to_centre`)."""
    conversation = visible_conversation(session, conversation_id, staff)
    colleague = None
    if body.to_staff is not None:
        colleague = staff_service.by_username(session=session, username=body.to_staff)
        if colleague is None or not colleague.active:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "no such colleague")
    with _as_http():
        flows.transfer(session=session, conversation=conversation, staff=staff, to_staff=colleague,
                       to_centre=body.to_centre)  # fmt: skip
    return _read(session, conversation)


@router.post("/conversations/{conversation_id}/close", responses=CONFLICT)
def close(
    conversation_id: uuid.UUID, body: schemas.CloseIn, session: SessionDep, staff: CurrentStaff
) -> schemas.ConversationRead:
    """Ends the conversation with an outcome."""
    conversation = visible_conversation(session, conversation_id, staff)
    if conversation.state != ConversationState.CLAIMED and staff.role == Role.COUNSELLOR:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "claim the conversation before closing it")
    with _as_http():
        flows.close(session=session, conversation=conversation, actor=staff, outcome=body.outcome)
    return _read(session, conversation)


@router.post("/conversations/{conversation_id}/level")
def set_level(
    conversation_id: uuid.UUID, body: schemas.LevelIn, session: SessionDep, staff: CurrentStaff
) -> schemas.ConversationRead:
    """Sets the level by human judgement; automatic rescoring never goes below it."""
    conversation = visible_conversation(session, conversation_id, staff)
    flows.set_level(session=session, conversation=conversation, staff=staff, level=body.level)
    return _read(session, conversation)
