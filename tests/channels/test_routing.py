"""Routing after the ack: to the bot and back through the real senders, to staff (bot silent), and when Rasa is down."""

import time
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from channels import flows
from channels.contacts.models import Contact
from channels.inbox.models import InboundMessage, InboxStatus
from channels.notices import TEXTS, Notice
from channels.outbound import pause_bot, resume_bot
from channels.outbox.models import OutboundMessage, OutboxStatus
from channels.sandbox.server import Running
from helpline.db import new_session
from tests.channels.conftest import (
    SMS_USER,
    TELEGRAM_USER,
    WHATSAPP_USER,
    Bot,
    post_telegram,
    post_twilio,
    tg_callback,
    tg_message,
    twilio_form,
    work,
)
from triage import intake
from triage.intake import Author, Conversation, ConversationState, Direction, transcript

EMERGENCY = ("19", "112", "177", "15", "141", "2511")


def _conversation(session: Session) -> Conversation:
    (conversation,) = session.scalars(select(Conversation)).all()
    return conversation


def _history(session: Session, conversation: Conversation) -> list[tuple[Direction, Author, str]]:
    return [(m.direction, m.author, m.body) for m in transcript(session=session, conversation_id=conversation.id)]


def test_an_sms_in_darija_gets_the_bot_answer_through_twilio(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"text": "Salam! Ana hna bach nsme3 lik."}, {"text": "Wach nta f amane daba?"}]
    assert post_twilio(client, twilio_form(Body="salam, bghit nhder m3a chi 7ed")).status_code == 200
    assert sandbox.sandbox.messages() == [], "nothing is sent before the worker runs: store, ack, then work"
    work()
    conversation = _conversation(session)
    (asked,) = bot.messages()
    assert asked == {
        "sender": str(conversation.id),
        "message": "salam, bghit nhder m3a chi 7ed",
        "metadata": {"channel": "sms", "buttons": False},
    }
    sent = sandbox.sandbox.messages(to=SMS_USER)
    assert [m.text for m in sent] == ["Salam! Ana hna bach nsme3 lik.", "Wach nta f amane daba?"]
    assert all(m.fields["From"] == "+212500000000" for m in sent)
    assert sent[0].fields["StatusCallback"] == "https://helpline.example.org/webhooks/twilio/status"
    assert _history(session, conversation) == [
        (Direction.INBOUND, Author.USER, "salam, bghit nhder m3a chi 7ed"),
        (Direction.OUTBOUND, Author.BOT, "Salam! Ana hna bach nsme3 lik."),
        (Direction.OUTBOUND, Author.BOT, "Wach nta f amane daba?"),
    ]
    rows = session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)).all()
    assert [r.status for r in rows] == [OutboxStatus.ACCEPTED] * 2
    assert all(r.provider_message_id and r.provider_message_id.startswith("SM") for r in rows)
    (inbox_row,) = session.scalars(select(InboundMessage)).all()
    assert (inbox_row.status, inbox_row.text) == (InboxStatus.DONE, None), "the transcript is the only copy"


