"""Pseudonymous identity of a sender: a keyed hash of channel and address."""

import hashlib
import hmac

from helpline.settings import get_settings


def pseudonym(*, channel: str, address: str) -> str:
    """The stable pseudonym of an address on a channel; the raw address never leaves the gateway."""
    key = get_settings().pseudonym_key.get_secret_value().encode()
    digest = hmac.new(key, f"{channel}:{address}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]
