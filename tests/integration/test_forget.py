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
from helpline.settings import Settings
from tests.integration.stack import PUBLIC, Stack
from triage.intake import Conversation, transcript

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

RASA_TOKEN = "dev-only-rasa-token"
CANARY = "forget-canary 5521: ostad kayghwat 3liya"


def _conversation(session: Session, address: str) -> Conversation | None:
    session.expire_all()
    key = pseudonym(channel=Channel.TELEGRAM, address=address)
    query = select(Conversation).where(Conversation.channel == Channel.TELEGRAM, Conversation.pseudonym == key)
    return session.scalars(query).first()


def _press(phone: Phone, payload: str) -> int:
    """Presses the offered button that sends `payload`."""
    (number,) = [i for i, button in enumerate(phone.buttons, start=1) if button["data"] == payload]
    return phone.send(str(number))


def test_forget_me_from_telegram_confirmed_erases_everything_and_says_what(
    stack: tuple[Stack, str], session: Session
) -> None:
    running, sandbox_url = stack
    address = str(710000000 + uuid.uuid4().int % 100000)
    phone = Phone(settings=Settings(public_base_url=PUBLIC), channel=Channel.TELEGRAM, address=address,
                  service_url=running.base_url, sandbox_url=sandbox_url, quiet=2.5)  # fmt: skip
    assert phone.send(CANARY) == 200
    assert phone.replies(wait=60), "the bot answered"
    conversation = _conversation(session, address)
    assert conversation is not None
    conversation_id = conversation.id
    assert transcript(session=session, conversation_id=conversation_id)[0].body == CANARY

    assert phone.send("ms7 kolchi") == 200
    asked = phone.replies(wait=60)
    assert {b["data"] for b in phone.buttons} >= {"/affirm", "/deny"}, f"the bot asks first: {asked}"
    assert _conversation(session, address) is not None, "nothing is erased before the user confirms"

    assert _press(phone, "/affirm") == 200
    told = "\n".join(str(r["text"]) for r in phone.replies(wait=60) if r.get("text"))
    assert "1 mo7adata" in told or "1 conversation" in told, f"the user is told what was erased: {told!r}"

    assert _conversation(session, address) is None
    key = pseudonym(channel=Channel.TELEGRAM, address=address)
    assert session.scalars(select(Contact).where(Contact.pseudonym == key)).all() == []
    tracker = httpx.get(f"{running.rasa_url}/conversations/{conversation_id}/tracker",
                        params={"token": RASA_TOKEN, "include_events": "ALL"}, timeout=10).json()  # fmt: skip
    assert "canary" not in str(tracker), "Rasa's tracker keeps nothing said before the erasure"
    assert not [e for e in tracker["events"] if e["event"] == "user"]
