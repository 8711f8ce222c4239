"""Every API endpoint checks who calls: 401 without credentials, 403 for a role that may not."""

import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from helpline.app import create_app
from tests.triage.conftest import Account
from triage.staff.models import Role

PUBLIC = {("POST", "/api/v1/auth/token")}
SERVICE_ONLY = {"/api/v1/bot/handoff", "/api/v1/bot/reports", "/api/v1/bot/forget", "/api/v1/bot/feedback"}
SUPERVISOR_ONLY = {"/api/v1/audit"}
SUPERVISOR_ONLY_POSTS = {
    "/api/v1/cases/{case_id}/hold",
    "/api/v1/conversations/{conversation_id}/forget",
    "/api/v1/conversations/{conversation_id}/reveal-contact",
}


def _api_routes() -> list[tuple[str, str]]:
    """Every API operation, as the OpenAPI document lists them."""
    paths = create_app().openapi()["paths"]
    return [(method.upper(), path) for path, ops in sorted(paths.items()) if path.startswith("/api/") for method in ops]


def _url(path: str) -> str:
    return path.replace("{conversation_id}", str(uuid.uuid4())).replace("{case_id}", str(uuid.uuid4()))


@pytest.mark.parametrize(("method", "path"), _api_routes(), ids=lambda value: str(value))
def test_every_endpoint_refuses_anonymous_calls(client: TestClient, method: str, path: str) -> None:
    if (method, path) in PUBLIC:
        assert client.request(method, _url(path), data={"username": "x", "password": "y"}).status_code == 401
        return
    assert client.request(method, _url(path), json={}).status_code == 401


@pytest.mark.parametrize("path", sorted(SERVICE_ONLY))
@pytest.mark.parametrize("role", list(Role))
def test_staff_tokens_cannot_call_the_bot_api(
    client: TestClient, make_staff: Callable[..., Account], path: str, role: Role
) -> None:
    account = make_staff(role=role)
    assert client.post(path, json={"conversation_id": str(uuid.uuid4())}, headers=account.headers).status_code == 401


@pytest.mark.parametrize(("role", "allowed"), [(Role.COUNSELLOR, False), (Role.SUPERVISOR, True), (Role.ADMIN, True)])
@pytest.mark.parametrize("path", sorted(SUPERVISOR_ONLY))
def test_supervisor_endpoints_refuse_counsellors(
    client: TestClient, make_staff: Callable[..., Account], path: str, role: Role, allowed: bool
) -> None:
    account = make_staff(role=role)
    assert client.get(path, headers=account.headers).status_code == (200 if allowed else 403)


def test_the_service_token_cannot_act_as_staff(client: TestClient, service_headers: dict[str, str]) -> None:
    assert client.get("/api/v1/queue", headers=service_headers).status_code == 401
    assert client.get("/api/v1/audit", headers=service_headers).status_code == 401


def test_the_matrix_covers_the_whole_api() -> None:
    known = {path for _method, path in _api_routes()}
    assert len(known) >= 12
    assert SERVICE_ONLY <= known
    assert SUPERVISOR_ONLY <= known


@pytest.mark.parametrize("path", sorted(SUPERVISOR_ONLY_POSTS))
def test_supervisor_actions_refuse_counsellors(
    client: TestClient, make_staff: Callable[..., Account], path: str
) -> None:
    account = make_staff(role=Role.COUNSELLOR)
    response = client.post(_url(path), json={"legal_hold": True}, headers=account.headers)
    assert response.status_code == 403
