"""Recording consent, and the checks that enforce it."""

from functools import lru_cache
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.reference import REFERENCE
from triage.consent.models import Consent
from triage.conversations.models import Conversation

DEFAULT_WORDING = "v1"


class NoConsent(PermissionError):
    """The person did not agree to be contacted back (or not this way)."""


def record(*, session: Session, conversation: Conversation, consent: dict[str, Any]) -> Consent | None:
    """Stores what the person stated; nothing is stored when they stated nothing."""
    if all(consent.get(k) is None for k in ("contact_back", "contact_how", "anonymous")):
        return None
    row = Consent(
        conversation_id=conversation.id,
        contact_back=consent.get("contact_back"),
        contact_how=consent.get("contact_how"),
        anonymous=consent.get("anonymous"),
        wording_version=str(consent.get("wording_version") or DEFAULT_WORDING),
    )
    session.add(row)
    session.flush()
    return row


def latest(*, session: Session, channel: str, pseudonym: str) -> Consent | None:
    """The most recent consent this person gave on this channel, in any of their conversations."""
    query = (
        select(Consent)
        .join(Conversation, Conversation.id == Consent.conversation_id)
        .where(Conversation.channel == channel, Conversation.pseudonym == pseudonym)
        .order_by(Consent.given_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def wants_anonymity(*, session: Session, channel: str, pseudonym: str) -> bool:
    """Whether the person's latest answer about anonymity, on this channel, was to stay anonymous."""
    query = (
        select(Consent.anonymous)
        .join(Conversation, Conversation.id == Consent.conversation_id)
        .where(Conversation.channel == channel, Conversation.pseudonym == pseudonym, Consent.anonymous.is_not(None))
        .order_by(Consent.given_at.desc())
        .limit(1)
    )
    return bool(session.scalars(query).first())


def require_contact_back(*, session: Session, conversation: Conversation) -> Consent:
    """The consent that allows contacting the person back on this channel, or NoConsent."""
    consent = latest(session=session, channel=conversation.channel, pseudonym=conversation.pseudonym)
    if consent is None or not consent.contact_back:
        raise NoConsent("the person did not agree to be contacted back")
    if consent.contact_how and consent.contact_how not in (conversation.channel, "any"):
        raise NoConsent(f"the person agreed to be contacted by {consent.contact_how}, not {conversation.channel}")
    return consent


@lru_cache
def _openers() -> dict[str, str]:
    with (REFERENCE / "neutral_openers.yml").open(encoding="utf-8") as handle:
        openers: dict[str, str] = yaml.safe_load(handle)["openers"]
    return openers


def neutral_opening(language: str | None) -> str:
    """The neutral first words for a message the helpline sends on its own initiative."""
    openers = _openers()
    return openers.get(language or "", openers["fr"])
