"""Encryption at rest: authenticated encryption (Fernet) with a key ring that rotates.

Keys come from ENCRYPTION_KEYS (comma-separated, newest first) or ENCRYPTION_KEY_FILE (one key a line, newest
first), never from the database. New data is encrypted with the newest key; every key still decrypts, and
`helpline keys rotate` re-encrypts old rows with the newest one. In development, when neither is set, a key file
is created under var/ so that a fresh clone runs; production refuses to start without keys.
"""

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Dialect, Text
from sqlalchemy.types import TypeDecorator

from helpline.paths import VAR
from helpline.settings import get_settings

DEV_KEY_FILE = VAR / "keys" / "encryption.keys"
PREFIX = "enc1:"


class MissingKeys(RuntimeError):
    """No usable encryption key."""


def _read_key_file(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def _dev_keys() -> list[str]:
    if not DEV_KEY_FILE.exists():
        DEV_KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
        DEV_KEY_FILE.touch(mode=0o600)
        DEV_KEY_FILE.write_text(Fernet.generate_key().decode() + "\n")
    return _read_key_file(DEV_KEY_FILE)


def configured_keys() -> list[str]:
    """The key ring, newest first."""
    settings = get_settings()
    if settings.encryption_keys.get_secret_value():
        return [k.strip() for k in settings.encryption_keys.get_secret_value().split(",") if k.strip()]
    if settings.encryption_key_file:
        return _read_key_file(Path(settings.encryption_key_file))
    if settings.is_production:
        raise MissingKeys("set ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE")
    return _dev_keys()


def child_environment() -> dict[str, str]:
    """How a child process (Rasa, the action server) finds the same key ring: whatever names it here, including
    a `.env` line the child would not read, or the development key file."""
    settings = get_settings()
    if settings.encryption_keys.get_secret_value():
        return {"ENCRYPTION_KEYS": settings.encryption_keys.get_secret_value(), "ENCRYPTION_KEY_FILE": ""}
    if settings.encryption_key_file:
        return {"ENCRYPTION_KEYS": "", "ENCRYPTION_KEY_FILE": settings.encryption_key_file}
    configured_keys()  # creates the development key file
    return {"ENCRYPTION_KEYS": "", "ENCRYPTION_KEY_FILE": str(DEV_KEY_FILE)}


@lru_cache
def ring() -> MultiFernet:
    """The key ring in use by this process."""
    keys = configured_keys()
    if not keys:
        raise MissingKeys("the encryption key ring is empty")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def reset() -> None:
    """Forget the cached ring (after the keys changed)."""
    ring.cache_clear()


def encrypt(plaintext: str) -> str:
    """Ciphertext of a text, tagged so that a stored value says what it is."""
    return PREFIX + ring().encrypt(plaintext.encode()).decode()


def decrypt(stored: str) -> str:
    """The plaintext of a stored value; raises if no key of the ring opens it or it was tampered with."""
    if not stored.startswith(PREFIX):
        raise InvalidToken("not an encrypted value")
    return ring().decrypt(stored.removeprefix(PREFIX).encode()).decode()


def rotate_value(stored: str) -> str:
    """The same plaintext, re-encrypted with the newest key."""
    return PREFIX + ring().rotate(stored.removeprefix(PREFIX).encode()).decode()


class EncryptedText(TypeDecorator[str]):
    """A text column stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return encrypt(value) if value is not None else None

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return decrypt(value) if value is not None else None


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return encrypt(json.dumps(value, ensure_ascii=False)) if value is not None else None

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return json.loads(decrypt(value)) if value is not None else None
