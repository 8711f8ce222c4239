"""Sending: provider failures (500, 429, 400, timeouts), retries and back-off, status callbacks, staff replies,
the WhatsApp 24 h window and its template, and the database being down."""

import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.message import Outgoing, SendResult
from channels.outbound import ReplyStatus, delivery_status, send_reply, send_template
from channels.outbox.models import OutboundMessage, OutboxStatus
from channels.providers.twilio import TwilioSender
from channels.sandbox.app import Fault
from channels.sandbox.server import Running
from helpline.db import new_session, utcnow
from tests.channels.conftest import (
    SMS_USER,
    TELEGRAM_USER,
    WHATSAPP_USER,
    Bot,
    post_telegram,
    post_twilio,
    tg_message,
    twilio_form,
    work,
)
from tests.conftest import Reconfigure
from triage.intake import Author, Conversation, transcript


def _rows(session: Session) -> list[OutboundMessage]:
    session.expire_all()
    return list(session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)))


def _make_due() -> None:
    with new_session() as db, db.begin():
        db.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))


def _conversation_id(session: Session) -> object:
    return session.scalars(select(Conversation)).one().id


@pytest.mark.parametrize(
    ("provider", "deliver"),
    [("twilio", lambda c: post_twilio(c, twilio_form())), ("telegram", lambda c: post_telegram(c, tg_message()))],
    ids=["twilio", "telegram"],
)
@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_5xx_is_retried_with_back_off_until_accepted(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, provider: str, deliver: object, status: int
) -> None:
    sandbox.sandbox.fail_next(provider, Fault(status), Fault(status))
    deliver(client)  # type: ignore[operator]
    started = utcnow()
    work()
    (row,) = _rows(session)
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert row.error and str(status) in row.error or "NetworkError" in (row.error or "")
    assert row.next_attempt_at >= started + timedelta(seconds=1.5)
    _make_due()
    work()
    _make_due()
    work()
    (row,) = _rows(session)
    assert (row.status, row.attempts, row.error) == (OutboxStatus.ACCEPTED, 3, None)
    assert len(sandbox.sandbox.messages(to=SMS_USER if provider == "twilio" else str(TELEGRAM_USER))) == 1


@pytest.mark.parametrize("provider", ["twilio", "telegram"])
def test_a_429_honours_retry_after(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, provider: str
) -> None:
    sandbox.sandbox.fail_next(provider, Fault(429, retry_after=30))
    post_twilio(client, twilio_form()) if provider == "twilio" else post_telegram(client, tg_message())
    started = utcnow()
    work()
    (row,) = _rows(session)
    assert row.status == OutboxStatus.PENDING
    assert row.next_attempt_at >= started + timedelta(seconds=29)
    assert "429" in (row.error or "")


@pytest.mark.parametrize("provider", ["twilio", "telegram"])
def test_a_400_is_a_permanent_failure_with_its_reason_visible_to_staff(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, provider: str
) -> None:
    sandbox.sandbox.fail_next(provider, Fault(400))
    post_twilio(client, twilio_form()) if provider == "twilio" else post_telegram(client, tg_message())
    work()
    (row,) = _rows(session)
    assert (row.status, row.attempts) == (OutboxStatus.FAILED, 1)
    assert row.message_id is not None
    delivery = delivery_status(session=session, message_ids=[row.message_id])[row.message_id]
    assert delivery.status == OutboxStatus.FAILED
    assert delivery.error
    assert "400" in delivery.error or "BadRequest" in delivery.error


def test_after_the_last_attempt_a_transient_failure_becomes_permanent(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, reconfigure: Reconfigure
) -> None:
    reconfigure(OUTBOX_MAX_ATTEMPTS="2")
    sandbox.sandbox.fail_next("twilio", Fault(503), Fault(503))
    post_twilio(client, twilio_form())
    work()
    _make_due()
    work()
    (row,) = _rows(session)
    assert row.status == OutboxStatus.FAILED
    assert (row.error or "").startswith("gave up after retries: twilio 503")


def test_a_timeout_or_refused_connection_is_retried(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, reconfigure: Reconfigure
) -> None:
    post_twilio(client, twilio_form())
    reconfigure(TWILIO_API_BASE_URL="http://127.0.0.1:9")
    work()
    (row,) = _rows(session)
    assert row.status == OutboxStatus.PENDING
    assert (row.error or "").startswith("network:")


