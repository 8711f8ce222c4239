"""Data access for the outbox: enqueue (split per channel rules), claim in order, record results and statuses."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, exists, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from channels import sms
from channels.contacts.models import Contact
from channels.message import Button, Channel, Outgoing, SendOutcome, SendResult
from channels.outbox.models import UNFINISHED, OutboundMessage, OutboxStatus, Purpose
from helpline.db import table, utcnow
from helpline.settings import get_settings

LEASE = timedelta(seconds=60)
MAX_BACKOFF_SECONDS = 300.0
TELEGRAM_LIMIT = 4096
CANDIDATES = 8
STATUS_RANK = {
    OutboxStatus.ACCEPTED: 0,
    OutboxStatus.QUEUED: 1,
    OutboxStatus.SENT: 2,
    OutboxStatus.DELIVERED: 3,
    OutboxStatus.READ: 4,
}
FINAL_FAILURES = (OutboxStatus.UNDELIVERED, OutboxStatus.FAILED, OutboxStatus.CANCELLED)
QUEUED_HERE = "outbox rows queued in this session"
OPTED_OUT = "not sent: the user opted out (STOP)"


@dataclass(frozen=True)
class Job:
    """A claimed outbox row, detached from the session: what to send and where."""

    row_id: int
    outgoing: Outgoing


def _parts(channel: Channel, body: str, buttons: list[dict[str, Any]]) -> list[str]:
    if channel is Channel.TELEGRAM:
        return sms.split(body, TELEGRAM_LIMIT) or [""]
    menu = sms.numbered("", [str(b["title"]) for b in buttons])
    parts = sms.split(body, sms.MAX_TWILIO_BODY - len(menu) - 1) or [""]
    return parts


def _menu(buttons: Iterable[Mapping[str, Any]]) -> tuple[Button, ...]:
    return tuple(Button(str(b["title"]), str(b["payload"])) for b in buttons)


def unrecorded(*, channel: Channel, address: str, body: str, buttons: list[dict[str, str]]) -> list[Outgoing]:
    """The provider messages that carry a text split as `enqueue` would, for a reply kept in no row."""
    parts = _parts(channel, body, list(buttons))
    menu = _menu(buttons)
    return [
        Outgoing(channel=channel, address=address, text=part, buttons=menu if index == len(parts) - 1 else ())
        for index, part in enumerate(parts)
    ]


@dataclass(frozen=True)
class Draft:
    """An outbox row not written yet: one provider message carrying (a part of) one transcript message."""

    conversation_id: uuid.UUID
    message_id: uuid.UUID | None
    contact_id: uuid.UUID
    channel: Channel
    body: str
    buttons: list[dict[str, Any]] | None = None
    purpose: Purpose = Purpose.REPLY


def drafts(
    *,
    contact_id: uuid.UUID,
    channel: Channel,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID | None,
    body: str,
    buttons: list[dict[str, Any]] | None = None,
    purpose: Purpose = Purpose.REPLY,
) -> list[Draft]:
    """The rows that carry one transcript message (several when a long text is split; buttons on the last)."""
    parts = _parts(channel, body, buttons or [])
    return [
        Draft(conversation_id, message_id, contact_id, channel, part, (buttons or None) if last else None, purpose)
        for part, last in zip(parts, [False] * (len(parts) - 1) + [True], strict=True)
    ]


def enqueue(
    *,
    session: Session,
    contact: Contact,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID | None,
    body: str,
    buttons: list[dict[str, Any]] | None = None,
    purpose: Purpose = Purpose.REPLY,
    template_sid: str | None = None,
    template_variables: dict[str, str] | None = None,
) -> list[OutboundMessage]:
    """Adds the rows that carry one transcript message (several when a long text is split; buttons on the last)."""
    channel = Channel(contact.channel)
    parts = (
        [Draft(conversation_id, message_id, contact.id, channel, body, buttons or None, purpose)]
        if template_sid
        else drafts(
            contact_id=contact.id,
            channel=channel,
            conversation_id=conversation_id,
            message_id=message_id,
            body=body,
            buttons=buttons,
            purpose=purpose,
        )
    )
    rows = [
        OutboundMessage(
            conversation_id=draft.conversation_id,
            message_id=draft.message_id,
            contact_id=draft.contact_id,
            channel=draft.channel,
            purpose=draft.purpose,
            body=draft.body,
            buttons=draft.buttons,
            template_sid=template_sid,
            template_variables=template_variables,
            status=OutboxStatus.PENDING,
            attempts=0,
        )
        for draft in parts
    ]
    session.add_all(rows)
    session.flush()
    # The identity map holds clean rows weakly: keep them for `claim_batch` in this transaction, not read again.
    session.info.setdefault(QUEUED_HERE, []).extend(rows)
    return rows


# The statements of the hot path are built once, on the table (no ORM): building a statement and its cache key,
# and the ORM's handling of it, cost several times what SQLite takes to run it.
_outbox = table(OutboundMessage)
_earlier = _outbox.alias("earlier")
FIRST_OF_ITS_CONTACT = ~exists().where(
    _earlier.c.contact_id == _outbox.c.contact_id, _earlier.c.id < _outbox.c.id, _earlier.c.status.in_(UNFINISHED)
)
_DUE = (
    select(_outbox.c.id, _outbox.c.status, _outbox.c.attempts)
    .where(
        (_outbox.c.status == OutboxStatus.PENDING) & (_outbox.c.next_attempt_at <= bindparam("now"))
        | (_outbox.c.status == OutboxStatus.SENDING) & (_outbox.c.lease_until < bindparam("now")),
        FIRST_OF_ITS_CONTACT,
    )
    .order_by(_outbox.c.id)
    .limit(CANDIDATES)
    .with_for_update(skip_locked=True, of=_outbox)
)
_LEASE_IF_UNCHANGED = (
    update(_outbox)
    .where(
        _outbox.c.id == bindparam("row_id"),
        _outbox.c.status == bindparam("seen_status"),
        _outbox.c.attempts == bindparam("seen_attempts"),
    )
    .values(status=OutboxStatus.SENDING, attempts=_outbox.c.attempts + 1, lease_until=bindparam("until"))
    .values(updated_at=bindparam("now"))
)
_UNFINISHED_OF = (
    select(_outbox.c.id).where(_outbox.c.contact_id == bindparam("contact_id"), _outbox.c.status.in_(UNFINISHED))
).limit(1)
_UNFINISHED_BEFORE = _UNFINISHED_OF.where(_outbox.c.id < bindparam("before"))
_WRITE = insert(_outbox).returning(_outbox.c.id, sort_by_parameter_order=True)
_ACCEPTED = (
    update(_outbox)
    .where(_outbox.c.id == bindparam("row_id"))
    .values(status=OutboxStatus.ACCEPTED, provider_message_id=bindparam("sid"), error=None, lease_until=None)
    .values(updated_at=bindparam("now"))
)


def claim_next(*, session: Session) -> Job | None:
    """Leases the oldest due row whose contact has no earlier unfinished row; None when there is none."""
    now = utcnow()
    for row_id, status, attempts in session.execute(_DUE, {"now": now}).all():
        lease = {"row_id": row_id, "seen_status": status, "seen_attempts": attempts, "until": now + LEASE, "now": now}
        if cast(CursorResult[Any], session.execute(_LEASE_IF_UNCHANGED, lease)).rowcount != 1:
            continue
        row = session.get(OutboundMessage, row_id, populate_existing=True)
        assert row is not None
        job = _job(session=session, row=row)
        if job is not None:
            return job
    return None


def claim_batch(*, session: Session, row_ids: list[int]) -> list[Job]:
    """Leases rows of one contact, queued earlier, to be sent now in order. None are leased if older rows of the
    contact still wait (the outbox workers send everything in order then) or one of them was taken meanwhile."""
    earlier = _claimable(session, row_ids)
    if not earlier:
        return []
    now = utcnow()
    for row in earlier:
        _lease(row, now=now)
    session.flush()
    return [job for row in earlier if (job := _job(session=session, row=row)) is not None]


@dataclass(frozen=True)
class Written:
    """The ids of the rows just written, in order, and what is leased to be sent now (earlier rows first)."""

    row_ids: list[int]
    jobs: list[Job]


def write_claimed(
    *,
    session: Session,
    drafts: Sequence[Draft],
    after: list[int],
    address: str,
    opted_out: bool,
    sent_early: int = 0,
) -> Written:
    """Writes a turn's rows in one statement, leased to be sent now in order after `after` (rows of the turn queued
    earlier, leased with them), their jobs built from memory. None are leased if older rows of the contact still
    wait or one of `after` was taken meanwhile: the outbox workers send them in order then. `sent_early`: the first
    so many drafts are being sent already (while the turn is stored), so their rows are leased in any case (nobody
    sends them again before their results are recorded) and left out of the jobs."""
    if not drafts:
        return Written([], claim_batch(session=session, row_ids=after))
    earlier = _claimable(session, after, contact_id=drafts[0].contact_id)
    now = utcnow()
    for row in earlier or []:
        _lease(row, now=now)
    values = [
        _values(draft, leased=earlier is not None or index < sent_early, opted_out=opted_out, now=now)
        for index, draft in enumerate(drafts)
    ]
    row_ids = [int(row_id) for row_id in session.scalars(_WRITE, values)]
    jobs = [job for row in earlier or [] if (job := _job(session=session, row=row)) is not None]
    if earlier is not None:
        to_send = list(zip(row_ids, drafts, values, strict=True))[sent_early:]
        jobs += [Job(row_id, _outgoing(draft, address)) for row_id, draft, value in to_send if value["lease_until"]]
    return Written(row_ids, jobs)


def _values(draft: Draft, *, leased: bool, opted_out: bool, now: datetime) -> dict[str, Any]:
    """The columns of a draft's row, leased or waiting; cancelled if leased for someone who sent STOP."""
    cancelled = leased and opted_out and draft.purpose != Purpose.OPT_OUT_CONFIRMATION
    status = OutboxStatus.CANCELLED if cancelled else OutboxStatus.SENDING if leased else OutboxStatus.PENDING
    return {
        "conversation_id": draft.conversation_id,
        "message_id": draft.message_id,
        "contact_id": draft.contact_id,
        "channel": draft.channel,
        "purpose": draft.purpose,
        "body": draft.body,
        "buttons": draft.buttons,
        "status": status,
        "attempts": int(leased),
        "lease_until": now + LEASE if status == OutboxStatus.SENDING else None,
        "error": OPTED_OUT if cancelled else None,
        "next_attempt_at": now,
        "created_at": now,
        "updated_at": now,
    }


