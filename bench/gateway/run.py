"""Benchmarks the messaging gateway against Rasa alone, on loopback, with the real processes.

1. Latency from the signed Twilio webhook to the bot's replies reaching the Twilio stand-in, at 1, 10 and 50
   concurrent conversations, against the same messages posted straight to the same Rasa's REST channel, for
   conversations triage knows (so the bot's actions that call triage do the same work on both paths), with the
   same metadata. Each level runs both paths back to back, several rounds, alternating which goes first, with the
   same pace on both: people start within a second of each other and write again 0.3 to 0.9 s after an answer.
   Figures are over all rounds. Goal: the gateway's median at most 25 % above Rasa's own (ratio <= 1.25), judged
   on the last reply (Rasa's REST answer carries all the replies at once; the gateway sends them one by one). A
   round's ratio moves by ±0.2 with the machine, so the verdict rests on the ratio pooled over the rounds and its
   95 % bootstrap interval over whole rounds (`ratio.py`): "met" only when the whole interval is within the goal.
   Means and throughput are printed too: once Rasa is saturated (50 conversations) the median mostly shows how
   Rasa orders its own queue, not what the gateway adds. The levels run in each CPU layout asked for (`cores.py`):
   `shared`, every process on every core as `make run` starts them on one machine (the default), and `split`,
   the bot (Rasa and its action server) on half the cores and the helpline service, Redis and this bench on the
   others, as separate containers or machines would run them.
2. A sustained run: 50 messages/s for 2 minutes through the real webhook, some posted twice like Twilio's
   retries, then the replies are let to drain (Rasa is the bottleneck) and everything is counted: messages in,
   stored, in the transcripts, worked, replies queued, accepted and received. "0 lost, 0 duplicated" is printed
   only when every count agrees (`verdict.py`).

Run: .venv/bin/python bench/gateway/run.py [--levels 1,10,50] [--rounds 6] [--layouts shared,split] [--seconds 120]
     [--rate 50]
The stack runs on SQLite as `make run` does; BENCH_DATABASE_URL picks another database (e.g. PostgreSQL).
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
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cores import cpu_seconds, layouts, place  # noqa: E402
from ratio import MIN_ROUNDS, Round, pooled, ratio  # noqa: E402
from verdict import Counts, report  # noqa: E402

from channels.inbox.models import InboundMessage  # noqa: E402
from channels.outbox.models import OutboundMessage  # noqa: E402
from channels.providers.twilio import sign  # noqa: E402
from channels.sandbox import config  # noqa: E402
from channels.sandbox.app import Received, Sandbox  # noqa: E402
from channels.sandbox.server import free_port, running  # noqa: E402
from helpline.db import utcnow  # noqa: E402
from triage.conversations.models import Conversation, Message  # noqa: E402
from triage.staff import models as _staff  # noqa: E402, F401  (conversations refer to staff)

MESSAGES = [
    "salam",
    "bghit nhder m3a chi 7ed",
    "bonjour, j'ai un problème à l'école",
    "ana 3ndi 14 3am",
    "merci",
    "السلام عليكم",
]
METADATA = {"channel": "sms", "buttons": False}  # what the gateway sends along for an SMS conversation
QUIET = 0.3  # an answer is complete when no reply came for this long
PAUSE = (QUIET, 3 * QUIET)  # a person writes again this long after an answer (uniform; same draws for both paths)
START_SPREAD = 1.0  # the people of one level start within this many seconds of each other
READY_TIMEOUT = 600.0
MIN_PER_CONVERSATION, MAX_PER_CONVERSATION = 6, 40
GOAL = 1.25  # the gateway's median at most 25 % above Rasa's own
ACCEPTED = ("accepted", "queued", "sent", "delivered", "read")


def load() -> str:
    """The machine's load averages (1, 5, 15 min), printed with every figure: the machine is shared."""
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


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

    def count(self, address: str) -> int:
        with self.condition:
            return len(self.arrivals[address])

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
        with self.condition:
            while True:
                count = len(self.arrivals[address])
                self.condition.wait_for(lambda seen=count: len(self.arrivals[address]) != seen, timeout=QUIET)
                if len(self.arrivals[address]) == count:
                    return count


