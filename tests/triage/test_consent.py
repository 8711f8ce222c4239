"""Consent is recorded with its time and wording, and nothing is sent on the helpline's initiative without it."""

import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.triage.conftest import Account
from triage.audit.models import AuditEvent
from triage.consent.models import Consent
from triage.consent.service import neutral_opening


def _handoff(
    client: TestClient, headers: dict[str, str], conversation_id: uuid.UUID, consent: dict[str, object]
) -> None:
    payload = {"conversation_id": str(conversation_id), "reason": "user_request", "consent": consent}
    assert client.post("/api/v1/bot/handoff", json=payload, headers=headers).status_code == 202


def test_consent_is_recorded_with_time_and_wording(
    client: TestClient, make_conversation: Callable[..., uuid.UUID], service_headers: dict[str, str],
    session: Session,
) -> None:  # fmt: skip
    conversation_id = make_conversation(queued=False)
    consent = {"contact_back": True, "contact_how": "telegram", "anonymous": True, "wording_version": "v2"}
    _handoff(client, service_headers, conversation_id, consent)
    row = session.scalars(select(Consent).where(Consent.conversation_id == conversation_id)).one()
    assert (row.contact_back, row.contact_how, row.anonymous, row.wording_version) == (True, "telegram", True, "v2")
    assert row.given_at is not None


@pytest.mark.parametrize(
    "consent",
    [{}, {"contact_back": False}, {"contact_back": True, "contact_how": "sms"}],
    ids=["never-asked", "refused", "other-channel"],
)
def test_contact_back_without_consent_is_refused_and_audited(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    service_headers: dict[str, str], session: Session, consent: dict[str, object],
) -> None:  # fmt: skip
    counsellor = make_staff(centre=None)
    conversation_id = make_conversation(queued=False)  # a telegram conversation
    _handoff(client, service_headers, conversation_id, consent)
    url = f"/api/v1/conversations/{conversation_id}/contact-back"
    response = client.post(url, headers=counsellor.headers, json={"text": "How are you now?"})
    assert response.status_code == 403
    refused = session.scalars(select(AuditEvent).where(AuditEvent.action == "contact_back_refused")).all()
    assert [e.actor for e in refused] == [counsellor.username]


@pytest.mark.parametrize(("language", "start"), [("fr", "Bonjour"), ("darija_lat", "Salam"), (None, "Bonjour")])
def test_messages_the_helpline_initiates_open_neutrally(language: str | None, start: str) -> None:
    opening = neutral_opening(language)
    assert opening.startswith(start)
    for revealing in ("abus", "violence", "helpline", "enfant", "3onf", "danger"):
        assert revealing not in opening.lower()
