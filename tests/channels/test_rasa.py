"""The Rasa client against a server that closes a kept-alive connection as the next request arrives."""

import io
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from channels import rasa
from tests.conftest import Reconfigure

ANSWER = [{"recipient_id": "c-1", "text": "Salam, ana hna."}]


@dataclass
class Closing:
    """Answers the first request of each connection (keeping it alive); reads the second and closes unanswered,
    as a server whose idle timeout ends as the request arrives."""

    url: str = ""
    answered: list[dict[str, object]] = field(default_factory=list)
    dropped: int = 0
    connections: int = 0


def _request(reader: io.BufferedReader) -> bytes | None:
    """One HTTP request's body, or None when the connection closed."""
    lines = []
    while (line := reader.readline()) not in (b"\r\n", b""):
        lines.append(line.decode().strip())
    if not lines:
        return None
    length = next(int(h.split(":", 1)[1]) for h in lines if h.lower().startswith("content-length"))
    return reader.read(length)


@pytest.fixture
def closing(reconfigure: Reconfigure) -> Iterator[Closing]:
    """The server, with the service's RASA_URL pointing at it."""
    server, state = socket.create_server(("127.0.0.1", 0)), Closing()

    def serve(connection: socket.socket) -> None:
        with connection, connection.makefile("rb") as reader:
            body = _request(reader)
            if body is None:
                return
            state.answered.append(json.loads(body))
            payload = json.dumps(ANSWER).encode()
            head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
            connection.sendall(head.encode() + payload)
            if _request(reader) is not None:
                state.dropped += 1

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            state.connections += 1
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    state.url = f"http://127.0.0.1:{server.getsockname()[1]}"
    reconfigure(RASA_URL=state.url)
    rasa._pool.clear()
    try:
        yield state
    finally:
        server.close()
        rasa._pool.clear()


def test_a_request_dropped_on_a_closing_kept_alive_connection_is_sent_once_more(closing: Closing) -> None:
    first = rasa.send_to_bot(conversation_id="c-1", text="salam", metadata={"channel": "sms"})
    second = rasa.send_to_bot(conversation_id="c-1", text="bghit nhder m3a chi 7ed", metadata={"channel": "sms"})

    assert [reply.text for reply in first + second] == ["Salam, ana hna.", "Salam, ana hna."]
    assert [message["message"] for message in closing.answered] == ["salam", "bghit nhder m3a chi 7ed"]
    assert closing.dropped == 1
    assert closing.connections == 2


def test_rasa_not_listening_is_unavailable_after_one_attempt(reconfigure: Reconfigure) -> None:
    with socket.create_server(("127.0.0.1", 0)) as placeholder:
        port = placeholder.getsockname()[1]
    reconfigure(RASA_URL=f"http://127.0.0.1:{port}")

    with pytest.raises(rasa.RasaUnavailable, match="NewConnectionError"):
        rasa.send_to_bot(conversation_id="c-1", text="salam", metadata={})
