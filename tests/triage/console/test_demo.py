"""`helpline demo` fills a fresh install: staff, waiting and answered conversations, reports, cases, history."""

import io
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from helpline import cli
from tests.triage.console.conftest import Browserless
from triage.cases.models import Case
from triage.conversations.models import Conversation, ConversationState
from triage.queue import service as queue
from triage.reports.models import Report
from triage.staff.models import Role


def _count(session: Session, model: type, *where: object) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def test_demo_fills_a_fresh_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], session: Session
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo password 123\n"))
    assert cli.main(["demo", "--password-stdin", "--days", "20"]) == 0
    assert "demo:" in capsys.readouterr().out
    assert _count(session, Conversation, Conversation.state == ConversationState.QUEUED) == 6
    assert _count(session, Conversation, Conversation.state == ConversationState.CLAIMED) == 2
    assert _count(session, Conversation, Conversation.state == ConversationState.CLOSED) > 80
    assert _count(session, Report) >= 3
    assert _count(session, Case) > 80
    languages = set(session.scalars(select(Conversation.language).where(Conversation.state != "closed")))
    assert {"fr", "en"} <= languages
    assert languages & {"darija_lat", "darija_ar", "ar"}
    assert queue.ordered_ids(centres=["CASA", "NAT", "CENTRE", "NORD", "SUD"]), "the live queue is filled"
    assert cli.main(["demo", "--password-stdin"]) == 1, "a second run refuses"


def test_demo_accounts_see_the_console(
    monkeypatch: pytest.MonkeyPatch, console: Callable[..., Browserless], session: Session
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo password 123\n"))
    assert cli.main(["demo", "--password-stdin", "--days", "10"]) == 0
    supervisor = console(role=Role.SUPERVISOR, centre=None)
    page = supervisor.client.get("/console/dashboard?days=10")
    assert page.status_code == 200
    assert page.text.count("<svg") >= 5
    queue_entries = supervisor.client.get("/api/v1/queue").json()
    assert queue_entries[0]["level"] == "P1"
    assert any(entry["signals"] for entry in queue_entries)
