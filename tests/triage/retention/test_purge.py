"""Retention with a fake clock: what is past its time goes, holds and open cases stay, counts remain."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from helpline.db import utcnow
from tests.conftest import Reconfigure
from triage.audit.models import AuditEvent
from triage.cases.models import Case, CaseConversation, CaseStatus, Note
from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message
from triage.conversations.service import add_message
from triage.reports.models import Report
from triage.retention.models import DailyCount
from triage.retention.policy import Policy
from triage.retention.service import purge

POLICY = Policy(
    transcripts=timedelta(days=90), reports=timedelta(days=730), case_notes=timedelta(days=1825),
    audit=timedelta(days=1825), delivery_metadata=timedelta(days=30), statistics=timedelta(days=3650),
)  # fmt: skip
START = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


def _conversation(session: Session, *, state: ConversationState, at: datetime, level: str = "P3") -> Conversation:
    conversation = Conversation(channel="whatsapp", pseudonym=uuid.uuid4().hex, state=state, level=level,
                                region="SM", opened_at=at, last_message_at=at)  # fmt: skip
    if state == ConversationState.CLOSED:
        conversation.closed_at, conversation.outcome = at, "counselled"
    session.add(conversation)
    session.flush()
    add_message(session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER,
                body="my aunt makes me work at night")  # fmt: skip
    conversation.last_message_at = at
    return conversation


def _case(session: Session, conversation: Conversation, *, status: CaseStatus, hold: bool = False) -> Case:
    case = Case(reference=f"C-{uuid.uuid4().hex[:6].upper()}", status=status, legal_hold=hold)
    session.add(case)
    session.flush()
    session.add(CaseConversation(case_id=case.id, conversation_id=conversation.id))
    session.add(Note(case_id=case.id, body="home visit planned"))
    return case


@pytest.fixture
def clock() -> datetime:
    """`now` for the purge: a year after the oldest data."""
    return START + timedelta(days=365)


def test_expired_transcripts_go_and_leave_anonymised_counts(session: Session, clock: datetime) -> None:
    old_closed = _conversation(session, state=ConversationState.CLOSED, at=START, level="P2")
    old_idle = _conversation(session, state=ConversationState.BOT, at=START)
    recent = _conversation(session, state=ConversationState.CLOSED, at=clock - timedelta(days=10))
    waiting = _conversation(session, state=ConversationState.QUEUED, at=START)
    session.commit()
    gone, kept = [old_closed.id, old_idle.id], [recent.id, waiting.id]
    counts = purge(session=session, now=clock, policy=POLICY)
    session.commit()
    assert counts["conversations"] == 2
    session.expunge_all()
    assert [session.get(Conversation, i) for i in gone] == [None, None]
    assert all(session.get(Conversation, i) is not None for i in kept)
    assert session.scalars(select(Message).where(Message.conversation_id.in_(gone))).all() == []
    rows = {(r.day, r.channel, r.level, r.region, r.outcome, r.count) for r in session.scalars(select(DailyCount))}
    assert rows == {
        (START.date(), "whatsapp", "P2", "SM", "counselled", 1),
        (START.date(), "whatsapp", "P3", "SM", "", 1),
    }


@pytest.mark.parametrize(
    ("status", "hold", "kept"),
    [
        (CaseStatus.FOLLOW_UP, False, True),
        (CaseStatus.OPEN, False, True),
        (CaseStatus.CLOSED, True, True),
        (CaseStatus.CLOSED, False, False),
    ],  # fmt: skip
    ids=["follow-up", "open", "legal-hold", "closed"],
)
def test_cases_under_follow_up_or_on_hold_keep_their_conversations(
    session: Session, clock: datetime, status: CaseStatus, hold: bool, kept: bool
) -> None:
    conversation = _conversation(session, state=ConversationState.CLOSED, at=START)
    _case(session, conversation, status=status, hold=hold)
    session.commit()
    conversation_id = conversation.id
    purge(session=session, now=clock, policy=POLICY)
    session.commit()
    session.expunge_all()
    assert (session.get(Conversation, conversation_id) is not None) == kept


def test_reports_cases_and_audit_follow_their_own_clocks(session: Session, clock: datetime) -> None:
    very_old = clock - timedelta(days=2000)
    session.add(Report(reference="R-OLD001", level="P3", answers={"what_happened": "x"}, created_at=very_old))
    session.add(Report(reference="R-NEW001", level="P3", answers={"what_happened": "y"}, created_at=START))
    closed = Case(reference="C-OLD001", status=CaseStatus.CLOSED, closed_at=very_old, created_at=very_old)
    held = Case(reference="C-HOLD02", status=CaseStatus.CLOSED, closed_at=very_old, legal_hold=True)
    session.add_all([closed, held])
    session.add(AuditEvent(actor="x", action="view", at=very_old))
    session.commit()
    counts = purge(session=session, now=clock, policy=POLICY)
    session.commit()
    assert (counts["reports"], counts["cases"], counts["audit_events"]) == (1, 1, 1)
    assert session.scalars(select(Report.reference)).all() == ["R-NEW001"]
    assert sorted(session.scalars(select(Case.reference))) == ["C-HOLD02"]


def test_anonymised_counts_follow_their_own_clock(session: Session, clock: datetime) -> None:
    for day in (clock - timedelta(days=3651), clock - timedelta(days=3649)):
        session.add(DailyCount(day=day.date(), channel="sms", level="P3", region="", outcome="", count=4))
    session.commit()
    assert purge(session=session, now=clock, policy=POLICY)["daily_counts"] == 1
    session.commit()
    assert [r.day for r in session.scalars(select(DailyCount))] == [(clock - timedelta(days=3649)).date()]


def test_the_policy_is_read_from_the_settings(reconfigure: Reconfigure) -> None:
    reconfigure(RETAIN_TRANSCRIPTS_DAYS="30", RETAIN_STATISTICS_DAYS="400")
    policy = Policy.from_settings()
    assert (policy.transcripts, policy.statistics) == (timedelta(days=30), timedelta(days=400))
    assert policy.reports == timedelta(days=730), "the others keep their safe defaults"


def test_the_purge_is_audited_without_content(session: Session) -> None:
    purge(session=session, now=utcnow(), policy=POLICY)
    session.commit()
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).one()
    assert set(event.detail) >= {"conversations", "reports", "cases", "audit_events", "daily_counts"}
