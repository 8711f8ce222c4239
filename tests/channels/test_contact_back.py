"""Contacting a person back after their conversation ended: only with consent, and with neutral first words."""

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.sandbox.server import Running
from helpline.db import new_session
from tests.channels.conftest import TELEGRAM_USER, Bot, post_telegram, tg_message, work
from triage.conversations.models import Conversation
from triage.handoff import flows
from triage.staff import service as staff_service
from triage.staff.models import Role

SERVICE = {"Authorization": "Bearer dev-only-service-token"}


def test_with_consent_the_message_goes_out_opening_neutrally(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    assert post_telegram(client, tg_message("je veux parler à quelqu'un")).status_code == 200
    work()
    conversation = session.scalars(select(Conversation)).one()
    consent = {"contact_back": True, "contact_how": "telegram", "anonymous": False}
    handoff = {"conversation_id": str(conversation.id), "reason": "user_request", "language": "fr", "consent": consent}
    assert client.post("/api/v1/bot/handoff", json=handoff, headers=SERVICE).status_code == 202
    with new_session() as db, db.begin():
        staff = staff_service.create(session=db, username="rachid", password="correct horse battery",
                                     role=Role.SUPERVISOR, centre_code=None)  # fmt: skip
        token, _ = staff_service.issue_token(session=db, staff=staff)
        fresh = db.get(Conversation, conversation.id)
        assert fresh is not None
        flows.close(session=db, conversation=fresh, actor=staff, outcome="counselled")
    before = len(sandbox.sandbox.messages(to=str(TELEGRAM_USER)))
    response = client.post(
        f"/api/v1/conversations/{conversation.id}/contact-back", headers={"Authorization": f"Bearer {token}"},
        json={"text": "Comment vas-tu depuis notre échange ?"},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    work()
    (sent,) = sandbox.sandbox.messages(to=str(TELEGRAM_USER))[before:]
    assert sent.text.startswith("Bonjour, un suivi du service que vous avez contacté.")
    assert sent.text.endswith("Comment vas-tu depuis notre échange ?")
