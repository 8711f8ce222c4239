"""Forget-me from a Telegram conversation through the gateway: nothing of the person is left, except what a
supervisor placed on legal hold. (The same with the real Rasa: tests/integration/test_forget.py.)"""

import json
import logging
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.inbox.models import InboundMessage
from channels.message import Outgoing, SendResult
from channels.outbox.models import OutboundMessage
from channels.providers.telegram import TelegramSender
from channels.sandbox.server import Running
from helpline.db import new_session
from tests.channels.conftest import TELEGRAM_USER, Bot, post_telegram, tg_message, work
from triage.bot_api import service
from triage.bot_api.service import file_report
from triage.cases.models import Case, CaseConversation
from triage.conversations.models import Conversation, ConversationState, Message
from triage.reports.models import Report
from triage.staff import service as staff_service
from triage.staff.models import Role

SERVICE = {"Authorization": "Bearer dev-only-service-token"}


def _two_conversations(client: TestClient, session: Session) -> tuple[uuid.UUID, uuid.UUID]:
    """An older, closed conversation and the current one, of the same Telegram user: (older, current)."""
    assert post_telegram(client, tg_message("salam")).status_code == 200
    work()
    older = session.scalars(select(Conversation.id)).one()
    with new_session() as db, db.begin():
        db.execute(update(Conversation).values(state=ConversationState.CLOSED))
    for text in ("kayn wa7ed f dar kaydrebni", "nsa kolchi 3afak"):
        assert post_telegram(client, tg_message(text)).status_code == 200
    work()
    session.expire_all()
    current = session.scalars(select(Conversation.id).where(Conversation.id != older)).one()
    return older, current


def _emptied(bot: Bot) -> list[str]:
    """Conversations whose Rasa tracker the gateway replaced by an empty one."""
    puts = [r for r in bot.stand_in.requests if r.method == "PUT" and "/tracker/events" in r.path]
    assert all(json.loads(r.body) == [] for r in puts)
    return [r.path.split("/")[2] for r in puts]


def test_forget_me_from_telegram_erases_the_person_everywhere(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    older, current = _two_conversations(client, session)
    assert session.scalars(select(Contact)).all(), "the gateway kept the chat id to reply"

    response = client.post("/api/v1/bot/forget", json={"conversation_id": str(current)}, headers=SERVICE)
    assert response.status_code == 202
    erased = response.json()["erased"]
    assert (erased["conversations"], erased["contacts"]) == (2, 1)
    assert erased["messages"] >= 3
    session.expunge_all()
    assert session.get(Conversation, older) is None
    assert session.get(Conversation, current) is None
    assert session.scalars(select(Message)).all() == []
    assert session.scalars(select(Contact)).all() == []
    assert session.scalars(select(InboundMessage)).all() == []
    # Rasa holds the current conversation's lock while the action that asked runs: its tracker store empties that
    # tracker itself; the older one is emptied through Rasa's API.
    assert (_emptied(bot), erased["rasa_trackers"]) == ([str(older)], 1)


def test_a_legal_hold_keeps_its_conversation_and_the_address_but_the_rest_goes(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    held, current = _two_conversations(client, session)
    with new_session() as db, db.begin():
        case, other = Case(reference="C-HOLD77", legal_hold=True), Case(reference="C-HOLD78", legal_hold=True)
        db.add_all([case, other])
        db.flush()
        db.add(CaseConversation(case_id=case.id, conversation_id=held))
        conversation = db.get(Conversation, current)
        assert conversation is not None
        report = file_report(session=db, conversation=conversation, language="fr",
                             answers={"report_what": "il me frappe"}, consent_given={})  # fmt: skip
        report.case_id = other_id = other.id
        file_report(session=db, conversation=conversation, language="fr", answers={"report_what": "autre"},
                    consent_given={})  # fmt: skip
        supervisor = staff_service.create(session=db, username="hafsa", password="correct horse battery",
                                          role=Role.SUPERVISOR, centre_code=None)  # fmt: skip
        token, _ = staff_service.issue_token(session=db, staff=supervisor)

    url = f"/api/v1/conversations/{current}/forget"
    response = client.post(url, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    body = response.json()
    assert body["held"] is True
    assert (body["erased"]["conversations"], body["erased"]["reports"]) == (1, 1)
    assert body["erased"]["contacts"] == 0, "the address stays while a legal hold needs it"
    session.expire_all()
    assert session.get(Conversation, current) is None
    assert session.get(Conversation, held) is not None
    assert session.scalars(select(Report.case_id)).all() == [other_id], "the report on a held case stays"
    assert session.scalars(select(Contact)).all()
    assert (_emptied(bot), body["erased"]["rasa_trackers"]) == ([str(current)], 1), "only the erased one's"


def _forget_during_the_turn(sender: str) -> None:
    """What the bot's forget action does while Rasa holds the turn."""
    with new_session() as db, db.begin():
        conversation = db.get(Conversation, uuid.UUID(sender))
        assert conversation is not None
        service.forget(session=db, conversation=conversation, actor="bot", bot_empties_current=True)


def test_the_turn_that_erases_the_person_is_still_answered_and_the_answer_kept_nowhere(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    assert post_telegram(client, tg_message("salam")).status_code == 200
    work()

    bot.during = _forget_during_the_turn
    bot.replies = [{"text": "Tme7a kolchi: 1 mo7adata.", "buttons": [{"title": "Bda men jdid", "payload": "/greet"}]}]
    before = len(sandbox.sandbox.messages(to=str(TELEGRAM_USER)))
    assert post_telegram(client, tg_message("ah, ms7 kolchi")).status_code == 200
    work()

    told = sandbox.sandbox.messages(to=str(TELEGRAM_USER))[before:]
    assert [m.text for m in told] == ["Tme7a kolchi: 1 mo7adata."]
    assert told[0].buttons == [{"title": "Bda men jdid", "data": "/greet"}]
    session.expire_all()
    assert session.scalars(select(Contact)).all() == []
    assert session.scalars(select(Conversation)).all() == []
    assert session.scalars(select(Message)).all() == []
    assert session.scalars(select(InboundMessage)).all() == []
    assert session.scalars(select(OutboundMessage)).all() == [], "the answer is kept in no outbox row"


def test_a_sender_that_raises_on_the_erasing_turn_is_a_failed_send_not_a_failed_turn(
    client: TestClient,
    bot: Bot,
    sandbox: Running,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert post_telegram(client, tg_message("salam")).status_code == 200
    work()
    bot.during = _forget_during_the_turn
    bot.replies = [{"text": "Tme7a kolchi."}, {"text": "Bslama."}]
    calls: list[str] = []

    def broken(self: TelegramSender, outgoing: Outgoing, *, status_callback: str | None) -> SendResult:
        calls.append(outgoing.text)
        raise RuntimeError("a bug in a sender")

    monkeypatch.setattr(TelegramSender, "send", broken)
    assert post_telegram(client, tg_message("ms7 kolchi")).status_code == 200
    work()
    assert calls == ["Tme7a kolchi."], "tried once, the rest not tried after the failure"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        "the answer to an erased conversation was not sent: sender error: RuntimeError at test_forget.py:"
        f"{broken.__code__.co_firstlineno + 2}"
    ]
    session.expire_all()
    for model in (Contact, Conversation, Message, InboundMessage, OutboundMessage):
        assert session.scalars(select(model)).all() == [], f"{model.__name__} kept after forget-me"
