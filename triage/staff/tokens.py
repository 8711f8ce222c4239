"""Staff bearer tokens verified recently, believed for a few seconds without asking the database again.

The scoring and queue endpoints answer many requests a second; looking the token up in the database for each one
cost more than the work itself. A token revoked here (logout) is forgotten at once; one revoked by another
process, or an account deactivated, stops working here within TRUST_SECONDS.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass

from triage.staff.models import Role

TRUST_SECONDS = 30.0
MAX_ENTRIES = 10_000
clock = time.monotonic


@dataclass(frozen=True, slots=True)
class Caller:
    """The staff member a verified token belongs to: what the fast endpoints need, without a database row."""

    id: uuid.UUID
    username: str
    role: Role
    centre_code: str | None


_verified: dict[str, tuple[Caller, float]] = {}


def digest(token: str) -> str:
    """The stored form of a token (its SHA-256): tokens themselves are never kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def recall(token: str) -> Caller | None:
    """The caller of a token verified less than TRUST_SECONDS ago (and not past its expiry), else None."""
    entry = _verified.get(digest(token))
    if entry is None or entry[1] <= clock():
        return None
    return entry[0]


def remember(token: str, caller: Caller, *, valid_seconds: float) -> None:
    """Keeps a verified token for TRUST_SECONDS, or less when it expires sooner."""
    now = clock()
    if len(_verified) >= MAX_ENTRIES:
        for key in [k for k, (_, until) in _verified.items() if until <= now] or list(_verified):
            del _verified[key]
    _verified[digest(token)] = (caller, now + min(TRUST_SECONDS, valid_seconds))


def forget(token: str) -> None:
    """Drops a token at once (logout)."""
    _verified.pop(digest(token), None)
