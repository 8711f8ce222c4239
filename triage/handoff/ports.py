"""What triage needs from the gateway, which registers itself at start-up (triage never imports channels/)."""

import uuid
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SentReply:
    """A staff reply handed to the gateway."""

    message_id: uuid.UUID
    status: str
    detail: str | None = None


class Gateway(Protocol):
    """The gateway's side of a handoff: pause or resume the bot, send a staff reply."""

    def pause_bot(self, conversation_id: uuid.UUID) -> None: ...

    def resume_bot(self, conversation_id: uuid.UUID) -> None: ...

    def send_reply(self, *, session: Session, conversation_id: uuid.UUID, text: str) -> SentReply: ...


class _NoGateway:
    """Used until a gateway registers: refuses to send rather than pretend."""

    def pause_bot(self, conversation_id: uuid.UUID) -> None:
        return None

    def resume_bot(self, conversation_id: uuid.UUID) -> None:
        return None

    def send_reply(self, *, session: Session, conversation_id: uuid.UUID, text: str) -> SentReply:
        raise RuntimeError("no messaging gateway is registered")


_gateway: Gateway = _NoGateway()


def register(gateway: Gateway) -> None:
    """Called once by the gateway when the service starts."""
    global _gateway
    _gateway = gateway


def gateway() -> Gateway:
    """The registered gateway."""
    return _gateway
