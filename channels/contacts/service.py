"""Data access for contacts; callers own the transaction."""

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.identity import pseudonym
from helpline.db import table, utcnow

WHATSAPP_WINDOW = timedelta(hours=24)

_contacts = table(Contact)
_TOUCH = (  # built once, on the table: the webhook runs it for every message
    update(_contacts)
    .where(_contacts.c.channel == bindparam("of_channel"), _contacts.c.pseudonym == bindparam("of_pseudonym"))
    .values(last_inbound_at=bindparam("now"))
    .returning(_contacts.c.id)
)
_BY_ID = select(Contact).where(Contact.id == bindparam("contact_id"))
_SET_MENU = update(_contacts).where(_contacts.c.id == bindparam("contact_id")).values(menu=bindparam("buttons"))


def find(*, session: Session, channel: str, pseudonym_: str) -> Contact | None:
    """The contact behind a pseudonym on a channel, if known."""
    return session.scalars(select(Contact).where(Contact.channel == channel, Contact.pseudonym == pseudonym_)).first()


def remember(*, session: Session, channel: str, address: str) -> Contact:
    """The contact for a raw address, created on first contact (a concurrent twin raises IntegrityError)."""
    key = pseudonym(channel=channel, address=address)
    contact = find(session=session, channel=channel, pseudonym_=key)
    if contact is None:
        contact = Contact(channel=channel, pseudonym=key, address=address)
        session.add(contact)
        session.flush()
    return contact


def touch_inbound(*, session: Session, channel: str, address: str) -> uuid.UUID:
    """Records that the user at this address just wrote (opens WhatsApp's 24 h window), creating the contact on
    first contact (a concurrent twin raises IntegrityError); returns the contact's id."""
    now, key = utcnow(), pseudonym(channel=channel, address=address)
    known: uuid.UUID | None = session.execute(_TOUCH, {"of_channel": channel, "of_pseudonym": key, "now": now}).scalar()
    if known is not None:
        return known
    contact = Contact(channel=channel, pseudonym=key, address=address, last_inbound_at=now)
    session.add(contact)
    session.flush()
    return contact.id


def within_whatsapp_window(*, contact: Contact) -> bool:
    """True when a free-form WhatsApp message is still allowed (user wrote in the last 24 h)."""
    return contact.last_inbound_at is not None and utcnow() - contact.last_inbound_at < WHATSAPP_WINDOW


def set_opted_out(*, contact: Contact, opted_out: bool) -> None:
    """Stores STOP (True) or START (False)."""
    contact.opted_out = opted_out


def set_menu(*, contact: Contact, buttons: list[dict[str, Any]] | None) -> None:
    """Remembers the options last offered, so "1", "2"… (or a Telegram "#n") map back to their payloads."""
    contact.menu = buttons or None


def store_menu(*, session: Session, contact_id: uuid.UUID, buttons: list[dict[str, Any]] | None) -> None:
    """`set_menu` for a contact not loaded in the session (one statement)."""
    session.execute(_SET_MENU, {"contact_id": contact_id, "buttons": buttons or None})


def menu_payload(*, contact: Contact, number: int) -> dict[str, Any] | None:
    """The option with this number (1-based) of the last menu, if any."""
    menu = contact.menu or []
    return menu[number - 1] if 1 <= number <= len(menu) else None


def get(*, session: Session, contact_id: uuid.UUID) -> Contact | None:
    """The contact with this id (a statement built once: half the CPU of `session.get` when it is not loaded)."""
    return session.scalars(_BY_ID, {"contact_id": contact_id}).one_or_none()
