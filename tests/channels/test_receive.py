"""Receiving: each provider's real payload shapes, signatures valid / missing / forged, duplicates, malformed bodies.

Nothing is stored unless the request is authentic and well-formed; a redelivery is acknowledged and not stored again.
"""

from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from channels.contacts.models import Contact
from channels.inbox.models import InboundKind, InboundMessage, InboxStatus
from channels.sandbox.server import Running
from tests.channels.conftest import (
    SMS_USER,
    WHATSAPP_USER,
    post_telegram,
    post_twilio,
    tg_callback,
    tg_message,
    twilio_form,
)


def _stored(session: Session) -> list[InboundMessage]:
    return list(session.scalars(select(InboundMessage).order_by(InboundMessage.id)))


@dataclass(frozen=True)
class TwilioCase:
    label: str
    form: dict[str, str]
    signature: str = "valid"
    status: int = 200
    kind: InboundKind | None = InboundKind.TEXT
    channel: str = "sms"
    text: str | None = "salam"
    details: dict[str, Any] = field(default_factory=dict)


TWILIO_CASES = [
    TwilioCase("sms text", twilio_form(Body="salam")),
    TwilioCase("sms darija arabic", twilio_form(Body="بغيت نهضر مع شي حد"), text="بغيت نهضر مع شي حد"),
    TwilioCase("whatsapp text", twilio_form(From=WHATSAPP_USER, To="whatsapp:+212500000001"), channel="whatsapp"),
    TwilioCase(
        "whatsapp photo with caption",
        twilio_form(
            From=WHATSAPP_USER,
            Body="chouf",
            NumMedia="1",
            MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
            MediaContentType0="image/jpeg",
        ),
        kind=InboundKind.MEDIA,
        channel="whatsapp",
        text="chouf",
        details={
            "media": [
                {
                    "kind": "image",
                    "reference": "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                    "content_type": "image/jpeg",
                }
            ]
        },
    ),
    TwilioCase(
        "whatsapp voice note",
        twilio_form(
            From=WHATSAPP_USER,
            Body="",
            NumMedia="1",
            MediaUrl0="https://api.twilio.com/m/ME2",
            MediaContentType0="audio/ogg",
        ),  # fmt: skip
        kind=InboundKind.MEDIA,
        channel="whatsapp",
        text=None,
        details={
            "media": [{"kind": "audio", "reference": "https://api.twilio.com/m/ME2", "content_type": "audio/ogg"}]
        },
    ),
    TwilioCase(
        "whatsapp location",
        twilio_form(From=WHATSAPP_USER, Body="", Latitude="33.5731", Longitude="-7.5898", Address="Casablanca"),
        kind=InboundKind.LOCATION,
        channel="whatsapp",
        text=None,
        details={"location": [33.5731, -7.5898]},
    ),
    TwilioCase(
        "whatsapp quick-reply button",
        twilio_form(From=WHATSAPP_USER, Body="Oui", ButtonText="Oui", ButtonPayload="/affirm"),
        kind=InboundKind.BUTTON,
        channel="whatsapp",
        text="/affirm",
    ),
    TwilioCase("empty body", twilio_form(Body=""), kind=InboundKind.UNSUPPORTED, text=None),
    TwilioCase("missing signature", twilio_form(), signature="missing", status=403, kind=None),
    TwilioCase("forged signature", twilio_form(), signature="forged", status=403, kind=None),
    TwilioCase("signed for another URL", twilio_form(), signature="other-url", status=403, kind=None),
    TwilioCase(
        "no MessageSid", {k: v for k, v in twilio_form().items() if "MessageSid" not in k}, status=400, kind=None
    ),
    TwilioCase("no From", {k: v for k, v in twilio_form().items() if k != "From"}, status=400, kind=None),
    TwilioCase("NumMedia not a number", twilio_form(NumMedia="two"), status=400, kind=None),
    TwilioCase("latitude not a number", twilio_form(Latitude="north", Longitude="1"), status=400, kind=None),
]


