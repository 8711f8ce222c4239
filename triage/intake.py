"""What the gateway (channels/) may call: the public face of the conversation record and the queue."""

from sqlalchemy.orm import Session

from triage.bot_api.service import register_forgetter
from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message
from triage.conversations.service import (
    add_message,
    add_messages,
    current_conversation,
    get_conversation,
    lock_conversation,
    open_conversation,
    open_or_resume,
    set_language,
    transcript,
)
from triage.handoff import flows
from triage.handoff.flows import record_inbound
from triage.handoff.ports import DeliveryState, Gateway, SentReply, register
from triage.retention.policy import Policy
from triage.retention.service import register_purger

__all__ = [
    "Author",
    "Conversation",
    "ConversationState",
    "DeliveryState",
    "Direction",
    "Gateway",
    "Message",
    "Policy",
    "SentReply",
    "add_message",
    "add_messages",
    "current_conversation",
    "get_conversation",
    "lock_conversation",
    "open_conversation",
    "open_or_resume",
    "record_inbound",
    "register",
    "register_forgetter",
    "register_purger",
    "request_human",
    "set_language",
    "transcript",
]


def request_human(
    *, session: Session, conversation: Conversation, reason: str, level: str | None = None
) -> Conversation:
    """Queues the conversation for a human (e.g. the bot is down); a no-op if a human has it already."""
    return flows.enqueue(session=session, conversation=conversation, reason=reason, actor="gateway", level=level)