def test_replies_wait_behind_an_earlier_reply_that_is_being_retried(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"text": "first"}, {"text": "second"}]
    sandbox.sandbox.fail_next("twilio", Fault(500))
    post_twilio(client, twilio_form())
    work()
    assert [r.status for r in _rows(session)] == [OutboxStatus.PENDING, OutboxStatus.PENDING]
    assert sandbox.sandbox.messages(to=SMS_USER) == []
    _make_due()
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["first", "second"]


def test_a_reply_that_fails_mid_turn_keeps_the_ones_sent_before_it_and_holds_back_the_ones_after(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"text": "first"}, {"text": "second"}, {"text": "third"}]
    sandbox.sandbox.fail_next("twilio", None, Fault(500))
    post_twilio(client, twilio_form())
    work()
    rows = _rows(session)
    assert [(r.status, r.attempts) for r in rows] == [
        (OutboxStatus.ACCEPTED, 1),
        (OutboxStatus.PENDING, 1),
        (OutboxStatus.PENDING, 0),
    ]
    assert rows[0].provider_message_id
    assert (rows[1].error or "").startswith("twilio 500")
    _make_due()
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["first", "second", "third"]


def test_a_sender_that_raises_is_retried_and_the_replies_sent_before_it_are_recorded(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot.replies = [{"text": "first"}, {"text": "second"}]
    send, calls = TwilioSender.send, []

    def breaks_the_second_time(self: TwilioSender, outgoing: Outgoing, *, status_callback: str | None) -> SendResult:
        calls.append(outgoing.text)
        if len(calls) == 2:
            raise RuntimeError("a bug in a sender")
        return send(self, outgoing, status_callback=status_callback)

    monkeypatch.setattr(TwilioSender, "send", breaks_the_second_time)
    post_twilio(client, twilio_form())
    work()
    first, second = _rows(session)
    assert (first.status, second.status) == (OutboxStatus.ACCEPTED, OutboxStatus.PENDING)
    assert (second.error or "").startswith("sender error: RuntimeError")
    _make_due()
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["first", "second"]


def _status(client: TestClient, sid: str, status: str, **extra: str) -> int:
    from tests.channels.conftest import post_twilio as post

    form = {"MessageSid": sid, "MessageStatus": status, "AccountSid": "AC", "To": SMS_USER, **extra}
    return post(client, form, path="/webhooks/twilio/status").status_code


def test_status_callbacks_update_the_stored_message_and_never_go_backwards(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form())
    work()
    (row,) = _rows(session)
    sid = row.provider_message_id
    assert sid is not None
    for status, expected in [("sent", "sent"), ("delivered", "delivered"), ("sent", "delivered"), ("read", "read")]:
        assert _status(client, sid, status) == 204
        assert _rows(session)[0].status == expected
    assert _status(client, sid, "undelivered", ErrorCode="30003") == 204
    (row,) = _rows(session)
    assert (row.status, row.error) == (OutboxStatus.UNDELIVERED, "twilio undelivered error 30003")


def test_status_callbacks_must_be_signed(client: TestClient, bot: Bot, sandbox: Running, session: Session) -> None:
    post_twilio(client, twilio_form())
    work()
    sid = _rows(session)[0].provider_message_id
    form = {"MessageSid": str(sid), "MessageStatus": "failed"}
    assert post_twilio(client, form, path="/webhooks/twilio/status", signature="missing").status_code == 403
    assert post_twilio(client, form, path="/webhooks/twilio/status", signature="forged").status_code == 403
    assert post_twilio(client, {"MessageSid": "SMx"}, path="/webhooks/twilio/status").status_code == 400
    assert _status(client, "SMunknown", "delivered") == 204
    assert _rows(session)[0].status == OutboxStatus.ACCEPTED


def test_a_staff_reply_is_stored_sent_and_tracked(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_telegram(client, tg_message("3afak bghit nhder m3a chi 7ed"))
    work()
    conversation_id = _conversation_id(session)
    with new_session() as db, db.begin():
        result = send_reply(
            session=db, conversation_id=conversation_id, text="Ana Salma, kansme3 lik.", author=Author.STAFF
        )  # type: ignore[arg-type]  # noqa: E501
    assert result.status == ReplyStatus.QUEUED
    assert result.message_id is not None
    assert delivery_status(session=session, message_ids=[result.message_id])[result.message_id].status == "pending"
    work()
    assert sandbox.sandbox.messages(to=str(TELEGRAM_USER))[-1].text == "Ana Salma, kansme3 lik."
    session.expire_all()
    assert delivery_status(session=session, message_ids=[result.message_id])[result.message_id].status == "accepted"
    last = transcript(session=session, conversation_id=conversation_id)[-1]  # type: ignore[arg-type]
    assert (last.id, last.author, last.body) == (result.message_id, Author.STAFF, "Ana Salma, kansme3 lik.")


def test_a_long_sms_reply_is_split_and_its_delivery_is_the_least_advanced_part(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form())
    work()
    text = ("Hada message twil bzaf. " * 100).strip()
    with new_session() as db, db.begin():
        result = send_reply(session=db, conversation_id=_conversation_id(session), text=text)  # type: ignore[arg-type]
    work()
    parts = [m.text for m in sandbox.sandbox.messages(to=SMS_USER)][1:]
    assert len(parts) == 2
    assert all(len(part) <= 1600 for part in parts)
    assert " ".join(parts) == text
    assert result.message_id is not None
    first_sid = [r for r in _rows(session) if r.message_id == result.message_id][0].provider_message_id
    _status(client, str(first_sid), "delivered")
    session.expire_all()
    assert delivery_status(session=session, message_ids=[result.message_id])[result.message_id].status == "accepted"


def test_whatsapp_after_24_hours_needs_the_template(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, reconfigure: Reconfigure
) -> None:
    reconfigure(WHATSAPP_TEMPLATE_SID="HXb5b62575e6e4ff6129ad7c8efe1f983e")
    post_twilio(client, twilio_form(From=WHATSAPP_USER, To="whatsapp:+212500000001"))
    work()
    conversation_id = _conversation_id(session)
    with new_session() as db, db.begin():
        assert send_reply(session=db, conversation_id=conversation_id, text="still there?").status == ReplyStatus.QUEUED  # type: ignore[arg-type]  # noqa: E501
        db.execute(update(Contact).values(last_inbound_at=utcnow() - timedelta(hours=25)))
    with new_session() as db, db.begin():
        late = send_reply(session=db, conversation_id=conversation_id, text="ça va ?")  # type: ignore[arg-type]
    assert (late.status, late.message_id, late.template_sid) == (
        ReplyStatus.TEMPLATE_NEEDED, None, "HXb5b62575e6e4ff6129ad7c8efe1f983e",
    )  # fmt: skip
    with new_session() as db, db.begin():
        sent = send_template(session=db, conversation_id=conversation_id, variables={"1": "Salma"})  # type: ignore[arg-type]
    assert sent.status == ReplyStatus.QUEUED
    work()
    last = sandbox.sandbox.messages(to=WHATSAPP_USER)[-1]
    assert last.fields["ContentSid"] == "HXb5b62575e6e4ff6129ad7c8efe1f983e"
    assert last.fields["ContentVariables"] == '{"1": "Salma"}'
    assert "Body" not in last.fields


def test_no_staff_reply_goes_to_a_user_who_sent_stop(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="salam"))
    work()
    with new_session() as db, db.begin():
        queued = send_reply(session=db, conversation_id=_conversation_id(session), text="Kifach nقدر n3awnek?")  # type: ignore[arg-type]  # noqa: E501
    post_twilio(client, twilio_form(Body="Stop"))
    work()
    sent = [m.text for m in sandbox.sandbox.messages(to=SMS_USER)]
    assert len(sent) == 2, "the bot's answer and the confirmation: the reply still queued at STOP is not sent"
    assert queued.message_id is not None
    delivery = delivery_status(session=session, message_ids=[queued.message_id])[queued.message_id]
    assert (delivery.status, delivery.error) == (OutboxStatus.CANCELLED, "not sent: the user opted out (STOP)")
    with new_session() as db, db.begin():
        refused = send_reply(session=db, conversation_id=_conversation_id(session), text="?")  # type: ignore[arg-type]
    assert refused.status == ReplyStatus.OPTED_OUT


def test_the_database_down_gives_503_so_the_provider_retries(
    client: TestClient, sandbox: Running, reconfigure: Reconfigure
) -> None:
    from helpline.settings import get_settings

    url = get_settings().database_url
    down = (
        "postgresql+psycopg://postgres@127.0.0.1:1/test"
        if url.startswith("postgresql")
        else "sqlite:////nonexistent/dir/x.db"
    )
    reconfigure(DATABASE_URL=down)
    assert post_twilio(client, twilio_form()).status_code == 503
    assert post_telegram(client, tg_message()).status_code == 503


def test_the_answer_sent_while_it_is_stored_is_recorded_once_per_row_with_its_provider_id(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"text": "first"}, {"text": "second"}]
    post_twilio(client, twilio_form())
    work()
    received = sandbox.sandbox.messages(to=SMS_USER)
    assert [m.text for m in received] == ["first", "second"]
    assert all(m.fields.get("StatusCallback", "").endswith("/webhooks/twilio/status") for m in received)
    rows = _rows(session)
    assert [(r.body, r.status, r.attempts) for r in rows] == [
        ("first", OutboxStatus.ACCEPTED, 1),
        ("second", OutboxStatus.ACCEPTED, 1),
    ]
    assert all(r.provider_message_id for r in rows)
    assert len({r.provider_message_id for r in rows}) == 2
    bodies = [m.body for m in transcript(session=session, conversation_id=_conversation_id(session))]
    assert bodies == ["salam", "first", "second"]


