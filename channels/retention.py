"""The gateway's share of the retention purge: delivery metadata, worked inbox rows, contacts nobody talks to,
and Rasa's trackers of the conversations the purge deleted."""

import uuid
from datetime import datetime

from sqlalchemy import and_, delete, exists, func
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.forget import empty_trackers
from channels.inbox.models import InboundMessage, InboxStatus
from channels.outbox.models import UNFINISHED, OutboundMessage
from helpline.db import rowcount
from triage.intake import Conversation, Policy


def purge(session: Session, now: datetime, policy: Policy, purged: list[uuid.UUID]) -> dict[str, int]:
    """Deletes expired gateway rows; a contact (raw address) goes once no conversation of theirs is kept; the
    purged conversations' Rasa trackers are emptied."""
    old = now - policy.delivery_metadata
    outbox = rowcount(
        session.execute(
            delete(OutboundMessage).where(OutboundMessage.created_at < old, OutboundMessage.status.not_in(UNFINISHED))
        )
    )
    inbox = rowcount(
        session.execute(
            delete(InboundMessage).where(
                InboundMessage.received_at < old,
                InboundMessage.status.in_([InboxStatus.DONE, InboxStatus.IGNORED]),
            )
        )
    )
    kept = exists().where(and_(Conversation.channel == Contact.channel, Conversation.pseudonym == Contact.pseudonym))
    unfinished = exists().where(OutboundMessage.contact_id == Contact.id)
    pending = exists().where(InboundMessage.contact_id == Contact.id)
    contacts = rowcount(
        session.execute(
            delete(Contact)
            .where(
                func.coalesce(Contact.last_inbound_at, Contact.created_at) < now - policy.transcripts,
                ~kept,
                ~unfinished,
                ~pending,
            )
            .execution_options(synchronize_session=False)
        )
    )
    return {
        "gateway_outbox": outbox,
        "gateway_inbox": inbox,
        "gateway_contacts": contacts,
        "rasa_trackers": empty_trackers(purged),
    }
