"""Every API operation and every role: 401 without credentials, 403 for a role that may not call it, success for a
role that may; a counsellor is refused another centre's conversations and cases on every endpoint that names one.

The matrix below lists every operation of the API; a new endpoint fails `test_the_matrix_names_every_operation`
until someone decides who may call it."""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from channels.contacts import service as contacts
from helpline.app import create_app
from helpline.db import new_session
from tests.triage.conftest import Account
from triage.cases.directory import services
from triage.cases.models import Case
from triage.categories import Category
from triage.consent import service as consent
from triage.conversations.models import Conversation, ConversationState
from triage.handoff import flows
from triage.queue import service as queue
from triage.staff import service as staff_service
from triage.staff.models import Role

STAFF = frozenset(Role)
SUPERVISORS = frozenset({Role.SUPERVISOR, Role.ADMIN})
PUBLIC = {("POST", "/api/v1/auth/token")}
SERVICE_ONLY = {"/api/v1/bot/handoff", "/api/v1/bot/reports", "/api/v1/bot/forget", "/api/v1/bot/feedback"}
CONVERSATION = "/api/v1/conversations/{conversation_id}"
CASE = "/api/v1/cases/{case_id}"


@dataclass(frozen=True)
class Operation:
    """One API operation, who may call it, and what a valid call sends."""

    method: str
    path: str
    roles: frozenset[Role]
    body: dict[str, Any] | None = None
    holder: bool = False  # the caller must hold the conversation first (claimed by them)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def names_an_object(self) -> bool:
        """True when the path or the body names a conversation or a case."""
        return "{" in self.path or "{conversation_id}" in str(self.body)


OPERATIONS = [
    Operation("GET", "/api/v1/audit", SUPERVISORS),
    Operation("POST", "/api/v1/auth/logout", STAFF),
    Operation("GET", "/api/v1/auth/me", STAFF),
    Operation("GET", "/api/v1/queue", STAFF),
    Operation("GET", "/api/v1/services", STAFF),
    Operation("POST", "/api/v1/triage/score", STAFF, body={"text": "salam"}),
    Operation("POST", "/api/v1/cases", STAFF, body={"conversation_id": "{conversation_id}"}),
    Operation("GET", CASE, STAFF),
    Operation("PUT", f"{CASE}/categories", STAFF, body={"categories": [str(Category.PHYSICAL_ABUSE)]}),
    Operation("POST", f"{CASE}/conversations", STAFF, body={"conversation_id": "{conversation_id}"}),
    Operation("POST", f"{CASE}/hold", SUPERVISORS, body={"legal_hold": True}),
    Operation("POST", f"{CASE}/notes", STAFF, body={"body": "called the school"}),
    Operation("POST", f"{CASE}/referrals", STAFF, body={"service_code": "{service_code}"}),
    Operation("POST", f"{CASE}/status", STAFF, body={"status": "follow_up"}),
    Operation("GET", CONVERSATION, STAFF),
    Operation("POST", f"{CONVERSATION}/claim", STAFF),
    Operation("POST", f"{CONVERSATION}/messages", STAFF, body={"text": "Salam, rani m3ak."}, holder=True),
    Operation("POST", f"{CONVERSATION}/contact-back", STAFF, body={"text": "Wach nti labas?"}),
    Operation("POST", f"{CONVERSATION}/notes", STAFF, body={"body": "sounds frightened"}),
    Operation("POST", f"{CONVERSATION}/level", STAFF, body={"level": "P2"}),
    Operation("POST", f"{CONVERSATION}/transfer", STAFF, body={"to_centre": "NORD"}, holder=True),
    Operation("POST", f"{CONVERSATION}/release", STAFF, holder=True),
    Operation("POST", f"{CONVERSATION}/close", STAFF, body={"outcome": "counselled"}, holder=True),
    Operation("POST", f"{CONVERSATION}/reveal-contact", SUPERVISORS),
    Operation("POST", f"{CONVERSATION}/forget", SUPERVISORS),
]
NAMES_A_CONVERSATION_OR_CASE = [op for op in OPERATIONS if op.names_an_object]


def _api_routes() -> list[tuple[str, str]]:
    """Every API operation, as the OpenAPI document lists them."""
    paths = create_app().openapi()["paths"]
    return [(method.upper(), path) for path, ops in sorted(paths.items()) if path.startswith("/api/") for method in ops]


def _url(path: str) -> str:
    return path.replace("{conversation_id}", str(uuid.uuid4())).replace("{case_id}", str(uuid.uuid4()))


