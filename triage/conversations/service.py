"""Data access for conversations and messages; callers own the transaction."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Integer, bindparam, insert, select, update
from sqlalchemy.orm import Session

from helpline.db import table, utcnow
from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message

# Statements the gateway runs for every message, built once: building one and its cache key costs more than
# running it.
_conversations, _messages = table(Conversation), table(Message)
_CURRENT = (
    select(Conversation)
    .where(
        Conversation.channel == bindparam("channel"),
        Conversation.pseudonym == bindparam("pseudonym"),
        Conversation.state != ConversationState.CLOSED,
    )
    .order_by(Conversation.opened_at.desc())
    .limit(1)
)
_LOCK = select(_conversations.c.id).where(_conversations.c.id == bindparam("conversation_id")).with_for_update()
_WRITE_MESSAGES = insert(_messages)
_MOVE_LAST_MESSAGE_AT = (
    update(_conversations)
    .where(_conversations.c.id == bindparam("conversation_id"))
    .values(last_message_at=bindparam("at"))
)
_LAST_USER_BODIES = (
    select(_messages.c.body)
    .where(_messages.c.conversation_id == bindparam("conversation_id"), _messages.c.author == Author.USER)
    .order_by(_messages.c.created_at.desc())
    .limit(bindparam("limit", type_=Integer))
)


def current_conversation(*, session: Session, channel: str, pseudonym: str) -> Conversation | None:
    """The person's open conversation on this channel, if any."""
    return session.scalars(_CURRENT, {"channel": channel, "pseudonym": pseudonym}).first()


def lock_conversation(*, session: Session, conversation_id: uuid.UUID) -> None:
    """Locks the conversation's row until the transaction ends (PostgreSQL; SQLite has one writer at a time)."""
    session.execute(_LOCK, {"conversation_id": conversation_id})


def open_or_resume(*, session: Session, channel: str, pseudonym: str) -> Conversation:
    """The person's open conversation on this channel, or a new one with the bot."""
    conversation = current_conversation(session=session, channel=channel, pseudonym=pseudonym)
    return conversation or open_conversation(session=session, channel=channel, pseudonym=pseudonym)


def open_conversation(*, session: Session, channel: str, pseudonym: str) -> Conversation:
    """A new conversation of the person with the bot."""
    conversation = Conversation(channel=channel, pseudonym=pseudonym, state=ConversationState.BOT)
    session.add(conversation)
    session.flush()
    return conversation


def add_message(
    *, session: Session, conversation: Conversation, direction: Direction, author: Author, body: str
) -> Message:
    """Stores one message of the conversation (written with the session's next flush; its id is set already)."""
    now = utcnow()
    message = Message(
        id=uuid.uuid4(), conversation_id=conversation.id, direction=direction, author=author, body=body, created_at=now
    )
    session.add(message)
    conversation.last_message_at = now
    return message


def add_messages(
    *, session: Session, conversation_id: uuid.UUID, direction: Direction, author: Author, bodies: Sequence[str]
) -> list[uuid.UUID]:
    """Stores several messages of one conversation, in order, in one statement (the gateway stores each turn of
    the bot so); returns their ids. A Conversation loaded in the session does not see its new last_message_at."""
    ids, times = _write_messages(session, conversation_id, direction, author, bodies)
    if ids:
        session.execute(_MOVE_LAST_MESSAGE_AT, {"conversation_id": conversation_id, "at": times[-1]})
    return ids


def insert_message(
    *, session: Session, conversation: Conversation, direction: Direction, author: Author, body: str
) -> uuid.UUID:
    """`add_message` in one statement, with no ORM object (the gateway stores every user message so); returns its
    id. The conversation's last_message_at is set on the object."""
    (message_id,), (conversation.last_message_at,) = _write_messages(
        session, conversation.id, direction, author, [body]
    )
    return message_id


def _write_messages(
    session: Session, conversation_id: uuid.UUID, direction: Direction, author: Author, bodies: Sequence[str]
) -> tuple[list[uuid.UUID], list[datetime]]:
    """Writes the messages with their own ids and times; returns both."""
    ids, times = [uuid.uuid4() for _ in bodies], [utcnow() for _ in bodies]
    if ids:
        session.execute(
            _WRITE_MESSAGES,
            [
                {"id": id_, "conversation_id": conversation_id, "direction": direction, "author": author,
                 "body": body, "created_at": at}
                for id_, at, body in zip(ids, times, bodies, strict=True)
            ],
        )  # fmt: skip
    return ids, times


def transcript(*, session: Session, conversation_id: uuid.UUID) -> list[Message]:
    """Every message of the conversation, oldest first."""
    return list(
        session.scalars(select(Message).where(Message.conversation_id == conversation_id).order_by(Message.created_at))
    )


def last_user_messages(*, session: Session, conversation_id: uuid.UUID, limit: int) -> list[str]:
    """The bodies of the user's last `limit` messages, oldest first (decrypting only those)."""
    bodies = session.scalars(_LAST_USER_BODIES, {"conversation_id": conversation_id, "limit": limit})
    return list(reversed(list(bodies)))


def get_conversation(*, session: Session, conversation_id: uuid.UUID) -> Conversation | None:
    """The conversation with this id, if it exists."""
    return session.get(Conversation, conversation_id)


def set_language(*, session: Session, conversation: Conversation, language: str) -> None:
    """Records the language the person writes in (codes: darija_lat, darija_ar, ar, fr, en, tzm)."""
    conversation.language = language
    session.flush()
