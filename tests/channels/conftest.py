"""Fixtures of the gateway tests: the sandbox (real Twilio and Telegram clients point at it), a Rasa stand-in,
the service, and helpers that sign requests exactly like Twilio and Telegram do."""

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from channels.providers.telegram import SECRET_HEADER
from channels.providers.twilio import sign
from channels.sandbox import config
from channels.sandbox.app import Sandbox
from channels.sandbox.server import Running, running
from channels.worker import drain
from helpline.app import create_app
from tests.conftest import Reconfigure
from tests.standin import Recorded, StandIn, serve

PUBLIC = "https://helpline.example.org"
SMS_USER = "+212612345678"
WHATSAPP_USER = "whatsapp:+212698765432"
TELEGRAM_USER = 555000111


@pytest.fixture
def sandbox(reconfigure: Reconfigure) -> Iterator[Running]:
    """The stand-in of the Twilio and Telegram APIs, with the service's settings pointing at it."""
    with running(Sandbox(status_callbacks=False)) as stand_in:
        reconfigure(
            PUBLIC_BASE_URL=PUBLIC,
            **config.environment_for(stand_in.url),
        )
        yield stand_in


@dataclass
class Bot:
    """A Rasa stand-in: answers every message with `replies`, records what it was sent."""

    stand_in: StandIn
    replies: list[dict[str, Any]] = field(default_factory=lambda: [{"text": "Salam, ana hna."}])
    status: int = 200
    delay: float = 0.0  # seconds to think before answering a message
    calls: list[tuple[str, float, float]] = field(default_factory=list)  # (sender, started, ended) per message
    during: Callable[[str], None] | None = None  # runs with the sender while the bot holds the turn (its actions)

    def messages(self) -> list[dict[str, Any]]:
        """The REST-channel messages Rasa received."""
        return [json.loads(r.body) for r in self.stand_in.requests if r.path.startswith("/webhooks/rest/webhook")]

    def events(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """The tracker events posted, with the conversation id."""
        return [
            (r.path.split("/")[2], json.loads(r.body)) for r in self.stand_in.requests if "/tracker/events" in r.path
        ]


@pytest.fixture
def bot(reconfigure: Reconfigure, sandbox: Running) -> Iterator[Bot]:
    """Rasa up, answering with `bot.replies`."""
    holder: list[Bot] = []

    def answer(request: Recorded) -> tuple[int, Any]:
        current = holder[0]
        if "/tracker/events" in request.path:
            return 200, {}
        sender, started = json.loads(request.body)["sender"], time.monotonic()
        if current.during is not None:
            current.during(sender)
        time.sleep(current.delay)
        current.calls.append((sender, started, time.monotonic()))
        return current.status, [{"recipient_id": sender, **reply} for reply in current.replies]

    with serve(answer) as stand_in:
        holder.append(Bot(stand_in))
        reconfigure(RASA_URL=stand_in.url)
        yield holder[0]


@pytest.fixture
def client() -> TestClient:
    """The helpline service (its background workers are not started: tests call `drain()`)."""
    return TestClient(create_app(), base_url=PUBLIC)


def twilio_form(**fields: str) -> dict[str, str]:
    """An incoming-message webhook form with Twilio's field names."""
    base = {
        "MessageSid": "SM" + uuid.uuid4().hex,
        "SmsMessageSid": "",
        "AccountSid": config.ACCOUNT_SID,
        "MessagingServiceSid": "",
        "From": SMS_USER,
        "To": config.SMS_FROM,
        "Body": "salam",
        "NumMedia": "0",
        "NumSegments": "1",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }
    base.update(fields)
    base["SmsMessageSid"] = base["MessageSid"]
    return {k: v for k, v in base.items() if v is not None}


Signer = Callable[..., Response]


def post_twilio(
    client: TestClient, form: dict[str, str], *, signature: str = "valid", path: str = "/webhooks/twilio"
) -> Response:
    """Posts a form signed like Twilio ("valid"), unsigned ("missing") or with a wrong signature ("forged")."""
    headers = {}
    if signature == "valid":
        headers["X-Twilio-Signature"] = sign(url=f"{PUBLIC}{path}", params=form, token=config.AUTH_TOKEN)
    elif signature == "forged":
        headers["X-Twilio-Signature"] = sign(url=f"{PUBLIC}{path}", params=form, token="not-the-token")
    elif signature == "other-url":
        headers["X-Twilio-Signature"] = sign(
            url=f"https://evil.example.com{path}", params=form, token=config.AUTH_TOKEN
        )
    return client.post(path, data=form, headers=headers)


def post_telegram(client: TestClient, update: object, *, secret: str | None = config.WEBHOOK_SECRET) -> Response:
    """Posts an Update with (or without) the secret-token header."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    body = update if isinstance(update, str) else json.dumps(update)
    return client.post("/webhooks/telegram", content=body, headers=headers)


_update_ids = iter(range(10_000, 10**9))


def tg_message(text: str | None = "salam", *, chat: int = TELEGRAM_USER, **fields: Any) -> dict[str, Any]:
    """A Telegram Update carrying a private-chat message."""
    message: dict[str, Any] = {
        "message_id": 7,
        "date": 1_764_000_000,
        "chat": {"id": chat, "type": "private", "first_name": "Amina"},
        "from": {"id": chat, "is_bot": False, "first_name": "Amina", "language_code": "fr"},
        **fields,
    }
    if text is not None:
        message["text"] = text
    return {"update_id": next(_update_ids), "message": message}


def tg_callback(data: str, *, chat: int = TELEGRAM_USER) -> dict[str, Any]:
    """A Telegram Update for a press on an inline keyboard button."""
    user = {"id": chat, "is_bot": False, "first_name": "Amina"}
    message = {"message_id": 8, "date": 1_764_000_000, "chat": {"id": chat, "type": "private"}, "text": "?"}
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": uuid.uuid4().hex,
            "from": user,
            "chat_instance": "42",
            "data": data,
            "message": message,
        },
    }


def work() -> int:
    """Runs the gateway's workers until nothing is due (what the background tasks do in production)."""
    return drain()
