"""Rasa's own log holds no slot value: neither what the user wrote in a report nor any other slot.

The buttons' payloads (`/inform{"report_harm":"physical"}`) pass through Rasa's response filler, which reads any
`{...}` as a slot to fill: an unknown one is logged as an ERROR whose traceback lists the filler's locals, every
slot value included. domain.yml writes those braces doubled (`{{...}}`), which the filler turns back into single
ones without an error. Logs are rendered as `rasa run` renders them outside a terminal (JSON, structured
tracebacks with locals)."""

import asyncio
import logging
import re
from pathlib import Path
from typing import Any

import pytest
import structlog
import yaml
from cryptography.fernet import Fernet
from rasa.core.agent import Agent
from rasa.core.nlg.interpolator import interpolate
from rasa.shared.core.domain import Domain
from rasa.utils.log_utils import configure_structlog

import test_language_switching as conversations
from bot.tracker_store import EncryptedTrackerStore

action_server, agent = conversations.action_server, conversations.agent  # the same fixtures: actions and the model

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
REPORT = (
    "Zanzibar-canary: le fils de nos voisins, dix ans, ne va plus a l'ecole depuis la rentree et travaille tous "
    "les jours dans l'atelier de son oncle; il a l'air fatigue et triste quand je le croise dans l'escalier."
)
CONVERSATION = ["bonjour", "je suis un adulte", "je veux signaler quelque chose", REPORT, "non", "non", "10", "garçon"]
ACTIONS = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "actions").glob("*.py"))


def _action_placeholders() -> dict[str, str]:
    """The `{name}`s of the responses that are not slots: the actions pass them to utter_message(response=...)."""
    texts = [variation.get("text", "") for variations in DOMAIN["responses"].values() for variation in variations]
    names = {name for text in texts for name in re.findall(r"(?<!{){(\w+)}(?!})", text)} - set(DOMAIN["slots"])
    missing = [name for name in names if not re.search(rf"\b{name}\b", ACTIONS)]
    assert not missing, f"placeholders no action fills: {missing}"
    return {name: f"<{name}>" for name in names}


def _fragments(text: str, size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text) - size + 1, 4)]


def _slot_dump(log: str) -> list[str]:
    """Lines of the log that quote slot names next to values, as a dict of slots would."""
    names = "|".join(re.escape(name) for name in DOMAIN["slots"])
    return [line for line in log.splitlines() if re.search(rf"'({names})': ", line)]


@pytest.fixture
def rasa_log(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> Any:
    """Everything Rasa logs (at its default level, INFO), rendered as in production."""
    configure_structlog(logging.INFO)
    caplog.set_level(logging.INFO)

    def read() -> str:
        captured = capfd.readouterr()
        return "\n".join([caplog.text, captured.out, captured.err])

    return read


def test_every_response_fills_without_error(rasa_log: Any) -> None:
    values = {name: f"{REPORT} ({name})" for name in DOMAIN["slots"]} | _action_placeholders()
    filled = [interpolate(dict(variation), values) for variations in DOMAIN["responses"].values()
              for variation in variations]  # fmt: skip
    log = rasa_log()
    assert "interpolator" not in log, log[:2000]
    assert not [fragment for fragment in _fragments(REPORT) if fragment in log]
    payloads = [button["payload"] for response in filled for button in response.get("buttons", [])]
    assert '/inform{"report_harm":"physical"}' in payloads, "the doubled braces reach the user as single ones"
    assert not [payload for payload in payloads if "{{" in payload or "}}" in payload]


def test_a_report_through_the_model_logs_no_slot_value(agent: Agent, rasa_log: Any) -> None:
    async def go() -> list[dict[str, Any]]:
        replies = []
        for text in CONVERSATION:
            replies += await agent.handle_text(text, sender_id="logs-report") or []
        return replies

    structlog.get_logger().info("capture.check")
    replies = asyncio.run(go())
    payloads = [button["payload"] for reply in replies for button in reply.get("buttons", [])]
    assert '/inform{"report_gender":"boy"}' in payloads, "the form asked a question with /inform{...} buttons"
    log = rasa_log()
    assert "capture.check" in log, "the capture does not see Rasa's structured log"
    leaked = [fragment for fragment in _fragments(REPORT) if fragment in log]
    assert not leaked, f"the report's text is in Rasa's log: {leaked[:3]}"
    assert not _slot_dump(log), _slot_dump(log)[:3]
    assert "interpolator" not in log


def test_once_the_tracker_store_is_up_no_traceback_carries_locals(
    rasa_log: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENCRYPTION_KEYS", Fernet.generate_key().decode())
    EncryptedTrackerStore(Domain.empty(), host=f"sqlite:///{tmp_path / 'trackers.db'}")  # as `rasa run` starts it
    interpolate('/inform{"report_harm":"physical"}', {"report_what": REPORT})  # braces a response forgot to double
    log = rasa_log()
    assert "KeyError" in log, "the error itself is still logged"
    assert '"locals": {' not in log, "no frame lists its local variables"
    assert not [fragment for fragment in _fragments(REPORT) if fragment in log]
