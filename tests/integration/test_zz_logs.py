"""The logs of every process the integration tests ran hold no message text, phone number or token.

Runs last (file order): by then the stacks of the other integration modules have written their logs."""

import re
from pathlib import Path

import pytest

from channels.sandbox import config
from tests.integration.conftest import LOG_DIR
from tests.integration.test_stack import CANARY

pytestmark = pytest.mark.integration

FORBIDDEN = {
    "a phone number": re.compile(r"\+?212[ -]?[5-7]\d{8}"),
    "a message text": re.compile(re.escape(CANARY)),
    "the Rasa token": re.compile("dev-only-rasa-token"),
    "the service token": re.compile("dev-only-service-token"),
    "the Twilio auth token": re.compile(re.escape(config.AUTH_TOKEN)),
    "the Telegram bot token": re.compile(re.escape(config.BOT_TOKEN)),
    "the Telegram webhook secret": re.compile(re.escape(config.WEBHOOK_SECRET)),
    "Darija message text": re.compile(r"bghit nhder|kaydrebni|السلام، بغيت"),
}


def _logs() -> list[Path]:
    return sorted(p for p in LOG_DIR.rglob("*.log") if p.is_file())


def test_the_integration_run_produced_logs() -> None:
    names = {p.name for p in _logs()}
    assert {"rasa.log", "actions.log", "service.log"} <= names, names


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_logs_hold_nothing_personal(what: str) -> None:
    pattern = FORBIDDEN[what]
    found = [
        f"{path.name}:{number}: {line.strip()[:160]}"
        for path in _logs()
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, f"{what} in the logs:\n" + "\n".join(found[:10])
