"""What the gateway (channels/) may call: the public face of the conversation record."""

from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message
from triage.conversations.service import add_message, open_or_resume, transcript

__all__ = [
    "Author",
    "Conversation",
    "ConversationState",
    "Direction",
    "Message",
    "add_message",
    "open_or_resume",
    "transcript",
]
