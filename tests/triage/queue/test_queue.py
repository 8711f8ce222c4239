"""Queue order (level, then deadline), rescoring that lifts a conversation, human floors, and rebuilds."""

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from helpline.db import new_session
from tests.triage.conftest import Account
from triage.conversations import router as conversations_router
from triage.conversations.models import Conversation
from triage.conversations.schemas import QueueEntry
from triage.handoff import flows
from triage.queue import service as queue
from triage.queue import watch
from triage.staff.models import Role
from triage.staff.tokens import Caller


def _queue_ids(client: TestClient, account: Account) -> list[str]:
    return [entry["conversation_id"] for entry in client.get("/api/v1/queue", headers=account.headers).json()]


def _inbound(conversation_id: uuid.UUID, text: str) -> None:
    with new_session() as session, session.begin():
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        flows.record_inbound(session=session, conversation=conversation, body=text)


def test_order_is_level_then_deadline(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    old_p3 = make_conversation(level="P3")
    p2 = make_conversation(level="P2")
    new_p3 = make_conversation(level="P3")
    p1 = make_conversation(level="P1")
    assert _queue_ids(client, supervisor) == [str(p1), str(p2), str(old_p3), str(new_p3)]


def test_queue_entries_explain_the_level(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    conversation_id = make_conversation(level="P3")
    _inbound(conversation_id, "I swallowed all the pills in the box an hour ago")
    (entry,) = client.get("/api/v1/queue", headers=supervisor.headers).json()
    assert entry["level"] == "P1"
    assert entry["signals"], "the signals that set the level are shown"
    assert all(signal["evidence"] for signal in entry["signals"])
    for field in ("channel", "language", "region", "waiting_since", "deadline", "centre", "child_age"):
        assert field in entry


def test_a_p3_that_becomes_p1_jumps_the_queue(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    p2 = make_conversation(level="P2")
    p3 = make_conversation(level="P3")
    assert _queue_ids(client, supervisor) == [str(p2), str(p3)]
    _inbound(p3, "baba jab mous w galia ghadi y9telni lyoum")
    assert _queue_ids(client, supervisor) == [str(p3), str(p2)]


def test_rescoring_never_lowers_and_respects_a_human_floor(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    session: Session,
) -> None:  # fmt: skip
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    conversation_id = make_conversation(level="P3")
    url = f"/api/v1/conversations/{conversation_id}/level"
    assert client.post(url, headers=supervisor.headers, json={"level": "P2"}).json()["level"] == "P2"
    _inbound(conversation_id, "thank you, hello")
    session.expire_all()
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert conversation.level == "P2"
    assert conversation.level_floor == "P2"


def test_p1_text_while_with_the_bot_queues_the_conversation(
    make_conversation: Callable[..., uuid.UUID], session: Session
) -> None:
    conversation_id = make_conversation(level="P4", queued=False)
    _inbound(conversation_id, "je veux mourir ce soir, j'ai préparé une corde")
    conversation = session.get(Conversation, conversation_id)
    assert conversation is not None
    assert (conversation.state, conversation.level) == ("queued", "P1")


def test_changes_are_published_to_listeners(
    make_conversation: Callable[..., uuid.UUID], redis_client: redis.Redis
) -> None:
    listener = redis_client.pubsub()
    listener.subscribe(queue.EVENTS)
    listener.get_message(timeout=1)
    conversation_id = make_conversation(level="P2")
    event = listener.get_message(timeout=2)
    listener.close()
    assert event is not None
    payload = json.loads(event["data"])
    assert payload["type"] == "queued"
    assert payload["conversation_id"] == str(conversation_id)
    assert payload["level"] == "P2"


def test_the_queue_is_rebuilt_from_the_database_after_a_restart(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    redis_client: redis.Redis,
) -> None:  # fmt: skip
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    ids = [make_conversation(level=level) for level in ("P3", "P1", "P2")]
    before = _queue_ids(client, supervisor)
    redis_client.flushdb()  # Redis restarted empty
    assert _queue_ids(client, supervisor) == []
    assert watch.rebuild_now() == 3
    assert _queue_ids(client, supervisor) == before == [str(ids[1]), str(ids[2]), str(ids[0])]


@pytest.mark.parametrize(
    ("region", "when", "online", "centre", "closed_hours"),
    [
        ("CS", datetime(2026, 12, 2, 11, 0, tzinfo=UTC), {"CASA"}, "CASA", None),
        ("CS", datetime(2026, 12, 2, 11, 0, tzinfo=UTC), set(), "NAT", "Mon-Sat 08:00-22:00"),
        ("CS", datetime(2026, 12, 6, 11, 0, tzinfo=UTC), {"CASA"}, "NAT", "Mon-Sat 08:00-22:00"),  # Sunday
        ("TTA", datetime(2026, 12, 5, 16, 0, tzinfo=UTC), {"NORD"}, "NAT", "Mon-Fri 09:00-18:00, Sat 09:00-13:00"),
        (None, datetime(2026, 12, 2, 11, 0, tzinfo=UTC), {"CASA"}, "NAT", None),
    ],
    ids=["open-online", "nobody-online", "closed-sunday", "closed-saturday-afternoon", "unknown-region"],
)
def test_territorial_routing(
    region: str | None, when: datetime, online: set[str], centre: str, closed_hours: str | None
) -> None:
    from triage.centres import service as centres

    chosen, fell_back = centres.route(region=region, at=when, online=online)
    assert chosen.code == centre
    assert (fell_back.hours_text() if fell_back else None) == closed_hours


def test_counsellors_see_their_centre_and_the_national_queue_only(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID]
) -> None:
    casa, nord = make_staff(centre="CASA"), make_staff(centre="NORD")
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    at_casa = make_conversation(region="CS", centre="CASA")
    at_nord = make_conversation(region="TTA", centre="NORD")
    national = make_conversation(region=None)
    assert sorted(_queue_ids(client, casa)) == sorted([str(at_casa), str(national)])
    assert sorted(_queue_ids(client, nord)) == sorted([str(at_nord), str(national)])
    assert len(_queue_ids(client, supervisor)) == 3
    assert client.get(f"/api/v1/conversations/{at_casa}", headers=nord.headers).status_code == 403
    assert client.post(f"/api/v1/conversations/{at_casa}/claim", headers=nord.headers).status_code == 403
    assert client.get(f"/api/v1/conversations/{at_casa}", headers=casa.headers).status_code == 200


def _counting_reads(monkeypatch: pytest.MonkeyPatch, *, seconds: float = 0.0) -> list[list[str] | None]:
    """Records every real read of the queue (Redis and the database), each taking `seconds` longer to finish."""
    reads: list[list[str] | None] = []
    read = conversations_router._read_queue

    def counted(allowed: list[str] | None) -> list[QueueEntry]:
        reads.append(allowed)
        found = read(allowed)
        time.sleep(seconds)
        return found

    monkeypatch.setattr(conversations_router, "_read_queue", counted)
    conversations_router._rendered.clear()
    return reads


def _read_as(*callers: Caller) -> list[list[dict[str, object]]]:
    async def burst() -> list[list[dict[str, object]]]:
        answers = await asyncio.gather(*(conversations_router.get_queue(c) for c in callers))
        return [json.loads(answer.body) for answer in answers]

    return asyncio.run(burst())


SUPERVISOR = Caller(uuid.uuid4(), "sup", Role.SUPERVISOR, None)
ADMIN = Caller(uuid.uuid4(), "sup2", Role.ADMIN, None)
COUNSELLOR = Caller(uuid.uuid4(), "cns", Role.COUNSELLOR, "CASA")


def test_reads_of_the_same_queues_under_way_together_share_one_query(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _counting_reads(monkeypatch, seconds=0.05)
    assert queue.version() is None  # nothing has changed since Redis started: nothing may be cached
    assert _read_as(SUPERVISOR, ADMIN, COUNSELLOR, COUNSELLOR) == [[], [], [], []]
    assert sorted(reads, key=str) == sorted([None, ["CASA", "NAT"]], key=str)  # one read per set of queues
    assert _read_as(SUPERVISOR, ADMIN, COUNSELLOR, COUNSELLOR) == [[], [], [], []]
    assert len(reads) == 4  # with no version known, nothing is kept once the reads are done


def test_an_unchanged_queue_is_served_without_reading_it_again_until_what_it_shows_changes(
    monkeypatch: pytest.MonkeyPatch, make_conversation: Callable[..., uuid.UUID]
) -> None:
    first = make_conversation(level="P3")
    reads = _counting_reads(monkeypatch)
    assert [e["conversation_id"] for (e,) in _read_as(SUPERVISOR)] == [str(first)]
    assert [e["conversation_id"] for (e,) in _read_as(SUPERVISOR)] == [str(first)]
    assert len(reads) == 1
    with new_session() as session, session.begin():
        conversation = session.get(Conversation, first)
        assert conversation is not None
        conversation.last_message_at = datetime.now(UTC)  # not shown in the queue
    _read_as(SUPERVISOR)
    assert len(reads) == 1
    with new_session() as session, session.begin():
        conversation = session.get(Conversation, first)
        assert conversation is not None
        conversation.child_age = 9  # shown: the cached queue is stale now
    ((entry,),) = _read_as(SUPERVISOR)
    assert entry["child_age"] == 9
    assert len(reads) == 2
    second = make_conversation(level="P1")
    assert [e["conversation_id"] for e in _read_as(SUPERVISOR)[0]] == [str(second), str(first)]
    assert len(reads) == 3


def test_a_rolled_back_change_keeps_the_cached_queue(
    monkeypatch: pytest.MonkeyPatch, make_conversation: Callable[..., uuid.UUID]
) -> None:
    conversation_id = make_conversation(level="P3")
    reads = _counting_reads(monkeypatch)
    _read_as(SUPERVISOR)
    with new_session() as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        conversation.child_age = 9
        session.flush()
        session.rollback()
    ((entry,),) = _read_as(SUPERVISOR)
    assert entry["child_age"] is None
    assert len(reads) == 1


def test_a_read_begun_before_a_change_is_not_shared_with_a_request_after_it(
    monkeypatch: pytest.MonkeyPatch, make_conversation: Callable[..., uuid.UUID]
) -> None:
    reads = _counting_reads(monkeypatch, seconds=0.3)
    with new_session() as session:
        queue.rebuild(session=session)  # a version is known from now on

    async def read_then_change_then_read() -> list[list[dict[str, object]]]:
        early = asyncio.ensure_future(conversations_router.get_queue(SUPERVISOR))
        await asyncio.sleep(0.1)  # the early read is under way
        await asyncio.to_thread(make_conversation, level="P1")
        late = await conversations_router.get_queue(SUPERVISOR)
        return [json.loads(answer.body) for answer in (await early, late)]

    early, late = asyncio.run(read_then_change_then_read())
    assert (len(early), len(late)) == (0, 1)
    assert len(reads) == 2


def test_cached_queues_expire_even_if_a_change_was_not_recorded(
    monkeypatch: pytest.MonkeyPatch, make_conversation: Callable[..., uuid.UUID]
) -> None:
    make_conversation(level="P3")
    reads = _counting_reads(monkeypatch)
    monkeypatch.setattr(conversations_router, "CACHE_SECONDS", 0.2)
    _read_as(SUPERVISOR)
    _read_as(SUPERVISOR)
    time.sleep(0.25)
    _read_as(SUPERVISOR)
    assert len(reads) == 2
