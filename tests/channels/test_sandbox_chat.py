"""Trying it with no accounts: the service (with its background workers) behind the sandbox, driven like
`helpline chat` drives it, and `helpline telegram-webhook` registering the secret token."""

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.chat import Phone, converse, default_address
from channels.message import Channel
from channels.sandbox.server import Running, serving
from helpline.app import create_app
from helpline.cli import main
from helpline.settings import get_settings
from tests.channels.conftest import Bot
from tests.conftest import Reconfigure
from tests.integration.phones import turn_over
from triage.intake import Author, Conversation, transcript


@pytest.fixture
def service(reconfigure: Reconfigure, sandbox: Running, bot: Bot) -> Iterator[str]:
    """The helpline service on a real port, its inbox and outbox workers running."""
    from channels.sandbox.server import free_port

    port = free_port()
    reconfigure(PUBLIC_BASE_URL=f"http://127.0.0.1:{port}", HELPLINE_PORT=str(port))
    with serving(create_app(), port=port, lifespan="on") as url:
        yield url


@pytest.mark.parametrize("channel", list(Channel))
def test_a_terminal_chat_goes_through_the_signed_webhooks(
    service: str, sandbox: Running, bot: Bot, session: Session, channel: Channel
) -> None:
    bot.replies = [{"text": "Salam! Kifach n3awnek?", "buttons": [{"title": "Nhder", "payload": "/want_talk"}]}]
    phone = Phone(
        settings=get_settings(), channel=channel, address=default_address(channel), service_url=service,
        sandbox_url=sandbox.url, quiet=0.4,
    )  # fmt: skip
    lines = iter(["salam", "1"])
    shown: list[str] = []

    def read() -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    converse(phone, read=read, write=shown.append)
    replies = [line for line in shown if line.startswith("helpline> Salam! Kifach n3awnek?")]
    assert len(replies) == 2
    assert "   [1] Nhder" in shown or "1. Nhder" in replies[0]
    assert [m["message"] for m in bot.messages()] == ["salam", "/want_talk"]
    conversation = session.scalars(select(Conversation)).one()
    assert conversation.channel == channel
    authors = [m.author for m in transcript(session=session, conversation_id=conversation.id)]
    assert authors == [Author.USER, Author.BOT, Author.USER, Author.BOT]


@pytest.mark.parametrize("channel", [Channel.SMS, Channel.TELEGRAM])
def test_a_turn_known_to_be_over_is_read_at_once_instead_of_after_a_quiet_spell(
    service: str, sandbox: Running, bot: Bot, session: Session, channel: Channel
) -> None:
    bot.replies = [{"text": "Salam!"}, {"text": "Kifach n3awnek?"}]
    phone = Phone(
        settings=get_settings(), channel=channel, address=default_address(channel), service_url=service,
        sandbox_url=sandbox.url, quiet=60.0,
    )  # fmt: skip
    assert phone.send("salam") == 200
    started = time.monotonic()
    replies = phone.replies(wait=120, done=turn_over(session, phone))
    assert [r["text"] for r in replies if r["method"] in ("Messages.json", "sendMessage")] == [
        "Salam!",
        "Kifach n3awnek?",
    ]
    assert time.monotonic() - started < 30, "the 60-second quiet spell was not waited for"


def test_the_telegram_webhook_is_registered_with_the_secret_token(
    sandbox: Running, reconfigure: Reconfigure, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["telegram-webhook"]) == 0
    (call,) = [m for m in sandbox.sandbox.messages() if m.method == "setWebhook"]
    assert call.fields["url"] == "https://helpline.example.org/webhooks/telegram"
    assert call.fields["secret_token"] == "sandbox-webhook-secret"
    assert "secret token" in capsys.readouterr().out
