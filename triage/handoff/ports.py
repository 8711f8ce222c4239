"""What triage needs from the gateway, which registers itself at start-up (triage never imports channels/)."""

import uuid
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SentReply:
    """What became of a staff reply: `queued`, `template_needed` (WhatsApp after 24 h) or `opted_out`."""

    status: str
    message_id: uuid.UUID | None = None
    detail: str | None = None
    template_sid: str | None = None


@dataclass(frozen=True)
class DeliveryState:
    """Where a message that went out through a provider stands (`sent`, `delivered`, `failed`, …)."""

    status: str
    error: str | None = None


class Gateway(Protocol):
    """The gateway's side of a handoff: pause or resume the bot, send a staff reply, report deliveries."""

    def pause_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None: ...

    def resume_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None: ...

    def send_reply(self, *, session: Session, conversation_id: uuid.UUID, text: str) -> SentReply: ...

    def delivery_status(self, *, session: Session, message_ids: list[uuid.UUID]) -> dict[uuid.UUID, DeliveryState]: ...

    def contact_address(self, *, session: Session, conversation_id: uuid.UUID) -> str | None: ...


class NoGateway:
    """Used until a gateway registers: the bot is not paused and replies are refused rather than lost."""

    def pause_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None:
        return None

    def resume_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None:
        return None

    def send_reply(self, *, session: Session, conversation_id: uuid.UUID, text: str) -> SentReply:
        raise RuntimeError("no messaging gateway is registered")

    def delivery_status(self, *, session: Session, message_ids: list[uuid.UUID]) -> dict[uuid.UUID, DeliveryState]:
        return {}

    def contact_address(self, *, session: Session, conversation_id: uuid.UUID) -> str | None:
        return None


_gateway: Gateway = NoGateway()


def register(gateway: Gateway) -> None:
    """Called once by the gateway when the service starts."""
    global _gateway
    _gateway = gateway


def gateway() -> Gateway:
    """The registered gateway."""
    return _gateway
