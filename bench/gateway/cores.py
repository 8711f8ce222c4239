"""Where the gateway bench's processes run and what CPU they use: roles by command line, CPU seconds per role, and
the CPU layouts a run is measured in (Linux /proc and affinity; elsewhere every figure is empty and every layout
shared)."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

ROLES = (
    ("rasa_sdk", "actions"),
    ("triage_client", "flush"),
    ("uvicorn", "service"),
    ("redis", "redis"),
    ("rasa", "rasa"),
)


def stack_processes(root: int) -> list[tuple[int, str, list[str]]]:
    """(pid, role, /proc stat fields) of every process under `root` (Linux /proc; empty elsewhere)."""
    parents: dict[int, int] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)], stats[int(entry.name)] = int(fields[1]), fields
    found = []
    for pid, fields in stats.items():
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor != root or pid == root:
            continue
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append((pid, next((name for key, name in ROLES if key in command), "other"), fields))
    return found


def cpu_seconds(root: int) -> dict[str, float]:
    """CPU seconds used so far by the processes under `root`, by role, and by this bench process."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    used: dict[str, float] = defaultdict(float)
    for _pid, role, fields in stack_processes(root):
        used[role] += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    if used:
        times = os.times()
        used["bench"] = times.user + times.system
    return used


BOT_ROLES = {"rasa", "actions"}  # the periodic flush is started by the launcher, so runs with the rest


def layouts() -> dict[str, tuple[set[int], set[int]]]:
    """The CPU layouts a run can measure, as (the bot's cores, the other processes' cores): `shared`, every process
    on every core as `make run` starts them, and with two cores or more `split`, the bot (Rasa and its action
    server) on half the cores and the helpline service, Redis and this bench on the others, as separate containers
    or machines run them in production."""
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    found = {"shared": (set(cpus), set(cpus))}
    if len(cpus) >= 2:
        found["split"] = (set(cpus[len(cpus) // 2 :]), set(cpus[: len(cpus) // 2]))
    return found


def place(root: int, layout: tuple[set[int], set[int]]) -> None:
    """Puts every thread of the stack and of this process on the layout's cores; threads started later inherit
    their starter's."""
    bot, rest = layout
    if not bot or not hasattr(os, "sched_setaffinity"):
        return
    targets = [(pid, role) for pid, role, _fields in stack_processes(root)] + [(os.getpid(), "bench")]
    for pid, role in targets:
        for task in Path(f"/proc/{pid}/task").glob("[0-9]*"):
            try:
                os.sched_setaffinity(int(task.name), bot if role in BOT_ROLES else rest)
            except ProcessLookupError:
                continue  # a thread that ended meanwhile
