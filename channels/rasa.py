"""Client of the Rasa server's REST channel and conversation API."""

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import urllib3

from helpline.settings import get_settings

_pool = urllib3.PoolManager(maxsize=32, retries=False)
"""One pool of connections for every call from every thread: a new connection per call costs a TCP handshake, and
urllib3 takes half the CPU per request of the richer clients (the gateway asks Rasa once per message)."""


class RasaUnavailable(RuntimeError):
    """Rasa did not answer in time or answered with an error."""


@dataclass(frozen=True)
class BotReply:
    """One message of the bot, as the REST channel returns it."""

    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] | None = None


def _call(method: str, path: str, *, what: str, body: Any, params: dict[str, str] | None = None) -> bytes:
    """The body of Rasa's answer; RasaUnavailable on a network error, a timeout or an error status."""
    settings = get_settings()
    url = f"{settings.rasa_url}{path}" + (f"?{urlencode(params)}" if params else "")
    data = json.dumps(body).encode()
    try:
        try:
            response = _send(method, url, data, timeout=settings.rasa_timeout_seconds)
        except urllib3.exceptions.ProtocolError:
            # Rasa closes a connection left idle for 5 s; a request sent on it as it closes is dropped unread
            # (the pool checks for a close only before reusing it): send it once more, on a new connection.
            response = _send(method, url, data, timeout=settings.rasa_timeout_seconds)
    except urllib3.exceptions.HTTPError as error:
        raise RasaUnavailable(f"Rasa {what} failed: {type(error).__name__}") from error
    if response.status >= 400:
        raise RasaUnavailable(f"Rasa {what} failed: HTTP {response.status}")
    return bytes(response.data)


def _send(method: str, url: str, body: bytes, *, timeout: float) -> urllib3.BaseHTTPResponse:
    """One JSON request to Rasa from the pool."""
    return _pool.request(method, url, body=body, headers={"Content-Type": "application/json"}, timeout=timeout)


def send_to_bot(*, conversation_id: str, text: str, metadata: dict[str, Any]) -> list[BotReply]:
    """Posts one user message to Rasa's REST channel and returns the bot's replies."""
    payload = {"sender": conversation_id, "message": text, "metadata": metadata}
    answer = _call("POST", "/webhooks/rest/webhook", what="REST channel", body=payload)
    return [_reply(item) for item in json.loads(answer)]


def _reply(item: dict[str, Any]) -> BotReply:
    buttons = [
        {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in item.get("buttons") or []
    ]
    return BotReply(text=str(item.get("text") or ""), buttons=buttons, custom=item.get("custom"))


def is_ready() -> bool:
    """True when Rasa answers its status endpoint with a loaded model."""
    settings = get_settings()
    query = urlencode({"token": settings.rasa_token.get_secret_value()})
    try:
        response = _pool.request("GET", f"{settings.rasa_url}/status?{query}", timeout=2.0)
        return response.status == 200 and bool(json.loads(response.data).get("model_file"))
    except (urllib3.exceptions.HTTPError, ValueError):
        return False


def erase_tracker(*, conversation_id: str) -> None:
    """Replaces the conversation's tracker with an empty one: Rasa keeps nothing of what was said."""
    _tracker_events("PUT", conversation_id, [])


def post_events(*, conversation_id: str, events: list[dict[str, Any]]) -> None:
    """Appends events (e.g. pause, resume) to the conversation's tracker through Rasa's HTTP API."""
    _tracker_events("POST", conversation_id, events)


def _tracker_events(method: str, conversation_id: str, events: list[dict[str, Any]]) -> None:
    params = {"token": get_settings().rasa_token.get_secret_value(), "include_events": "NONE"}
    _call(method, f"/conversations/{conversation_id}/tracker/events", what="tracker API", body=events, params=params)
