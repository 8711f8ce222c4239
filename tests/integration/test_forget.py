"""Forget-me end to end from a Telegram conversation, through the real gateway, Rasa, the action server and
triage (`make run`): the bot asks first, then erases, says what it erased, and nothing of the person is left in
the helpline's database or in Rasa's tracker."""

import uuid

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.chat import Phone
from channels.contacts.models import Contact
from channels.identity import pseudonym
from channels.message import Channel
from tests.integration.phones import phone, turn_over
from tests.integration.stack import Stack
from triage.intake import Conversation, transcript

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

RASA_TOKEN = "dev-only-rasa-token"
CANARY = "forget-canary 5521: ostad kayghwat 3liya"


def _conversation(session: Session, address: str) -> Conversation | None:
    session.expire_all()
    key = pseudonym(channel=Channel.TELEGRAM, address=address)
    query = select(Conversation).where(Conversation.channel == Channel.TELEGRAM, Conversation.pseudonym == key)
    return session.scalars(query).first()


def _press(user: Phone, payload: str) -> int:
    """Presses the offered button that sends `payload`."""
    (number,) = [i for i, button in enumerate(user.buttons, start=1) if button["data"] == payload]
    return user.send(str(number))


def test_forget_me_from_telegram_confirmed_erases_everything_and_says_what(
    stack: tuple[Stack, str], session: Session
) -> None:
    running, _ = stack
    address = str(710000000 + uuid.uuid4().int % 100000)
    user = phone(stack, Channel.TELEGRAM, address)
    assert user.send(CANARY) == 200
    assert user.replies(wait=60, done=turn_over(session, user)), "the bot answered"
    conversation = _conversation(session, address)
    assert conversation is not None
    conversation_id = conversation.id
    assert transcript(session=session, conversation_id=conversation_id)[0].body == CANARY

    assert user.send("ms7 kolchi") == 200
    asked = user.replies(wait=60, done=turn_over(session, user))
    assert {b["data"] for b in user.buttons} >= {"/affirm", "/deny"}, f"the bot asks first: {asked}"
    assert _conversation(session, address) is not None, "nothing is erased before the user confirms"

    assert _press(user, "/affirm") == 200
    told = "\n".join(str(r["text"]) for r in user.replies(wait=60) if r.get("text"))  # erased: wait for quiet
    assert "1 mo7adata" in told or "1 conversation" in told, f"the user is told what was erased: {told!r}"

    assert _conversation(session, address) is None
    key = pseudonym(channel=Channel.TELEGRAM, address=address)
    assert session.scalars(select(Contact).where(Contact.pseudonym == key)).all() == []
    tracker = httpx.get(f"{running.rasa_url}/conversations/{conversation_id}/tracker",
                        params={"token": RASA_TOKEN, "include_events": "ALL"}, timeout=10).json()  # fmt: skip
    assert "canary" not in str(tracker), "Rasa's tracker keeps nothing said before the erasure"
    assert not [e for e in tracker["events"] if e["event"] == "user"]
