"""A Rasa tracker store that keeps every serialised tracker encrypted, in SQL or in Redis.

Rasa's own stores keep the whole conversation text in clear. This one encrypts each serialised tracker with the
helpline's key ring (ENCRYPTION_KEYS, or ENCRYPTION_KEY_FILE: newest key first) using Fernet, the same
authenticated scheme as the helpline service, so a dump of Rasa's database or Redis shows no message text.

endpoints.yml:
    tracker_store:
      type: bot.tracker_store.EncryptedTrackerStore
      url: ${RASA_TRACKER_URL}        # sqlite:///var/rasa-trackers.db, postgresql://…, or redis://…

When 'forget me' completes (action_forget and its restart), the stored tracker keeps nothing from before the
restart: Rasa still holds the conversation's lock while the action runs, so nobody else can empty it then.

After a new key is put first in the ring, `python -m bot.tracker_store rotate` re-encrypts every tracker with it
(`helpline keys rotate` runs it too when the Rasa runtime is installed beside the service).
"""

import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from cryptography.fernet import MultiFernet
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.keyring import ROOT, key_ring, reseal, seal, unseal
from bot.logs import keep_locals_out_of_tracebacks

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'rasa-trackers.db'}"
DEFAULT_PREFIX = "helplinetracker:"
FORGET_ACTION = "action_forget"


def without_forgotten(tracker: DialogueStateTracker, domain: Domain | None) -> DialogueStateTracker:
    """The tracker from the restart of its last completed 'forget me' on, or the tracker itself if none."""
    events = list(tracker.events)
    forgets = [i for i, e in enumerate(events) if isinstance(e, ActionExecuted) and e.action_name == FORGET_ACTION]
    if not forgets:
        return tracker
    restart = next((i for i in range(forgets[-1] + 1, len(events)) if isinstance(events[i], Restarted)), None)
    if restart is None:  # the erasure failed: the action kept the conversation
        return tracker
    slots = domain.slots if domain is not None else None
    return DialogueStateTracker.from_events(tracker.sender_id, events[restart:], slots=slots)


class _SQLBackend(MutableMapping):  # type: ignore[type-arg]
    """sender_id → ciphertext in one SQL table."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self._sa = sa
        self._engine = sa.create_engine(url, pool_pre_ping=True)
        metadata = sa.MetaData()
        self._table = sa.Table(
            "encrypted_trackers", metadata,
            sa.Column("sender_id", sa.String(255), primary_key=True),
            sa.Column("data", sa.Text, nullable=False),
        )  # fmt: skip
        metadata.create_all(self._engine)

    def __getitem__(self, key: str) -> str:
        with self._engine.connect() as connection:
            row = connection.execute(self._sa.select(self._table.c.data).where(self._table.c.sender_id == key)).first()
        if row is None:
            raise KeyError(key)
        return str(row[0])

    def __setitem__(self, key: str, value: str) -> None:
        table = self._table
        with self._engine.begin() as connection:
            updated = connection.execute(table.update().where(table.c.sender_id == key).values(data=value))
            if updated.rowcount == 0:
                connection.execute(table.insert().values(sender_id=key, data=value))

    def __delitem__(self, key: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(self._table.delete().where(self._table.c.sender_id == key))

    def __iter__(self) -> Iterator[str]:
        with self._engine.connect() as connection:
            return iter([row[0] for row in connection.execute(self._sa.select(self._table.c.sender_id))])

    def __len__(self) -> int:
        return len(list(iter(self)))


class _RedisBackend(MutableMapping):  # type: ignore[type-arg]
    """sender_id → ciphertext under a key prefix in Redis."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url)
        self._prefix = prefix

    def __getitem__(self, key: str) -> str:
        value = self._redis.get(self._prefix + key)
        if value is None:
            raise KeyError(key)
        return value.decode()

    def __setitem__(self, key: str, value: str) -> None:
        self._redis.set(self._prefix + key, value)

    def __delitem__(self, key: str) -> None:
        self._redis.delete(self._prefix + key)

    def __iter__(self) -> Iterator[str]:
        return iter([k.decode()[len(self._prefix) :] for k in self._redis.scan_iter(self._prefix + "*")])

    def __len__(self) -> int:
        return len(list(iter(self)))


class _Encrypted(MutableMapping):  # type: ignore[type-arg]
    """Encrypts values on the way in and decrypts them on the way out."""

    def __init__(self, inner: MutableMapping, ring: MultiFernet) -> None:  # type: ignore[type-arg]
        self._inner, self._ring = inner, ring

    def __getitem__(self, key: str) -> str:
        return unseal(self._ring, self._inner[key])

    def __setitem__(self, key: str, value: str) -> None:
        self._inner[key] = seal(self._ring, value)

    def __delitem__(self, key: str) -> None:
        del self._inner[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._inner)

    def __len__(self) -> int:
        return len(self._inner)


def backend_for(url: str, prefix: str = DEFAULT_PREFIX) -> MutableMapping:  # type: ignore[type-arg]
    """The storage behind the URL: Redis for redis:// and unix://, SQL otherwise."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return _RedisBackend(url, prefix)
    return _SQLBackend(url)


class EncryptedTrackerStore(InMemoryTrackerStore):
    """Rasa's tracker store, with each serialised tracker encrypted at rest in SQL or Redis."""

    def __init__(
        self,
        domain: Domain,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        key_prefix: str = DEFAULT_PREFIX,
        **kwargs: dict[str, Any],
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        keep_locals_out_of_tracebacks()
        url = host or os.environ.get("RASA_TRACKER_URL") or DEFAULT_URL
        self.store = _Encrypted(backend_for(url, key_prefix), key_ring())  # type: ignore[assignment]

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the tracker encrypted, without what a completed 'forget me' erased."""
        await super().save(without_forgotten(tracker, self.domain))


def rotate(url: str, prefix: str = DEFAULT_PREFIX) -> int:
    """Re-encrypts every stored tracker with the newest key of the ring; returns how many were rewritten."""
    backend, ring = backend_for(url, prefix), key_ring()
    senders = list(backend)
    for sender in senders:
        backend[sender] = reseal(ring, backend[sender])
    return len(senders)


if __name__ == "__main__":
    if sys.argv[1:] != ["rotate"]:
        sys.exit("usage: python -m bot.tracker_store rotate   (RASA_TRACKER_URL names the store)")
    count = rotate(os.environ.get("RASA_TRACKER_URL") or DEFAULT_URL)
    print(f"[rasa] re-encrypted {count} trackers with the newest key")
