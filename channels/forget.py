"""Forget-me, the gateway's part: the person's address, queued messages, and Rasa's record of the conversation."""

import logging
import uuid

from sqlalchemy import delete
from sqlalchemy.orm import Session

from channels import rasa
from channels.contacts.models import Contact
from helpline.db import rowcount

log = logging.getLogger(__name__)


def forget(session: Session, channel: str, pseudonym: str, conversation_ids: list[uuid.UUID]) -> dict[str, int]:
    """Erases the contact (its inbox and outbox rows go with it) and empties the Rasa trackers."""
    contacts = rowcount(
        session.execute(delete(Contact).where(Contact.channel == channel, Contact.pseudonym == pseudonym))
    )
    emptied = 0
    for conversation_id in conversation_ids:
        try:
            rasa.erase_tracker(conversation_id=str(conversation_id))
            emptied += 1
        except rasa.RasaUnavailable as error:
            log.warning("Rasa tracker not emptied (%s); it expires with Rasa's own store", type(error).__name__)
    return {"contacts": contacts, "rasa_trackers": emptied}
