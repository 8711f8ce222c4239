"""Rasa's trackers are encrypted at rest, in SQL and in Redis alike (Rasa runtime)."""

import asyncio
import os
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, AllSlotsReset, BotUttered, Restarted, SlotSet, UserUttered

from bot.tracker_store import EncryptedTrackerStore, rotate

SECRET = "bba kaydrebni kol nhar"


def _backends(tmp: Path) -> list[str]:
    urls = [f"sqlite:///{tmp / 'trackers.db'}"]
    urls.append(os.environ.get("TEST_RASA_REDIS_URL", "redis://127.0.0.1:6379/7"))
    return urls


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> str:
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("ENCRYPTION_KEYS", key)
    return key


@pytest.mark.parametrize("backend", ["sql", "redis"])
def test_trackers_round_trip_and_are_stored_encrypted(tmp_path: Path, keys: str, backend: str) -> None:
    url = _backends(tmp_path)[0 if backend == "sql" else 1]
    store = EncryptedTrackerStore(Domain.empty(), host=url, key_prefix=f"test{os.getpid()}:")

    async def scenario() -> None:
        tracker = await store.get_or_create_tracker("conversation-1")
        tracker.update(UserUttered(SECRET))
        await store.save(tracker)
        again = await store.retrieve("conversation-1")
        assert again is not None
        assert again.latest_message.text == SECRET
        assert "conversation-1" in list(await store.keys())
        raw = store.store._inner["conversation-1"]  # type: ignore[attr-defined]
        assert raw.startswith("enc1:")
        assert "kaydrebni" not in raw
        del store.store["conversation-1"]

    asyncio.run(scenario())


def test_another_key_cannot_read_the_trackers(tmp_path: Path, keys: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'trackers.db'}"
    store = EncryptedTrackerStore(Domain.empty(), host=url)

    async def save() -> None:
        tracker = await store.get_or_create_tracker("c")
        tracker.update(UserUttered(SECRET))
        await store.save(tracker)

    asyncio.run(save())
    monkeypatch.setenv("ENCRYPTION_KEYS", Fernet.generate_key().decode())
    stranger = EncryptedTrackerStore(Domain.empty(), host=url)
    with pytest.raises(InvalidToken):
        asyncio.run(stranger.retrieve("c"))


@pytest.mark.parametrize("backend", ["sql", "redis"])
def test_rotation_re_encrypts_every_tracker_with_the_newest_key(
    tmp_path: Path, keys: str, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    url, prefix = _backends(tmp_path)[0 if backend == "sql" else 1], f"rotate{os.getpid()}:"
    old_store = EncryptedTrackerStore(Domain.empty(), host=url, key_prefix=prefix)

    async def save() -> None:
        tracker = await old_store.get_or_create_tracker("conversation-r")
        tracker.update(UserUttered(SECRET))
        await old_store.save(tracker)

    asyncio.run(save())
    new = Fernet.generate_key().decode()
    monkeypatch.setenv("ENCRYPTION_KEYS", f"{new},{keys}")
    assert rotate(url, prefix) == 1
    monkeypatch.setenv("ENCRYPTION_KEYS", new)  # the old key is retired
    store = EncryptedTrackerStore(Domain.empty(), host=url, key_prefix=prefix)
    again = asyncio.run(store.retrieve("conversation-r"))
    assert again is not None
    assert again.latest_message.text == SECRET
    raw = store.store._inner["conversation-r"]  # type: ignore[attr-defined]
    with pytest.raises(InvalidToken):
        Fernet(keys.encode()).decrypt(raw.removeprefix("enc1:").encode())
    del store.store["conversation-r"]


def test_a_completed_forget_me_leaves_nothing_said_before_it(tmp_path: Path, keys: str) -> None:
    store = EncryptedTrackerStore(Domain.empty(), host=f"sqlite:///{tmp_path / 'trackers.db'}")

    async def scenario() -> None:
        tracker = await store.get_or_create_tracker("conversation-f")
        tracker.update_with_events(
            [UserUttered(SECRET), ActionExecuted("action_forget"), BotUttered("Deleted: 1 conversation(s)"),
             Restarted(), AllSlotsReset(), SlotSet("language", "en")],
            None,
        )  # fmt: skip
        await store.save(tracker)
        kept = await store.retrieve("conversation-f")
        assert kept is not None
        assert [type(e) for e in kept.events] == [Restarted, AllSlotsReset, SlotSet]
        stored = store.store._inner["conversation-f"]  # type: ignore[attr-defined]
        assert SECRET not in Fernet(keys.encode()).decrypt(stored.removeprefix("enc1:").encode()).decode()

        refused = await store.get_or_create_tracker("conversation-g")
        refused.update_with_events([UserUttered(SECRET), ActionExecuted("action_forget"), BotUttered("error")], None)
        await store.save(refused)
        again = await store.retrieve("conversation-g")
        assert again is not None
        assert again.latest_message.text == SECRET, "a failed erasure keeps the conversation"

    asyncio.run(scenario())
