"""The thin path: a message to the bot is stored with the bot's replies, and Rasa down loses nothing."""

import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from helpline.app import create_app
from tests.conftest import Reconfigure
from tests.standin import Recorded, serve
from triage.intake import Author, Direction, transcript


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


def _bot(request: Recorded) -> tuple[int, object]:
    sender = json.loads(request.body)["sender"]
    return 200, [{"recipient_id": sender, "text": "Salam! Ana hna bach nsme3 lik."}, {"recipient_id": sender}]


def test_greeting_reaches_the_bot_and_both_messages_are_stored(
    client: TestClient, reconfigure: Reconfigure, session: Session
) -> None:
    with serve(_bot) as rasa:
        reconfigure(RASA_URL=rasa.url)
        response = client.post("/dev/messages", json={"sender": "amina", "text": "salam"})
    assert response.status_code == 200
    body = response.json()
    assert body["replies"] == ["Salam! Ana hna bach nsme3 lik."]
    assert body["bot_available"] is True
    sent = json.loads(rasa.requests[0].body)
    assert sent["sender"] == body["conversation_id"]
    assert sent["message"] == "salam"
    assert sent["metadata"] == {"channel": "dev", "buttons": True}
    stored = [
        (m.direction, m.author, m.body) for m in transcript(session=session, conversation_id=uuid.UUID(sent["sender"]))
    ]
    assert stored == [
        (Direction.INBOUND, Author.USER, "salam"),
        (Direction.OUTBOUND, Author.BOT, "Salam! Ana hna bach nsme3 lik."),
    ]


def test_same_sender_continues_the_same_conversation(client: TestClient) -> None:
    first = client.post("/dev/messages", json={"sender": "yassine", "text": "hello"}).json()
    second = client.post("/dev/messages", json={"sender": "yassine", "text": "are you there?"}).json()
    other = client.post("/dev/messages", json={"sender": "salma", "text": "hello"}).json()
    assert first["conversation_id"] == second["conversation_id"] != other["conversation_id"]


def test_rasa_down_gives_the_emergency_numbers_and_keeps_the_message(client: TestClient, session: Session) -> None:
    response = client.post("/dev/messages", json={"sender": "karim", "text": "3afak 3awnni"})
    assert response.status_code == 200
    body = response.json()
    assert body["bot_available"] is False
    (reply,) = body["replies"]
    for number in ("19", "112", "177", "15", "141", "2511"):
        assert number in reply
    stored = transcript(session=session, conversation_id=uuid.UUID(body["conversation_id"]))
    assert [(m.author, m.body) for m in stored] == [(Author.USER, "3afak 3awnni"), (Author.SYSTEM, reply)]


@pytest.mark.parametrize("payload", [{}, {"sender": "x"}, {"sender": "", "text": "hi"}, {"sender": "x", "text": ""}])
def test_malformed_requests_are_refused_and_store_nothing(
    client: TestClient, session: Session, payload: dict[str, str]
) -> None:
    assert client.post("/dev/messages", json=payload).status_code == 422
    from triage.conversations.models import Conversation

    assert session.query(Conversation).count() == 0
