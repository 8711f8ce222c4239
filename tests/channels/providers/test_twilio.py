"""The Twilio sender through an HTTP proxy taken from the environment, as requests would take it."""

import base64
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest

from channels.message import Channel, Outgoing, SendOutcome
from channels.providers import twilio
from channels.sandbox.server import Running
from tests.standin import on_loopback

USER = "+212612345678"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the proxy's own way out ignores HTTP_PROXY
HOP_BY_HOP = ("proxy-authorization", "proxy-connection", "connection", "host", "content-length")
PROXY_USER, PROXY_PASSWORD = "relay", "s3cret"


@dataclass
class Proxy:
    """A forwarding HTTP proxy on loopback: records each request line and its Proxy-Authorization."""

    url: str = ""
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)  # (method, absolute URL, credentials)


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    """Runs the proxy for the test."""
    recorded = Proxy()

    class _Forward(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            recorded.seen.append((self.command, self.path, self.headers.get("Proxy-Authorization")))
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            upstream = urllib.request.Request(self.path, data=body, headers=headers, method=self.command)
            with DIRECT.open(upstream, timeout=10) as answer:
                status, payload, kind = answer.status, answer.read(), answer.headers.get("Content-Type", "")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    with on_loopback(_Forward) as url:
        recorded.url = url
        yield recorded


@pytest.fixture(autouse=True)
def fresh_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment's proxy settings are read when the client is built: build it again in each test."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setattr(twilio, "_clients", threading.local())


def _send(text: str) -> SendOutcome:
    outgoing = Outgoing(channel=Channel.SMS, address=USER, text=text)
    return twilio.TwilioSender().send(outgoing, status_callback=None).outcome


def test_a_proxy_in_the_environment_carries_the_send_with_its_credentials(
    sandbox: Running, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = proxy.url.removeprefix("http://")
    monkeypatch.setenv("HTTP_PROXY", f"http://{PROXY_USER}:{PROXY_PASSWORD}@{host}")

    assert _send("salam through the proxy") is SendOutcome.ACCEPTED

    credentials = "Basic " + base64.b64encode(f"{PROXY_USER}:{PROXY_PASSWORD}".encode()).decode()
    assert len(proxy.seen) == 1
    method, url, sent = proxy.seen[0]
    assert (method, sent) == ("POST", credentials)
    assert url.startswith(f"{sandbox.url}/2010-04-01/Accounts/")
    assert url.endswith("/Messages.json")
    assert [m.text for m in sandbox.sandbox.messages(to=USER)] == ["salam through the proxy"]


def test_no_proxy_sends_straight_to_the_api(sandbox: Running, proxy: Proxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")

    assert _send("salam, no proxy") is SendOutcome.ACCEPTED

    assert proxy.seen == []
    assert [m.text for m in sandbox.sandbox.messages(to=USER)] == ["salam, no proxy"]
