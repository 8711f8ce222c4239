"""The one HTTP client the actions use to talk to triage.

- Every call has a timeout and is retried with back-off on 5xx, timeouts and connection errors.
- A request that still fails is appended to a durable outbox (one encrypted JSON request a line under var/,
  with the helpline's key ring: it holds what the person reported) and re-sent before every later call, and by
  `python -m actions.triage_client flush` (for a timer): nothing is lost. What stays is re-encrypted with the
  newest key at each flush.
- 4xx answers are not retried: logged (path and status only, never message text) and reported to the caller.

Configuration (environment): TRIAGE_URL (default http://127.0.0.1:8000), TRIAGE_SERVICE_TOKEN,
TRIAGE_TIMEOUT_SECONDS (3), TRIAGE_ATTEMPTS (3), TRIAGE_OUTBOX (var/triage_outbox.jsonl), and the key ring:
ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE (bot/keyring.py).
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from cryptography.fernet import InvalidToken, MultiFernet

from bot.keyring import PREFIX, key_ring, seal, unseal

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
_background: set[asyncio.Task] = set()


def _base_url() -> str:
    return os.environ.get("TRIAGE_URL", "http://127.0.0.1:8000").rstrip("/")


def _token() -> str:
    return os.environ.get("TRIAGE_SERVICE_TOKEN", "dev-only-service-token")


def _timeout() -> float:
    return float(os.environ.get("TRIAGE_TIMEOUT_SECONDS", "3"))


def _attempts() -> int:
    return max(1, int(os.environ.get("TRIAGE_ATTEMPTS", "3")))


def outbox_path() -> Path:
    return Path(os.environ.get("TRIAGE_OUTBOX", str(REPO_ROOT / "var" / "triage_outbox.jsonl")))


@dataclass
class TriageResult:
    """`ok`: triage answered 2xx (data holds its JSON); `pending`: saved in the outbox for a later retry;
    `rejected`: triage refused the request (4xx), it will not be retried."""

    status: str
    data: dict[str, Any] = field(default_factory=dict)
    http_status: int | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class _Retryable(Exception):
    pass


async def _post_once(session: aiohttp.ClientSession, path: str, body: dict, key: str) -> TriageResult:
    headers = {"Authorization": f"Bearer {_token()}", "Idempotency-Key": key}
    try:
        async with session.post(_base_url() + path, json=body, headers=headers) as response:
            if response.status >= 500:
                raise _Retryable(f"HTTP {response.status}")
            if response.status >= 400:
                logger.warning("triage refused %s: HTTP %s", path, response.status)
                return TriageResult("rejected", http_status=response.status)
            data: dict[str, Any] = {}
            if response.status != 204:
                try:
                    data = await response.json(content_type=None) or {}
                except (json.JSONDecodeError, aiohttp.ContentTypeError):
                    data = {}
            return TriageResult("ok", data=data, http_status=response.status)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        raise _Retryable(type(error).__name__) from error


async def _post_with_retries(path: str, body: dict, key: str, attempts: int) -> TriageResult | None:
    """The result, or None when every attempt failed in a retryable way."""
    timeout = aiohttp.ClientTimeout(total=_timeout())
    delay = 0.3
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for attempt in range(1, attempts + 1):
            try:
                return await _post_once(session, path, body, key)
            except _Retryable as error:
                logger.warning("triage %s attempt %d/%d failed: %s", path, attempt, attempts, error)
                if attempt < attempts:
                    await asyncio.sleep(delay)
                    delay *= 3
    return None


def _sealed(ring: MultiFernet, entry: dict) -> str:
    return seal(ring, json.dumps(entry, ensure_ascii=False))


def _opened(ring: MultiFernet, line: str) -> dict:
    """One queued request; a plain JSON line (written before the outbox was encrypted) is read as it is."""
    return json.loads(unseal(ring, line) if line.startswith(PREFIX) else line)


def _append_outbox(path: str, body: dict, key: str) -> None:
    target = outbox_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    line = _sealed(key_ring(), {"path": path, "body": body, "key": key, "queued_at": time.time()})
    fresh = not target.exists()
    with open(target, "a", encoding="utf-8") as handle:
        if fresh:
            os.chmod(target, 0o600)
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
        fcntl.flock(handle, fcntl.LOCK_UN)


async def flush_outbox() -> int:
    """Re-sends queued requests in order, stopping at the first that still fails. Returns how many remain."""
    target = outbox_path()
    if not target.exists():
        return 0
    ring = key_ring()  # read once a flush (not once a line), so a key put first since the last flush is used
    with open(target, "r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        entries = [_opened(ring, line.strip()) for line in handle if line.strip()]
        remaining = []
        for index, entry in enumerate(entries):
            result = await _post_with_retries(entry["path"], entry["body"], entry["key"], attempts=1)
            if result is None:  # triage still down: keep this one and the rest, in order
                remaining.extend(entries[index:])
                break
            elif not result.ok:
                logger.warning("dropping queued %s: triage refused it (HTTP %s)", entry["path"], result.http_status)
        handle.seek(0)
        handle.truncate()
        for entry in remaining:
            handle.write(_sealed(ring, entry) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
        fcntl.flock(handle, fcntl.LOCK_UN)
    return len(remaining)


async def post(path: str, body: dict) -> TriageResult:
    """POSTs `body` to triage; on repeated failure queues it in the outbox and returns status `pending`."""
    try:
        await flush_outbox()
    except (OSError, json.JSONDecodeError, InvalidToken):
        logger.exception("could not flush the triage outbox")
    key = str(uuid.uuid4())
    result = await _post_with_retries(path, body, key, _attempts())
    if result is not None:
        return result
    _append_outbox(path, body, key)
    logger.error("triage %s unreachable: request queued in %s", path, outbox_path())
    return TriageResult("pending")


async def post_within(path: str, body: dict, seconds: float) -> TriageResult:
    """Like `post`, but answers within `seconds`: if triage is slow the request carries on in the background
    (retries, then the outbox) and the caller gets `pending`. Used where the user must not wait (danger)."""
    task = asyncio.ensure_future(post(path, body))
    _background.add(task)
    task.add_done_callback(_background.discard)
    try:
        return await asyncio.wait_for(asyncio.shield(task), timeout=seconds)
    except asyncio.TimeoutError:
        return TriageResult("pending")


async def drain() -> None:
    """Waits for background requests started by `post_within` (tests, shutdown)."""
    while _background:
        await asyncio.gather(*list(_background), return_exceptions=True)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["flush"]:
        sys.exit("usage: python -m actions.triage_client flush")
    logging.basicConfig(level=logging.INFO)
    left = asyncio.run(flush_outbox())
    print(f"{left} request(s) still queued in {outbox_path()}")
    sys.exit(1 if left else 0)
