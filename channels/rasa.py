"""Client of the Rasa server's REST channel and conversation API."""

from dataclasses import dataclass, field
from typing import Any

import httpx

from helpline.settings import get_settings

_client = httpx.Client(limits=httpx.Limits(max_connections=64, max_keepalive_connections=32))
"""One pooled client for every call: a new client per call costs a TLS context and a TCP handshake."""


class RasaUnavailable(RuntimeError):
    """Rasa did not answer in time or answered with an error."""


@dataclass(frozen=True)
class BotReply:
    """One message of the bot, as the REST channel returns it."""

    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)
    custom: dict[str, Any] | None = None


def send_to_bot(*, conversation_id: str, text: str, metadata: dict[str, Any]) -> list[BotReply]:
    """Posts one user message to Rasa's REST channel and returns the bot's replies."""
    settings = get_settings()
    payload = {"sender": conversation_id, "message": text, "metadata": metadata}
    try:
        response = _client.post(
            f"{settings.rasa_url}/webhooks/rest/webhook", json=payload, timeout=settings.rasa_timeout_seconds
        )
        response.raise_for_status()
    except httpx.HTTPError as error:
        raise RasaUnavailable(f"Rasa REST channel failed: {type(error).__name__}") from error
    return [_reply(item) for item in response.json()]


def _reply(item: dict[str, Any]) -> BotReply:
    buttons = [
        {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in item.get("buttons") or []
    ]
    return BotReply(text=str(item.get("text") or ""), buttons=buttons, custom=item.get("custom"))


def is_ready() -> bool:
    """True when Rasa answers its status endpoint with a loaded model."""
    settings = get_settings()
    try:
        response = httpx.get(
            f"{settings.rasa_url}/status",
            params={"token": settings.rasa_token.get_secret_value()},
            timeout=2.0,
        )
    except httpx.HTTPError:
        return False
    return response.status_code == 200 and bool(response.json().get("model_file"))


def erase_tracker(*, conversation_id: str) -> None:
    """Replaces the conversation's tracker with an empty one: Rasa keeps nothing of what was said."""
    settings = get_settings()
    try:
        response = _client.put(
            f"{settings.rasa_url}/conversations/{conversation_id}/tracker/events",
            params={"token": settings.rasa_token.get_secret_value(), "include_events": "NONE"},
            json=[],
            timeout=settings.rasa_timeout_seconds,
        )
        response.raise_for_status()
    except httpx.HTTPError as error:
        raise RasaUnavailable(f"Rasa tracker API failed: {type(error).__name__}") from error


def post_events(*, conversation_id: str, events: list[dict[str, Any]]) -> None:
    """Appends events (e.g. pause, resume) to the conversation's tracker through Rasa's HTTP API."""
    settings = get_settings()
    try:
        response = _client.post(
            f"{settings.rasa_url}/conversations/{conversation_id}/tracker/events",
            params={"token": settings.rasa_token.get_secret_value(), "include_events": "NONE"},
            json=events,
            timeout=settings.rasa_timeout_seconds,
        )
        response.raise_for_status()
    except httpx.HTTPError as error:
        raise RasaUnavailable(f"Rasa tracker API failed: {type(error).__name__}") from error
