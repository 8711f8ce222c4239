"""Data access for the inbox: store once, claim in order per contact (SKIP LOCKED on Postgres), finish."""

import uuid
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, and_, exists, or_, select, update
from sqlalchemy.orm import Session, aliased

from channels.inbox.models import InboundKind, InboundMessage, InboxStatus
from channels.message import Channel, Inbound, Provider
from helpline.db import utcnow

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 5
CANDIDATES = 8


def is_duplicate(*, session: Session, provider: Provider, provider_id: str) -> bool:
    """True when this provider id was stored before (a redelivery)."""
    return (
        session.scalar(
            select(InboundMessage.id).where(
                InboundMessage.provider == provider, InboundMessage.provider_id == provider_id
            )
        )
        is not None
    )


def store(*, session: Session, inbound: Inbound, contact_id: uuid.UUID | None) -> InboundMessage:
    """Stores one update to be worked; unsupported updates with nobody to answer are stored already done."""
    idle = inbound.address is None
    row = InboundMessage(
        provider=inbound.provider,
        provider_id=inbound.provider_id,
        channel=inbound.channel or inbound.provider,
        contact_id=contact_id,
        kind=inbound.kind,
        text=inbound.text,
        details=inbound.details(),
        status=InboxStatus.IGNORED if idle else InboxStatus.PENDING,
        processed_at=utcnow() if idle else None,
    )
    session.add(row)
    session.flush()
    return row


def store_control(
    *, session: Session, kind: InboundKind, channel: Channel, contact_id: uuid.UUID, conversation_id: uuid.UUID
) -> InboundMessage:
    """Queues a control order (pause or resume the bot) behind the contact's earlier messages."""
    row = InboundMessage(
        provider=Provider.CONTROL,
        provider_id=uuid.uuid4().hex,
        channel=channel,
        contact_id=contact_id,
        kind=kind,
        conversation_id=conversation_id,
        details={},
    )
    session.add(row)
    session.flush()
    return row


def claim_next(*, session: Session) -> InboundMessage | None:
    """Leases the oldest workable row whose contact has no earlier unfinished row; None when there is none."""
    now = utcnow()
    earlier = aliased(InboundMessage)
    blocked = exists().where(
        earlier.contact_id == InboundMessage.contact_id,
        earlier.id < InboundMessage.id,
        earlier.status.in_([InboxStatus.PENDING, InboxStatus.WORKING]),
    )
    workable = or_(
        InboundMessage.status == InboxStatus.PENDING,
        and_(InboundMessage.status == InboxStatus.WORKING, InboundMessage.lease_until < now),
    )
    candidates = session.execute(
        select(InboundMessage.id, InboundMessage.status, InboundMessage.attempts)
        .where(workable, ~blocked)
        .order_by(InboundMessage.id)
        .limit(CANDIDATES)
        .with_for_update(skip_locked=True, of=InboundMessage)
    ).all()
    for row_id, status, attempts in candidates:
        claimed = session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == row_id, InboundMessage.status == status, InboundMessage.attempts == attempts)
            .values(status=InboxStatus.WORKING, attempts=attempts + 1, lease_until=now + LEASE)
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], claimed).rowcount == 1:
            row = session.get(InboundMessage, row_id, populate_existing=True)
            assert row is not None
            return row
    return None


def finish(*, row: InboundMessage, error: str | None = None) -> None:
    """Marks the row worked; its text is dropped (the transcript is the record)."""
    row.status = InboxStatus.DONE
    row.processed_at = utcnow()
    row.lease_until = None
    row.text = None
    row.details = {}
    row.error = error


def give_up_or_retry(*, row: InboundMessage, error: str) -> None:
    """After a failure: try again once the lease ends, or stop after MAX_ATTEMPTS with the reason recorded."""
    row.error = error[:300]
    if row.attempts >= MAX_ATTEMPTS:
        row.status = InboxStatus.IGNORED
        row.processed_at = utcnow()
    else:
        row.status = InboxStatus.WORKING
        row.lease_until = utcnow() + timedelta(seconds=2**row.attempts)


def pending_count(*, session: Session) -> int:
    """How many rows wait to be worked (health and benchmarks)."""
    rows = session.scalars(
        select(InboundMessage.id).where(InboundMessage.status.in_([InboxStatus.PENDING, InboxStatus.WORKING]))
    ).all()
    return len(rows)
