"""Triage API latency at 50 concurrent requests: POST /api/v1/triage/score and GET /api/v1/queue.

Starts the real helpline service (uvicorn, one worker) on a free port with a throw-away SQLite database and an
embedded Redis, then measures from a second process. Goal: p99 < 20 ms at 50 concurrent requests.
"""

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from helpline import embedded_redis  # noqa: E402

CONCURRENCY = 50
REQUESTS = 3000
WARMUP = 200
TEXTS = [
    "salam, 3afak bghit nhder m3a chi wa7ed",
    "My dad hits me every night and I am scared to go home",
    "je suis harcelée à l'école depuis des mois",
    "بابا كيضربني بزاف",
    "hello is this the helpline?",
    "I took all my mum's pills an hour ago",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def _measure(client: httpx.AsyncClient, request: tuple[str, str, dict[str, object] | None]) -> list[float]:
    method, url, payload = request
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(REQUESTS + WARMUP):
        queue.put_nowait(index)

    async def worker() -> None:
        while not queue.empty():
            index = queue.get_nowait()
            started = time.perf_counter()
            response = await client.request(method, url, json=payload and {**payload, "text": TEXTS[index % 6]})
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:200]}")
            if index >= WARMUP:
                latencies.append(elapsed * 1000)

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return latencies


def _report(name: str, latencies: list[float], seconds: float) -> None:
    p50, p95, p99 = (_percentile(latencies, q) for q in (0.50, 0.95, 0.99))
    verdict = "meets" if p99 < 20 else "MISSES"
    print(f"{name:32} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  p99 {p99:6.2f} ms  "
          f"{len(latencies) / seconds:7.0f} req/s   ({verdict} the p99 < 20 ms goal)")  # fmt: skip


async def _run(base_url: str, staff_token: str) -> None:
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    service = {"Authorization": "Bearer dev-only-service-token"}
    async with httpx.AsyncClient(base_url=base_url, headers=service, limits=limits, timeout=30) as client:
        started = time.perf_counter()
        score = await _measure(client, ("POST", "/api/v1/triage/score", {"context": {}}))
        _report("POST /api/v1/triage/score", score, time.perf_counter() - started)
    staff = {"Authorization": f"Bearer {staff_token}"}
    async with httpx.AsyncClient(base_url=base_url, headers=staff, limits=limits, timeout=30) as client:
        started = time.perf_counter()
        queue = await _measure(client, ("GET", "/api/v1/queue", None))
        _report("GET /api/v1/queue (20 waiting)", queue, time.perf_counter() - started)
    print(f"concurrency {CONCURRENCY}, {REQUESTS} measured requests each after {WARMUP} warm-up; one uvicorn worker")
    ratio = statistics.median(score) / statistics.median(queue)
    print(f"median score latency / median queue latency: {ratio:.2f}")


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-triage-api-"))
    redis_process, redis_url = embedded_redis.start(workdir / "redis")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}", "REDIS_URL": redis_url,
           "HELPLINE_PORT": str(port), "RASA_URL": "http://127.0.0.1:9"}  # fmt: skip
    python = sys.executable
    subprocess.run([python, "-m", "helpline.cli", "migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    setup = (
        "from helpline.db import new_session\n"
        "from triage.staff import service\nfrom triage.staff.models import Role, Staff\n"
        "from triage.conversations.models import Conversation\nfrom triage.handoff import flows\n"
        "with new_session() as s, s.begin():\n"
        "    st = service.create(session=s, username='bench', password='bench-password', role=Role.SUPERVISOR,"
        " centre_code=None)\n"
        "    print(service.issue_token(session=s, staff=st)[0])\n"
        "    for i in range(20):\n"
        "        c = Conversation(channel='sms', pseudonym=f'p{i}', level=['P1','P2','P3','P4'][i % 4])\n"
        "        s.add(c); s.flush()\n"
        "        flows.enqueue(session=s, conversation=c, reason='bench', actor='bench')\n"
    )
    token = subprocess.run([python, "-c", setup], env=env, cwd=ROOT, check=True, capture_output=True,
                           text=True).stdout.strip()  # fmt: skip
    server = subprocess.Popen(
        [python, "-m", "uvicorn", "helpline.app:create_app", "--factory", "--port", str(port), "--no-access-log",
         "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not start")
            time.sleep(0.2)
        try:
            asyncio.run(_run(base_url, token))
        except httpx.HTTPError:
            print("service exit code:", server.poll())
            raise
    finally:
        server.terminate()
        server.wait(timeout=10)
        redis_process.terminate()


if __name__ == "__main__":
    main()
