"""The action server's endpoints: handoff with its packet, reports with references, forget-me, feedback."""

import re
import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.triage.conftest import Account
from triage.audit.models import AuditEvent
from triage.cases.models import Case, CaseConversation
from triage.conversations.models import Author, Conversation, Direction
from triage.conversations.service import add_message
from triage.reports.models import Report
from triage.staff.models import Role

ENDPOINTS = ["/api/v1/bot/handoff", "/api/v1/bot/reports", "/api/v1/bot/forget", "/api/v1/bot/feedback"]


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token"}], ids=["none", "forged"])
def test_the_bot_api_needs_the_service_token(client: TestClient, path: str, headers: dict[str, str]) -> None:
    assert client.post(path, json={"conversation_id": str(uuid.uuid4())}, headers=headers).status_code == 401


def test_danger_handoff_queues_at_p1_with_the_packet(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session,
) -> None:  # fmt: skip
    conversation_id = make_conversation(level="P4", queued=False)
    packet = {
        "conversation_id": str(conversation_id), "reason": "danger", "priority": "P1", "language": "darija_lat",
        "summary": "child says father is hitting him now", "report": {"child_age": "10", "region": "MS"},
        "signals": ["danger_now"], "consent": {"contact_back": True, "contact_how": "sms", "anonymous": False},
    }  # fmt: skip
    response = client.post("/api/v1/bot/handoff", json=packet, headers=service_headers)
    assert response.status_code == 202
    body = response.json()
    assert body["state"] == "queued"
    assert body["level"] == "P1"
    assert body["expected_wait_seconds"] == 60
    assert isinstance(body["centre_open"], bool)
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert conversation.handoff["summary"] == packet["summary"]
    assert conversation.handoff["consent"]["contact_how"] == "sms"
    assert (conversation.child_age, conversation.region, conversation.language) == (10, "MS", "darija_lat")
    assert "danger_now" in {signal["code"] for signal in conversation.signals}


def test_handoff_for_an_unknown_conversation_is_404(client: TestClient, service_headers: dict[str, str]) -> None:
    payload = {"conversation_id": str(uuid.uuid4()), "reason": "user_request"}
    assert client.post("/api/v1/bot/handoff", json=payload, headers=service_headers).status_code == 404


def test_a_user_request_keeps_a_calm_level(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str]
) -> None:
    conversation_id = make_conversation(level="P4", queued=False)
    payload = {"conversation_id": str(conversation_id), "reason": "user_request", "summary": "wants to talk"}
    body = client.post("/api/v1/bot/handoff", json=payload, headers=service_headers).json()
    assert body["state"] == "queued"
    assert body["level"] != "P1", "asking for a person is not by itself an emergency"


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ({"what_happened": "my neighbour's boy is beaten", "danger_now": "yes"}, "P1"),
        ({"what_happened": "a girl in my class is sad", "perpetrator_access": True}, "P1"),
        ({"what_happened": "he was hit three years ago", "when": "longer_ago", "danger_now": "no"}, None),
    ],
    ids=["danger-now", "perpetrator-access", "past"],
)
def test_reports_get_a_reference_and_structured_answers_count(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session, answers: dict[str, object], level: str | None,
) -> None:  # fmt: skip
    conversation_id = make_conversation(level="P4", queued=False)
    payload = {"conversation_id": str(conversation_id), "language": "en", "answers": answers}
    response = client.post("/api/v1/bot/reports", json=payload, headers=service_headers)
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"R-[A-HJ-NP-Z2-9]{6}", body["reference"])
    if level is not None:
        assert body["level"] == level
    else:
        assert body["level"] != "P1"
    report = session.scalars(select(Report).where(Report.reference == body["reference"])).one()
    assert report.answers == answers
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert (conversation.state == "queued") == (body["level"] in {"P1", "P2"})


def _conversation_with_messages(session: Session, pseudonym: str) -> Conversation:
    conversation = Conversation(channel="telegram", pseudonym=pseudonym)
    session.add(conversation)
    session.flush()
    for text in ("I want to tell you something", "please forget all this"):
        add_message(session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER,
                    body=text)  # fmt: skip
    return conversation


