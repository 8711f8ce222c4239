"""The console's event stream: queue events reach a signed-in staff member over SSE, filtered by centre."""

import json
import threading
import time
import uuid
from collections.abc import Callable

import httpx

from tests.live import live_service
from tests.triage.conftest import Account
from tests.triage.console.conftest import sign_in
from triage.console.events import Listener, frame
from triage.staff.models import Role
from triage.staff.security import SESSION_COOKIE


def test_listener_sees_its_centres_and_events_naming_it() -> None:
    listener = Listener("amina", frozenset({"CASA", "NAT"}))
    assert listener.wants({"type": "queued", "centre": "CASA"})
    assert not listener.wants({"type": "queued", "centre": "NORD"})
    assert listener.wants({"type": "transferred", "centre": "NORD", "to": "amina"})
    assert Listener("salma", None).wants({"type": "sla_breach", "centre": "SUD"})


def test_frame_is_one_named_server_sent_event() -> None:
    text = frame({"type": "claimed", "conversation_id": "x", "by": "amina"})
    assert text.startswith("event: claimed\ndata: {")
    assert text.endswith("\n\n")


def _events(url: str, cookie: str, into: list[dict[str, object]], stop: threading.Event) -> None:
    with httpx.stream("GET", f"{url}/console/events", cookies={SESSION_COOKIE: cookie}, timeout=20) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        for line in response.iter_lines():
            if line.startswith("data: "):
                into.append(json.loads(line.removeprefix("data: ")))
            if stop.is_set():
                return


def test_events_reach_the_console_over_sse(
    make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    counsellor = make_staff(role=Role.COUNSELLOR, centre="CASA")
    with live_service() as url:
        client = httpx.Client(base_url=url)
        sign_in(client, counsellor.username)  # type: ignore[arg-type]
        received: list[dict[str, object]] = []
        stop = threading.Event()
        reader = threading.Thread(target=_events, args=(url, client.cookies[SESSION_COOKIE], received, stop))
        reader.start()
        deadline = time.monotonic() + 10
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)  # the stream's first event says it is ready
        mine = make_conversation(level="P1", centre="CASA")
        make_conversation(level="P1", centre="NORD")
        while len(received) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        make_conversation(level="P4", centre="CASA")  # wakes the reader so it can stop
        reader.join(timeout=10)
        client.close()
    queued = [e for e in received if e.get("type") == "queued"]
    assert [e["conversation_id"] for e in queued][:1] == [str(mine)]
    assert all(e["centre"] in ("CASA", "NAT") for e in queued), "another centre's events are not sent"