def _outgoing(draft: Draft, address: str) -> Outgoing:
    return Outgoing(channel=draft.channel, address=address, text=draft.body, buttons=_menu(draft.buttons or []))


def _claimable(
    session: Session, row_ids: list[int], *, contact_id: uuid.UUID | None = None
) -> list[OutboundMessage] | None:
    """The rows, oldest first, if all still wait to be sent and no older row of their contact waits before them
    (or, with no rows, none of `contact_id`); None otherwise."""
    earlier = [_pending(session, row_id) for row_id in sorted(row_ids)]
    rows = [row for row in earlier if row is not None and row.status == OutboxStatus.PENDING]
    if len(rows) < len(earlier):
        return None
    if rows:
        waiting = _older_waiting(session, rows[0].contact_id, before=rows[0].id)
    else:
        waiting = contact_id is None or _older_waiting(session, contact_id, before=None)
    return None if waiting else rows


def _lease(row: OutboundMessage, *, now: datetime) -> None:
    """Marks a row as being sent, for LEASE."""
    row.status, row.attempts = OutboxStatus.SENDING, row.attempts + 1
    row.lease_until, row.updated_at = now + LEASE, now


def has_unfinished(*, session: Session, contact_id: uuid.UUID) -> bool:
    """Whether a row of the contact waits to be sent or is being sent."""
    return session.execute(_UNFINISHED_OF, {"contact_id": contact_id}).first() is not None


