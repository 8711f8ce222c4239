"""A small real HTTP server for tests, standing in for a service outside this process (e.g. Rasa)."""

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    path: str
    body: bytes


Handler = Callable[[Recorded], tuple[int, Any]]


@dataclass
class StandIn:
    """Answers each request with `handler(request)` -> (status, JSON body) and records it."""

    handler: Handler
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""


@contextmanager
def serve(handler: Handler) -> Iterator[StandIn]:
    """Runs a stand-in on a free loopback port for the duration of the block."""
    stand_in = StandIn(handler=handler)

    class _Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Recorded(self.command, self.path, self.rfile.read(length))
            stand_in.requests.append(request)
            status, payload = stand_in.handler(request)
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, *args: object) -> None:
            pass

    with on_loopback(_Handler) as url:
        stand_in.url = url
        yield stand_in


@contextmanager
def on_loopback(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serves the handler class on a free loopback port for the duration of the block; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
