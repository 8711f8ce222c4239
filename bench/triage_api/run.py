"""Triage API latency and throughput: POST /api/v1/triage/score and GET /api/v1/queue, on the real service.

Starts the helpline service the way `helpline up` does (uvicorn, `--workers N`, same options) on a free port, with
a throw-away SQLite database (or --database-url: give it a database of its own) and an embedded Redis, seeds a
supervisor, a counsellor in each centre and 20 waiting conversations spread over the regions, and measures from
this process over 50 keep-alive connections (queue reads take the staff tokens in turn, scores the action
server's service token). The
client is a small HTTP/1.1 one (about 0.1 ms of CPU a request; httpx takes ~1.8 ms, which on a two-core machine
takes CPU from the service it measures); `--client httpx` uses httpx instead. For each endpoint:

1. **paced** (open loop): requests leave at Poisson arrival times at --rate per second whatever the answers do,
   at most 50 in flight on the 50 connections; latency counts from the scheduled departure, so queueing in the
   client is counted too (no coordinated omission). This is the latency at a given load.
2. **saturation** (closed loop): 50 clients each send their next request as soon as the last one is answered:
   the throughput the service can give, and the latency that comes with it (about 50 / throughput).

Each phase runs --repeats times; the figures are medians over the repeats. Errors (non-2xx answers, transport
errors) are counted and printed, never retried. The load average of the machine is printed before and after.
Goal: p99 < 20 ms at 50 concurrent connections.

Run: .venv/bin/python bench/triage_api/run.py [--workers 2] [--rate 200] [--repeats 3] [--client httpx]
                                              [--database-url URL]
"""

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.service import wait_healthy  # noqa: E402
from channels.sandbox.server import free_port  # noqa: E402
from helpline import embedded_redis  # noqa: E402
from helpline.launcher import service_command  # noqa: E402
from helpline.settings import Settings  # noqa: E402

CONNECTIONS = 50
WARMUP = 300
TEXTS = [
    "salam, 3afak bghit nhder m3a chi wa7ed",
    "My dad hits me every night and I am scared to go home",
    "je suis harcelée à l'école depuis des mois",
    "بابا كيضربني بزاف",
    "hello is this the helpline?",
    "I took all my mum's pills an hour ago",
    "أبي يضربني كل يوم بالحزام",
    "baba ikkat iyi kul ass",
]
SEED_SCRIPT = """
import uuid
from helpline.db import new_session
from triage.centres import service as centres
from triage.conversations.models import Conversation
from triage.handoff import flows
from triage.staff import service
from triage.staff.models import Role
REGIONS = ['TTA', 'ORI', 'FM', 'RSK', 'BMK', 'CS', 'MS', 'DT', 'SM', 'GON', 'LSH', 'DOD']
with new_session() as s, s.begin():
    accounts = [(Role.SUPERVISOR, None)] + [(Role.COUNSELLOR, c.code) for c in centres.all_centres()]
    for role, centre in accounts:
        staff = service.create(session=s, username='bench-' + uuid.uuid4().hex[:8], password='bench-password',
                               role=role, centre_code=centre)
        print(service.issue_token(session=s, staff=staff)[0])
    for i in range(20):
        c = Conversation(channel='sms', pseudonym=uuid.uuid4().hex, level=['P1', 'P2', 'P3', 'P4'][i % 4],
                         region=REGIONS[i % len(REGIONS)])
        s.add(c)
        s.flush()
        flows.enqueue(session=s, conversation=c, reason='bench', actor='bench')
"""
Send = Callable[[int], Awaitable[int]]
"""Sends request number i and returns the HTTP status; raises OSError or httpx.HTTPError when the transport fails."""
TRANSPORT_ERRORS = (OSError, asyncio.IncompleteReadError, httpx.HTTPError)


