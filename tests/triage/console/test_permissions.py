"""Every console endpoint and role: unauthenticated callers are sent to sign in (pages) or get 401 (data),
counsellors get 403 on supervisor pages and on other centres' conversations and cases."""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from helpline.db import new_session
from tests.triage.console.conftest import Browserless
from triage.cases.models import Case
from triage.console.pages import STATIC
from triage.console.routes import ROUTERS
from triage.staff.models import Role


@dataclass(frozen=True)
class Endpoint:
    path: str
    page: bool  # a page redirects to the sign-in form; data answers 401
    supervisors_only: bool = False


ENDPOINTS = [
    Endpoint("/console", page=True),
    Endpoint("/console/conversations/{own}", page=True),
    Endpoint("/console/cases/{own_case}", page=True),
    Endpoint("/console/dashboard", page=True, supervisors_only=True),
    Endpoint("/console/dashboard.csv", page=True, supervisors_only=True),
    Endpoint("/console/audit", page=True, supervisors_only=True),
    Endpoint("/console/api/claimed", page=False),
    Endpoint("/console/api/choices", page=False),
    Endpoint("/console/api/conversations/{own}/context", page=False),
]
OPEN = {("GET", "/console/login"), ("POST", "/console/login"), ("POST", "/console/logout"),
        ("GET", "/console/language/{language}"), ("GET", "/console/static/{name}")}  # fmt: skip
STREAM = ("GET", "/console/events")  # test_events_stream_needs_a_session
OTHER_CENTRE = ["/console/conversations/{other}", "/console/cases/{other_case}",
                "/console/api/conversations/{other}/context"]  # fmt: skip


def _console_routes() -> set[tuple[str, str]]:
    return {(method, route.path) for router in ROUTERS for route in router.routes  # type: ignore[attr-defined]
            for method in route.methods}  # type: ignore[attr-defined]  # fmt: skip


def test_every_console_route_is_in_the_matrix() -> None:
    """A new page or endpoint must be added to ENDPOINTS (or, if it is open to anyone, to OPEN)."""
    guarded = {("GET", endpoint.path.replace("{own}", "{conversation_id}").replace("{own_case}", "{case_id}"))
               for endpoint in ENDPOINTS}  # fmt: skip
    assert guarded | OPEN | {STREAM} == _console_routes()


@pytest.fixture
def ids(make_conversation: Callable[..., uuid.UUID]) -> dict[str, str]:
    own, other = make_conversation(centre="CASA"), make_conversation(centre="NORD")
    with new_session() as session, session.begin():
        cases = [Case(reference=f"C-{uuid.uuid4().hex[:6]}", centre_code=code) for code in ("CASA", "NORD")]
        session.add_all(cases)
        session.flush()
        own_case, other_case = (str(c.id) for c in cases)
    return {"own": str(own), "other": str(other), "own_case": own_case, "other_case": other_case}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.path)
def test_unauthenticated(endpoint: Endpoint, ids: dict[str, str], client: TestClient) -> None:
    response = client.get(endpoint.path.format(**ids), follow_redirects=False)
    if endpoint.page:
        assert response.status_code == 303
        assert response.headers["location"].startswith("/console/login?next=/console")
    else:
        assert response.status_code == 401


def test_events_stream_needs_a_session(client: TestClient) -> None:
    assert client.get("/console/events").status_code == 401
    client.cookies.set("helpline_session", "not-a-session")
    assert client.get("/console/events").status_code == 401


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.path)
def test_roles(endpoint: Endpoint, role: Role, ids: dict[str, str], console: Callable[..., Browserless]) -> None:
    user = console(role=role, centre="CASA" if role == Role.COUNSELLOR else None)
    response = user.client.get(endpoint.path.format(**ids), follow_redirects=False)
    refused = endpoint.supervisors_only and role == Role.COUNSELLOR
    assert response.status_code == (403 if refused else 200), response.text[:200]


@pytest.mark.parametrize("path", OTHER_CENTRE)
def test_other_centres_are_refused_to_counsellors(
    path: str, ids: dict[str, str], console: Callable[..., Browserless]
) -> None:
    counsellor, supervisor = console(centre="CASA"), console(role=Role.SUPERVISOR, centre=None)
    assert counsellor.client.get(path.format(**ids)).status_code == 403
    assert supervisor.client.get(path.format(**ids)).status_code == 200


def test_the_api_refuses_another_centres_case_to_the_cookie_too(
    ids: dict[str, str], console: Callable[..., Browserless]
) -> None:
    counsellor = console(centre="CASA")
    assert counsellor.client.get(f"/api/v1/cases/{ids['other_case']}").status_code == 403
    assert counsellor.client.get("/api/v1/audit").status_code == 403


def test_static_files_are_served_locally_and_nothing_else(client: TestClient) -> None:
    for name in ("common.js", "queue.js", "conversation.js", "sms.js", "case.js", "console.css"):
        assert client.get(f"/console/static/{name}").status_code == 200
    for name in ("../web.py", "canned_replies.yml", ".hidden.js", "missing.js"):
        assert client.get(f"/console/static/{name}").status_code == 404


LINK = re.compile(r"""\b(?:src|href|action)=["']([^"']*)["']""")


def test_pages_load_nothing_from_another_site(ids: dict[str, str], console: Callable[..., Browserless]) -> None:
    """Listening centres may have poor connectivity: every script, style, link and form stays on this service."""
    supervisor = console(role=Role.SUPERVISOR, centre=None)
    pages = [endpoint.path.format(**ids) for endpoint in ENDPOINTS if endpoint.page and ".csv" not in endpoint.path]
    links = []
    for path in [*pages, "/console/login"]:
        response = supervisor.client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        links += LINK.findall(response.text)
    assert "/console/static/common.js" in links
    foreign = [link for link in links if not (link.startswith(("/", "#", "data:")) and not link.startswith("//"))]
    assert foreign == []
    for name in ("console.css", *(p.name for p in (STATIC).glob("*.js"))):
        source = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//cdn|@import", source.replace("http://www.w3.org/2000/svg", "")), name
