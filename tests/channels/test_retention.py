"""The gateway's rows leave with the retention purge; raw addresses go once nobody's conversation is kept; Rasa
forgets the purged conversations."""

import json
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

import channels.routes  # noqa: F401  (registers the gateway's purger, as the service does at start)
from channels.contacts.models import Contact
from channels.inbox.models import InboundMessage
from channels.outbox.models import OutboundMessage
from channels.sandbox.server import Running
from helpline.db import new_session, utcnow
from tests.channels.conftest import Bot, post_twilio, twilio_form, work
from triage.intake import Conversation, ConversationState
from triage.retention.service import purge


def _count(session: Session, table: type) -> int:
    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_old_gateway_rows_and_forgotten_contacts_are_purged(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="salam"))
    work()
    now = utcnow()
    with new_session() as db, db.begin():
        counts = purge(session=db, now=now)
    assert counts["gateway_outbox"] == counts["gateway_inbox"] == counts["gateway_contacts"] == 0
    long_ago = now - timedelta(days=3650)
    with new_session() as db, db.begin():
        db.execute(update(OutboundMessage).values(created_at=long_ago))
        db.execute(update(InboundMessage).values(received_at=long_ago))
        db.execute(update(Contact).values(created_at=long_ago, last_inbound_at=long_ago))
    with new_session() as db, db.begin():
        counts = purge(session=db, now=now)
    assert (counts["gateway_outbox"], counts["gateway_inbox"]) == (1, 1)
    session.expire_all()
    assert (_count(session, OutboundMessage), _count(session, InboundMessage)) == (0, 0)
    assert _count(session, Contact) == 1, "an open conversation keeps its contact"
    with new_session() as db, db.begin():
        db.execute(delete(Conversation))  # what the transcript purge does to an old closed conversation
    with new_session() as db, db.begin():
        assert purge(session=db, now=now)["gateway_contacts"] == 1
    session.expire_all()
    assert _count(session, Contact) == 0, "the conversation is gone, so is the raw phone number"


def test_the_purge_empties_rasa_trackers_of_the_conversations_it_deletes(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="salam"))
    work()
    conversation_id = session.scalars(select(Conversation.id)).one()
    long_ago = utcnow() - timedelta(days=3650)
    with new_session() as db, db.begin():
        db.execute(update(Conversation).values(state=ConversationState.CLOSED, closed_at=long_ago))
    with new_session() as db, db.begin():
        counts = purge(session=db, now=utcnow())
    assert (counts["conversations"], counts["rasa_trackers"]) == (1, 1)
    emptied = [r for r in bot.stand_in.requests if r.method == "PUT" and str(conversation_id) in r.path]
    assert [json.loads(r.body) for r in emptied] == [[]], "Rasa's tracker was replaced by an empty one"
