"""Console test helpers: sign in through the login form like a browser, and call the API with the cookie."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, BrowserContext

from channels.sandbox.server import Running
from helpline.app import create_app
from tests.channels import conftest as gateway_fixtures
from tests.channels.conftest import Bot
from tests.live import live_service
from tests.triage.conftest import PASSWORD, Account
from triage.staff.models import Role
from triage.staff.security import CSRF_HEADER, SESSION_COOKIE, csrf_token

bot = gateway_fixtures.bot  # the Rasa stand-in
sandbox = gateway_fixtures.sandbox  # the Twilio and Telegram stand-in

HIDDEN_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def login_form_token(client: TestClient) -> str:
    """Opens the sign-in page and returns the CSRF token of its form."""
    page = client.get("/console/login")
    match = HIDDEN_CSRF.search(page.text)
    assert match, "the sign-in form carries a CSRF token"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Signs in through the form; returns the session's CSRF token for unsafe API calls."""
    token = login_form_token(client)
    response = client.post(
        "/console/login", data={"username": username, "password": password, "csrf": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text[:300]
    return csrf_token(client.cookies[SESSION_COOKIE])


@dataclass
class Browserless:
    """A signed-in console user driven over HTTP (the cookie, the CSRF header)."""

    client: TestClient
    account: Account
    csrf: str

    def post(self, url: str, **kwargs: object) -> object:
        return self.client.post(url, headers={CSRF_HEADER: self.csrf}, **kwargs)


@pytest.fixture
def console(make_staff: Callable[..., Account]) -> Iterator[Callable[..., Browserless]]:
    """Makes a staff account and signs it in to the console in its own client."""
    clients: list[TestClient] = []

    def make(role: Role = Role.COUNSELLOR, centre: str | None = "CASA") -> Browserless:
        account = make_staff(role=role, centre=centre)
        client = TestClient(create_app())
        clients.append(client)
        return Browserless(client, account, sign_in(client, account.username))

    yield make
    for client in clients:
        client.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for a test module."""
    from tests.triage.console.browser import chromium

    with chromium() as running_browser:
        yield running_browser


@pytest.fixture
def service(bot: Bot, sandbox: Running) -> Iterator[str]:
    """The helpline service on a real port, its gateway pointed at the provider and Rasa stand-ins."""
    with live_service() as url:
        yield url


@pytest.fixture
def open_pages(browser: Browser, service: str) -> Iterator[list[BrowserContext]]:
    """Browser contexts a test opens; closed before the service stops (their event streams end with them)."""
    contexts: list[BrowserContext] = []
    yield contexts
    for context in contexts:
        context.close()
