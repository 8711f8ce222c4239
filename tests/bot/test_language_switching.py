"""The conversation's language through the real model, Rasa's slot extraction and the action server.

A user who chose a language keeps it when answering "oui", "ok", "1" or an emoji; a real change of language
(two full sentences) still switches. Needs a trained model (HELPLINE_MODEL, else the newest in models/).
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa.utils.endpoints import EndpointConfig

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRIAGE_URL=f"http://127.0.0.1:{_free_port()}")
    env["TRIAGE_OUTBOX"] = str(tmp_path_factory.mktemp("actions") / "outbox.jsonl")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("the action server did not start")
    yield f"http://127.0.0.1:{port}/webhook"
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def agent(action_server: str) -> Agent:
    path = os.environ.get("HELPLINE_MODEL") or max(
        (str(p) for p in (ROOT / "models").glob("*.tar.gz")), key=os.path.getmtime, default=""
    )
    if not path or not Path(path).exists():
        pytest.skip("no trained model (scripts/test_rasa.sh trains one)")
    return Agent.load(path, action_endpoint=EndpointConfig(action_server))


def _languages(agent: Agent, sender: str, texts: list[str]) -> list[str | None]:
    """The `language` slot after each message."""

    async def go() -> list[str | None]:
        seen = []
        for text in texts:
            await agent.handle_text(text, sender_id=sender)
            tracker = await agent.tracker_store.retrieve(sender)
            assert tracker is not None
            seen.append(tracker.get_slot("language"))
        return seen

    return asyncio.run(go())


def test_a_chosen_darija_survives_oui_ok_numbers_and_emojis(agent: Agent) -> None:
    texts = ["salam", "darija", "oui", "ok", "merci", "1", "👍", "yes"]
    assert _languages(agent, "language-darija", texts) == ["darija_lat"] * len(texts)


def test_a_choice_of_french_holds_against_one_darija_sentence_but_not_two(agent: Agent) -> None:
    texts = ["salam", "français", "oui", "ana bent 3ndi 13 3am", "bghit ghir nhder m3akom"]
    assert _languages(agent, "language-french", texts) == ["darija_lat", "fr", "fr", "fr", "darija_lat"]


def test_a_detected_language_follows_a_full_sentence(agent: Agent) -> None:
    texts = ["Bonjour", "oui", "i am a child and i want to talk to someone"]
    assert _languages(agent, "language-detected", texts) == ["fr", "fr", "en"]


def test_arabic_script_and_tifinagh(agent: Agent) -> None:
    texts = ["السلام", "بالعربية", "واخا", "ⴰⵣⵓⵍ"]
    assert _languages(agent, "language-scripts", texts) == ["darija_ar", "ar", "ar", "tzm"]