@pytest.mark.parametrize(
    ("fault", "after_the_fault", "second_status"),
    [
        (Fault(500), [], OutboxStatus.PENDING),  # retried: the third waits behind it, nothing overtakes
        (Fault(400), ["third"], OutboxStatus.FAILED),  # refused for good: the rest of the answer still goes
    ],
)
def test_a_part_of_the_answer_not_accepted_while_it_is_stored_stops_the_rest_behind_it(
    client: TestClient,
    bot: Bot,
    sandbox: Running,
    session: Session,
    fault: Fault,
    after_the_fault: list[str],
    second_status: OutboxStatus,
) -> None:
    bot.replies = [{"text": "first"}, {"text": "second"}, {"text": "third"}]
    sandbox.sandbox.fail_next("twilio", None, fault)
    post_twilio(client, twilio_form())
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["first", *after_the_fault]
    rows = _rows(session)
    assert [r.body for r in rows] == ["first", "second", "third"]
    assert [r.status for r in rows[:2]] == [OutboxStatus.ACCEPTED, second_status]
    assert rows[2].status == (OutboxStatus.ACCEPTED if after_the_fault else OutboxStatus.PENDING)
    assert rows[1].attempts == 1, "the part that was not accepted was tried once, while the answer was stored"
    _make_due()
    work()
    sent = [m.text for m in sandbox.sandbox.messages(to=SMS_USER)]
    assert sent == (["first", "third"] if after_the_fault else ["first", "second", "third"])
    assert len(sent) == len(set(sent)), "no part went twice"


