"""Fixtures for action tests: a real local HTTP server standing in for triage, JSON trackers, the domain."""

from __future__ import annotations

import asyncio
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from cryptography.fernet import Fernet
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_client
from bot.keyring import key_ring

HERE = Path(__file__).parent
REPO = HERE.parent.parent


class TriageStandIn:
    """Records every request; answers each path with the configured (status, json) pair."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answers: dict[str, tuple[int, Any]] = {
            "/api/v1/bot/handoff": (
                202,
                {
                    "state": "queued",
                    "level": "P1",
                    "expected_wait_seconds": 90,
                    "centre_open": True,
                    "opening_hours": "08:00-20:00",
                },
            ),
            "/api/v1/bot/reports": (201, {"reference": "R-7Q2K9D", "level": "P2"}),
            "/api/v1/bot/forget": (202, {"erased": {"conversations": 2, "messages": 7, "reports": 1}, "held": False}),
            "/api/v1/bot/feedback": (204, None),
        }
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"null")
                stand_in.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status, payload = stand_in.answers.get(self.path, (404, {"detail": "not found"}))
                self.send_response(status)
                if payload is None:
                    self.end_headers()
                    return
                data = json.dumps(payload).encode()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def bodies(self, path: str) -> list[dict[str, Any]]:
        return [r["body"] for r in self.requests if r["path"] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def encryption_key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A key ring of one fresh key for each test (the outbox is encrypted with it)."""
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("ENCRYPTION_KEYS", key)
    return key


def queued(outbox: Path) -> list[dict[str, Any]]:
    """The requests waiting in the outbox file, decrypted."""
    ring = key_ring()
    return [triage_client._opened(ring, line) for line in outbox.read_text().splitlines() if line.strip()]


@pytest.fixture
def triage(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    stand_in = TriageStandIn()
    monkeypatch.setenv("TRIAGE_URL", stand_in.url)
    monkeypatch.setenv("TRIAGE_SERVICE_TOKEN", "test-token")
    monkeypatch.setenv("TRIAGE_TIMEOUT_SECONDS", "2")
    monkeypatch.setenv("TRIAGE_ATTEMPTS", "2")
    monkeypatch.setenv("TRIAGE_OUTBOX", str(tmp_path / "outbox.jsonl"))
    yield stand_in
    stand_in.close()


@pytest.fixture
def unreachable_triage(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """A port where nothing listens: every call fails at connection."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("TRIAGE_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("TRIAGE_TIMEOUT_SECONDS", "1")
    monkeypatch.setenv("TRIAGE_ATTEMPTS", "2")
    monkeypatch.setenv("TRIAGE_OUTBOX", str(tmp_path / "outbox.jsonl"))
    return tmp_path / "outbox.jsonl"


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    with open(REPO / "domain.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_tracker(name: str, **changes: Any) -> Tracker:
    """Tracker.from_dict on tests/actions/trackers/<name>.json; `slots=` and `text=`/`intent=` override."""
    with open(HERE / "trackers" / f"{name}.json", encoding="utf-8") as handle:
        state = json.load(handle)
    state = copy.deepcopy(state)
    state["slots"].update(changes.pop("slots", {}))
    latest = state["latest_message"]
    if "text" in changes:
        latest["text"] = changes.pop("text")
    if "intent" in changes:
        latest["intent"] = {"name": changes.pop("intent"), "confidence": 1.0}
    if "entities" in changes:
        latest["entities"] = changes.pop("entities")
    if changes:
        raise TypeError(f"unknown changes {changes}")
    for event in reversed(state["events"]):
        if event.get("event") == "user":
            event["text"] = latest["text"]
            event["parse_data"] = {"intent": latest["intent"], "entities": latest["entities"], "text": latest["text"]}
            break
    return Tracker.from_dict(state)


def run(action: Any, tracker: Tracker, domain: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Runs an action like the SDK does; waits for background triage requests. Returns (events, messages)."""
    dispatcher = CollectingDispatcher()

    async def go() -> list[dict[str, Any]]:
        events = await action.run(dispatcher, tracker, domain)
        await triage_client.drain()
        return events

    events = asyncio.run(go())
    return events, dispatcher.messages


def responses(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("response") or m.get("template") for m in messages]
