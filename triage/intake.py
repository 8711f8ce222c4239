"""What the gateway (channels/) may call: the public face of the conversation record and the queue."""

from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message
from triage.conversations.service import (
    add_message,
    get_conversation,
    open_or_resume,
    request_human,
    set_language,
    transcript,
)

__all__ = [
    "Author",
    "Conversation",
    "ConversationState",
    "Direction",
    "Message",
    "add_message",
    "get_conversation",
    "open_or_resume",
    "request_human",
    "set_language",
    "transcript",
]
