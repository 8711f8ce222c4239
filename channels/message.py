"""The normalized shapes every provider module parses to and sends from."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from channels.inbox.models import InboundKind


class Channel(StrEnum):
    SMS = "sms"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"


class Provider(StrEnum):
    TWILIO = "twilio"
    TELEGRAM = "telegram"
    CONTROL = "control"


@dataclass(frozen=True)
class Media:
    """A reference to a file the user sent; the file itself stays with the provider."""

    kind: str
    reference: str
    content_type: str = ""


@dataclass(frozen=True)
class Inbound:
    """One provider update, parsed: who wrote (raw address), what kind, and what it says."""

    provider: Provider
    provider_id: str
    channel: Channel | None
    address: str | None
    kind: InboundKind
    text: str | None = None
    media: tuple[Media, ...] = ()
    location: tuple[float, float] | None = None
    callback_id: str | None = None
    start_payload: str | None = None

    def details(self) -> dict[str, Any]:
        """The parts that are not text, as stored in the inbox row."""
        details: dict[str, Any] = {}
        if self.media:
            details["media"] = [
                {"kind": m.kind, "reference": m.reference, "content_type": m.content_type} for m in self.media
            ]
        if self.location:
            details["location"] = list(self.location)
        if self.callback_id:
            details["callback_id"] = self.callback_id
        if self.start_payload:
            details["start_payload"] = self.start_payload
        return details


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Outgoing:
    """One provider message to send."""

    channel: Channel
    address: str
    text: str
    buttons: tuple[Button, ...] = ()
    template_sid: str | None = None
    template_variables: dict[str, str] = field(default_factory=dict)


class SendOutcome(StrEnum):
    ACCEPTED = "accepted"
    RETRY = "retry"
    FAILED = "failed"


@dataclass(frozen=True)
class SendResult:
    """What the provider said: accepted (with its id), try again (maybe after a delay), or failed for good."""

    outcome: SendOutcome
    provider_message_id: str | None = None
    retry_after: float | None = None
    reason: str | None = None
