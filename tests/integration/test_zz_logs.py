"""The logs of every process the integration tests ran hold no message text, phone number or token.

Runs last (file order): by then the stacks of the other integration modules have written their logs."""

import re
from pathlib import Path

import pytest

from channels.sandbox import config
from helpline import crypto
from tests.integration.conftest import LOG_DIR
from tests.integration.test_assistant import FRENCH_REPORT
from tests.integration.test_stack import CANARY

pytestmark = pytest.mark.integration

FORBIDDEN = {
    "a phone number": re.compile(r"\+?212[ -]?[5-7]\d{8}"),
    "a Telegram chat id": re.compile(r"\b700000\d{3}\b"),  # the integration tests' chat ids
    "a message text": re.compile(re.escape(CANARY)),
    "a report's free text": re.compile(re.escape(FRENCH_REPORT["report_what"])),
    "the pseudonym key": re.compile("dev-only-pseudonym-key"),
    "an encryption key": re.compile("|".join(re.escape(key) for key in crypto.configured_keys())),
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


LEAKS = {
    "a phone number": "sending to +212611000001",
    "a Telegram chat id": "chat_id=700000123",
    "a message text": f"user said {CANARY!r}",
    "a report's free text": f"answers={FRENCH_REPORT['report_what']}",
    "the pseudonym key": "PSEUDONYM_KEY=dev-only-pseudonym-key",
    "an encryption key": f"keys={crypto.configured_keys()[0]}",
    "the Rasa token": "GET /status?token=dev-only-rasa-token",
    "the service token": "Authorization: Bearer dev-only-service-token",
    "the Twilio auth token": f"auth={config.AUTH_TOKEN}",
    "the Telegram bot token": f"/bot{config.BOT_TOKEN}/sendMessage",
    "the Telegram webhook secret": f"secret={config.WEBHOOK_SECRET}",
    "Darija message text": "text: kaydrebni",
}


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_the_scan_catches_each_kind_of_leak(what: str) -> None:
    assert FORBIDDEN[what].search(LEAKS[what]), f"{what} would go unnoticed"
