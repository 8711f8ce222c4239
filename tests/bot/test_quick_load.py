"""The quick DIET loader gives the same model as Rasa's own loader: same intents, confidences and actions."""

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.agent import Agent, load_agent
from rasa.shared.core.events import ActionExecuted
from rasa.utils.tensorflow.models import RasaModel

from bot.quick_load import QuickLoadDIET

ROOT = Path(__file__).resolve().parents[2]
CONVERSATIONS = [
    ["salam", "ana tfel", "bghit nhder m3a chi wa7ed"],
    ["bonjour", "je suis un adulte", "je veux signaler", "ma voisine"],
    ["hello", "I'm 13", "my dad hits me every night", "merci"],
    ["مرحبا", "أريد نصيحة عن التنمر", "شكرا"],
]


def _nlu_texts(every: int = 9) -> list[str]:
    """A spread of the training examples, every language and intent."""
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            lines = [line[2:].strip() for line in item.get("examples", "").splitlines() if line.startswith("- ")]
            texts.extend(lines[::every])
    return texts


async def _observe(agent: Agent, texts: list[str]) -> dict[str, Any]:
    parses = []
    for text in texts:
        parsed = await agent.parse_message(text)
        parses.append([(i["name"], round(i["confidence"], 5)) for i in parsed["intent_ranking"]])
    actions = []
    for number, conversation in enumerate(CONVERSATIONS):
        for text in conversation:
            await agent.handle_text(text, sender_id=f"quick-load-{number}")
        tracker = await agent.tracker_store.retrieve(f"quick-load-{number}")
        assert tracker is not None
        actions.append(
            [(e.action_name, round(e.confidence or 0, 5)) for e in tracker.events if isinstance(e, ActionExecuted)]
        )
    return {"parses": parses, "actions": actions}


@pytest.fixture(scope="module")
def model() -> str:
    path = os.environ.get("HELPLINE_MODEL")
    if not path or not Path(path).exists():
        pytest.fail("HELPLINE_MODEL must name the trained model (scripts/test_rasa.sh sets it)")
    return path


def test_quick_load_predicts_exactly_as_rasas_own_load(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _nlu_texts()
    assert len(texts) > 100
    quick = asyncio.run(_observe(asyncio.run(load_agent(model_path=model)), texts))
    monkeypatch.setattr(QuickLoadDIET, "load", classmethod(RasaModel.load.__func__))  # type: ignore[attr-defined]
    original = asyncio.run(_observe(asyncio.run(load_agent(model_path=model)), texts))
    assert quick["parses"] == original["parses"]
    assert quick["actions"] == original["actions"]
    assert {name for ranking in quick["parses"] for name, _ in ranking[:1]} >= {"greet", "danger_now", "request_human"}
