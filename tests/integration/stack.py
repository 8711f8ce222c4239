"""Starts the real helpline (`make run` or `helpline up`) on free ports, and inspects its processes."""

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from helpline.paths import ROOT

READY_TIMEOUT = 660.0
PUBLIC = "https://helpline.integration.test"  # the stack's PUBLIC_BASE_URL, which Twilio signatures cover


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Stack:
    """A running helpline started by a test."""

    process: subprocess.Popen[bytes]
    base_url: str
    rasa_url: str
    output: Path

    def descendants(self) -> set[int]:
        """Every live process in the sessions of the launcher's children, and the launcher's own."""
        leaders = {self.process.pid, *children_of(self.process.pid)}
        for pid in list(leaders):
            leaders |= children_of(pid)
        return {pid for pid in live_pids() if session_of(pid) in leaders or pid in leaders}


def live_pids() -> set[int]:
    """Every process that exists and is not a zombie."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if state != "Z":
                pids.add(int(entry.name))
    return pids


def _stat_field(pid: int, index: int) -> int:
    try:
        return int((Path(f"/proc/{pid}/stat")).read_text().rsplit(")", 1)[1].split()[index])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return -1


def session_of(pid: int) -> int:
    """The session id of a process (-1 if it is gone)."""
    return _stat_field(pid, 3)


def children_of(pid: int) -> set[int]:
    """Direct children of a process."""
    return {child for child in live_pids() if _stat_field(child, 1) == pid}


def start(command: list[str], *, output: Path, extra_env: dict[str, str] | None = None) -> Stack:
    """Starts the command in its own process group and waits until it says it is ready and /readyz answers 200."""
    port, rasa_port, actions_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "HELPLINE_PORT": str(port),
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "ACTION_SERVER_URL": f"http://127.0.0.1:{actions_port}",
        "TRIAGE_URL": f"http://127.0.0.1:{port}",
        "RASA_TIMEOUT_SECONDS": "20",
        **(extra_env or {}),
    }
    handle = output.open("wb")
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    stack = Stack(process, f"http://127.0.0.1:{port}", env["RASA_URL"], output)
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{command} exited early:\n{output.read_text()[-3000:]}")
        try:
            # The launcher prints "ready in" after its own checks, a moment after /readyz first answers.
            ready = httpx.get(f"{stack.base_url}/readyz", timeout=2).status_code == 200
            if ready and "ready in" in output.read_text(errors="replace"):
                return stack
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError(f"not ready within {READY_TIMEOUT} s:\n{output.read_text()[-3000:]}")


def wait_gone(pids: set[int], timeout: float = 20.0) -> set[int]:
    """Waits for the processes to end; returns those still alive."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = pids & live_pids()
        if not alive:
            return set()
        time.sleep(0.2)
    return pids & live_pids()