@dataclass(frozen=True)
class World:
    """A conversation (with a Telegram contact who agreed to be contacted back) and a case, both at one centre."""

    conversation_id: uuid.UUID
    case_id: uuid.UUID

    def fill(self, text: str) -> str:
        service_code = services()[0].code
        return text.format(conversation_id=self.conversation_id, case_id=self.case_id, service_code=service_code)

    def body(self, operation: Operation) -> dict[str, Any] | None:
        if operation.body is None:
            return None
        return {k: self.fill(v) if isinstance(v, str) else v for k, v in operation.body.items()}


@pytest.fixture
def make_world() -> Callable[[str], World]:
    def make(centre: str) -> World:
        with new_session() as session, session.begin():
            contact = contacts.remember(session=session, channel="telegram", address=str(uuid.uuid4().int % 10**9))
            conversation = Conversation(channel="telegram", pseudonym=contact.pseudonym, state=ConversationState.BOT,
                                        level="P2", region="CS", language="darija_lat")  # fmt: skip
            session.add(conversation)
            session.flush()
            consent.record(session=session, conversation=conversation,
                           consent={"contact_back": True, "contact_how": "telegram"})  # fmt: skip
            flows.enqueue(session=session, conversation=conversation, reason="user_request", actor="bot")
            conversation.centre_code = centre
            queue.sync(conversation)
            case = Case(reference=f"C-{uuid.uuid4().hex[:6]}", centre_code=centre, region="CS")
            session.add(case)
            session.flush()
            return World(conversation.id, case.id)

    return make


def _claim(world: World, account: Account) -> None:
    with new_session() as session, session.begin():
        staff = staff_service.get(session=session, staff_id=account.id)
        assert staff is not None
        flows.claim(session=session, conversation_id=world.conversation_id, staff=staff)


@pytest.fixture
def fresh_client() -> Iterator[TestClient]:
    """A client of an app whose background workers are not started: the replies these calls queue stay queued
    (no send racing the end of the test)."""
    test_client = TestClient(create_app())
    yield test_client
    test_client.close()


def test_the_matrix_names_every_operation() -> None:
    listed = {(op.method, op.path) for op in OPERATIONS}
    assert len(listed) == len(OPERATIONS), "an operation is listed twice"
    service_only = {("POST", path) for path in SERVICE_ONLY}
    assert listed | PUBLIC | service_only == set(_api_routes())


@pytest.mark.parametrize(("method", "path"), _api_routes(), ids=lambda value: str(value))
def test_every_endpoint_refuses_anonymous_calls(client: TestClient, method: str, path: str) -> None:
    if (method, path) in PUBLIC:
        assert client.request(method, _url(path), data={"username": "x", "password": "y"}).status_code == 401
        return
    assert client.request(method, _url(path), json={}).status_code == 401


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_every_role_on_every_endpoint(
    operation: Operation, role: Role, fresh_client: TestClient, make_staff: Callable[..., Account],
    make_world: Callable[[str], World],
) -> None:  # fmt: skip
    """A role that may call gets a success; every other role gets 403, on objects of its own centre (so the role
    is the only reason)."""
    account = make_staff(role=role, centre="CASA" if role == Role.COUNSELLOR else None)
    world = make_world("CASA")
    if operation.holder:
        _claim(world, account)
    response = fresh_client.request(operation.method, world.fill(operation.path), json=world.body(operation),
                                    headers=account.headers)  # fmt: skip
    if role in operation.roles:
        assert 200 <= response.status_code < 300, (response.status_code, response.text[:300])
    else:
        assert response.status_code == 403, (response.status_code, response.text[:300])


@pytest.mark.parametrize("operation", NAMES_A_CONVERSATION_OR_CASE, ids=lambda op: op.label)
def test_counsellors_are_refused_other_centres_on_every_endpoint(
    operation: Operation, fresh_client: TestClient, make_staff: Callable[..., Account],
    make_world: Callable[[str], World],
) -> None:  # fmt: skip
    counsellor = make_staff(role=Role.COUNSELLOR, centre="CASA")
    elsewhere = make_world("NORD")
    response = fresh_client.request(operation.method, elsewhere.fill(operation.path), json=elsewhere.body(operation),
                                    headers=counsellor.headers)  # fmt: skip
    assert response.status_code == 403, (response.status_code, response.text[:300])


@pytest.mark.parametrize("path", sorted(SERVICE_ONLY))
@pytest.mark.parametrize("role", list(Role))
def test_staff_tokens_cannot_call_the_bot_api(
    client: TestClient, make_staff: Callable[..., Account], path: str, role: Role
) -> None:
    account = make_staff(role=role)
    assert client.post(path, json={"conversation_id": str(uuid.uuid4())}, headers=account.headers).status_code == 401


def test_the_service_token_cannot_act_as_staff(client: TestClient, service_headers: dict[str, str]) -> None:
    for method, path in sorted({(op.method, op.path) for op in OPERATIONS} - {("POST", "/api/v1/triage/score")}):
        assert client.request(method, _url(path), json={}, headers=service_headers).status_code == 401, path