@dataclass
class Stack:
    process: subprocess.Popen[bytes]
    base_url: str
    rasa_url: str
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
        "RASA_TIMEOUT_SECONDS": "30",
        "RATE_LIMIT_PER_MINUTE": "1000000",
        "LOG_DIR": str(workdir / "log"),
    }
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
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
            if httpx.get(f"{public}/readyz", timeout=2).status_code == 200 and "ready in" in log.read_text():
                return Stack(process, public, env["RASA_URL"], database_url, log)
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit(f"the helpline was not ready in time:\n{log.read_text()[-3000:]}")


def stop_stack(stack: Stack) -> None:
    """SIGTERM to the launcher's group, as Ctrl-C would."""
    if stack.process.poll() is None:
        os.killpg(stack.process.pid, signal.SIGTERM)
        try:
            stack.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(stack.process.pid, signal.SIGKILL)


def twilio_post(client: httpx.Client, stack: Stack, address: str, text: str, sid: str | None = None) -> int:
    """Posts one SMS webhook signed exactly like Twilio; returns the HTTP status (0 when it did not answer)."""
    params = {
        "MessageSid": sid or "SM" + uuid.uuid4().hex,
        "AccountSid": config.ACCOUNT_SID,
        "From": address,
        "To": config.SMS_FROM,
        "Body": text,
        "NumMedia": "0",
    }
    signature = sign(url=f"{stack.base_url}/webhooks/twilio", params=params, token=config.AUTH_TOKEN)
    try:
        return client.post(
            f"{stack.base_url}/webhooks/twilio", data=params, headers={"X-Twilio-Signature": signature}
        ).status_code
    except httpx.HTTPError:
        return 0


# --- 1. latency, side by side ------------------------------------------------------------------------------------


@dataclass
class Latencies:
    first: list[float] = field(default_factory=list)
    last: list[float] = field(default_factory=list)
    lost: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, first: float, last: float) -> None:
        with self.lock:
            self.first.append(first)
            self.last.append(last)


@dataclass(frozen=True)
class Pace:
    """When one person starts writing and how long they pause after each answer: the same for both paths."""

    start: float
    pauses: tuple[float, ...]


def paces(count: int, per: int, rng: random.Random) -> list[Pace]:
    """Starts spread over START_SPREAD seconds and pauses drawn from PAUSE (people do not write in lockstep)."""
    return [Pace(rng.uniform(0, START_SPREAD), tuple(rng.uniform(*PAUSE) for _ in range(per))) for _ in range(count)]


def gateway_conversation(stack: Stack, sandbox: TimedSandbox, address: str, pace: Pace, out: Latencies) -> None:
    """One person writing by SMS, each message a pause after the previous answer's last reply arrived."""
    time.sleep(pace.start)
    with httpx.Client(timeout=60) as client:
        seen = sandbox.count(address)
        for n, pause in enumerate(pace.pauses):
            started = time.perf_counter()
            status = twilio_post(client, stack, address, MESSAGES[n % len(MESSAGES)])
            first = sandbox.wait_for(address, seen + 1, timeout=60) if status == 200 else None
            if first is None:
                out.lost += 1
                seen = sandbox.count(address)
                continue
            seen = sandbox.settle(address)  # the answer is complete when nothing came for QUIET (<= any pause)
            last = sandbox.arrivals[address][seen - 1]
            out.add(first - started, last - started)
            if n < len(pace.pauses) - 1:
                time.sleep(max(0.0, last + pause - time.perf_counter()))