def test_sms_buttons_become_numbered_options_and_the_number_maps_back(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    options = [{"title": "Ah", "payload": "/i_am_child"}, {"title": "La, ana kbir", "payload": "/i_am_adult"}]
    bot.replies = [{"text": "Wach nta tfel?", "buttons": options}]
    post_twilio(client, twilio_form(Body="salam"))
    work()
    (sent,) = sandbox.sandbox.messages(to=SMS_USER)
    assert sent.text == "Wach nta tfel?\n1. Ah\n2. La, ana kbir"
    bot.replies = [{"text": "Mrehba."}]
    post_twilio(client, twilio_form(Body=" 2 "))
    work()
    assert bot.messages()[-1]["message"] == "/i_am_adult"
    assert _history(session, _conversation(session))[2] == (Direction.INBOUND, Author.USER, " 2 ")


def test_a_whatsapp_message_gets_the_bot_answer(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(From=WHATSAPP_USER, To="whatsapp:+212500000001", Body="bonjour"))
    work()
    (sent,) = sandbox.sandbox.messages(to=WHATSAPP_USER)
    assert (sent.text, sent.fields["From"]) == ("Salam, ana hna.", "whatsapp:+212500000001")
    assert bot.messages()[0]["metadata"] == {"channel": "whatsapp", "buttons": False}


def test_telegram_buttons_are_an_inline_keyboard_and_a_press_is_answered(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    long_payload = '/inform{"topic": "violence_home", "detail": "' + "x" * 60 + '"}'
    bot.replies = [{"text": "Chno bghiti?", "buttons": [{"title": "Nhder", "payload": "/want_talk"},
                                                        {"title": "Long", "payload": long_payload}]}]  # fmt: skip
    post_telegram(client, tg_message("/start"))
    work()
    assert bot.messages()[0]["message"] == "/greet"
    assert bot.messages()[0]["metadata"] == {"channel": "telegram", "buttons": True}
    (sent,) = sandbox.sandbox.messages(to=str(TELEGRAM_USER))
    assert sent.buttons == [{"title": "Nhder", "data": "/want_talk"}, {"title": "Long", "data": "#2"}]
    bot.replies = [{"text": "Ana kansme3 lik."}]
    press = tg_callback("/want_talk")
    post_telegram(client, press)
    post_telegram(client, tg_callback("#2"))
    work()
    assert [m["message"] for m in bot.messages()[1:]] == ["/want_talk", long_payload]
    answered = [m for m in sandbox.sandbox.messages() if m.method == "answerCallbackQuery"]
    assert answered[0].fields["callback_query_id"] == press["callback_query"]["id"]
    assert len(answered) == 2
    history = _history(session, _conversation(session))
    assert history[0] == (Direction.INBOUND, Author.USER, "/start")
    assert (Direction.INBOUND, Author.USER, "[button] Nhder") in history
    assert (Direction.INBOUND, Author.USER, "[button] Long") in history


def test_rasa_down_sends_the_emergency_numbers_and_queues_for_a_human(
    client: TestClient, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="3afak 3awnni"))
    work()
    (sent,) = sandbox.sandbox.messages(to=SMS_USER)
    assert all(number in sent.text for number in EMERGENCY)
    conversation = _conversation(session)
    assert conversation.state == ConversationState.QUEUED
    assert [a for _, a, _ in _history(session, conversation)] == [Author.USER, Author.SYSTEM]


def test_rasa_answering_500_is_treated_as_down(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.status = 500
    post_telegram(client, tg_message("salam"))
    work()
    (sent,) = sandbox.sandbox.messages(to=str(TELEGRAM_USER))
    assert "2511" in sent.text
    assert _conversation(session).state == ConversationState.QUEUED


def test_a_bot_that_answers_nothing_is_treated_as_down(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    bot.replies = [{"image": "https://example.org/x.png"}]
    post_twilio(client, twilio_form(Body="salam"))
    work()
    (sent,) = sandbox.sandbox.messages(to=SMS_USER)
    assert "2511" in sent.text
    assert _conversation(session).state == ConversationState.QUEUED


def test_a_claimed_conversation_is_stored_and_the_bot_stays_silent(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="salam"))
    work()
    with new_session() as db, db.begin():
        _conversation(db).state = ConversationState.CLAIMED
    post_twilio(client, twilio_form(Body="rah kayn mochkil f dar"))
    work()
    assert len(bot.messages()) == 1
    assert len(sandbox.sandbox.messages(to=SMS_USER)) == 1
    assert _history(session, _conversation(session))[-1] == (Direction.INBOUND, Author.USER, "rah kayn mochkil f dar")


def test_pause_and_resume_reach_the_tracker_and_the_bot_welcomes_back(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_telegram(client, tg_message("salam"))
    work()
    with new_session() as db, db.begin():
        conversation_id = _conversation(db).id
        pause_bot(session=db, conversation_id=conversation_id)
    work()
    assert bot.events() == [(str(conversation_id), [{"event": "pause"}])]
    bot.replies = [{"text": "Mrehba bik men jdid."}]
    with new_session() as db, db.begin():
        resume_bot(session=db, conversation_id=conversation_id)
    work()
    assert bot.events()[-1] == (str(conversation_id), [{"event": "resume"}])
    assert bot.messages()[-1]["message"] == "/staff_released"
    assert sandbox.sandbox.messages(to=str(TELEGRAM_USER))[-1].text == "Mrehba bik men jdid."


def test_media_is_referenced_in_the_transcript_acknowledged_and_queued(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    form = twilio_form(From=WHATSAPP_USER, Body="", NumMedia="1", MediaUrl0="https://api.twilio.com/m/ME9",
                       MediaContentType0="audio/ogg")  # fmt: skip
    post_twilio(client, form)
    work()
    conversation = _conversation(session)
    assert _history(session, conversation)[0] == (
        Direction.INBOUND,
        Author.USER,
        "[audio audio/ogg] https://api.twilio.com/m/ME9",
    )
    assert conversation.state == ConversationState.QUEUED
    (sent,) = sandbox.sandbox.messages(to=WHATSAPP_USER)
    assert sent.text in TEXTS[Notice.MEDIA_RECEIVED].values()
    assert bot.messages() == [], "a voice note without words is for a person, not the bot"


def test_a_location_is_kept_for_staff(client: TestClient, bot: Bot, sandbox: Running, session: Session) -> None:
    post_telegram(client, tg_message(None, location={"latitude": 34.02, "longitude": -6.84}))
    work()
    conversation = _conversation(session)
    assert _history(session, conversation)[0][2] == "[location] 34.02,-6.84"
    assert conversation.state == ConversationState.QUEUED


def test_stickers_and_unsupported_messages_get_a_kind_text_only_answer(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    sticker = {"file_id": "C", "file_unique_id": "c", "emoji": "😢", "type": "regular", "width": 1, "height": 1}
    post_telegram(client, tg_message(None, sticker=sticker | {"is_animated": False, "is_video": False}))
    work()
    (sent,) = sandbox.sandbox.messages(to=str(TELEGRAM_USER))
    assert "mots" in sent.text
    assert _history(session, _conversation(session))[0][2] == "[sticker] 😢"
    assert bot.messages() == []


def test_an_edited_message_is_shown_to_staff_and_not_sent_to_the_bot_again(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    update = tg_message("bba kaydrebni")
    post_telegram(client, update)
    post_telegram(
        client,
        {
            "update_id": update["update_id"] + 1,
            "edited_message": update["message"] | {"text": "bba kaydrebni kol nhar"},
        },
    )  # noqa: E501
    work()
    assert len(bot.messages()) == 1
    assert _history(session, _conversation(session))[-1][2] == "(edited) bba kaydrebni kol nhar"


def test_stop_opts_out_and_nothing_but_the_confirmation_is_sent(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(Body="STOP"))
    work()
    (confirmation,) = sandbox.sandbox.messages(to=SMS_USER)
    assert "START" in confirmation.text
    contact = session.scalars(select(Contact)).one()
    assert contact.opted_out
    post_twilio(client, twilio_form(Body="salam"))
    work()
    assert len(sandbox.sandbox.messages(to=SMS_USER)) == 1
    assert bot.messages() == []
    post_twilio(client, twilio_form(Body="start"))
    work()
    assert len(sandbox.sandbox.messages(to=SMS_USER)) == 2
    session.refresh(contact)
    assert not contact.opted_out


def test_messages_of_one_conversation_are_worked_in_order(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    texts = [f"message {n}" for n in range(6)]
    for text in texts:
        post_twilio(client, twilio_form(Body=text))
    work()
    assert [m["message"] for m in bot.messages()] == texts
    inbound = [
        body for direction, _, body in _history(session, _conversation(session)) if direction == Direction.INBOUND
    ]
    assert inbound == texts


def test_the_bot_is_asked_while_the_message_is_stored_and_its_actions_see_the_message(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    asked_at: list[float] = []
    record_inbound = intake.record_inbound

    def slow_record_inbound(**kwargs: Any) -> uuid.UUID:  # a busy database: the bot's action comes first
        time.sleep(0.3)
        return record_inbound(**kwargs)

    monkeypatch.setattr(flows, "record_inbound", slow_record_inbound)

    def act_on_the_conversation(sender: str) -> None:  # what the bot's hand-off action does to the conversation
        with new_session() as db, db.begin():
            db.execute(update(Conversation).where(Conversation.id == uuid.UUID(sender)).values(region="MA-06"))
            seen.append([m.body for m in transcript(session=db, conversation_id=uuid.UUID(sender))])

    bot.during = act_on_the_conversation
    for text in ("salam", "bba kaydrebni"):
        assert post_twilio(client, twilio_form(Body=text)).status_code == 200
        asked_at.append(time.monotonic())
        work()
    assert seen == [["salam"], ["salam", "Salam, ana hna.", "bba kaydrebni"]], "a write waits for the message"
    assert _conversation(session).region == "MA-06"
    first, second = (started for _, started, _ in bot.calls)
    assert second - asked_at[1] < 0.25, "a known conversation's message goes to the bot while it is stored"
    assert first - asked_at[0] >= 0.3, "a conversation opened by the turn is committed before the bot is asked"


def test_a_flood_gets_one_kind_reply_but_never_blocks_a_p1_message(
    client: TestClient, bot: Bot, sandbox: Running, session: Session, reconfigure: object
) -> None:
    reconfigure(RATE_LIMIT_PER_MINUTE="2")  # type: ignore[operator]
    for text in ("salam", "salam", "salam", "salam", "bba kaydrebni daba o ghadi yqtlni"):
        post_telegram(client, tg_message(text))
    work()
    assert [m["message"] for m in bot.messages()] == ["salam", "salam", "bba kaydrebni daba o ghadi yqtlni"]
    sent = [m.text for m in sandbox.sandbox.messages(to=str(TELEGRAM_USER))]
    assert sum(text in TEXTS[Notice.SLOW_DOWN].values() for text in sent) == 1
    assert len(_history(session, _conversation(session))) == 5 + len(sent), "every message is stored"


def test_a_crash_after_the_ack_loses_nothing(client: TestClient, bot: Bot, sandbox: Running, session: Session) -> None:
    post_twilio(client, twilio_form(Body="salam"))
    with new_session() as db, db.begin():
        row = db.scalars(select(InboundMessage)).one()
        row.status, row.lease_until, row.attempts = InboxStatus.WORKING, row.received_at, 1  # a worker died mid-way
    work()
    assert [m.text for m in sandbox.sandbox.messages(to=SMS_USER)] == ["Salam, ana hna."]


def test_unknown_conversations_cannot_be_paused(session: Session) -> None:
    import pytest

    from channels.outbound import UnknownConversation

    with pytest.raises(UnknownConversation):
        pause_bot(session=session, conversation_id=uuid.uuid4())


def test_several_workers_at_once_work_each_message_once_and_in_order_per_conversation(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from channels import flows

    senders = [f"+2126000000{n:02d}" for n in range(5)]
    for round_ in range(6):
        for sender in senders:
            post_twilio(client, twilio_form(From=sender, Body=f"{sender} {round_}"))

    def worker() -> None:
        idle = 0
        while idle < 20:
            if flows.work_one() or flows.send_one():
                idle = 0
            else:
                idle += 1

    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(worker) for _ in range(4)]:
            future.result()
    received = [m["message"] for m in bot.messages()]
    assert sorted(received) == sorted(f"{s} {r}" for s in senders for r in range(6)), "each message exactly once"
    for sender in senders:
        assert [m for m in received if m.startswith(sender)] == [f"{sender} {r}" for r in range(6)]
        assert len(sandbox.sandbox.messages(to=sender)) == 6
