"""The running service's background workers: a stored message is worked at once (the webhook wakes the dispatcher
with the row, no polling), conversations are worked side by side, one contact's messages one at a time and in
order, and rows the dispatcher could not start at once are found again as soon as a worker is free."""

import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from channels import worker
from channels.sandbox.app import Fault
from channels.sandbox.server import Running
from helpline.app import create_app
from tests.channels.conftest import PUBLIC, Bot, post_twilio, twilio_form
from tests.conftest import Reconfigure

SENDERS = [f"+21261000000{n}" for n in range(4)]


@pytest.fixture
def live(bot: Bot, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The service with its background work running; polling is slowed down so that only wake-ups are seen."""
    monkeypatch.setattr(worker, "POLL_SECONDS", 60.0)
    with TestClient(create_app(), base_url=PUBLIC) as client:
        yield client


def _within(seconds: float, done: Callable[[], bool]) -> float:
    started = time.monotonic()
    while not done():
        assert time.monotonic() - started < seconds, "not done in time"
        time.sleep(0.02)
    return time.monotonic() - started


def _answered(sandbox: Running, count: int) -> Callable[[], bool]:
    return lambda: len(sandbox.sandbox.messages()) >= count


def test_a_stored_message_is_answered_at_once_not_at_the_next_poll(
    live: TestClient, bot: Bot, sandbox: Running
) -> None:
    time.sleep(0.2)  # the dispatcher's first look at the table is over: from now on it waits for wake-ups
    assert post_twilio(live, twilio_form(Body="salam")).status_code == 200
    assert _within(10, _answered(sandbox, 1)) < 10  # the next poll is a minute away
    assert [m.text for m in sandbox.sandbox.messages()] == ["Salam, ana hna."]


def test_conversations_are_worked_side_by_side_and_each_contact_one_message_at_a_time_in_order(
    live: TestClient, bot: Bot, sandbox: Running
) -> None:
    bot.delay = 1.0
    for round_ in range(2):
        for sender in SENDERS:
            assert post_twilio(live, twilio_form(From=sender, Body=f"{sender} {round_}")).status_code == 200
    elapsed = _within(30, _answered(sandbox, 2 * len(SENDERS)))
    assert elapsed < 2 * len(SENDERS) * bot.delay, "the four conversations waited for one another"
    by_sender: dict[str, list[tuple[float, float]]] = {}
    for sender, started, ended in bot.calls:
        by_sender.setdefault(sender, []).append((started, ended))
    assert len(by_sender) == len(SENDERS)
    for calls in by_sender.values():
        (_, first_ended), (second_started, _) = sorted(calls)
        assert second_started >= first_ended, "two messages of one contact were worked at once"
    received = [m["message"] for m in bot.messages()]
    for sender in SENDERS:
        assert [text for text in received if text.startswith(sender)] == [f"{sender} 0", f"{sender} 1"]


def test_a_contact_freed_while_the_dispatcher_searches_has_its_next_message_worked_at_once(
    live: TestClient, bot: Bot, sandbox: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second contact finishes while the search for the first one's next row is still running (a slow query):
    its own next row must be searched for then, not left for the next poll a minute later."""
    search = worker._heads

    def slow_search(limit: int, busy: set[uuid.UUID | None]) -> list[tuple[int, uuid.UUID | None]]:
        found = search(limit, busy)
        time.sleep(0.4)
        return found

    monkeypatch.setattr(worker, "_heads", slow_search)
    time.sleep(0.6)  # the dispatcher's first search is over
    bot.delay = 0.5
    senders = SENDERS[:2]
    for round_ in range(2):
        for sender in senders:
            assert post_twilio(live, twilio_form(From=sender, Body=f"{sender} {round_}")).status_code == 200
    _within(15, _answered(sandbox, 2 * len(senders)))  # the next poll is a minute away
    assert sorted(m["message"] for m in bot.messages()) == sorted(f"{s} {r}" for s in senders for r in range(2))


def test_messages_that_found_every_worker_busy_are_worked_as_soon_as_one_is_free(
    bot: Bot, sandbox: Running, reconfigure: Reconfigure, monkeypatch: pytest.MonkeyPatch
) -> None:
    reconfigure(GATEWAY_WORKERS="1")
    monkeypatch.setattr(worker, "POLL_SECONDS", 60.0)
    bot.delay = 0.3
    with TestClient(create_app(), base_url=PUBLIC) as live:
        time.sleep(0.2)
        for sender in SENDERS:
            assert post_twilio(live, twilio_form(From=sender, Body="salam")).status_code == 200
        _within(20, _answered(sandbox, len(SENDERS)))
    assert len({conversation for conversation, _, _ in bot.calls}) == len(bot.calls) == len(SENDERS), "each once"


def test_a_reply_to_be_retried_goes_out_once_due_with_no_wake_up(
    bot: Bot, sandbox: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outbox workers search the table on their own every POLL_SECONDS: nothing wakes them for a retry."""
    monkeypatch.setattr(worker, "POLL_SECONDS", 0.2)
    sandbox.sandbox.fail_next("twilio", Fault(503, retry_after=1))
    with TestClient(create_app(), base_url=PUBLIC) as live:
        assert post_twilio(live, twilio_form(Body="salam")).status_code == 200
        waited = _within(10, _answered(sandbox, 1))
    assert waited >= 1, "sent before the retry was due"
    assert [m.text for m in sandbox.sandbox.messages()] == ["Salam, ana hna."]
