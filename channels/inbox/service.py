"""Data access for the inbox: store once, claim in order per contact (SKIP LOCKED on Postgres), finish."""

import uuid
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, exists, func, or_, select, update
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


UNFINISHED = (InboxStatus.PENDING, InboxStatus.WORKING)


def _workable(now: datetime) -> ColumnElement[bool]:
    return or_(
        InboundMessage.status == InboxStatus.PENDING,
        and_(InboundMessage.status == InboxStatus.WORKING, InboundMessage.lease_until < now),
    )


_earlier = aliased(InboundMessage)  # built once: an alias costs milliseconds to build
FIRST_OF_ITS_CONTACT = ~exists().where(
    _earlier.contact_id == InboundMessage.contact_id,
    _earlier.id < InboundMessage.id,
    _earlier.status.in_(UNFINISHED),
)


def heads(
    *, session: Session, limit: int, busy: Collection[uuid.UUID | None] = ()
) -> list[tuple[int, uuid.UUID | None]]:
    """The oldest workable rows that come first for their contact, as (id, contact), leaving out `busy` contacts."""
    rows = session.execute(
        select(InboundMessage.id, InboundMessage.contact_id)
        .where(_workable(utcnow()), FIRST_OF_ITS_CONTACT)
        .order_by(InboundMessage.id)
        .limit(limit + len(busy))
    ).all()
    return [(row_id, contact_id) for row_id, contact_id in rows if contact_id not in busy][:limit]


def claim(*, session: Session, row_id: int) -> InboundMessage | None:
    """Leases this row if it is workable and no earlier row of its contact is unfinished; None otherwise."""
    now = utcnow()
    return session.scalars(
        update(InboundMessage)
        .where(InboundMessage.id == row_id, _workable(now), FIRST_OF_ITS_CONTACT)
        .values(status=InboxStatus.WORKING, attempts=InboundMessage.attempts + 1, lease_until=now + LEASE)
        .returning(InboundMessage),
        execution_options={"synchronize_session": False, "populate_existing": True},
    ).first()


def claim_next(*, session: Session) -> InboundMessage | None:
    """Leases the oldest workable row whose contact has no earlier unfinished row; None when there is none."""
    now = utcnow()
    candidates = session.execute(
        select(InboundMessage.id, InboundMessage.status, InboundMessage.attempts)
        .where(_workable(now), FIRST_OF_ITS_CONTACT)
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
    return session.scalar(select(func.count()).where(InboundMessage.status.in_(UNFINISHED))) or 0
