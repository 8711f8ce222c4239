"""The gateway bench puts the bot's processes and the rest on the cores its layout names, and counts their CPU."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.bench import bench_module

cores = bench_module("gateway", "cores")
linux_with_two_cores = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs Linux and two cores"
)

# A launcher whose children carry the command lines the bench tells roles by; each child runs a second thread.
LAUNCHER = """
import subprocess, sys, time
child = "import threading, time; threading.Thread(target=time.sleep, args=(60,)).start(); time.sleep(60)"
for tag in ("rasa", "rasa_sdk", "uvicorn", "redis"):
    subprocess.Popen([sys.executable, "-c", child, tag])
print("started", flush=True)
time.sleep(60)
"""


@pytest.fixture
def stack() -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    deadline = time.monotonic() + 10
    while len(cores.stack_processes(process.pid)) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    yield process
    os.killpg(process.pid, 9)
    process.wait()


def _affinities(root: int) -> dict[str, set[frozenset[int]]]:
    found: dict[str, set[frozenset[int]]] = {}
    for pid, role, _fields in cores.stack_processes(root):
        for task in os.listdir(f"/proc/{pid}/task"):
            found.setdefault(role, set()).add(frozenset(os.sched_getaffinity(int(task))))
    return found


def test_roles_are_told_by_command_line(stack: subprocess.Popen[str]) -> None:
    roles = sorted(role for _pid, role, _fields in cores.stack_processes(stack.pid))
    assert roles == ["actions", "rasa", "redis", "service"]


@linux_with_two_cores
def test_split_puts_every_thread_of_the_bot_apart_from_the_rest(stack: subprocess.Popen[str]) -> None:
    layouts = cores.layouts()
    bot, rest = layouts["split"]
    assert bot
    assert rest
    assert not bot & rest
    assert bot | rest == set(os.sched_getaffinity(0))
    try:
        cores.place(stack.pid, layouts["split"])
        placed = _affinities(stack.pid)
        assert placed == {
            "rasa": {frozenset(bot)},
            "actions": {frozenset(bot)},
            "service": {frozenset(rest)},
            "redis": {frozenset(rest)},
        }
        assert os.sched_getaffinity(0) == rest  # this process is the bench's client: with the rest
        cores.place(stack.pid, layouts["shared"])
        every = frozenset(bot | rest)
        assert {role: found for role, found in _affinities(stack.pid).items()} == {
            role: {every} for role in ("rasa", "actions", "service", "redis")
        }
    finally:
        for task in os.listdir("/proc/self/task"):  # every thread of this test process back on every core
            os.sched_setaffinity(int(task), bot | rest)


def test_cpu_seconds_are_counted_per_role(stack: subprocess.Popen[str]) -> None:
    used = cores.cpu_seconds(stack.pid)
    assert set(used) == {"rasa", "actions", "service", "redis", "bench"}
    assert all(seconds >= 0 for seconds in used.values())
    assert used["bench"] > 0  # this test process has run Python for a while
