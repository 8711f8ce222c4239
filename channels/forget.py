"""Forget-me and the retention purge, the gateway's part: the person's address with its queued messages, and
Rasa's record of each erased conversation."""

import logging
import uuid

from sqlalchemy import delete
from sqlalchemy.orm import Session

from channels import rasa
from channels.contacts.models import Contact
from helpline.db import rowcount

log = logging.getLogger(__name__)


def empty_trackers(conversation_ids: list[uuid.UUID]) -> int:
    """Replaces each conversation's Rasa tracker by an empty one; returns how many were emptied.

    Stops at the first failure: when Rasa is down, the rest would only wait for their own timeouts."""
    emptied = 0
    for conversation_id in conversation_ids:
        try:
            rasa.erase_tracker(conversation_id=str(conversation_id))
        except rasa.RasaUnavailable as error:
            left = len(conversation_ids) - emptied
            log.warning("%d Rasa tracker(s) not emptied (%s)", left, type(error).__name__)
            break
        emptied += 1
    return emptied


def forget(
    session: Session, channel: str, pseudonym: str, conversation_ids: list[uuid.UUID], keep_address: bool
) -> dict[str, int]:
    """Empties the erased conversations' Rasa trackers and, unless a legal hold keeps it, erases the contact
    (its inbox and outbox rows go with it)."""
    contacts = 0
    if not keep_address:
        query = delete(Contact).where(Contact.channel == channel, Contact.pseudonym == pseudonym)
        contacts = rowcount(session.execute(query))
    return {"contacts": contacts, "rasa_trackers": empty_trackers(conversation_ids)}
