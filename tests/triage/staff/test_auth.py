"""Signing in: OAuth2 password flow, argon2 hashes, lock-out after repeated failures, log out."""

import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from helpline.db import new_session, utcnow
from helpline.paths import ROOT
from tests.triage.conftest import PASSWORD, Account
from triage.audit.models import AuditEvent
from triage.staff import security, service, tokens
from triage.staff.models import Role, Staff, StaffToken


def _login(client: TestClient, username: str, password: str) -> int:
    return client.post("/api/v1/auth/token", data={"username": username, "password": password}).status_code


def test_password_is_stored_as_argon2_only(make_staff: Callable[..., Account], session: Session) -> None:
    account = make_staff()
    staff = session.scalars(select(Staff).where(Staff.username == account.username)).one()
    assert staff.password_hash.startswith("$argon2id$")
    assert PASSWORD not in staff.password_hash


def test_sign_in_returns_a_working_bearer_token(client: TestClient, make_staff: Callable[..., Account]) -> None:
    account = make_staff(role=Role.SUPERVISOR, centre=None)
    response = client.post("/api/v1/auth/token", data={"username": account.username, "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 12 * 3600
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["username"] == account.username
    assert me.json()["role"] == "supervisor"


@pytest.mark.parametrize(
    ("username", "password"), [("nobody", PASSWORD), (None, "wrong password!!")], ids=["unknown-user", "bad-password"]
)
def test_wrong_credentials_are_refused_alike(
    client: TestClient, make_staff: Callable[..., Account], username: str | None, password: str
) -> None:
    account = make_staff()
    response = client.post("/api/v1/auth/token", data={"username": username or account.username, "password": password})
    assert response.status_code == 401
    assert "wrong username or password" in response.json()["detail"]


def test_repeated_failures_lock_the_account(
    client: TestClient, make_staff: Callable[..., Account], session: Session
) -> None:
    account = make_staff()
    for _ in range(service.MAX_FAILED_LOGINS):
        assert _login(client, account.username, "not the password") == 401
    assert _login(client, account.username, PASSWORD) == 401, "locked even with the right password"
    staff = session.scalars(select(Staff).where(Staff.username == account.username)).one()
    assert staff.locked_until is not None
    assert staff.locked_until > utcnow() + timedelta(minutes=10)
    failures = session.scalars(select(AuditEvent).where(AuditEvent.action == "login_failed")).all()
    assert len(failures) == service.MAX_FAILED_LOGINS + 1


def test_lock_ends_after_its_time(make_staff: Callable[..., Account], session: Session) -> None:
    account = make_staff()
    for _ in range(service.MAX_FAILED_LOGINS):
        with pytest.raises(service.LoginRefused):
            service.authenticate(session=session, username=account.username, password="nope nope nope")
    later = utcnow() + service.LOCKOUT + timedelta(seconds=1)
    assert service.authenticate(session=session, username=account.username, password=PASSWORD, now=later)


def test_logout_ends_the_token(client: TestClient, make_staff: Callable[..., Account]) -> None:
    account = make_staff()
    assert client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    assert client.get("/api/v1/auth/me", headers=account.headers).status_code == 401


def test_logout_ends_a_recently_verified_token_at_once(client: TestClient, make_staff: Callable[..., Account]) -> None:
    account = make_staff()
    score = {"text": "hello", "context": {}}
    assert client.get("/api/v1/queue", headers=account.headers).status_code == 200  # verified, then remembered
    assert client.post("/api/v1/triage/score", json=score, headers=account.headers).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    assert client.get("/api/v1/queue", headers=account.headers).status_code == 401
    assert client.post("/api/v1/triage/score", json=score, headers=account.headers).status_code == 401


def test_a_verified_token_is_believed_only_for_a_few_seconds(
    make_staff: Callable[..., Account], monkeypatch: pytest.MonkeyPatch
) -> None:
    account = make_staff()
    assert security.verify_token(account.token) is not None
    with new_session() as session, session.begin():
        session.execute(delete(StaffToken))  # revoked by another process: this one still remembers it
    assert security.verify_token(account.token) is not None
    later = tokens.clock() + tokens.TRUST_SECONDS + 1
    monkeypatch.setattr(tokens, "clock", lambda: later)
    assert security.verify_token(account.token) is None


@pytest.mark.parametrize("header", [None, "Bearer not-a-token", "Basic dXNlcjpwYXNz"])
def test_without_a_valid_token_the_api_answers_401(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/queue", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_weak_passwords_and_taken_usernames_are_refused(session: Session) -> None:
    with pytest.raises(service.WeakPassword):
        service.create(session=session, username="short", password="123", role=Role.COUNSELLOR, centre_code=None)
    service.create(session=session, username="samira", password=PASSWORD, role=Role.COUNSELLOR, centre_code=None)
    with pytest.raises(service.UsernameTaken):
        service.create(session=session, username="samira", password=PASSWORD, role=Role.ADMIN, centre_code=None)


def test_cli_creates_an_account_with_the_password_from_stdin(session: Session) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helpline.cli", "staff", "create", "--username", "nadia", "--role", "counsellor",
         "--centre", "NORD"],
        input=f"{PASSWORD}\n", capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "created counsellor nadia at NORD" in result.stdout
    assert service.authenticate(session=session, username="nadia", password=PASSWORD).centre_code == "NORD"


def test_cli_refuses_an_unknown_centre() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "helpline.cli", "staff", "create", "--username", "x", "--role", "counsellor",
         "--centre", "ATLANTIS"],
        input=f"{PASSWORD}\n", capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "unknown centre 'ATLANTIS'" in result.stderr
