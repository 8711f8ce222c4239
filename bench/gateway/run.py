"""Benchmarks the messaging gateway against Rasa alone, on loopback, with the real processes.

1. Latency from the signed webhook to the reply reaching the Twilio stand-in, at 1, 10 and 50 concurrent
   conversations, side by side with the same messages posted straight to Rasa's REST channel (ratio of medians;
   goal: the gateway adds at most 25 % to Rasa's median).
2. A sustained run at 50 messages/s (2 minutes by default), some of them redelivered like Twilio retries:
   messages in, stored, replies sent; 0 lost and 0 duplicated is the requirement.

Run: .venv/bin/python bench/gateway/run.py [--seconds 120] [--rate 50] [--levels 1,10,50]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, select

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from channels.inbox.models import InboundMessage  # noqa: E402
from channels.outbox.models import OutboundMessage  # noqa: E402
from channels.providers.twilio import sign  # noqa: E402
from channels.sandbox import config  # noqa: E402
from channels.sandbox.app import Received, Sandbox  # noqa: E402
from channels.sandbox.server import free_port, running  # noqa: E402
from triage.conversations.models import Message  # noqa: E402

MESSAGES = [
    "salam",
    "bghit nhder m3a chi 7ed",
    "bonjour, j'ai un problème à l'école",
    "ana 3ndi 14 3am",
    "merci",
    "السلام عليكم",
]
QUIET = 0.3
READY_TIMEOUT = 300.0


class TimedSandbox(Sandbox):
    """The stand-in, noting when each message arrives per address (perf_counter) and waking waiters."""

    def __init__(self) -> None:
        super().__init__(status_callbacks=False)
        self.arrivals: dict[str, list[float]] = defaultdict(list)
        self.condition = threading.Condition()

    def _record(self, **values: Any) -> Received:
        item = super()._record(**values)
        with self.condition:
            self.arrivals[item.to].append(time.perf_counter())
            self.condition.notify_all()
        return item

    def wait_for(self, address: str, count: int, timeout: float) -> float | None:
        """The arrival time of the address's message number `count` (1-based), or None after the timeout."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while len(self.arrivals[address]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.condition.wait(left)
            return self.arrivals[address][count - 1]

    def settle(self, address: str) -> int:
        """Waits until the address got nothing new for QUIET seconds; returns its message count."""
        while True:
            with self.condition:
                count = len(self.arrivals[address])
            time.sleep(QUIET)
            with self.condition:
                if len(self.arrivals[address]) == count:
                    return count


@dataclass
class Stack:
    process: subprocess.Popen[bytes]
    base_url: str
    rasa_url: str
    rasa_token: str
    public: str
    database_url: str
    log: Path


def start_stack(sandbox_url: str, workdir: Path) -> Stack:
    """`helpline up --no-train` on free ports, its senders pointed at this process's stand-in."""
    port, rasa_port, actions_port = free_port(), free_port(), free_port()
    database_url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.db'}")
    public = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        **config.environment_for(sandbox_url),
        "HELPLINE_PORT": str(port),
        "PUBLIC_BASE_URL": public,
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "ACTION_SERVER_URL": f"http://127.0.0.1:{actions_port}",
        "TRIAGE_URL": public,
        "DATABASE_URL": database_url,
        "RASA_TIMEOUT_SECONDS": "20",
        "RATE_LIMIT_PER_MINUTE": "1000000",
    }
    env.pop("REDIS_URL", None) if not os.environ.get("BENCH_REDIS_URL") else env.update(
        {"REDIS_URL": os.environ["BENCH_REDIS_URL"]}
    )
    log = workdir / "stack.log"
    process = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "helpline"), "up", "--no-train"], cwd=REPO, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"helpline up exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{public}/readyz", timeout=2).status_code == 200:
                token = env.get("RASA_TOKEN", "dev-only-rasa-token")
                return Stack(process, public, env["RASA_URL"], token, public, database_url, log)
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit("the helpline was not ready in time")


def stop_stack(stack: Stack) -> None:
    """SIGTERM to the launcher's group, as Ctrl-C would."""
    if stack.process.poll() is None:
        os.killpg(stack.process.pid, signal.SIGTERM)
        try:
            stack.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.process.pid, signal.SIGKILL)


