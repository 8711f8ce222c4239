"""A counsellor takes an SMS conversation through triage's API and answers on the child's own channel."""

import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.sandbox.server import Running
from helpline.db import new_session
from tests.channels.conftest import SMS_USER, Bot, post_twilio, twilio_form, work
from triage.audit.models import AuditEvent
from triage.consent import service as consent
from triage.conversations.models import Conversation
from triage.handoff import flows
from triage.staff import service as staff_service
from triage.staff.models import Role


def _staff(username: str, role: Role) -> dict[str, str]:
    with new_session() as session, session.begin():
        staff = staff_service.create(
            session=session, username=username, password="correct horse battery", role=role, centre_code=None
        )
        token, _ = staff_service.issue_token(session=session, staff=staff)
    return {"Authorization": f"Bearer {token}"}


def _counsellor() -> dict[str, str]:
    return _staff("houda", Role.COUNSELLOR)


def _queued_sms_conversation(client: TestClient, session: Session) -> uuid.UUID:
    assert post_twilio(client, twilio_form(Body="bghit nhder m3a chi wa7ed")).status_code == 200
    work()
    conversation = session.scalars(select(Conversation)).one()
    flows.enqueue(session=session, conversation=conversation, reason="user_request", actor="bot")
    session.commit()
    return conversation.id


def test_claim_reply_and_release_reach_the_child_and_the_bot(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    headers = _counsellor()
    conversation_id = _queued_sms_conversation(client, session)
    base = f"/api/v1/conversations/{conversation_id}"
    before = len(sandbox.sandbox.messages(to=SMS_USER))

    assert client.post(f"{base}/claim", headers=headers).status_code == 200
    work()
    assert "pause" in str(bot.events()), "claiming pauses the bot's tracker"

    reply = client.post(f"{base}/messages", headers=headers, json={"text": "Salam, ana Houda. Kayn chi wa7ed m3ak?"})
    assert reply.status_code == 200
    assert reply.json()["status"] == "queued"
    work()
    sent = sandbox.sandbox.messages(to=SMS_USER)[before:]
    assert [m.text for m in sent] == ["Salam, ana Houda. Kayn chi wa7ed m3ak?"]

    transcript = client.get(base, headers=headers).json()["messages"]
    staff_message = next(m for m in transcript if m["author"] == "staff")
    assert staff_message["delivery"]["status"] in {"accepted", "queued", "sent", "delivered"}

    assert client.post(f"{base}/release", headers=headers).json()["state"] == "bot"
    work()
    assert "resume" in str(bot.events())
    assert any(m["message"] == "/staff_released" for m in bot.messages())


def test_only_the_holder_may_reply(client: TestClient, bot: Bot, sandbox: Running, session: Session) -> None:
    headers = _counsellor()
    conversation_id = _queued_sms_conversation(client, session)
    response = client.post(f"/api/v1/conversations/{conversation_id}/messages", headers=headers, json={"text": "hi"})
    assert response.status_code == 409
    assert response.json()["detail"]["error"] == "not_claimed_by_you"


def test_staff_see_a_masked_number_and_supervisors_reveal_it_audited(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    counsellor = _counsellor()
    conversation_id = _queued_sms_conversation(client, session)
    shown = client.get(f"/api/v1/conversations/{conversation_id}", headers=counsellor).json()
    assert shown["contact"] == "•••• " + SMS_USER[-4:]
    assert SMS_USER not in str(shown)
    url = f"/api/v1/conversations/{conversation_id}/reveal-contact"
    assert client.post(url, headers=counsellor).status_code == 403
    revealed = client.post(url, headers=_staff("imane", Role.SUPERVISOR))
    assert revealed.json() == {"contact": SMS_USER}
    reveals = session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "reveal_contact")).all()
    assert reveals == ["imane"]


def test_a_person_who_asked_to_stay_anonymous_is_revealed_only_to_an_admin_with_a_reason(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    conversation_id = _queued_sms_conversation(client, session)
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    consent.record(session=session, conversation=conversation, consent={"contact_back": False, "anonymous": True})
    consent.record(session=session, conversation=conversation, consent={"contact_how": "sms"})  # says nothing of it
    session.commit()
    url = f"/api/v1/conversations/{conversation_id}/reveal-contact"
    supervisor, admin = _staff("imane", Role.SUPERVISOR), _staff("karim", Role.ADMIN)
    reason = {"reason": "Réquisition du procureur n° 2026/118"}

    for headers, body in ((supervisor, None), (supervisor, reason), (admin, None)):
        refused = client.post(url, headers=headers, json=body)
        assert refused.status_code == 403
        assert refused.json()["detail"]["error"] == "anonymous"
        assert "asked to stay anonymous" in refused.json()["detail"]["detail"]
        assert SMS_USER not in refused.text
    assert client.post(url, headers=admin, json={"reason": "because"}).status_code == 422, "a reason says something"

    revealed = client.post(url, headers=admin, json=reason)
    assert revealed.json() == {"contact": SMS_USER}
    session.expire_all()
    events = session.scalars(select(AuditEvent).where(AuditEvent.conversation_id == conversation_id,
                                                      AuditEvent.action.like("reveal_contact%"))
                                .order_by(AuditEvent.at)).all()  # fmt: skip
    assert [(e.actor, e.action) for e in events] == [
        ("imane", "reveal_contact_refused"), ("imane", "reveal_contact_refused"), ("karim", "reveal_contact_refused"),
        ("karim", "reveal_contact"),
    ]  # fmt: skip
    assert events[-1].detail == {"anonymous": True, "reason": reason["reason"]}