def _older_waiting(session: Session, contact_id: uuid.UUID, *, before: int | None) -> bool:
    """Whether an unfinished row of the contact comes before the row `before` (before any row not written yet when
    None)."""
    query, values = (
        (_UNFINISHED_OF, {"contact_id": contact_id})
        if before is None
        else (_UNFINISHED_BEFORE, {"contact_id": contact_id, "before": before})
    )
    with session.no_autoflush:  # rows not written yet come after every written one
        return session.execute(query, values).first() is not None


def _pending(session: Session, row_id: int) -> OutboundMessage | None:
    """The row as this transaction queued it, or read and locked if an earlier transaction queued it."""
    if identity_key(OutboundMessage, row_id) in session.identity_map:
        return session.get(OutboundMessage, row_id)
    return session.get(OutboundMessage, row_id, with_for_update=True, populate_existing=True)


def release(*, session: Session, row_ids: list[int]) -> None:
    """Hands claimed rows back to the queue unsent (an earlier row must be retried first)."""
    if row_ids:
        session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id.in_(row_ids), OutboundMessage.status == OutboxStatus.SENDING)
            .values(status=OutboxStatus.PENDING, attempts=OutboundMessage.attempts - 1, lease_until=None)
            .execution_options(synchronize_session=False)
        )


