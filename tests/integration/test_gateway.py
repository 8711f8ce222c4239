"""The real helpline (`make run`, no provider account: the sandbox stands in) answering an SMS in Darija, a
WhatsApp message and a Telegram button press through the signed webhooks, with the history stored.

The bot's words change as the assistant grows, so these tests check structure: a reply arrived, it is stored."""

import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.identity import pseudonym
from channels.message import Channel
from tests.integration.phones import phone, turn_over
from tests.integration.stack import Stack
from triage.intake import Author, Conversation, Direction, transcript

pytestmark = [pytest.mark.integration, pytest.mark.timeout(900)]


def _stored(session: Session, channel: Channel, address: str) -> list[tuple[Direction, Author, str]]:
    conversation = session.scalars(
        select(Conversation).where(
            Conversation.channel == channel, Conversation.pseudonym == pseudonym(channel=channel, address=address)
        )
    ).one()
    return [(m.direction, m.author, m.body) for m in transcript(session=session, conversation_id=conversation.id)]


def _says_something(replies: list[dict[str, object]]) -> list[dict[str, object]]:
    return [r for r in replies if r["method"] in ("Messages.json", "sendMessage") and r["text"]]


@pytest.mark.parametrize(
    ("channel", "address", "text"),
    [
        (Channel.SMS, "+212611000001", "salam labas 3lik"),
        (Channel.SMS, "+212611000002", "السلام عليكم"),
        (Channel.WHATSAPP, "whatsapp:+212611000003", "bonjour"),
    ],
    ids=["sms darija latin", "sms darija arabic", "whatsapp"],
)
def test_a_twilio_message_gets_the_bots_answer_through_the_sandbox(
    stack: tuple[Stack, str], session: Session, channel: Channel, address: str, text: str
) -> None:
    user = phone(stack, channel, address)
    assert user.send(text) == 200
    replies = _says_something(user.replies(wait=60, done=turn_over(session, user)))
    assert replies, "the bot's answer reached the Twilio stand-in"
    assert all(r["provider"] == "twilio" and r["to"] == address for r in replies)
    history = _stored(session, channel, address)
    assert history[0] == (Direction.INBOUND, Author.USER, text)
    outbound = [h for h in history if h[0] == Direction.OUTBOUND]
    assert len(outbound) >= 1
    assert all(author == Author.BOT for _, author, _ in outbound), "Rasa answered, not the fallback"
    key = pseudonym(channel=channel, address=address)
    contact = session.scalars(select(Contact).where(Contact.channel == channel, Contact.pseudonym == key)).one()
    assert (contact.address, contact.opted_out) == (address, False)
    assert contact.last_inbound_at is not None


def test_a_telegram_button_press_gets_the_bots_answer(stack: tuple[Stack, str], session: Session) -> None:
    address = str(700000000 + uuid.uuid4().int % 1000)
    user = phone(stack, Channel.TELEGRAM, address)
    assert user.send("/start") == 200
    first = _says_something(user.replies(wait=60, done=turn_over(session, user)))
    assert first, "the bot greeted"
    if not user.buttons:  # the assistant offered no button this time: press one it could have offered
        user.buttons = [{"title": "Salam", "data": "/greet"}]
    assert user.send("1") == 200
    replies = user.replies(wait=60, done=turn_over(session, user))
    assert any(r["method"] == "answerCallbackQuery" for r in httpx.get(f"{stack[1]}/sandbox/messages").json())
    assert _says_something(replies), "the bot answered the button press"
    history = _stored(session, Channel.TELEGRAM, address)
    presses = [
        body for direction, author, body in history if direction == Direction.INBOUND and body.startswith("[button]")
    ]
    assert len(presses) == 1
    assert history[-1][1] == Author.BOT


def test_forged_webhooks_are_refused_by_the_running_service(stack: tuple[Stack, str], tmp_path: Path) -> None:
    running, _ = stack
    form = {"MessageSid": "SM" + uuid.uuid4().hex, "From": "+212611000009", "Body": "salam"}
    response = httpx.post(f"{running.base_url}/webhooks/twilio", data=form, headers={"X-Twilio-Signature": "AAAA"})
    assert response.status_code == 403
    response = httpx.post(f"{running.base_url}/webhooks/telegram", json={"update_id": 1}, headers={})
    assert response.status_code == 403