def twilio_post(client: httpx.Client, stack: Stack, address: str, text: str, sid: str | None = None) -> int:
    """Posts one SMS webhook signed exactly like Twilio."""
    params = {
        "MessageSid": sid or "SM" + uuid.uuid4().hex,
        "AccountSid": config.ACCOUNT_SID,
        "From": address,
        "To": config.SMS_FROM,
        "Body": text,
        "NumMedia": "0",
    }
    signature = sign(url=f"{stack.public}/webhooks/twilio", params=params, token=config.AUTH_TOKEN)
    return client.post(
        f"{stack.base_url}/webhooks/twilio", data=params, headers={"X-Twilio-Signature": signature}
    ).status_code


@dataclass
class Latencies:
    first: list[float] = field(default_factory=list)
    last: list[float] = field(default_factory=list)
    lost: int = 0


def gateway_conversation(stack: Stack, sandbox: TimedSandbox, address: str, count: int, out: Latencies) -> None:
    """One person writing `count` messages, each after the previous answer arrived."""
    with httpx.Client(timeout=60) as client:
        for n in range(count):
            seen = sandbox.settle(address) if n else len(sandbox.arrivals[address])
            started = time.perf_counter()
            try:
                status = twilio_post(client, stack, address, MESSAGES[n % len(MESSAGES)])
            except httpx.HTTPError:
                status = 0
            first = sandbox.wait_for(address, seen + 1, timeout=60) if status == 200 else None
            if first is None:
                out.lost += 1
                continue
            total = sandbox.settle(address)
            out.first.append(first - started)
            out.last.append(sandbox.arrivals[address][total - 1] - started)


def rasa_conversation(stack: Stack, sender: str, count: int, out: Latencies) -> None:
    """The same person talking straight to Rasa's REST channel."""
    with httpx.Client(timeout=60) as client:
        for n in range(count):
            if n:
                time.sleep(QUIET)
            started = time.perf_counter()
            try:
                response = client.post(
                    f"{stack.rasa_url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": MESSAGES[n % len(MESSAGES)], "metadata": {"channel": "sms"}},
                )
            except httpx.HTTPError:
                out.lost += 1
                continue
            elapsed = time.perf_counter() - started
            if response.status_code != 200 or not response.json():
                out.lost += 1
                continue
            out.first.append(elapsed)
            out.last.append(elapsed)


def run_level(
    stack: Stack, sandbox: TimedSandbox, concurrency: int, per_conversation: int
) -> tuple[Latencies, Latencies]:
    """Rasa alone, then the gateway, with the same number of conversations and messages."""
    tag = uuid.uuid4().hex[:6]
    rasa, gateway = Latencies(), Latencies()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(
            pool.map(lambda i: rasa_conversation(stack, f"bench-{tag}-{i}", per_conversation, rasa), range(concurrency))
        )
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        addresses = [f"+2126{random.randrange(10**8):08d}" for _ in range(concurrency)]
        list(pool.map(lambda a: gateway_conversation(stack, sandbox, a, per_conversation, gateway), addresses))
    return rasa, gateway


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else float("nan")


