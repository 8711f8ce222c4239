"""The helpline's key ring in the Rasa runtime (Rasa's tracker store, the action server's outbox).

Pure Python with `cryptography` only (no Rasa import), so the action server can use it too. Keys come from
ENCRYPTION_KEYS (comma-separated, newest first) or ENCRYPTION_KEY_FILE (one a line, newest first), like the
helpline service; by default the development key file that `helpline up` creates under var/.
"""

import os
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet

ROOT = Path(__file__).resolve().parent.parent
DEV_KEY_FILE = ROOT / "var" / "keys" / "encryption.keys"
PREFIX = "enc1:"


def key_ring() -> MultiFernet:
    """The key ring named by the environment; raises when there is no key."""
    keys = [k.strip() for k in os.environ.get("ENCRYPTION_KEYS", "").split(",") if k.strip()]
    if not keys:
        path = Path(os.environ.get("ENCRYPTION_KEY_FILE") or DEV_KEY_FILE)
        if not path.exists():
            raise RuntimeError(f"no encryption key: set ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE ({path} is missing)")
        keys = [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return MultiFernet([Fernet(key.encode()) for key in keys])


def seal(ring: MultiFernet, plaintext: str) -> str:
    """The text encrypted with the newest key, tagged like the helpline's stored values."""
    return PREFIX + ring.encrypt(plaintext.encode()).decode()


def unseal(ring: MultiFernet, stored: str) -> str:
    """The plaintext of a sealed value; raises InvalidToken if no key opens it or it was tampered with."""
    return ring.decrypt(stored.removeprefix(PREFIX).encode()).decode()


def reseal(ring: MultiFernet, stored: str) -> str:
    """The same plaintext, re-encrypted with the newest key (rotation)."""
    return PREFIX + ring.rotate(stored.removeprefix(PREFIX).encode()).decode()
