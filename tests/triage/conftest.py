"""Factories for triage tests: staff accounts with tokens, conversations in a given state, an API client."""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from helpline.app import create_app
from helpline.db import new_session
from triage.conversations.models import Conversation, ConversationState
from triage.handoff import flows
from triage.queue import service as queue
from triage.staff import service as staff_service
from triage.staff.models import Role

PASSWORD = "correct horse battery"
SERVICE_TOKEN = "dev-only-service-token"


@dataclass(frozen=True)
class Account:
    id: uuid.UUID
    username: str
    role: Role
    centre: str | None
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.fixture
def make_staff() -> Callable[..., Account]:
    """Creates an account and signs it in; returns its id, role and bearer token."""

    def make(role: Role = Role.COUNSELLOR, centre: str | None = "CASA", username: str | None = None) -> Account:
        name = username or f"{role}-{uuid.uuid4().hex[:6]}"
        with new_session() as session, session.begin():
            staff = staff_service.create(
                session=session, username=name, password=PASSWORD, role=role, centre_code=centre
            )
            token, _ = staff_service.issue_token(session=session, staff=staff)
            return Account(staff.id, name, role, centre, token)

    return make


@pytest.fixture
def make_conversation() -> Callable[..., uuid.UUID]:
    """Creates a conversation; `queued=True` puts it in the queue the way the bot's handoff would."""

    def make(
        *, level: str = "P3", region: str | None = None, queued: bool = True, channel: str = "telegram",
        centre: str | None = None,
    ) -> uuid.UUID:  # fmt: skip
        with new_session() as session, session.begin():
            conversation = Conversation(
                channel=channel, pseudonym=uuid.uuid4().hex, state=ConversationState.BOT, level=level, region=region
            )
            session.add(conversation)
            session.flush()
            if queued:
                flows.enqueue(session=session, conversation=conversation, reason="user_request", actor="bot")
            if centre is not None:  # as routing would have chosen while that centre was open
                conversation.centre_code = centre
                queue.sync(conversation)
            return conversation.id

    return make


@pytest.fixture
def service_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {SERVICE_TOKEN}"}