@dataclass
class Run:
    """Latencies (ms) of the answered requests of one phase, its errors and its duration."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def percentile(self, share: float) -> float:
        """Nearest-rank percentile."""
        ordered = sorted(self.latencies)
        return ordered[max(0, min(len(ordered) - 1, int(share * len(ordered) + 0.999999) - 1))]


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children (uvicorn's workers), from /proc."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if entry.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


class RawClient:
    """A pool of keep-alive HTTP/1.1 connections that sends prepared requests and reads Content-Length answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.idle: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = asyncio.Queue()
        for _ in range(CONNECTIONS):
            self.idle.put_nowait(None)  # opened on first use

    def prepare(self, method: str, path: str, token: str, payload: dict[str, Any] | None = None) -> bytes:
        body = json.dumps(payload).encode() if payload is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")  # fmt: skip
        return head.encode() + body

    async def send(self, request: bytes) -> int:
        connection = await self.idle.get()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", self.port)
            reader, writer = connection
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            status = int(head[9:12])
        except BaseException:
            if connection is not None:
                connection[1].close()
            self.idle.put_nowait(None)
            raise
        self.idle.put_nowait(connection)
        return status

    async def close(self) -> None:
        while not self.idle.empty():
            connection = self.idle.get_nowait()
            if connection is not None:
                connection[1].close()


async def _one(send: Send, index: int, started: float, run: Run) -> None:
    try:
        status = await send(index)
    except TRANSPORT_ERRORS as error:
        run.error(type(error).__name__)
        return
    if status != 200:
        run.error(f"HTTP {status}")
        return
    run.latencies.append((time.perf_counter() - started) * 1000)


async def paced(send: Send, *, rate: float, count: int, seed: int) -> Run:
    """Open loop: Poisson departures at `rate` per second; latency from the scheduled departure."""
    run, rng, tasks = Run(), random.Random(seed), []
    begin = time.perf_counter()
    due = begin
    for index in range(count):
        due += rng.expovariate(rate)
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_one(send, index, due, run)))
    await asyncio.gather(*tasks)
    run.seconds = time.perf_counter() - begin
    return run


async def saturation(send: Send, *, count: int) -> Run:
    """Closed loop: CONNECTIONS clients, each sending as soon as its last answer came."""
    run, counter = Run(), iter(range(count))
    begin = time.perf_counter()

    async def client_loop() -> None:
        for index in counter:
            await _one(send, index, time.perf_counter(), run)

    await asyncio.gather(*(client_loop() for _ in range(CONNECTIONS)))
    run.seconds = time.perf_counter() - begin
    return run


def _score_payload(index: int) -> dict[str, Any]:
    return {"text": TEXTS[index % len(TEXTS)], "context": {"reporter": "child"} if index % 3 == 0 else {}}


PAYLOADS = 3 * len(TEXTS)
ENDPOINTS = [
    ("POST /api/v1/triage/score", "POST", "/api/v1/triage/score", True),
    ("GET /api/v1/queue (20 waiting, 6 accounts)", "GET", "/api/v1/queue", False),
]


def raw_sender(client: RawClient, method: str, path: str, tokens: list[str], scored: bool) -> Send:
    """Sends prepared requests (the score texts and the tokens in turn) through the small client."""
    prepared = [
        client.prepare(method, path, tokens[i % len(tokens)], _score_payload(i) if scored else None)
        for i in range(PAYLOADS * len(tokens))
    ]

    async def send(index: int) -> int:
        return await client.send(prepared[index % len(prepared)])

    return send


def httpx_sender(client: httpx.AsyncClient, method: str, path: str, tokens: list[str], scored: bool) -> Send:
    """Sends the same requests through httpx."""

    async def send(index: int) -> int:
        payload = _score_payload(index % PAYLOADS) if scored else None
        headers = {"Authorization": f"Bearer {tokens[index % len(tokens)]}"}
        return (await client.request(method, path, json=payload, headers=headers)).status_code

    return send


def _line(name: str, runs: list[Run]) -> str:
    """Medians over the repeats of p50/p95/p99 and throughput, with every run's p99 and the errors."""
    p50, p95, p99 = (statistics.median(r.percentile(q) for r in runs) for q in (0.50, 0.95, 0.99))
    rate = statistics.median(len(r.latencies) / r.seconds for r in runs)
    errors: dict[str, int] = {}
    for run in runs:
        for kind, n in run.errors.items():
            errors[kind] = errors.get(kind, 0) + n
    each = "/".join(f"{r.percentile(0.99):.1f}" for r in runs)
    shown = ", ".join(f"{n} {kind}" for kind, n in errors.items()) or "none"
    return (f"{name:<30} p50 {p50:7.2f}  p95 {p95:7.2f}  p99 {p99:7.2f} ms  {rate:6.0f} req/s"
            f"   (p99 of each run {each}; errors: {shown})")  # fmt: skip


