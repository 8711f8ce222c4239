"""Data access for the inbox: store once, claim in order per contact (SKIP LOCKED on Postgres), finish."""

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Integer, Row, and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from channels.inbox.models import InboundKind, InboundMessage, InboxStatus
from channels.message import Channel, Inbound, Provider
from helpline.db import table, utcnow

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 5
CANDIDATES = 8


UNFINISHED = (InboxStatus.PENDING, InboxStatus.WORKING)

# The statements of the hot path are built once (on the table where the ORM is not needed): building a statement
# and its cache key cost more than SQLite takes to run it.
_inbox = table(InboundMessage)
_earlier = _inbox.alias("earlier")
FIRST_OF_ITS_CONTACT = ~exists().where(
    _earlier.c.contact_id == _inbox.c.contact_id, _earlier.c.id < _inbox.c.id, _earlier.c.status.in_(UNFINISHED)
)
_WORKABLE = or_(
    _inbox.c.status == InboxStatus.PENDING,
    and_(_inbox.c.status == InboxStatus.WORKING, _inbox.c.lease_until < bindparam("now")),
)
_HEADS = (
    select(_inbox.c.id, _inbox.c.contact_id)
    .where(_WORKABLE, FIRST_OF_ITS_CONTACT)
    .order_by(_inbox.c.id)
    .limit(bindparam("limit", type_=Integer))
)
_CANDIDATES = (
    select(_inbox.c.id, _inbox.c.status, _inbox.c.attempts)
    .where(_WORKABLE, FIRST_OF_ITS_CONTACT)
    .order_by(_inbox.c.id)
    .limit(CANDIDATES)
    .with_for_update(skip_locked=True, of=_inbox)
)
_CLAIMED = (
    _inbox.c.id,
    _inbox.c.contact_id,
    _inbox.c.kind,
    _inbox.c.text,
    _inbox.c.details,
    _inbox.c.conversation_id,
    _inbox.c.message_id,
)
_LEASE_IF_UNCHANGED = (
    update(_inbox)
    .where(
        _inbox.c.id == bindparam("row_id"),
        _inbox.c.status == bindparam("seen_status"),
        _inbox.c.attempts == bindparam("seen_attempts"),
    )
    .values(status=InboxStatus.WORKING, attempts=_inbox.c.attempts + 1, lease_until=bindparam("until"))
    .returning(*_CLAIMED)
)
_STORE = insert(_inbox).returning(_inbox.c.id)
_FINISH = (
    update(_inbox)
    .where(_inbox.c.id == bindparam("row_id"))
    .values(status=InboxStatus.DONE, processed_at=bindparam("now"), lease_until=None, text=None)
    .values(details=bindparam("no_details"), error=bindparam("reason"))
)
_CLAIM = (
    update(_inbox)
    .where(_inbox.c.id == bindparam("row_id"), _WORKABLE, FIRST_OF_ITS_CONTACT)
    .values(status=InboxStatus.WORKING, attempts=_inbox.c.attempts + 1, lease_until=bindparam("until"))
    .returning(*_CLAIMED)
)
_RECORD_MESSAGE = (
    update(_inbox)
    .where(_inbox.c.id == bindparam("row_id"))
    .values(conversation_id=bindparam("in_conversation"), message_id=bindparam("as_message"))
)


@dataclass(frozen=True)
class Claimed:
    """An inbox row leased to be worked, as it was when claimed (`record_message` and `finish_row` change it)."""

    id: int
    contact_id: uuid.UUID | None
    kind: InboundKind
    text: str | None
    details: dict[str, Any]
    conversation_id: uuid.UUID | None  # set with message_id once the row is in the transcript
    message_id: uuid.UUID | None

    @classmethod
    def of(cls, row: Row[Any]) -> "Claimed":
        """The claimed row from the columns _CLAIMED returns."""
        return cls(
            row.id,
            row.contact_id,
            InboundKind(row.kind),
            row.text,
            row.details or {},
            row.conversation_id,
            row.message_id,
        )


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


def store(*, session: Session, inbound: Inbound, contact_id: uuid.UUID | None) -> int:
    """Stores one update to be worked (one statement, no ORM: the webhook runs it for every message); unsupported
    updates with nobody to answer are stored already done. Returns the row's id."""
    idle = inbound.address is None
    values = {
        "provider": inbound.provider,
        "provider_id": inbound.provider_id,
        "channel": inbound.channel or inbound.provider,
        "contact_id": contact_id,
        "kind": inbound.kind,
        "text": inbound.text,
        "details": inbound.details(),
        "status": InboxStatus.IGNORED if idle else InboxStatus.PENDING,
        "processed_at": utcnow() if idle else None,
    }
    return int(session.execute(_STORE, values).scalar_one())


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


def heads(
    *, session: Session, limit: int, busy: Collection[uuid.UUID | None] = ()
) -> list[tuple[int, uuid.UUID | None]]:
    """The oldest workable rows that come first for their contact, as (id, contact), leaving out `busy` contacts."""
    rows = session.execute(_HEADS, {"now": utcnow(), "limit": limit + len(busy)}).all()
    return [(row_id, contact_id) for row_id, contact_id in rows if contact_id not in busy][:limit]


def claim(*, session: Session, row_id: int) -> Claimed | None:
    """Leases this row if it is workable and no earlier row of its contact is unfinished; None otherwise."""
    now = utcnow()
    claimed = session.execute(_CLAIM, {"row_id": row_id, "now": now, "until": now + LEASE}).first()
    return None if claimed is None else Claimed.of(claimed)


def claim_next(*, session: Session) -> Claimed | None:
    """Leases the oldest workable row whose contact has no earlier unfinished row; None when there is none."""
    now = utcnow()
    for row_id, status, attempts in session.execute(_CANDIDATES, {"now": now}).all():
        lease = {"row_id": row_id, "seen_status": status, "seen_attempts": attempts, "until": now + LEASE}
        claimed = session.execute(_LEASE_IF_UNCHANGED, lease).first()
        if claimed is not None:
            return Claimed.of(claimed)
    return None


def record_message(*, session: Session, row_id: int, conversation_id: uuid.UUID, message_id: uuid.UUID) -> None:
    """Notes the transcript message the row became, so that working it again does not store it twice."""
    session.execute(_RECORD_MESSAGE, {"row_id": row_id, "in_conversation": conversation_id, "as_message": message_id})


def finish(*, row: InboundMessage, error: str | None = None) -> None:
    """Marks the row worked; its text is dropped (the transcript is the record)."""
    row.status = InboxStatus.DONE
    row.processed_at = utcnow()
    row.lease_until = None
    row.text = None
    row.details = {}
    row.error = error


def finish_row(*, session: Session, row_id: int, error: str | None = None) -> None:
    """`finish` for a row not loaded in the session (one statement)."""
    session.execute(_FINISH, {"row_id": row_id, "now": utcnow(), "no_details": {}, "reason": error})


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
