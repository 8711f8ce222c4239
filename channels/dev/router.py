"""`POST /dev/messages`: one message to the bot and its replies, stored like any channel's."""

import uuid

from fastapi import APIRouter
from pydantic import BaseModel, Field

from channels.dev import service
from helpline.db import SessionDep

router = APIRouter(prefix="/dev", tags=["development"])


class DevMessage(BaseModel):
    sender: str = Field(min_length=1, max_length=64, description="any name for the pretend user")
    text: str = Field(min_length=1, max_length=1600)


class DevReply(BaseModel):
    conversation_id: uuid.UUID
    replies: list[str]
    bot_available: bool


@router.post("/messages")
def post_message(message: DevMessage, session: SessionDep) -> DevReply:
    """Sends a message to the bot as the named pretend user and returns what it answered."""
    outcome = service.converse(session=session, sender=message.sender, text=message.text)
    return DevReply(
        conversation_id=outcome.conversation_id, replies=outcome.replies, bot_available=outcome.bot_available
    )