def test_the_whole_answer_goes_while_it_is_stored(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last part does not wait for the transaction that stores the answer (the early send covers it all)."""
    from channels import flows

    arrived: list[int] = []
    store = flows._store_replies

    def slow_store(plan: flows.Plan, replies: list[tuple[str, list[dict[str, str]]]]) -> None:
        time.sleep(0.5)
        arrived.append(len(sandbox.sandbox.messages(to=SMS_USER)))
        store(plan, replies)

    monkeypatch.setattr(flows, "_store_replies", slow_store)
    bot.replies = [{"text": "first"}, {"text": "second"}]
    post_twilio(client, twilio_form())
    work()
    assert arrived == [2], "both parts reached the provider before the answer was stored"
    assert [(r.body, r.status) for r in _rows(session)] == [
        ("first", OutboxStatus.ACCEPTED),
        ("second", OutboxStatus.ACCEPTED),
    ]


def test_a_reply_never_overtakes_an_earlier_turns_reply_waiting_to_be_retried(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"text": "first turn"}]
    sandbox.sandbox.fail_next("twilio", Fault(500))
    post_twilio(client, twilio_form())
    work()
    bot.replies = [{"text": "second turn"}]
    post_twilio(client, twilio_form(Body="wach kayn chi wa7ed?"))
    work()
    assert sandbox.sandbox.messages(to=SMS_USER) == [], "the second turn's reply went before the first turn's"
    assert [r.status for r in _rows(session)] == [OutboxStatus.PENDING, OutboxStatus.PENDING]
    _make_due()
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["first turn", "second turn"]
