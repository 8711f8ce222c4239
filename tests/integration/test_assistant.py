"""The assistant end to end, through the real gateway, Rasa, the action server and triage (`make run`).

A child in Darija (Latin script) reporting violence happening now gets the emergency numbers in the very first
reply and lands in the queue at P1; an adult in French completes a report and gets a reference; a Tamazight
greeting is answered. The report form is driven by asking Rasa's tracker which question is open, so the test
does not depend on the exact wording of the bot."""

import re
import time
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.identity import pseudonym
from channels.message import Channel
from tests.integration.phones import phone, turn_over
from tests.integration.stack import Stack
from triage.intake import Conversation

pytestmark = pytest.mark.integration

RASA_TOKEN = "dev-only-rasa-token"
EMERGENCY_NUMBERS = ("19", "177", "15", "2511")
FRENCH_REPORT = {
    "report_what": "Ma voisine frappe souvent son fils de dix ans, je l'entends pleurer.",
    "report_danger_now": "non",
    "report_perpetrator_access": "non",
    "report_harm": "violence physique",
    "report_age": "10",
    "report_gender": "garçon",
    "report_region": "Casablanca",
    "report_city": "Casablanca",
    "report_when": "cette semaine",
    "report_ongoing": "oui",
    "report_relation": "voisine",
    "report_contact_back": "non",
    "report_contact_how": "sms",
    "report_anonymous": "oui",
}


def _texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(str(r["text"]) for r in replies if r.get("text"))


def _conversation(session: Session, channel: Channel, address: str) -> Conversation:
    session.expire_all()
    found = session.scalars(
        select(Conversation).where(
            Conversation.channel == channel, Conversation.pseudonym == pseudonym(channel=channel, address=address)
        )
    ).first()
    assert found is not None
    return found


def _requested_slot(stack: tuple[Stack, str], conversation_id: uuid.UUID) -> str | None:
    running, _ = stack
    tracker = httpx.get(
        f"{running.rasa_url}/conversations/{conversation_id}/tracker", params={"token": RASA_TOKEN}, timeout=10
    ).json()
    slot = tracker["slots"].get("requested_slot")
    return str(slot) if slot else None


def test_a_child_in_danger_gets_the_numbers_first_and_is_queued_at_p1(
    stack: tuple[Stack, str], session: Session
) -> None:
    address = "+212622000101"
    user = phone(stack, Channel.SMS, address)
    assert user.send("3afak 3awnni, bba kaydrebni daba w ana khayfa bzaf") == 200
    replies = user.replies(wait=90, done=turn_over(session, user))
    assert replies, "the child got an answer"
    first = str(replies[0]["text"])
    for number in EMERGENCY_NUMBERS:
        assert re.search(rf"\b{number}\b", first), f"{number} missing from the first reply: {first!r}"
    deadline = time.monotonic() + 30
    conversation = _conversation(session, Channel.SMS, address)
    while conversation.state == "bot" and time.monotonic() < deadline:
        time.sleep(0.5)
        conversation = _conversation(session, Channel.SMS, address)
    assert (conversation.state, conversation.level) == ("queued", "P1")
    assert {"danger_now"} & {s["code"] for s in conversation.signals}


def test_an_adult_in_french_completes_a_report_and_gets_a_reference(stack: tuple[Stack, str], session: Session) -> None:
    address = "whatsapp:+212633000202"
    user = phone(stack, Channel.WHATSAPP, address)
    for opening in ("Bonjour", "Je suis un adulte", "Je veux faire un signalement"):
        assert user.send(opening) == 200
        user.replies(wait=60, done=turn_over(session, user))
    conversation_id = _conversation(session, Channel.WHATSAPP, address).id
    answered: list[str] = []
    everything = ""
    for _ in range(len(FRENCH_REPORT) + 4):
        slot = _requested_slot(stack, conversation_id)
        if slot is None:
            break
        assert slot in FRENCH_REPORT, f"unexpected question {slot}"
        answered.append(slot)
        assert user.send(FRENCH_REPORT[slot]) == 200
        everything += _texts(user.replies(wait=60, done=turn_over(session, user)))
    assert "report_what" in answered
    assert re.search(r"\bR-[A-HJ-NP-Z2-9]{6}\b", everything), f"no reference in: {everything[-600:]!r}"
    reference = re.search(r"\bR-[A-HJ-NP-Z2-9]{6}\b", everything)
    assert reference is not None
    from triage.reports.models import Report

    session.expire_all()
    report = session.scalars(select(Report).where(Report.reference == reference.group(0))).one()
    assert report.answers["report_what"] == FRENCH_REPORT["report_what"]
    assert report.language == "fr"


@pytest.mark.parametrize("greeting", ["Azul", "ⴰⵣⵓⵍ"])
def test_a_tamazight_greeting_is_answered(stack: tuple[Stack, str], session: Session, greeting: str) -> None:
    address = str(710000000 + uuid.uuid4().int % 100000)
    user = phone(stack, Channel.TELEGRAM, address)
    assert user.send(greeting) == 200
    assert _texts(user.replies(wait=60, done=turn_over(session, user))), "the bot answered the Tamazight greeting"
