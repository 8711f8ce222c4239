"""Twilio SMS and WhatsApp: one handler, told apart by the `whatsapp:` address prefix."""

import json
import logging
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import requests
import urllib3
from requests.utils import DEFAULT_CA_BUNDLE_PATH, get_auth_from_url, select_proxy
from twilio.base.exceptions import TwilioRestException
from twilio.http import HttpClient
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
POOL_SIZE = 2  # connections kept per thread (each thread has its own client)
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


class _Transport(HttpClient):  # type: ignore[misc]
    """Twilio's client library sending through a urllib3 connection pool.

    The library's own `TwilioHttpClient` prepares every request through requests (cookies, hooks, the environment),
    which costs more CPU than the rest of a send; this sends the same request (the library's URL, headers, form
    body and basic auth) straight from a pool. The environment's proxy and CA settings are read once, as requests
    would read them. Keeps the last response per thread so that 429's Retry-After can be honoured."""

    def __init__(self, base_url: str) -> None:
        super().__init__(logger=log, is_async=False, timeout=SEND_TIMEOUT_SECONDS)
        self.local = threading.local()
        self.pool = _pool(base_url)

    def request(
        self,
        method: str,
        url: str,
        params: Mapping[str, object] | None = None,
        data: Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        headers = dict(headers or {})
        if params:
            url = f"{url}?{urlencode(params, doseq=True)}"
        body = None
        if data is not None:
            json_body = headers.get("Content-Type", "").endswith("json")
            body = json.dumps(data) if json_body else urlencode(data, doseq=True)
        if auth is not None:
            headers.update(urllib3.make_headers(basic_auth=f"{auth[0]}:{auth[1]}"))
        answer = self.pool.request(
            method, url, body=body, headers=headers, timeout=timeout or self.timeout, redirect=allow_redirects
        )
        response = Response(answer.status, answer.data.decode(errors="replace"), answer.headers)
        self.local.last = response
        return response


def _pool(base_url: str) -> urllib3.PoolManager:
    """A pool for the API at `base_url`, through the proxy and with the CA bundle that requests would use there."""
    environment = requests.Session().merge_environment_settings(base_url, {}, None, None, None)
    verify, cert = environment["verify"], environment["cert"]
    options: dict[str, Any] = {
        "maxsize": POOL_SIZE,
        "retries": False,
        "cert_reqs": "CERT_REQUIRED" if verify else "CERT_NONE",
        "ca_certs": verify if isinstance(verify, str) else DEFAULT_CA_BUNDLE_PATH,
    }
    if cert:
        options["cert_file"], options["key_file"] = (cert, None) if isinstance(cert, str) else cert
    proxy = select_proxy(base_url, environment["proxies"])
    if not proxy:
        return urllib3.PoolManager(**options)
    user, password = get_auth_from_url(proxy)
    proxy_headers = urllib3.make_headers(proxy_basic_auth=f"{user}:{password}") if user else None
    return urllib3.ProxyManager(proxy, proxy_headers=proxy_headers, **options)


_clients = threading.local()


def _client() -> tuple[Client, _Transport]:
    settings = get_settings()
    key = (settings.twilio_account_sid, settings.twilio_auth_token.get_secret_value(), settings.twilio_api_base_url)
    cached = getattr(_clients, "value", None)
    if cached is None or cached[0] != key:
        http = _Transport(settings.twilio_api_base_url)
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
        except urllib3.exceptions.HTTPError as error:
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
