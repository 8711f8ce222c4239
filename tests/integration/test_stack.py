"""The real helpline, started as an operator starts it: one message through to Rasa and back, and a clean stop."""

import os
import signal
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session

from tests.integration.stack import Stack, start, wait_gone
from triage.intake import Author, transcript

pytestmark = pytest.mark.integration

CANARY = "canary kaydrebni 7731: he hurts me at home"


@pytest.fixture
def make_run(stack: tuple[Stack, str]) -> Stack:
    """The suite's `make run` (conftest.py); the SIGTERM test below ends it, so it comes last."""
    return stack[0]


def test_every_process_is_ready(make_run: Stack) -> None:
    body = httpx.get(f"{make_run.base_url}/readyz").json()
    assert body["checks"] == {"database": True, "redis": True, "rasa": True}
    assert "ready in" in make_run.output.read_text()


def test_rasa_serves_only_the_rest_channel(make_run: Stack) -> None:
    assert httpx.post(f"{make_run.rasa_url}/webhooks/twilio/webhook", data={"Body": "hi"}).status_code == 404
    assert httpx.post(f"{make_run.rasa_url}/webhooks/telegram/webhook", json={}).status_code == 404
    status = httpx.get(f"{make_run.rasa_url}/status").status_code
    assert status == 401, "Rasa's HTTP API must require the auth token"


@pytest.mark.parametrize("greeting", ["hello", "salam", "bonjour"])
def test_a_greeting_goes_to_rasa_and_both_messages_are_stored(make_run: Stack, session: Session, greeting: str) -> None:
    response = httpx.post(
        f"{make_run.base_url}/dev/messages", json={"sender": f"it-{greeting}", "text": greeting}, timeout=30
    )
    assert response.status_code == 200
    body = response.json()
    assert body["bot_available"] is True
    assert body["replies"]
    stored = transcript(session=session, conversation_id=uuid.UUID(body["conversation_id"]))
    assert [m.author for m in stored] == [Author.USER] + [Author.BOT] * len(body["replies"])
    assert stored[0].body == greeting
    assert [m.body for m in stored[1:]] == body["replies"]


def test_a_sensitive_message_is_stored_encrypted_and_reaches_the_bot(make_run: Stack, session: Session) -> None:
    response = httpx.post(f"{make_run.base_url}/dev/messages", json={"sender": "it-canary", "text": CANARY}, timeout=30)
    assert response.status_code == 200
    assert response.json()["bot_available"] is True
    stored = transcript(session=session, conversation_id=uuid.UUID(response.json()["conversation_id"]))
    assert stored[0].body == CANARY


def test_sigterm_to_make_leaves_no_process_behind(make_run: Stack) -> None:
    processes = make_run.descendants()
    assert len(processes) >= 4, "make, the launcher, Rasa, the action server and the service"
    os.kill(make_run.process.pid, signal.SIGTERM)
    assert wait_gone(processes) == set()
    assert "stopped" in make_run.output.read_text()


def test_ctrl_c_stops_everything(tmp_path: Path) -> None:
    stack = start([".venv/bin/helpline", "up", "--no-train"], output=tmp_path / "up.log")
    processes = stack.descendants()
    os.killpg(stack.process.pid, signal.SIGINT)
    assert stack.process.wait(timeout=30) == 0
    assert wait_gone(processes) == set()
