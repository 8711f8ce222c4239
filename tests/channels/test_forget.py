"""Forget-me end to end from a Telegram conversation: the bot asks, and nothing of the person is left."""

import json

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.inbox.models import InboundMessage
from channels.sandbox.server import Running
from tests.channels.conftest import Bot, post_telegram, tg_message, work
from triage.conversations.models import Conversation, Message

SERVICE = {"Authorization": "Bearer dev-only-service-token"}


def test_forget_me_from_telegram_erases_the_person_everywhere(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    for text in ("salam", "kayn wa7ed f dar kaydrebni", "nsa kolchi 3afak"):
        assert post_telegram(client, tg_message(text)).status_code == 200
    work()
    conversation = session.scalars(select(Conversation)).one()
    conversation_id = conversation.id
    assert session.scalars(select(Contact)).all(), "the gateway kept the chat id to reply"

    response = client.post("/api/v1/bot/forget", json={"conversation_id": str(conversation_id)}, headers=SERVICE)
    assert response.status_code == 202
    erased = response.json()["erased"]
    assert erased["conversations"] == 1
    assert erased["messages"] >= 3
    assert erased["contacts"] == 1
    assert erased["rasa_trackers"] == 1

    session.expunge_all()
    assert session.get(Conversation, conversation_id) is None
    assert session.scalars(select(Message)).all() == []
    assert session.scalars(select(Contact)).all() == []
    assert session.scalars(select(InboundMessage)).all() == []
    emptied = [r for r in bot.stand_in.requests if r.method == "PUT" and str(conversation_id) in r.path]
    assert [json.loads(r.body) for r in emptied] == [[]], "Rasa's tracker was replaced by an empty one"
