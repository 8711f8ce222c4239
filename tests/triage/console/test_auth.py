"""Signing in to the console: cookie flags, CSRF on the forms and the API, lock-out, sign-out, redirects."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from helpline.app import create_app
from tests.conftest import Reconfigure
from tests.triage.conftest import PASSWORD, Account
from tests.triage.console.conftest import Browserless, login_form_token, sign_in
from triage.staff.security import CSRF_HEADER, SESSION_COOKIE


def _set_cookie_header(response: object, name: str) -> str:
    headers = response.headers.get_list("set-cookie")  # type: ignore[attr-defined]
    return str(next(h for h in headers if h.startswith(f"{name}=")))


def test_sign_in_sets_a_strict_http_only_cookie(make_staff: Callable[..., Account], client: TestClient) -> None:
    account = make_staff()
    token = login_form_token(client)
    form = {"username": account.username, "password": PASSWORD, "csrf": token, "next": "/console/audit"}
    response = client.post("/console/login", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/audit"
    cookie = _set_cookie_header(response, SESSION_COOKIE).lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    assert "secure" not in cookie, "plain http in development"


def test_cookie_is_secure_and_pages_have_hsts_behind_https(
    make_staff: Callable[..., Account], reconfigure: Reconfigure
) -> None:
    reconfigure(PUBLIC_BASE_URL="https://helpline.example.org")
    account = make_staff()
    with TestClient(create_app(), base_url="https://helpline.example.org") as client:
        token = login_form_token(client)
        response = client.post("/console/login", data={"username": account.username, "password": PASSWORD,
                                                       "csrf": token}, follow_redirects=False)  # fmt: skip
        assert "secure" in _set_cookie_header(response, SESSION_COOKIE).lower()
        page = client.get("/console")
        assert page.status_code == 200
        assert page.headers["strict-transport-security"].startswith("max-age=")


def test_console_pages_carry_the_security_headers(console: Callable[..., Browserless]) -> None:
    user = console()
    for path in ("/console", "/console/login"):
        headers = user.client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in headers
    page = user.client.get("/console").text
    assert "<script>" not in page, "no inline script"
    assert "onclick" not in page
    assert "http://" not in page.replace("http://www.w3", ""), "nothing from another site"


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com", "/api/v1/queue", "/consolex"])
def test_no_open_redirect_after_sign_in(target: str, make_staff: Callable[..., Account], client: TestClient) -> None:
    account = make_staff()
    token = login_form_token(client)
    response = client.post("/console/login", data={"username": account.username, "password": PASSWORD,
                                                   "csrf": token, "next": target}, follow_redirects=False)  # fmt: skip
    assert response.headers["location"] == ("/console" if not target.startswith("/console/") else target)


def test_sign_in_form_needs_its_csrf_token(make_staff: Callable[..., Account], client: TestClient) -> None:
    account = make_staff()
    login_form_token(client)
    response = client.post("/console/login", data={"username": account.username, "password": PASSWORD,
                                                   "csrf": "forged"}, follow_redirects=False)  # fmt: skip
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_wrong_passwords_lock_the_account(make_staff: Callable[..., Account], client: TestClient) -> None:
    account = make_staff()
    for _ in range(5):
        token = login_form_token(client)
        response = client.post("/console/login", data={"username": account.username, "password": "wrong password!",
                                                       "csrf": token}, follow_redirects=False)  # fmt: skip
        assert response.status_code == 401
        assert 'id="login-error"' in response.text
    token = login_form_token(client)
    locked = client.post("/console/login", data={"username": account.username, "password": PASSWORD, "csrf": token},
                         follow_redirects=False)  # fmt: skip
    assert locked.status_code == 401, "the right password is refused while the account is locked"


def test_cookie_calls_to_the_api_need_the_csrf_header(
    console: Callable[..., Browserless], make_conversation: Callable[..., object]
) -> None:
    user = console()
    conversation_id = make_conversation(level="P2", centre="CASA")
    assert user.client.get("/api/v1/queue").status_code == 200, "reads need no CSRF header"
    claim = f"/api/v1/conversations/{conversation_id}/claim"
    assert user.client.post(claim).status_code == 403
    assert user.client.post(claim, headers={CSRF_HEADER: "0" * 64}).status_code == 403
    assert user.post(claim).status_code == 200  # type: ignore[attr-defined]


def test_bearer_tokens_still_work_without_csrf(
    make_staff: Callable[..., Account], make_conversation: Callable[..., object], client: TestClient
) -> None:
    account = make_staff()
    conversation_id = make_conversation(level="P2", centre="CASA")
    response = client.post(f"/api/v1/conversations/{conversation_id}/claim", headers=account.headers)
    assert response.status_code == 200


def test_sign_out_ends_the_session(console: Callable[..., Browserless]) -> None:
    user = console()
    cookie = user.client.cookies[SESSION_COOKIE]
    refused = user.client.post("/console/logout", data={"csrf": "forged"}, follow_redirects=False)
    assert refused.status_code == 403
    response = user.client.post("/console/logout", data={"csrf": user.csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/login"
    with TestClient(create_app()) as other:
        other.cookies.set(SESSION_COOKIE, cookie)
        assert other.get("/api/v1/queue").status_code == 401, "the old cookie no longer works"
        assert other.get("/console", follow_redirects=False).status_code == 303


def test_signed_in_user_skips_the_form(console: Callable[..., Browserless]) -> None:
    user = console()
    response = user.client.get("/console/login", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/console"


def test_sign_in_again_through_the_helper(make_staff: Callable[..., Account], client: TestClient) -> None:
    account = make_staff()
    assert len(sign_in(client, account.username)) == 64


def test_personal_data_is_never_cached_json_included(
    console: Callable[..., Browserless], make_conversation: Callable[..., object], client: TestClient
) -> None:
    user = console()
    conversation_id = make_conversation()
    for path in (f"/api/v1/conversations/{conversation_id}", "/api/v1/queue", "/console/api/claimed"):
        response = user.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-store", path
    assert user.client.get("/console/static/common.js").headers["cache-control"] == "no-cache", "scripts revalidate"
    assert "cache-control" not in client.get("/healthz").headers, "only staff pages and API are concerned"
