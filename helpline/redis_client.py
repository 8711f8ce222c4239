"""The process-wide Redis client."""

from functools import lru_cache

import redis

from helpline.settings import get_settings


@lru_cache
def get_redis() -> redis.Redis:
    """A client for REDIS_URL (set by `helpline up` to the embedded server when the operator left it unset)."""
    url = get_settings().redis_url
    if not url:
        raise RuntimeError("REDIS_URL is not set; `helpline up` starts an embedded Redis and sets it")
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5, health_check_interval=30)
