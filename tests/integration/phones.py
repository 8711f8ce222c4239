"""Pretend users of the integration tests, and telling when the helpline has finished answering them."""

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channels.chat import Phone
from channels.inbox.models import InboundMessage, InboxStatus
from channels.message import Channel
from channels.outbox.models import UNFINISHED, OutboundMessage
from helpline.settings import Settings
from tests.integration.stack import PUBLIC, Stack

QUIET = 2.5  # without `turn_over`, an answer is taken as complete after this long with nothing new


def phone(stack: tuple[Stack, str], channel: Channel, address: str) -> Phone:
    """A user of the running helpline on one channel, posting signed webhooks as the provider would."""
    running, sandbox_url = stack
    return Phone(settings=Settings(public_base_url=PUBLIC), channel=channel, address=address,
                 service_url=running.base_url, sandbox_url=sandbox_url, quiet=QUIET)  # fmt: skip


def turn_over(session: Session, user: Phone) -> Callable[[], bool]:
    """Tells when the user's last message has been worked and every reply queued for them sent, so the stand-in
    holds the whole answer (instead of waiting for a quiet spell after each turn)."""
    sent = user.last_sent

    def over() -> bool:
        with session.get_bind().connect() as db:  # a connection of its own: never an old snapshot
            row = db.execute(
                select(InboundMessage.status, InboundMessage.contact_id).where(InboundMessage.provider_id == sent)
            ).first()
            if row is None or row.status not in (InboxStatus.DONE, InboxStatus.IGNORED):
                return False
            unfinished = db.execute(
                select(func.count())
                .select_from(OutboundMessage)
                .where(OutboundMessage.contact_id == row.contact_id, OutboundMessage.status.in_(UNFINISHED))
            ).scalar_one()
            return unfinished == 0

    return over