def open_conversations(stack: Stack, count: int) -> list[str]:
    """Conversations triage knows, one per person talking straight to Rasa: the bot's actions that call triage
    (a handoff, a report) then do the same work as for the gateway's conversations, instead of being refused."""
    engine = create_engine(stack.database_url)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        rows = [Conversation(channel="sms", pseudonym=f"bench-{uuid.uuid4().hex}") for _ in range(count)]
        session.add_all(rows)
    engine.dispose()
    return [str(row.id) for row in rows]


def rasa_conversation(stack: Stack, sender: str, pace: Pace, out: Latencies) -> None:
    """The same person talking straight to Rasa's REST channel (same metadata as the gateway's), same pauses."""
    time.sleep(pace.start)
    with httpx.Client(timeout=60) as client:
        for n, pause in enumerate(pace.pauses):
            started = time.perf_counter()
            try:
                response = client.post(
                    f"{stack.rasa_url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": MESSAGES[n % len(MESSAGES)], "metadata": METADATA},
                )
                answered = response.status_code == 200 and bool(response.json())
            except (httpx.HTTPError, ValueError):
                answered = False
            elapsed = time.perf_counter() - started
            if answered:
                out.add(elapsed, elapsed)
            else:
                out.lost += 1
            if n < len(pace.pauses) - 1:
                time.sleep(pause)


def run_path(concurrency: int, conversation: Callable[[int, Latencies], None], out: Latencies) -> None:
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(conversation, index, out) for index in range(concurrency)]:
            future.result()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else float("nan")


