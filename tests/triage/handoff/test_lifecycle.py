"""The lifecycle: legal steps succeed and are audited; illegal ones are refused with 409."""

import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.triage.conftest import Account
from triage.audit.models import AuditEvent
from triage.conversations.models import Conversation
from triage.staff.models import Role


def _actions(session: Session, conversation_id: uuid.UUID) -> list[str]:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.conversation_id == conversation_id).order_by(AuditEvent.at)
    )
    return [event.action for event in events]


def test_queue_claim_release_and_close_are_audited_with_who(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    session: Session,
) -> None:  # fmt: skip
    counsellor = make_staff(centre=None)
    conversation_id = make_conversation()
    base = f"/api/v1/conversations/{conversation_id}"
    claimed = client.post(f"{base}/claim", headers=counsellor.headers)
    assert claimed.status_code == 200
    assert claimed.json()["state"] == "claimed"
    assert claimed.json()["claimed_by"] == counsellor.username
    assert client.post(f"{base}/release", headers=counsellor.headers).json()["state"] == "bot"
    assert _actions(session, conversation_id) == ["enqueue", "claim", "release"]
    actors = session.scalars(select(AuditEvent.actor).where(AuditEvent.conversation_id == conversation_id)).all()
    assert actors == ["bot", counsellor.username, counsellor.username]


@pytest.mark.parametrize(
    ("queued", "steps", "refused_step"),
    [
        (False, [], "claim"),  # with the bot: nothing to claim
        (True, ["claim", "close"], "claim"),  # closed: cannot be claimed again
        (True, ["claim", "close"], "release"),
        (True, ["claim", "release"], "release"),  # back with the bot already
    ],
    ids=["claim-bot", "claim-closed", "release-closed", "release-twice"],
)
def test_illegal_steps_are_refused_with_409(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    queued: bool, steps: list[str], refused_step: str,
) -> None:  # fmt: skip
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    base = f"/api/v1/conversations/{make_conversation(queued=queued)}"
    for step in steps:
        payload = {"outcome": "counselled"} if step == "close" else None
        assert client.post(f"{base}/{step}", headers=supervisor.headers, json=payload).status_code == 200
    response = client.post(f"{base}/{refused_step}", headers=supervisor.headers)
    assert response.status_code == 409
    assert response.json()["detail"]["error"] == "illegal_transition"


def test_only_the_holder_or_a_supervisor_may_release(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    holder, colleague = make_staff(), make_staff()
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    base = f"/api/v1/conversations/{make_conversation(region='CS')}"
    client.post(f"{base}/claim", headers=holder.headers)
    assert client.post(f"{base}/release", headers=colleague.headers).status_code == 403
    assert client.post(f"{base}/release", headers=supervisor.headers).status_code == 200


def test_transfer_to_a_colleague_and_to_another_centre(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    session: Session,
) -> None:  # fmt: skip
    first, second = make_staff(centre=None), make_staff(centre=None)
    conversation_id = make_conversation()
    base = f"/api/v1/conversations/{conversation_id}"
    client.post(f"{base}/claim", headers=first.headers)
    moved = client.post(f"{base}/transfer", headers=first.headers, json={"to_staff": second.username})
    assert moved.json()["claimed_by"] == second.username
    assert client.post(f"{base}/transfer", headers=second.headers, json={"to_centre": "NOWHERE"}).status_code == 422
    requeued = client.post(f"{base}/transfer", headers=second.headers, json={"to_centre": "NORD"})
    assert requeued.json()["state"] == "queued"
    assert requeued.json()["centre"] == "NORD"
    assert client.post(f"{base}/transfer", headers=second.headers, json={"to_staff": first.username}).status_code == 403
    assert _actions(session, conversation_id)[-2:] == ["transfer_to_staff", "transfer_to_centre"]


def test_close_records_the_outcome(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    session: Session,
) -> None:  # fmt: skip
    counsellor = make_staff(centre=None)
    conversation_id = make_conversation()
    base = f"/api/v1/conversations/{conversation_id}"
    client.post(f"{base}/claim", headers=counsellor.headers)
    assert client.post(f"{base}/close", headers=counsellor.headers, json={"outcome": "maybe"}).status_code == 422
    closed = client.post(f"{base}/close", headers=counsellor.headers, json={"outcome": "referred"})
    assert closed.json()["state"] == "closed"
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert conversation.outcome == "referred"
    assert conversation.closed_at is not None
