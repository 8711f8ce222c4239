"""Runs the helpline's processes together and stops every one of them on Ctrl-C or SIGTERM."""

import ctypes
import os
import signal
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

STOP_GRACE_SECONDS = 10.0


class ChildExited(RuntimeError):
    """A supervised process ended on its own."""


@dataclass
class Child:
    """One supervised process, in its own process group so that its children stop with it."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class Supervisor:
    """Starts processes, watches them, and stops them all (and their children) exactly once."""

    log_dir: Path
    children: list[Child] = field(default_factory=list)
    _stopping: bool = False

    def start(self, name: str, command: Sequence[str], *, env: dict[str, str], cwd: Path) -> Child:
        """Starts `command` with its output in `log_dir/name.log`."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_dir / f"{name}.log"
        with log.open("ab") as handle:
            process = subprocess.Popen(
                list(command),
                env=env,
                cwd=cwd,
                stdout=handle,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        child = Child(name=name, process=process, log=log)
        self.children.append(child)
        return child

    def adopt(self, name: str, process: subprocess.Popen[bytes], log: Path) -> None:
        """Supervises a process started elsewhere (it must lead its own session)."""
        self.children.append(Child(name=name, process=process, log=log))

    def check(self) -> None:
        """Raises ChildExited if any process has ended."""
        for child in self.children:
            code = child.process.poll()
            if code is not None:
                raise ChildExited(f"{child.name} exited with code {code}; see {child.log}")

    def wait_until(self, ready: Callable[[], bool], *, what: str, timeout: float) -> None:
        """Polls `ready` until true, failing early if a process dies or the time runs out."""
        deadline = time.monotonic() + timeout
        while not ready():
            self.check()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} was not ready within {timeout:.0f} s")
            time.sleep(0.5)

    def stop(self) -> None:
        """Sends SIGTERM to every process group, then SIGKILL to what is left after the grace period."""
        if self._stopping:
            return
        self._stopping = True
        for child in reversed(self.children):
            _signal_group(child.process, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in reversed(self.children):
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        for child in self.children:
            _signal_group(child.process, signal.SIGKILL)
            child.process.wait()

    def install_signal_handlers(self) -> None:
        """Turns SIGINT and SIGTERM into KeyboardInterrupt so that `finally: stop()` runs."""

        def interrupt(signum: int, _frame: FrameType | None) -> None:
            raise KeyboardInterrupt(signal.Signals(signum).name)

        signal.signal(signal.SIGINT, interrupt)
        signal.signal(signal.SIGTERM, interrupt)


def die_with_parent() -> None:
    """In a child: receive SIGTERM if the supervisor dies, even by SIGKILL (Linux only)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _signal_group(process: subprocess.Popen[bytes], signum: signal.Signals) -> None:
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass
