"""Background work of the gateway: inbox and outbox workers, woken at once by new rows and polling as a backstop.

Several replicas can run these side by side on Postgres: rows are claimed with FOR UPDATE SKIP LOCKED and a
lease, and a contact's rows are worked one at a time, oldest first.
"""

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from channels import flows
from helpline.settings import get_settings

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
OUTBOX_WORKERS = 2


class Wakeup:
    """An asyncio event that any thread may set."""

    def __init__(self) -> None:
        self.event: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def bind(self) -> asyncio.Event:
        self.loop = asyncio.get_running_loop()
        self.event = asyncio.Event()
        return self.event

    def set(self) -> None:
        loop, event = self.loop, self.event
        if loop is None or event is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            event.set()
        else:
            loop.call_soon_threadsafe(event.set)


inbox_wakeup = Wakeup()
outbox_wakeup = Wakeup()


def notify_inbox() -> None:
    """Tells this replica's inbox workers that a row was just stored."""
    inbox_wakeup.set()


def notify_outbox() -> None:
    """Tells this replica's outbox workers that a row was just queued."""
    outbox_wakeup.set()


async def _loop(step: Callable[[], bool], wakeup: Wakeup, event: asyncio.Event, executor: ThreadPoolExecutor) -> None:
    loop = asyncio.get_running_loop()
    while True:
        event.clear()
        try:
            did_work = await loop.run_in_executor(executor, step)
        except Exception as error:
            log.error("gateway worker step failed: %s", flows.describe(error))
            did_work = False
        if did_work:
            wakeup.set()
            continue
        try:
            await asyncio.wait_for(event.wait(), timeout=POLL_SECONDS)
        except TimeoutError:
            pass


def _inbox_step() -> bool:
    did_work = flows.work_one()
    if did_work:
        outbox_wakeup.set()
    return did_work


def _outbox_step() -> bool:
    return flows.send_one()


async def run() -> None:
    """Runs the inbox and outbox workers for the life of the service."""
    workers = max(1, get_settings().gateway_workers)
    executor = ThreadPoolExecutor(max_workers=workers + OUTBOX_WORKERS, thread_name_prefix="gateway")
    inbox_event, outbox_event = inbox_wakeup.bind(), outbox_wakeup.bind()
    tasks = [asyncio.create_task(_loop(_inbox_step, inbox_wakeup, inbox_event, executor)) for _ in range(workers)]
    tasks += [
        asyncio.create_task(_loop(_outbox_step, outbox_wakeup, outbox_event, executor)) for _ in range(OUTBOX_WORKERS)
    ]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        executor.shutdown(wait=False, cancel_futures=True)


def drain(*, rounds: int = 1000) -> int:
    """Works every due inbox and outbox row in this thread (tests, the sandbox); returns how many steps ran."""
    steps = 0
    for _ in range(rounds):
        progressed = False
        while flows.work_one():
            steps, progressed = steps + 1, True
        while flows.send_one():
            steps, progressed = steps + 1, True
        if not progressed:
            break
    return steps
