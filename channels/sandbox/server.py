"""Runs the stand-in: in a thread (tests, benchmark) or as its own process (`helpline up`)."""

import argparse
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

import uvicorn
from fastapi import FastAPI

from channels.sandbox.app import Sandbox, create_app


@dataclass
class Running:
    """A stand-in serving on loopback."""

    sandbox: Sandbox
    url: str


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_or_free(port: int) -> int:
    """The port if nobody listens on it, else a free one (two sandboxes on one machine must not clash)."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return free_port()
    return port


@contextmanager
def serving(app: FastAPI, *, port: int = 0, lifespan: Literal["on", "off"] = "off") -> Iterator[str]:
    """Serves an ASGI application on loopback in a background thread; yields its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan=lifespan)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def running(sandbox: Sandbox | None = None, *, port: int = 0) -> Iterator[Running]:
    """Serves a stand-in in a background thread for the duration of the block."""
    sandbox = sandbox or Sandbox()
    with serving(create_app(sandbox), port=port) as url:
        yield Running(sandbox, url)


def main() -> None:
    """`python -m channels.sandbox --port N`: serve the stand-in until stopped."""
    parser = argparse.ArgumentParser(description="Local stand-in of the Twilio and Telegram APIs")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(create_app(Sandbox()), host="127.0.0.1", port=args.port, log_level="warning")
