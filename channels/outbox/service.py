"""Data access for the outbox: enqueue (split per channel rules), claim in order, record results and statuses."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, exists, select, update
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
    deferred: bool = False,
) -> list[OutboundMessage]:
    """Adds the rows that carry one transcript message (several when a long text is split; buttons on the last).

    `deferred`: the rows are only added to the session, for `claim_batch(queued=…)` to write with their lease."""
    channel = Channel(contact.channel)
    parts = [body] if template_sid else _parts(channel, body, buttons or [])
    rows = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        rows.append(
            OutboundMessage(
                conversation_id=conversation_id,
                message_id=message_id,
                contact_id=contact.id,
                channel=channel,
                purpose=purpose,
                body=part,
                buttons=(buttons or None) if last else None,
                template_sid=template_sid,
                template_variables=template_variables,
                status=OutboxStatus.PENDING,
                attempts=0,
            )
        )
    session.add_all(rows)
    if not deferred:
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


def claim_batch(*, session: Session, row_ids: list[int], queued: Sequence[OutboundMessage] = ()) -> list[Job]:
    """Leases rows of one contact to be sent now in order: `row_ids` queued earlier, then `queued`, added by this
    transaction with `enqueue(deferred=True)` and written here with their lease (one flush for all). None are
    leased if older rows of the contact still wait (the outbox workers send everything in order then) or one of
    them was taken meanwhile."""
    earlier = [_pending(session, row_id) for row_id in sorted(row_ids)]
    batch = [row for row in earlier if row is not None and row.status == OutboxStatus.PENDING] + list(queued)
    if len(batch) < len(earlier) + len(queued) or not batch or _older_waiting(session, batch[0]):
        session.flush()
        return []
    now = utcnow()
    for row in batch:
        _lease(row, now=now)
    session.flush()
    return [job for row in batch if (job := _job(session=session, row=row)) is not None]


def _lease(row: OutboundMessage, *, now: datetime) -> None:
    """Marks a row as being sent, for LEASE."""
    row.status, row.attempts = OutboxStatus.SENDING, row.attempts + 1
    row.lease_until, row.updated_at = now + LEASE, now


def has_unfinished(*, session: Session, contact_id: uuid.UUID) -> bool:
    """Whether a row of the contact waits to be sent or is being sent."""
    return session.execute(_UNFINISHED_OF, {"contact_id": contact_id}).first() is not None


def lease_sent(*, session: Session, row: OutboundMessage) -> None:
    """Leases a row added by this transaction whose text already went out, so that nobody sends it again before
    its result is recorded."""
    _lease(row, now=utcnow())
    session.flush()


def _older_waiting(session: Session, first: OutboundMessage) -> bool:
    """Whether an unfinished row of the contact comes before `first` (written or not yet)."""
    query, values = (
        (_UNFINISHED_OF, {"contact_id": first.contact_id})
        if first.id is None
        else (_UNFINISHED_BEFORE, {"contact_id": first.contact_id, "before": first.id})
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
        row.status, row.error, row.lease_until = OutboxStatus.CANCELLED, "not sent: the user opted out (STOP)", None
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