def summary(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and mean in milliseconds."""
    return statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000, statistics.mean(seconds) * 1000


def latency_level(stack: Stack, sandbox: TimedSandbox, concurrency: int, per: int, rounds: int) -> None:
    """Both paths back to back with the same paces, `rounds` times, alternating which goes first; prints the
    figures over all rounds."""
    rasa, gateway = Latencies(), Latencies()
    rounds_measured: list[Round] = []
    busy = {"rasa": 0.0, "gateway": 0.0}
    cpu: dict[str, dict[str, float]] = {"rasa": defaultdict(float), "gateway": defaultdict(float)}
    before = load()
    for round_ in range(rounds):
        senders = open_conversations(stack, concurrency)
        people = paces(concurrency, per, random.Random(round_))
        this_rasa, this_gateway = Latencies(), Latencies()

        def direct(index: int, out: Latencies, senders: list[str] = senders, people: list[Pace] = people) -> None:
            rasa_conversation(stack, senders[index], people[index], out)

        def through_gateway(index: int, out: Latencies, people: list[Pace] = people) -> None:
            gateway_conversation(stack, sandbox, f"+2126{random.randrange(10**8):08d}", people[index], out)

        paths = [(direct, this_rasa), (through_gateway, this_gateway)]
        for conversation, out in paths if round_ % 2 == 0 else reversed(paths):
            path = "rasa" if out is this_rasa else "gateway"
            started, cpu_before = time.perf_counter(), cpu_seconds(stack.process.pid)
            run_path(concurrency, conversation, out)
            busy[path] += time.perf_counter() - started
            for role, seconds in cpu_seconds(stack.process.pid).items():
                cpu[path][role] += seconds - cpu_before.get(role, 0.0)
        for total, part in ((rasa, this_rasa), (gateway, this_gateway)):
            total.first += part.first
            total.last += part.last
            total.lost += part.lost
        rounds_measured.append(Round(this_rasa.last, this_gateway.last))
    if not rasa.last or not gateway.last:
        print(f"{concurrency:>5} | nothing measured (lost: gateway {gateway.lost}, rasa {rasa.lost})", flush=True)
        return
    r50, r95, rmean = summary(rasa.last)
    f50 = statistics.median(gateway.first) * 1000
    l50, l95, lmean = summary(gateway.last)
    spread = " ".join(f"{pooled([one]):.2f}" for one in rounds_measured if one.rasa and one.gateway)
    judged = ratio(rounds_measured)
    throughput = f"{len(rasa.last) / busy['rasa']:.1f}/{len(gateway.last) / busy['gateway']:.1f}"
    print(
        f"{concurrency:>4} {len(gateway.last):>4} | {r50:>7.1f} {r95:>7.1f} {rmean:>7.1f} | {f50:>7.1f} | "
        f"{l50:>7.1f} {l95:>7.1f} {lmean:>7.1f} | {f50 / r50:>5.2f} {l50 / r50:>5.2f} {lmean / rmean:>5.2f} | "
        f"{spread:<15} | {throughput:>9} | {gateway.lost}+{rasa.lost} | "
        f"{before} -> {load()}",
        flush=True,
    )
    interval = (
        f"95 % interval over rounds {judged.low:.2f}-{judged.high:.2f}"
        if judged.low is not None and judged.high is not None
        else f"no interval under {MIN_ROUNDS} rounds"
    )
    print(f"       last p50 ratio {judged.point:.2f} ({interval}): goal <= {GOAL} {judged.verdict(GOAL)}", flush=True)
    if cpu["rasa"] or cpu["gateway"]:
        per_message = {
            path: {role: 1000 * s / max(1, len((rasa if path == "rasa" else gateway).last)) for role, s in c.items()}
            for path, c in cpu.items()
        }
        straight, via = per_message["rasa"], per_message["gateway"]
        shares = ", ".join(
            f"{role} {straight.get(role, 0):.0f}/{via.get(role, 0):.0f}" for role in sorted({*straight, *via})
        )
        totals = f"{sum(straight.values()):.0f}/{sum(via.values()):.0f}"
        print(f"       CPU ms per message, rasa path / gateway path: {shares}; total {totals}", flush=True)


HEADER = (
    f"{'conv':>4} {'n':>4} | {'rasa':>7} {'':>7} {'':>7} | {'gw 1st':>7} | {'gw last':>7} {'':>7} {'':>7} | "
    f"{'ratio':>5} {'':>5} {'':>5} | {'last p50 ratio':<15} | {'msg/s':>9} | lost |\n"
    f"{'':>4} {'':>4} | {'p50':>7} {'p95':>7} {'mean':>7} | {'p50':>7} | {'p50':>7} {'p95':>7} {'mean':>7} | "
    f"{'1st':>5} {'last':>5} {'mean':>5} | {'per round':<15} | {'rasa/gw':>9} | gw+r  | load"
)


# --- 2. sustained run ----------------------------------------------------------------------------------------------


@dataclass
class Posting:
    """What the simulated provider posted and what it was answered."""

    sids: dict[str, str] = field(default_factory=dict)  # MessageSid -> address
    acknowledged: set[str] = field(default_factory=set)
    redeliveries: int = 0
    redeliveries_acknowledged: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    ack_seconds: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def post_like_twilio(client: httpx.Client, stack: Stack, address: str, text: str, sid: str, posting: Posting) -> bool:
    """Posts until a 2xx, retrying like Twilio on errors and timeouts (three tries, a second apart)."""
    for attempt in range(3):
        started = time.perf_counter()
        status = twilio_post(client, stack, address, text, sid)
        with posting.lock:
            posting.statuses[status] += 1
            posting.ack_seconds.append(time.perf_counter() - started)
        if status == 200:
            return True
        time.sleep(1.0 + attempt)
    return False


def sustained(stack: Stack, sandbox: TimedSandbox, *, rate: float, seconds: float, redeliver: float) -> None:
    since = utcnow()
    """Posts `rate` messages/s for `seconds` across fresh senders, lets the replies drain, counts and judges."""
    block = random.randrange(10**5)  # fresh senders: their conversations hold only this run's messages
    senders = [f"+2127{block:05d}{n:04d}" for n in range(max(50, int(rate * 10)))]
    posting = Posting()
    local = threading.local()

    def post(index: int) -> None:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(timeout=30)
        address, text, sid = senders[index % len(senders)], MESSAGES[index % len(MESSAGES)], "SM" + uuid.uuid4().hex
        with posting.lock:
            posting.sids[sid] = address
        if not post_like_twilio(client, stack, address, text, sid, posting):
            return
        with posting.lock:
            posting.acknowledged.add(sid)
        if random.random() < redeliver:
            status = twilio_post(client, stack, address, text, sid)
            with posting.lock:
                posting.redeliveries += 1
                posting.redeliveries_acknowledged += status == 200

    total = int(rate * seconds)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for index in range(total):
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(post, index)
        submitted = time.monotonic() - started
    posted_for = time.monotonic() - started
    print(f"  posted {total} in {posted_for:.1f} s (the last submitted at {submitted:.1f} s); {load()}", flush=True)
    print(f"  webhook answer: p50 {statistics.median(posting.ack_seconds) * 1000:.1f} ms, "
          f"p95 {percentile(posting.ack_seconds, 0.95) * 1000:.1f} ms, "
          f"max {max(posting.ack_seconds) * 1000:.1f} ms; statuses {dict(posting.statuses)}", flush=True)  # fmt: skip

    engine = create_engine(stack.database_url)
    counts, drain_seconds = _drain(engine, sandbox, posting, senders, since=since, timeout=1800)
    engine.dispose()
    print(f"  drained {drain_seconds:.1f} s after posting ended ({'complete' if counts.drained else 'TIMED OUT'}); "
          f"{load()}", flush=True)  # fmt: skip
    for line in report(counts):
        print(line, flush=True)


def _drain(
    engine: Any, sandbox: TimedSandbox, posting: Posting, senders: list[str], *, since: datetime, timeout: float
) -> tuple[Counts, float]:
    """Waits until every stored message is worked and every reply sent and received; returns the counts."""
    started = time.monotonic()
    last_report = started
    while True:
        counts = _count(engine, sandbox, posting, senders, since)
        counts.drained = (
            counts.unfinished == 0
            and counts.stored >= len(posting.acknowledged)
            and counts.replies_accepted + counts.replies_failed == counts.replies_queued
            and counts.replies_received >= counts.replies_accepted
        )
        elapsed = time.monotonic() - started
        if counts.drained:
            time.sleep(2 * QUIET)  # anything sent twice would arrive now
            final = _count(engine, sandbox, posting, senders, since)
            final.drained = True
            return final, elapsed
        if elapsed > timeout:
            return counts, elapsed
        if time.monotonic() - last_report > 30:
            last_report = time.monotonic()
            print(f"  … {elapsed:.0f} s: worked {counts.worked}/{counts.stored}, replies received "
                  f"{counts.replies_received}; {load()}", flush=True)  # fmt: skip
        time.sleep(2.0)


def _count(engine: Any, sandbox: TimedSandbox, posting: Posting, senders: list[str], since: datetime) -> Counts:
    sids = set(posting.sids)
    with engine.connect() as db:
        rows = [
            row
            for row in db.execute(
                select(
                    InboundMessage.provider_id,
                    InboundMessage.status,
                    InboundMessage.error,
                    InboundMessage.conversation_id,
                    InboundMessage.contact_id,
                ).where(InboundMessage.provider == "twilio", InboundMessage.received_at >= since)
            )
            if row.provider_id in sids
        ]
        contacts = {row.contact_id for row in rows if row.contact_id is not None}
        conversations = {row.conversation_id for row in rows if row.conversation_id is not None}
        user_messages = 0
        outbox: Counter[str] = Counter()
        for chunk in _chunks(sorted(conversations, key=str)):
            user_messages += db.execute(
                select(func.count())
                .select_from(Message)
                .where(Message.conversation_id.in_(chunk), Message.author == "user")
            ).scalar_one()
        for chunk in _chunks(sorted(contacts, key=str)):
            for status, count in db.execute(
                select(OutboundMessage.status, func.count())
                .where(OutboundMessage.contact_id.in_(chunk))
                .group_by(OutboundMessage.status)
            ):
                outbox[status] += count
    with posting.lock:
        per_address = Counter(posting.sids[sid] for sid in posting.acknowledged)
        acknowledged = len(posting.acknowledged)
    received = {address: sandbox.count(address) for address in senders}
    statuses = Counter(row.status for row in rows)
    return Counts(
        posted=len(sids),
        acknowledged=acknowledged,
        redeliveries=posting.redeliveries,
        redeliveries_acknowledged=posting.redeliveries_acknowledged,
        stored=len(rows),
        stored_distinct=len({row.provider_id for row in rows}),
        user_messages=user_messages,
        worked=statuses["done"],
        fallbacks=sum(row.status == "done" and row.error is not None for row in rows),
        given_up=statuses["ignored"],
        unfinished=statuses["pending"] + statuses["working"],
        replies_queued=sum(outbox.values()),
        replies_accepted=sum(outbox[status] for status in ACCEPTED),
        replies_failed=sum(n for status, n in outbox.items() if status not in (*ACCEPTED, "pending", "sending")),
        replies_received=sum(received.values()),
        unanswered=sum(max(0, count - received[address]) for address, count in per_address.items()),
        drained=False,
    )


def _chunks(items: list[Any], size: int = 500) -> list[list[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--levels", default="1,10,50", help="concurrent conversations, comma-separated")
    parser.add_argument("--rounds", type=int, default=6, help="rounds per level (both paths each round)")
    parser.add_argument("--messages", type=int, default=240, help="messages per path and round (6 to 40 each)")
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_GATEWAY_SECONDS", 120)))
    parser.add_argument("--rate", type=float, default=50.0, help="messages per second in the sustained run")
    parser.add_argument("--redeliver", type=float, default=0.02, help="share of webhooks posted twice (same sid)")
    parser.add_argument("--layouts", default="shared", help="CPU layouts to measure the levels in, comma-separated")
    args = parser.parse_args()
    known = layouts()
    levels = [int(x) for x in args.levels.split(",") if x]
    chosen = [name for name in args.layouts.split(",") if name] if levels else []
    if unknown := [name for name in chosen if name not in known]:
        parser.error(f"--layouts: {', '.join(unknown)} not among {', '.join(known)} on this machine")
    sandbox = TimedSandbox()
    with tempfile.TemporaryDirectory(prefix="bench-gateway-") as tmp, running(sandbox) as stand_in:
        print(f"[bench] helpline up --no-train (stand-in {stand_in.url}); {load()}", flush=True)
        stack = start_stack(stand_in.url, Path(tmp))
        print(f"[bench] ready; database {stack.database_url.split(':', 1)[0]}; {os.cpu_count()} cores; {load()}")
        try:
            warm, pace = Latencies(), Pace(0.0, (PAUSE[0],) * 3)
            gateway_conversation(stack, sandbox, "+212699999999", pace, warm)
            rasa_conversation(stack, open_conversations(stack, 1)[0], pace, warm)
            for name in chosen:
                place(stack.process.pid, known[name])
                bot, rest = known[name]
                print(f"\n== webhook -> reply at the Twilio stand-in vs. the same messages straight to Rasa REST, ms "
                      f"({args.rounds} rounds per level, ratio = gateway p50 / Rasa p50); cores: {name}, "
                      f"the bot on {sorted(bot)}, the rest on {sorted(rest)}")  # fmt: skip
                print(HEADER)
                for level in levels:
                    per = min(MAX_PER_CONVERSATION, max(MIN_PER_CONVERSATION, args.messages // level))
                    latency_level(stack, sandbox, level, per, args.rounds)
            place(stack.process.pid, known[chosen[0]] if chosen else known["shared"])
            if args.seconds > 0:
                print(f"\n== sustained: {args.rate:g} messages/s for {args.seconds:g} s through the webhook "
                      f"({args.redeliver:.0%} posted twice), then drained", flush=True)  # fmt: skip
                sustained(stack, sandbox, rate=args.rate, seconds=args.seconds, redeliver=args.redeliver)
        finally:
            stop_stack(stack)


if __name__ == "__main__":
    main()
