"""Per-sender flood protection in Redis; a message that scores P1 always goes through."""

import logging
import time
from enum import StrEnum

import redis

from helpline.redis_client import get_redis
from helpline.settings import get_settings

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60


class Verdict(StrEnum):
    ALLOW = "allow"
    NOTIFY = "notify"
    SILENT = "silent"


def is_p1(text: str) -> bool:
    """True when triage scores the text P1; when scoring cannot run, every message counts as P1 (fail safe)."""
    try:
        from triage.scoring import assess  # type: ignore[attr-defined,unused-ignore]

        return bool(assess(text).level == "P1")
    except Exception:  # the scoring engine is optional here: a failure must never block a message
        return True


def check(*, pseudonym: str, text: str) -> Verdict:
    """ALLOW under the limit; over it NOTIFY once per window then SILENT, unless the text is P1."""
    limit = get_settings().rate_limit_per_minute
    key = f"channels:rate:{pseudonym}:{int(time.time() // WINDOW_SECONDS)}"
    try:
        pipe = get_redis().pipeline()
        pipe.incr(key)
        pipe.expire(key, WINDOW_SECONDS * 2)
        count = int(pipe.execute()[0])
    except redis.RedisError as error:
        log.warning("rate limit unavailable (%s); message allowed", type(error).__name__)
        return Verdict.ALLOW
    if count <= limit or is_p1(text):
        return Verdict.ALLOW
    return Verdict.NOTIFY if count == limit + 1 else Verdict.SILENT
