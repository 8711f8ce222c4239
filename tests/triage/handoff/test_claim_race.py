"""Several staff members click "take" on the same conversation at the same moment: exactly one wins."""

import threading
import uuid
from collections.abc import Callable

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.live import live_service
from tests.triage.conftest import Account
from triage.audit.models import AuditEvent
from triage.conversations.models import Conversation

CONTENDERS = 8
ROUNDS = 5


def _race(base_url: str, conversation_id: uuid.UUID, accounts: list[Account]) -> list[httpx.Response]:
    barrier = threading.Barrier(len(accounts))
    responses: list[httpx.Response] = []
    lock = threading.Lock()

    def take(account: Account) -> None:
        with httpx.Client(base_url=base_url, headers=account.headers, timeout=30) as client:
            barrier.wait()
            response = client.post(f"/api/v1/conversations/{conversation_id}/claim")
        with lock:
            responses.append(response)

    threads = [threading.Thread(target=take, args=(account,)) for account in accounts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def test_exactly_one_of_simultaneous_claims_wins(
    make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID], session: Session
) -> None:
    accounts = [make_staff(centre=None) for _ in range(CONTENDERS)]
    with live_service() as base_url:
        for _ in range(ROUNDS):
            conversation_id = make_conversation(level="P1")
            responses = _race(base_url, conversation_id, accounts)
            winners = [r for r in responses if r.status_code == 200]
            losers = [r for r in responses if r.status_code == 409]
            assert len(winners) == 1, [r.status_code for r in responses]
            assert len(losers) == CONTENDERS - 1
            winner = winners[0].json()["claimed_by"]
            assert {r.json()["detail"]["claimed_by"] for r in losers} == {winner}
            session.expire_all()
            stored = session.get(Conversation, conversation_id)
            assert stored is not None
            assert stored.state == "claimed"
            claims = session.scalars(
                select(AuditEvent).where(AuditEvent.conversation_id == conversation_id, AuditEvent.action == "claim")
            ).all()
            assert [c.actor for c in claims] == [winner]
