"""Twilio SMS and WhatsApp: one handler, told apart by the `whatsapp:` address prefix."""

import json
import logging
import threading
from collections.abc import Mapping
from typing import Any

import requests
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from channels.inbox.models import InboundKind
from channels.message import Channel, Inbound, Media, Outgoing, Provider, SendOutcome, SendResult
from channels.sms import numbered
from helpline.settings import get_settings

log = logging.getLogger(__name__)

WHATSAPP_PREFIX = "whatsapp:"
SEND_TIMEOUT_SECONDS = 10.0
TRANSIENT_STATUSES = frozenset({408, 429})


class Malformed(ValueError):
    """The request lacks what every Twilio message webhook carries."""


def verify(*, url: str, params: Mapping[str, str], signature: str | None) -> bool:
    """True when X-Twilio-Signature matches the public URL and the POST parameters."""
    token = get_settings().twilio_auth_token.get_secret_value()
    if not token or not signature:
        return False
    return bool(RequestValidator(token).validate(url, dict(params), signature))


def sign(*, url: str, params: Mapping[str, str], token: str) -> str:
    """The signature Twilio would send for these parameters (the sandbox chat and the tests sign like Twilio)."""
    return str(RequestValidator(token).compute_signature(url, dict(params)))


def channel_of(address: str) -> Channel:
    """WhatsApp when the address carries the `whatsapp:` prefix, SMS otherwise."""
    return Channel.WHATSAPP if address.startswith(WHATSAPP_PREFIX) else Channel.SMS


def parse(form: Mapping[str, str]) -> Inbound:
    """The normalized message of an incoming-message webhook (text, media, location, WhatsApp button)."""
    sid, sender = form.get("MessageSid") or form.get("SmsMessageSid"), form.get("From")
    if not sid or not sender:
        raise Malformed("MessageSid and From are required")
    text = form.get("Body") or None
    media = _media(form)
    kind = InboundKind.TEXT
    location: tuple[float, float] | None = None
    if form.get("ButtonPayload"):
        kind, text = InboundKind.BUTTON, form["ButtonPayload"]
    elif form.get("Latitude") and form.get("Longitude"):
        kind, location = InboundKind.LOCATION, _location(form)
    elif media:
        kind = InboundKind.MEDIA
    elif text is None:
        kind = InboundKind.UNSUPPORTED
    return Inbound(
        provider=Provider.TWILIO,
        provider_id=sid,
        channel=channel_of(sender),
        address=sender,
        kind=kind,
        text=text,
        media=media,
        location=location,
    )


def _media(form: Mapping[str, str]) -> tuple[Media, ...]:
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError as error:
        raise Malformed("NumMedia is not a number") from error
    items = []
    for index in range(min(count, 10)):
        url = form.get(f"MediaUrl{index}")
        if url:
            content_type = form.get(f"MediaContentType{index}", "")
            items.append(Media(kind=content_type.split("/")[0] or "file", reference=url, content_type=content_type))
    return tuple(items)


def _location(form: Mapping[str, str]) -> tuple[float, float]:
    try:
        return float(form["Latitude"]), float(form["Longitude"])
    except ValueError as error:
        raise Malformed("Latitude and Longitude must be numbers") from error


def parse_status(form: Mapping[str, str]) -> tuple[str, str, str | None]:
    """(MessageSid, MessageStatus, ErrorCode) of a status callback."""
    sid, status = form.get("MessageSid") or form.get("SmsSid"), form.get("MessageStatus") or form.get("SmsStatus")
    if not sid or not status:
        raise Malformed("MessageSid and MessageStatus are required")
    return sid, status.lower(), form.get("ErrorCode") or None


class _RecordingHttpClient(TwilioHttpClient):  # type: ignore[misc]
    """Twilio's HTTP client, keeping the last response per thread so 429's Retry-After can be honoured.

    The environment's proxy and CA settings are read once here: requests would read them (and ~/.netrc) again
    on every message otherwise."""

    def __init__(self, base_url: str) -> None:
        super().__init__(timeout=SEND_TIMEOUT_SECONDS)
        self.local = threading.local()
        environment = self.session.merge_environment_settings(base_url, {}, None, None, None)
        self.proxy = environment["proxies"]
        self.session.verify, self.session.cert = environment["verify"], environment["cert"]
        self.session.trust_env = False

    def request(self, *args: Any, **kwargs: Any) -> Response:
        response: Response = super().request(*args, **kwargs)
        self.local.last = response
        return response


_clients = threading.local()


def _client() -> tuple[Client, _RecordingHttpClient]:
    settings = get_settings()
    key = (settings.twilio_account_sid, settings.twilio_auth_token.get_secret_value(), settings.twilio_api_base_url)
    cached = getattr(_clients, "value", None)
    if cached is None or cached[0] != key:
        http = _RecordingHttpClient(settings.twilio_api_base_url)
        client = Client(key[0], key[1], http_client=http)
        client.api.base_url = settings.twilio_api_base_url.rstrip("/")
        cached = (key, client, http)
        _clients.value = cached
    return cached[1], cached[2]


def _from_address(channel: Channel) -> str:
    settings = get_settings()
    if channel is Channel.WHATSAPP:
        sender = settings.twilio_whatsapp_from
        return sender if sender.startswith(WHATSAPP_PREFIX) else f"{WHATSAPP_PREFIX}{sender}"
    return settings.twilio_sms_from


class TwilioSender:
    """Sends through `twilio.rest.Client` (its API base URL taken from TWILIO_API_BASE_URL)."""

    def send(self, outgoing: Outgoing, *, status_callback: str | None) -> SendResult:
        """Creates one Message; 5xx, 408, 429 and network errors are worth retrying, other 4xx are not."""
        client, http = _client()
        arguments: dict[str, Any] = {"to": outgoing.address, "from_": _from_address(outgoing.channel)}
        if status_callback:
            arguments["status_callback"] = status_callback
        if outgoing.template_sid:
            arguments["content_sid"] = outgoing.template_sid
            arguments["content_variables"] = json.dumps(outgoing.template_variables)
        else:
            arguments["body"] = numbered(outgoing.text, [button.title for button in outgoing.buttons])
        try:
            message = client.messages.create(**arguments)
        except TwilioRestException as error:
            return _failure(error, getattr(http.local, "last", None))
        except requests.RequestException as error:
            return SendResult(SendOutcome.RETRY, reason=f"network: {type(error).__name__}")
        return SendResult(SendOutcome.ACCEPTED, provider_message_id=str(message.sid))


def _failure(error: TwilioRestException, response: Response | None) -> SendResult:
    reason = f"twilio {error.status}" + (f" error {error.code}" if error.code else "")
    if error.status >= 500 or error.status in TRANSIENT_STATUSES:
        return SendResult(SendOutcome.RETRY, retry_after=_retry_after(response), reason=reason)
    return SendResult(SendOutcome.FAILED, reason=reason)


def _retry_after(response: Response | None) -> float | None:
    headers = getattr(response, "headers", None) or {}
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