def _job(*, session: Session, row: OutboundMessage) -> Job | None:
    contact = session.get(Contact, row.contact_id)
    if contact is None or (contact.opted_out and row.purpose != Purpose.OPT_OUT_CONFIRMATION):
        row.status, row.error, row.lease_until = OutboxStatus.CANCELLED, OPTED_OUT, None
        return None
    outgoing = Outgoing(
        channel=Channel(row.channel),
        address=contact.address,
        text=row.body,
        buttons=_menu(row.buttons or []),
        template_sid=row.template_sid,
        template_variables=dict(row.template_variables or {}),
    )
    return Job(row_id=row.id, outgoing=outgoing)


def record_results(*, session: Session, results: Sequence[tuple[int, SendResult]]) -> list[OutboxStatus]:
    """Stores what the provider said of several rows sent one after the other: accepted (the common case, all in
    one statement), retry later (back-off, Retry-After honoured) or failed; returns the rows' new statuses."""
    now = utcnow()
    accepted = [
        {"row_id": row_id, "sid": result.provider_message_id, "now": now}
        for row_id, result in results
        if result.outcome is SendOutcome.ACCEPTED
    ]
    if accepted:
        session.execute(_ACCEPTED, accepted)
    return [
        OutboxStatus.ACCEPTED if result.outcome is SendOutcome.ACCEPTED else _record_unaccepted(session, row_id, result)
        for row_id, result in results
    ]


def _record_unaccepted(session: Session, row_id: int, result: SendResult) -> OutboxStatus:
    now = utcnow()
    row = session.get(OutboundMessage, row_id)
    assert row is not None
    row.updated_at, row.lease_until = now, None
    if result.outcome is SendOutcome.RETRY and row.attempts < get_settings().outbox_max_attempts:
        delay = max(result.retry_after or 0.0, min(float(2**row.attempts), MAX_BACKOFF_SECONDS))
        row.status, row.next_attempt_at, row.error = OutboxStatus.PENDING, now + timedelta(seconds=delay), result.reason
    else:
        prefix = "gave up after retries: " if result.outcome is SendOutcome.RETRY else ""
        row.status, row.error = OutboxStatus.FAILED, f"{prefix}{result.reason}"[:300]
    session.flush()
    return OutboxStatus(row.status)


def apply_status(*, session: Session, provider_message_id: str, status: str, error_code: str | None) -> bool:
    """Applies a Twilio status callback; statuses never move backwards. False when the message is unknown."""
    row = session.scalars(
        select(OutboundMessage).where(OutboundMessage.provider_message_id == provider_message_id)
    ).first()
    if row is None:
        return False
    try:
        new = OutboxStatus(status)
    except ValueError:
        return True
    if new in FINAL_FAILURES:
        row.status = new
        row.error = f"twilio {new}" + (f" error {error_code}" if error_code else "")
    elif row.status in STATUS_RANK and STATUS_RANK.get(new, -1) > STATUS_RANK[row.status]:
        row.status = new
    row.updated_at = utcnow()
    session.flush()
    return True


def rows_for_messages(*, session: Session, message_ids: list[uuid.UUID]) -> list[OutboundMessage]:
    """Every outbox row carrying these transcript messages, oldest first."""
    if not message_ids:
        return []
    return list(
        session.scalars(
            select(OutboundMessage).where(OutboundMessage.message_id.in_(message_ids)).order_by(OutboundMessage.id)
        )
    )