@pytest.mark.parametrize("case", TWILIO_CASES, ids=lambda c: c.label)
def test_twilio_receive(case: TwilioCase, client: TestClient, sandbox: Running, session: Session) -> None:
    response = post_twilio(client, case.form, signature=case.signature)
    assert response.status_code == case.status
    rows = _stored(session)
    if case.kind is None:
        assert rows == []
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        return
    assert response.headers["content-type"].startswith("text/xml")
    assert "<Response>" in response.text
    (row,) = rows
    assert (row.provider, row.provider_id, row.channel) == ("twilio", case.form["MessageSid"], case.channel)
    assert (row.kind, row.text, row.details, row.status) == (case.kind, case.text, case.details, InboxStatus.PENDING)
    contact = session.get(Contact, row.contact_id)
    assert contact is not None
    assert contact.address == case.form["From"]
    assert contact.last_inbound_at is not None


@dataclass(frozen=True)
class TelegramCase:
    label: str
    update: Any
    secret: str | None = "sandbox-webhook-secret"
    status: int = 200
    kind: InboundKind | None = InboundKind.TEXT
    text: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    contact: bool = True


PHOTO = [
    {"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
    {"file_id": "AgADBig", "file_unique_id": "b", "width": 800, "height": 800},
]  # noqa: E501
TELEGRAM_CASES = [
    TelegramCase("text", tg_message("salam, bghit n9ol lik chi haja"), text="salam, bghit n9ol lik chi haja"),
    TelegramCase("start", tg_message("/start"), kind=InboundKind.START, text="/start"),
    TelegramCase(
        "start with deep link",
        tg_message("/start school42"),
        kind=InboundKind.START,
        text="/start school42",
        details={"start_payload": "school42"},
    ),  # fmt: skip
    TelegramCase(
        "button press", tg_callback("/affirm"), kind=InboundKind.BUTTON, text="/affirm", details={"callback_id": "*"}
    ),
    TelegramCase(
        "edited message",
        {"update_id": 91, "edited_message": tg_message("correction")["message"] | {"edit_date": 1}},
        kind=InboundKind.EDITED,
        text="correction",
    ),  # fmt: skip
    TelegramCase(
        "photo with caption",
        tg_message(None, photo=PHOTO, caption="chouf"),
        kind=InboundKind.MEDIA,
        text="chouf",
        details={"media": [{"kind": "photo", "reference": "telegram-file:AgADBig", "content_type": "image/jpeg"}]},
    ),  # fmt: skip
    TelegramCase(
        "voice note",
        tg_message(
            None, voice={"file_id": "AwADvoice", "file_unique_id": "v", "duration": 4, "mime_type": "audio/ogg"}
        ),
        kind=InboundKind.MEDIA,
        details={"media": [{"kind": "voice", "reference": "telegram-file:AwADvoice", "content_type": "audio/ogg"}]},
    ),
    TelegramCase(
        "document",
        tg_message(None, document={"file_id": "BQADdoc", "file_unique_id": "d", "mime_type": "application/pdf"}),
        kind=InboundKind.MEDIA,
        details={
            "media": [{"kind": "document", "reference": "telegram-file:BQADdoc", "content_type": "application/pdf"}]
        },
    ),
    TelegramCase(
        "location",
        tg_message(None, location={"latitude": 34.02, "longitude": -6.84}),
        kind=InboundKind.LOCATION,
        details={"location": [34.02, -6.84]},
    ),  # fmt: skip
    TelegramCase(
        "sticker",
        tg_message(
            None,
            sticker={
                "file_id": "CAAD",
                "file_unique_id": "st",
                "emoji": "😢",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            },
        ),
        kind=InboundKind.STICKER,
        text="😢",
    ),  # fmt: skip
    TelegramCase(
        "contact card",
        tg_message(None, contact={"phone_number": "+2126", "first_name": "X"}),
        kind=InboundKind.UNSUPPORTED,
    ),  # noqa: E501
    TelegramCase(
        "unknown update type",
        {"update_id": 92, "my_chat_member": {"chat": {"id": 1, "type": "private"}, "date": 1}},
        kind=InboundKind.UNSUPPORTED,
        contact=False,
    ),  # fmt: skip
    TelegramCase("missing secret", tg_message(), secret=None, status=403, kind=None),
    TelegramCase("wrong secret", tg_message(), secret="guess", status=403, kind=None),
    TelegramCase("empty secret", tg_message(), secret="", status=403, kind=None),
    TelegramCase("not JSON", "{not json", status=400, kind=None),
    TelegramCase("JSON array", "[1, 2]", status=400, kind=None),
    TelegramCase("no update_id", {"message": tg_message()["message"]}, status=400, kind=None),
    TelegramCase(
        "message without chat", {"update_id": 93, "message": {"message_id": 1, "text": "hi"}}, status=400, kind=None
    ),  # noqa: E501
    TelegramCase("callback without id", {"update_id": 94, "callback_query": {"data": "x"}}, status=400, kind=None),
]


@pytest.mark.parametrize("case", TELEGRAM_CASES, ids=lambda c: c.label)
def test_telegram_receive(case: TelegramCase, client: TestClient, sandbox: Running, session: Session) -> None:
    response = post_telegram(client, case.update, secret=case.secret)
    assert response.status_code == case.status
    rows = _stored(session)
    if case.kind is None:
        assert rows == []
        return
    (row,) = rows
    assert (row.provider, row.provider_id) == ("telegram", str(case.update["update_id"]))
    assert (row.kind, row.text) == (case.kind, case.text)
    details = dict(row.details)
    if "callback_id" in case.details:
        assert details.pop("callback_id") == case.update["callback_query"]["id"]
    assert details == {k: v for k, v in case.details.items() if k != "callback_id"}
    if case.contact:
        assert row.status == InboxStatus.PENDING
        contact = session.get(Contact, row.contact_id)
        assert contact is not None
        assert contact.address == str(
            case.update.get("message", case.update.get("edited_message", {})).get("chat", {}).get("id", "555000111")
        )  # noqa: E501
    else:
        assert (row.status, row.contact_id) == (InboxStatus.IGNORED, None)


def test_a_redelivered_twilio_message_is_acknowledged_and_stored_once(
    client: TestClient, sandbox: Running, session: Session
) -> None:
    form = twilio_form(Body="wach kayn chi wa7ed?")
    assert post_twilio(client, form).status_code == 200
    assert post_twilio(client, form).status_code == 200
    assert len(_stored(session)) == 1


def test_a_redelivered_telegram_update_is_acknowledged_and_stored_once(
    client: TestClient, sandbox: Running, session: Session
) -> None:
    update = tg_message("salam")
    assert post_telegram(client, update).status_code == 200
    assert post_telegram(client, update).status_code == 200
    assert len(_stored(session)) == 1


def test_the_unique_constraint_holds_in_the_database(session: Session) -> None:
    from sqlalchemy.exc import IntegrityError

    for _ in range(2):
        session.add(InboundMessage(provider="twilio", provider_id="SMdup", channel="sms", kind="text", details={}))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_sms_and_whatsapp_from_the_same_number_are_two_contacts(
    client: TestClient, sandbox: Running, session: Session
) -> None:
    post_twilio(client, twilio_form(From=SMS_USER))
    post_twilio(client, twilio_form(From="whatsapp:" + SMS_USER))
    contacts = session.scalars(select(Contact).order_by(Contact.channel)).all()
    assert [(c.channel, c.address) for c in contacts] == [("sms", SMS_USER), ("whatsapp", "whatsapp:" + SMS_USER)]
    assert contacts[0].pseudonym != contacts[1].pseudonym


def test_forwarded_headers_count_only_from_a_trusted_proxy(
    client: TestClient, sandbox: Running, session: Session, reconfigure: Any
) -> None:
    from channels.providers.twilio import sign
    from channels.sandbox import config

    form = twilio_form()
    behind_proxy = "https://public.example.net/webhooks/twilio"
    headers = {
        "X-Twilio-Signature": sign(url=behind_proxy, params=form, token=config.AUTH_TOKEN),
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "public.example.net",
    }
    assert client.post("/webhooks/twilio", data=form, headers=headers).status_code == 403
    reconfigure(TRUSTED_PROXIES="10.0.0.1, testclient")
    assert client.post("/webhooks/twilio", data=form, headers=headers).status_code == 200


def test_raw_addresses_and_queued_texts_are_encrypted_at_rest(
    client: TestClient, sandbox: Running, session: Session
) -> None:
    from sqlalchemy import text

    post_twilio(client, twilio_form(Body="bba kaydrebni", NumMedia="1", MediaUrl0="https://api.twilio.com/m/ME5",
                                    MediaContentType0="image/png"))  # fmt: skip
    (address,) = session.execute(text("SELECT address FROM channel_contacts")).scalars().all()
    (body, details) = session.execute(text("SELECT text, details FROM channel_inbox")).one()
    assert SMS_USER not in address
    assert "kaydrebni" not in body
    assert "ME5" not in details
    assert session.scalars(select(Contact)).one().address == SMS_USER