def sustained(stack: Stack, sandbox: TimedSandbox, *, rate: float, seconds: float, redeliver: float) -> dict[str, Any]:
    """Posts `rate` messages/s for `seconds` across many senders (some redelivered); then counts everything."""
    senders = [f"+2127{n:08d}" for n in range(max(50, int(rate * 10)))]
    posted: dict[str, str] = {}
    statuses: dict[int, int] = defaultdict(int)
    lock = threading.Lock()
    total = int(rate * seconds)

    def post(index: int) -> None:
        try:
            _post(index)
        except httpx.HTTPError:
            with lock:
                statuses[0] += 1

    def _post(index: int) -> None:
        address = senders[index % len(senders)]
        sid = "SM" + uuid.uuid4().hex
        with httpx.Client(timeout=60) as client:
            status = twilio_post(client, stack, address, MESSAGES[index % len(MESSAGES)], sid)
            again = (
                twilio_post(client, stack, address, MESSAGES[index % len(MESSAGES)], sid)
                if random.random() < redeliver
                else None
            )
        with lock:
            statuses[status] += 1
            if again is not None:
                statuses[-again] += 1
            if status == 200:
                posted[sid] = address

    before = {address: len(sandbox.arrivals[address]) for address in senders}
    engine = create_engine(stack.database_url)
    with engine.connect() as db:
        users_before = db.execute(
            select(func.count()).select_from(Message).where(Message.author == "user")
        ).scalar_one()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for index in range(total):
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(post, index)
    sent_for = time.monotonic() - started
    sids = set(posted)
    deadline = time.monotonic() + 600
    stored = worked = 0
    while time.monotonic() < deadline:
        with engine.connect() as db:
            rows = db.execute(
                select(InboundMessage.provider_id, InboundMessage.status).where(InboundMessage.provider == "twilio")
            ).all()
        mine = [(pid, status) for pid, status in rows if pid in sids]
        stored, worked = len(mine), sum(status == "done" for _, status in mine)
        if worked == len(sids):
            break
        time.sleep(1)
    drained_after = time.monotonic() - started
    for address in set(posted.values()):
        sandbox.settle(address)
    with engine.connect() as db:
        user_messages = db.execute(
            select(func.count()).select_from(Message).where(Message.author == "user")
        ).scalar_one()
        outbox_rows = db.execute(select(OutboundMessage.status, func.count()).group_by(OutboundMessage.status)).all()
    engine.dispose()
    per_address = defaultdict(int)
    for address in posted.values():
        per_address[address] += 1
    replied = {address: len(sandbox.arrivals[address]) - before[address] for address in per_address}
    unanswered = sum(max(0, per_address[a] - replied[a]) for a in per_address)
    return {
        "posted": total,
        "acknowledged": statuses[200],
        "redelivered": sum(v for k, v in statuses.items() if k < 0),
        "other_statuses": {k: v for k, v in statuses.items() if k not in (200,) and k > 0},
        "stored": stored,
        "worked": worked,
        "stored_duplicates": stored - len(sids),
        "user_messages_in_transcripts": user_messages - users_before,
        "replies_received_by_standin": sum(replied.values()),
        "outbox": dict((status, count) for status, count in outbox_rows),
        "lost": len(sids) - worked,
        "messages_without_a_reply": unanswered,
        "posting_seconds": round(sent_for, 1),
        "drained_after_seconds": round(drained_after, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_GATEWAY_SECONDS", 120)))
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--levels", default="1,10,50")
    parser.add_argument("--messages", type=int, default=60, help="messages per level (spread over conversations)")
    parser.add_argument(
        "--redeliver", type=float, default=0.02, help="share of webhooks posted twice (same MessageSid)"
    )
    args = parser.parse_args()
    sandbox = TimedSandbox()
    with tempfile.TemporaryDirectory(prefix="bench-gateway-") as tmp, running(sandbox) as stand_in:
        print(f"[bench] starting helpline up --no-train (sandbox {stand_in.url}) …", flush=True)
        stack = start_stack(stand_in.url, Path(tmp))
        try:
            warm = Latencies()
            gateway_conversation(stack, sandbox, "+212699999999", 3, warm)
            rasa_conversation(stack, "bench-warmup", 3, warm)
            print("\n== webhook → reply at the Twilio stand-in vs. the same messages straight to Rasa REST (ms)")
            print(f"{'conv':>5} {'n':>4} | {'rasa p50':>9} {'p95':>7} | {'gw first p50':>12} {'p95':>7} | "
                  f"{'gw all p50':>10} {'p95':>7} | {'ratio first':>11} {'ratio all':>9} | lost")  # fmt: skip
            for level in (int(x) for x in args.levels.split(",")):
                per = max(2, args.messages // level)
                rasa, gateway = run_level(stack, sandbox, level, per)
                r50, g50, a50 = (statistics.median(x) * 1000 for x in (rasa.last, gateway.first, gateway.last))
                print(
                    f"{level:>5} {len(gateway.first):>4} | {r50:>9.1f} {percentile(rasa.last, 0.95) * 1000:>7.1f} | "
                    f"{g50:>12.1f} {percentile(gateway.first, 0.95) * 1000:>7.1f} | {a50:>10.1f} "
                    f"{percentile(gateway.last, 0.95) * 1000:>7.1f} | {g50 / r50:>11.2f} {a50 / r50:>9.2f} | "
                    f"{gateway.lost}+{rasa.lost}",
                    flush=True,
                )
            print(f"\n== sustained: {args.rate:g} messages/s for {args.seconds:g} s ({args.redeliver:.0%} redelivered)")
            result = sustained(stack, sandbox, rate=args.rate, seconds=args.seconds, redeliver=args.redeliver)
            for key, value in result.items():
                print(f"  {key:32} {value}")
            exact = result["user_messages_in_transcripts"] == result["stored"] == result["acknowledged"]
            verdict = "OK" if exact and result["lost"] == 0 and result["stored_duplicates"] == 0 else "FAILED"
            print(f"  {'0 lost, 0 duplicated':32} {verdict}")
        finally:
            stop_stack(stack)


if __name__ == "__main__":
    main()
