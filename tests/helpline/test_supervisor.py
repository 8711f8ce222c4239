"""The supervisor stops every process it started, grandchildren included, and notices a crash."""

import os
import sys
import time
from pathlib import Path

import pytest

from helpline.supervisor import ChildExited, Supervisor

SPAWNS_GRANDCHILD = (
    "import subprocess, sys, time\n"
    "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
    "print(child.pid, flush=True)\n"
    "time.sleep(600)\n"
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}/stat").exists() else "X"
    return status != "Z"


def _grandchild_pid(log: Path) -> int:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = log.read_text().strip()
        if text:
            return int(text)
        time.sleep(0.05)
    raise AssertionError("the child never reported its own child")


def test_stop_ends_children_and_grandchildren(tmp_path: Path) -> None:
    supervisor = Supervisor(log_dir=tmp_path)
    child = supervisor.start("parent", [sys.executable, "-c", SPAWNS_GRANDCHILD], env=dict(os.environ), cwd=tmp_path)
    grandchild = _grandchild_pid(child.log)
    assert _alive(child.process.pid)
    assert _alive(grandchild)
    supervisor.stop()
    deadline = time.monotonic() + 5
    while _alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child.process.pid)
    assert not _alive(grandchild)


def test_check_reports_a_child_that_exited(tmp_path: Path) -> None:
    supervisor = Supervisor(log_dir=tmp_path)
    supervisor.start("crasher", [sys.executable, "-c", "raise SystemExit(3)"], env=dict(os.environ), cwd=tmp_path)
    with pytest.raises(ChildExited, match="crasher exited with code 3"):
        supervisor.wait_until(lambda: False, what="nothing", timeout=10)
    supervisor.stop()
