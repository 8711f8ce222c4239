"""The thin path through the system: store, ask the bot, store its answers."""

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from channels import rasa
from channels.fallback import safe_reply
from channels.identity import pseudonym
from triage.intake import Author, Direction, add_message, open_or_resume

CHANNEL = "dev"


@dataclass(frozen=True)
class Outcome:
    conversation_id: uuid.UUID
    replies: list[str]
    bot_available: bool


def converse(*, session: Session, sender: str, text: str) -> Outcome:
    """Stores the user's message, asks Rasa, stores and returns the replies (a safe reply if Rasa is down)."""
    conversation = open_or_resume(
        session=session, channel=CHANNEL, pseudonym=pseudonym(channel=CHANNEL, address=sender)
    )
    add_message(session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER, body=text)
    try:
        replies = [
            reply.text
            for reply in rasa.send_to_bot(
                conversation_id=str(conversation.id), text=text, metadata={"channel": CHANNEL, "buttons": True}
            )
            if reply.text
        ]
        author, available = Author.BOT, True
    except rasa.RasaUnavailable:
        replies, author, available = [safe_reply(conversation.language)], Author.SYSTEM, False
    for reply in replies:
        add_message(session=session, conversation=conversation, direction=Direction.OUTBOUND, author=author, body=reply)
    return Outcome(conversation_id=conversation.id, replies=replies, bot_available=available)