def test_forget_erases_every_conversation_of_the_person(
    client: TestClient, service_headers: dict[str, str], session: Session
) -> None:
    older = _conversation_with_messages(session, "person-a")
    older.state = "closed"
    current = _conversation_with_messages(session, "person-a")
    other = _conversation_with_messages(session, "person-b")
    session.commit()
    older_id, current_id, other_id = older.id, current.id, other.id
    response = client.post("/api/v1/bot/forget", json={"conversation_id": str(current_id)}, headers=service_headers)
    assert response.status_code == 202
    body = response.json()
    assert body["held"] is False
    assert {k: body["erased"][k] for k in ("messages", "reports", "conversations")} == {
        "messages": 4, "reports": 0, "conversations": 2,
    }  # fmt: skip
    session.expunge_all()
    assert session.get(Conversation, older_id) is None
    assert session.get(Conversation, current_id) is None
    assert session.get(Conversation, other_id) is not None
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "forget")).one()
    assert "please forget" not in str(event.detail)


def test_forget_keeps_what_is_on_legal_hold(
    client: TestClient, service_headers: dict[str, str], session: Session
) -> None:
    held = _conversation_with_messages(session, "person-c")
    case = Case(reference="C-HOLD01", legal_hold=True)
    session.add(case)
    session.flush()
    session.add(CaseConversation(case_id=case.id, conversation_id=held.id))
    session.commit()
    response = client.post("/api/v1/bot/forget", json={"conversation_id": str(held.id)}, headers=service_headers)
    assert response.json()["held"] is True
    assert response.json()["erased"]["messages"] == 0
    session.expire_all()
    assert session.get(Conversation, held.id) is not None


def test_feedback_is_stored(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session,
) -> None:  # fmt: skip
    conversation_id = make_conversation(queued=False)
    url = "/api/v1/bot/feedback"
    assert (
        client.post(
            url, json={"conversation_id": str(conversation_id), "score": 5}, headers=service_headers
        ).status_code
        == 422
    )
    assert (
        client.post(
            url, json={"conversation_id": str(conversation_id), "score": 3}, headers=service_headers
        ).status_code
        == 204
    )
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert conversation.feedback == 3


def test_supervisors_can_erase_a_person_at_their_request(
    client: TestClient, make_staff: Callable[..., Account], session: Session
) -> None:
    conversation = _conversation_with_messages(session, "person-d")
    session.commit()
    conversation_id = conversation.id
    url = f"/api/v1/conversations/{conversation_id}/forget"
    assert client.post(url, headers=make_staff().headers).status_code == 403
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    response = client.post(url, headers=supervisor.headers)
    assert response.status_code == 200
    assert response.json()["erased"]["messages"] == 2
    session.expunge_all()
    assert session.get(Conversation, conversation_id) is None
    (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "forget")).all()
    assert event.actor == supervisor.username


def test_a_retried_report_gets_the_same_reference_once(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session,
) -> None:  # fmt: skip
    conversation_id = make_conversation(level="P4", queued=False)
    payload = {"conversation_id": str(conversation_id), "answers": {"report_what": "a boy sleeps in the street"}}
    headers = {**service_headers, "Idempotency-Key": "report-" + uuid.uuid4().hex}
    first = client.post("/api/v1/bot/reports", json=payload, headers=headers)
    again = client.post("/api/v1/bot/reports", json=payload, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(session.scalars(select(Report)).all()) == 1


def test_the_assistants_slot_names_are_understood(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session,
) -> None:  # fmt: skip
    conversation_id = make_conversation(level="P4", queued=False)
    answers = {"report_what": "my neighbour locks her daughter in", "report_danger_now": "no",
               "report_perpetrator_access": "yes", "report_age": 8, "report_region": "Casablanca-Settat",
               "report_when": "today", "who": "adult"}  # fmt: skip
    payload = {"conversation_id": str(conversation_id), "answers": answers}
    body = client.post("/api/v1/bot/reports", json=payload, headers=service_headers).json()
    assert body["level"] == "P1", "the person who harms can reach the child: P1 whatever the words"
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert (conversation.child_age, conversation.region, conversation.reporter) == (8, "CS", "adult")
