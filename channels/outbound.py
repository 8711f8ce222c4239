"""What triage calls to reach a user: staff replies, the WhatsApp template, delivery status, bot pause/resume.

Every function only adds rows in the caller's session (the caller commits); the gateway's workers send them.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import event
from sqlalchemy.orm import Session

from channels.contacts import service as contacts
from channels.contacts.models import Contact
from channels.inbox import service as inbox
from channels.inbox.models import InboundKind
from channels.message import Channel
from channels.outbox import service as outbox
from channels.outbox.models import OutboxStatus, Purpose
from channels.outbox.service import FINAL_FAILURES
from channels.wakeup import notify_inbox, notify_outbox
from helpline.settings import get_settings
from triage.intake import Author, Conversation, Direction, add_message, get_conversation


class ReplyStatus(StrEnum):
    QUEUED = "queued"
    TEMPLATE_NEEDED = "template_needed"
    OPTED_OUT = "opted_out"


class UnknownConversation(LookupError):
    """No conversation with this id, or one the gateway cannot reach (e.g. the dev channel)."""


class TemplateNotConfigured(RuntimeError):
    """WHATSAPP_TEMPLATE_SID is empty, so nothing can be sent outside the 24 h window."""


@dataclass(frozen=True)
class ReplyResult:
    """What became of a reply: queued (with its transcript message id), or why it was not."""

    status: ReplyStatus
    message_id: uuid.UUID | None = None
    template_sid: str | None = None


@dataclass(frozen=True)
class Delivery:
    """The delivery state of one transcript message (the least advanced of its parts) and the failure reason."""

    status: OutboxStatus
    error: str | None = None


def _reachable(session: Session, conversation_id: uuid.UUID) -> tuple[Conversation, Contact]:
    conversation = get_conversation(session=session, conversation_id=conversation_id)
    if conversation is None:
        raise UnknownConversation(str(conversation_id))
    contact = contacts.find(session=session, channel=conversation.channel, pseudonym_=conversation.pseudonym)
    if contact is None:
        raise UnknownConversation(str(conversation_id))
    return conversation, contact


def send_reply(
    *, session: Session, conversation_id: uuid.UUID, text: str, author: Author = Author.STAFF
) -> ReplyResult:
    """Stores a staff reply in the transcript and queues it; on WhatsApp after 24 h returns TEMPLATE_NEEDED."""
    conversation, contact = _reachable(session, conversation_id)
    if contact.opted_out:
        return ReplyResult(ReplyStatus.OPTED_OUT)
    if contact.channel == Channel.WHATSAPP and not contacts.within_whatsapp_window(contact=contact):
        return ReplyResult(ReplyStatus.TEMPLATE_NEEDED, template_sid=get_settings().whatsapp_template_sid or None)
    message = add_message(
        session=session, conversation=conversation, direction=Direction.OUTBOUND, author=author, body=text
    )
    outbox.enqueue(session=session, contact=contact, conversation_id=conversation.id, message_id=message.id, body=text)
    _wake_after_commit(session, notify_outbox)
    return ReplyResult(ReplyStatus.QUEUED, message_id=message.id)


def send_template(
    *,
    session: Session,
    conversation_id: uuid.UUID,
    variables: dict[str, str] | None = None,
    author: Author = Author.STAFF,
) -> ReplyResult:
    """Queues the approved WhatsApp template (WHATSAPP_TEMPLATE_SID) to reopen a conversation after 24 h."""
    template_sid = get_settings().whatsapp_template_sid
    if not template_sid:
        raise TemplateNotConfigured("set WHATSAPP_TEMPLATE_SID to the ContentSid of an approved template")
    conversation, contact = _reachable(session, conversation_id)
    if contact.opted_out:
        return ReplyResult(ReplyStatus.OPTED_OUT)
    body = f"[template {template_sid}]"
    message = add_message(
        session=session, conversation=conversation, direction=Direction.OUTBOUND, author=author, body=body
    )
    outbox.enqueue(
        session=session,
        contact=contact,
        conversation_id=conversation.id,
        message_id=message.id,
        body=body,
        purpose=Purpose.TEMPLATE,
        template_sid=template_sid,
        template_variables=variables or {},
    )
    _wake_after_commit(session, notify_outbox)
    return ReplyResult(ReplyStatus.QUEUED, message_id=message.id, template_sid=template_sid)


ORDER = (
    OutboxStatus.PENDING,
    OutboxStatus.SENDING,
    OutboxStatus.ACCEPTED,
    OutboxStatus.QUEUED,
    OutboxStatus.SENT,
    OutboxStatus.DELIVERED,
    OutboxStatus.READ,
)


def delivery_status(*, session: Session, message_ids: list[uuid.UUID]) -> dict[uuid.UUID, Delivery]:
    """The delivery state of each transcript message that went out through a provider (others are absent)."""
    parts: dict[uuid.UUID, list[tuple[OutboxStatus, str | None]]] = {}
    for row in outbox.rows_for_messages(session=session, message_ids=message_ids):
        assert row.message_id is not None
        parts.setdefault(row.message_id, []).append((OutboxStatus(row.status), row.error))
    return {message_id: _combine(states) for message_id, states in parts.items()}


def _combine(states: list[tuple[OutboxStatus, str | None]]) -> Delivery:
    for status, error in states:
        if status in FINAL_FAILURES:
            return Delivery(status, error)
    status = min((status for status, _ in states), key=ORDER.index)
    errors = [error for _, error in states if error]
    return Delivery(status, errors[-1] if errors and status is OutboxStatus.PENDING else None)


def _wake_after_commit(session: Session, wake: Callable[[], None]) -> None:
    """Wakes this replica's workers once the caller's transaction committed (others find the rows by polling)."""
    event.listen(session, "after_commit", lambda _session: wake(), once=True)


def _control(session: Session, conversation_id: uuid.UUID, kind: InboundKind) -> None:
    conversation, contact = _reachable(session, conversation_id)
    inbox.store_control(
        session=session,
        kind=kind,
        channel=Channel(contact.channel),
        contact_id=contact.id,
        conversation_id=conversation.id,
    )
    _wake_after_commit(session, notify_inbox)


def pause_bot(*, session: Session, conversation_id: uuid.UUID) -> None:
    """Queues a pause of the bot for this conversation (call when staff claim it); the bot stays silent."""
    _control(session, conversation_id, InboundKind.PAUSE_BOT)


def resume_bot(*, session: Session, conversation_id: uuid.UUID) -> None:
    """Queues a resume (call when staff release it): the tracker resumes and the bot says welcome back."""
    _control(session, conversation_id, InboundKind.RESUME_BOT)