async def _phases(send: Send, *, rate: float, count: int, repeats: int, server_pid: int) -> tuple[list[Run], ...]:
    """Warm-up, the paced repeats (with the CPU each side spent), then the saturation repeats."""
    await saturation(send, count=WARMUP)
    cpu_before, client_before = _cpu_seconds(server_pid), time.process_time()
    paced_runs = [await paced(send, rate=rate, count=count, seed=i) for i in range(repeats)]
    answered = max(1, sum(len(r.latencies) for r in paced_runs))
    server_ms = (_cpu_seconds(server_pid) - cpu_before) * 1000 / answered
    client_ms = (time.process_time() - client_before) * 1000 / answered
    closed_runs = [await saturation(send, count=count) for _ in range(repeats)]
    print(f"{'':<30} CPU per request at the paced rate: service {server_ms:.2f} ms, this client {client_ms:.2f} ms")
    return paced_runs, closed_runs


async def measure(port: int, staff_tokens: list[str], endpoints: list[tuple[str, str, str, bool]], *, client: str,
                  rate: float, count: int, repeats: int, server_pid: int) -> None:  # fmt: skip
    """Runs both phases for each endpoint and prints the figures."""
    for name, method, path, scored in endpoints:
        tokens = ["dev-only-service-token"] if scored else staff_tokens
        print(name)
        if client == "httpx":
            # Idle connections are dropped after 2 s, before the server's keep-alive timeout (75 s with the
            # launcher's options; 5 s is uvicorn's default, equal to httpx's own 5 s: the race behind ReadError).
            limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS,
                                  keepalive_expiry=2.0)  # fmt: skip
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30) as pool:
                runs = await _phases(httpx_sender(pool, method, path, tokens, scored), rate=rate, count=count,
                                     repeats=repeats, server_pid=server_pid)  # fmt: skip
        else:
            raw = RawClient(port)
            try:
                runs = await _phases(raw_sender(raw, method, path, tokens, scored), rate=rate, count=count,
                                     repeats=repeats, server_pid=server_pid)  # fmt: skip
            finally:
                await raw.close()
        print(_line(f"  paced, {rate:.0f} requests/s", runs[0]))
        print(_line("  saturation, 50 clients", runs[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (HELPLINE_WORKERS)")
    parser.add_argument("--rate", type=float, default=200.0, help="paced requests per second (default 200)")
    parser.add_argument("--requests", type=int, default=3000, help="measured requests per phase and repeat")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--database-url", default="", help="a database of its own (default: a new SQLite file)")
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw")
    parser.add_argument("--only", choices=["score", "queue"], help="measure one endpoint")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-triage-api-"))
    redis_process, redis_url = embedded_redis.start(workdir / "redis")
    port = free_port()
    database_url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "HELPLINE_PORT": str(port),
           "HELPLINE_WORKERS": str(args.workers), "RASA_URL": "http://127.0.0.1:9"}  # fmt: skip
    python = sys.executable
    subprocess.run([python, "-m", "helpline.cli", "migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    tokens = subprocess.run([python, "-c", SEED_SCRIPT], env=env, cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.split()  # fmt: skip
    command = service_command(Settings(helpline_port=port, helpline_workers=args.workers))
    server = subprocess.Popen([*command, "--log-level", "warning"], env=env, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, server)
        load = os.getloadavg()
        print(f"service: {' '.join(command[2:])} ({'PostgreSQL' if 'postgres' in database_url else 'SQLite'})")
        print(f"{CONNECTIONS} connections ({args.client} client), {args.requests} requests per phase x "
              f"{args.repeats} repeats after {WARMUP} warm-up; load average before: {load[0]:.2f} {load[1]:.2f} "
              f"{load[2]:.2f} on {os.cpu_count()} cores")  # fmt: skip
        endpoints = [e for e in ENDPOINTS if args.only is None or args.only in e[2]]
        asyncio.run(measure(port, tokens, endpoints, client=args.client, rate=args.rate, count=args.requests,
                            repeats=args.repeats, server_pid=server.pid))  # fmt: skip
        load = os.getloadavg()
        print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; goal: p99 < 20 ms at 50 connections")
    finally:
        server.terminate()
        server.wait(timeout=20)
        redis_process.terminate()


if __name__ == "__main__":
    main()
