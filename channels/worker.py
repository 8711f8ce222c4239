"""Background work of the gateway: the inbox dispatcher and its workers, and the outbox workers.

The webhook commits a row and wakes the dispatcher with its id; the dispatcher starts a worker thread on it at
once (GATEWAY_WORKERS at a time), never two rows of one contact at once. It searches the table itself when a row
could not be started (all workers or the contact busy), when woken without a row, and every POLL_SECONDS as a
backstop (rows stored by other replicas, leases run out, retries). Rows are claimed in the database with a
conditional UPDATE and a lease, so several replicas can share the tables; a contact's rows are worked oldest first.
The workers send the replies themselves; the outbox workers send what they could not (retries, staff replies).
"""

import asyncio
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from channels import flows
from channels.inbox import service as inbox
from channels.wakeup import Wakeup, inbox_wakeup, notify_inbox, notify_outbox, outbox_wakeup
from helpline.db import new_session
from helpline.settings import get_settings

__all__ = ["drain", "notify_inbox", "notify_outbox", "run"]

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
OUTBOX_WORKERS = 2


class Dispatcher:
    """Hands inbox rows to at most `workers` worker threads, one row per contact at a time."""

    def __init__(self, *, workers: int, executor: ThreadPoolExecutor, wakeup: Wakeup) -> None:
        self.workers, self.executor, self.wakeup = workers, executor, wakeup
        self.busy: dict[uuid.UUID | None, int] = {}  # contact -> the row being worked
        self.waiting: set[uuid.UUID | None] = set()  # busy contacts with a newer row: search once they are free
        self.tasks: set[asyncio.Task[None]] = set()
        self.search = True

    def _free(self) -> int:
        return self.workers - len(self.busy)

    def _start(self, row_id: int, contact_id: uuid.UUID | None) -> None:
        self.busy[contact_id] = row_id
        task = asyncio.create_task(self._work(row_id, contact_id))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _work(self, row_id: int, contact_id: uuid.UUID | None) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self.executor, flows.work_row, row_id)
        except Exception as error:
            log.error("gateway worker failed: %s", flows.describe(error))
        finally:
            del self.busy[contact_id]
            if contact_id in self.waiting:
                self.waiting.discard(contact_id)
                self.search = True
            self.wakeup.set()

    def _follow(self) -> None:
        hints, overflowed = self.wakeup.take_hints()
        self.search = self.search or overflowed
        for hint in hints:
            if hint.contact_id in self.busy:
                self.waiting.add(hint.contact_id)  # found by searching once its earlier row is done
            elif not self._free():
                self.search = True  # found by searching once a worker is free
            else:
                self._start(hint.row_id, hint.contact_id)

    async def _look(self) -> None:
        self.search = False
        free, busy = self._free(), set(self.busy)
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(self.executor, _heads, free, busy)
        except Exception as error:
            log.error("gateway dispatcher could not search the inbox: %s", flows.describe(error))
            return
        for row_id, contact_id in found:
            if contact_id not in self.busy and self._free():
                self._start(row_id, contact_id)
        # Keep a search asked for while the query ran (a busy contact freed): its row was not looked for.
        self.search = self.search or len(found) == free

    async def run(self, event: asyncio.Event) -> None:
        """Dispatches until cancelled."""
        try:
            while True:
                event.clear()
                self._follow()
                if self.search and self._free():
                    await self._look()
                    continue
                try:
                    await asyncio.wait_for(event.wait(), timeout=POLL_SECONDS)
                except TimeoutError:
                    self.search = True
        finally:
            for task in self.tasks:
                task.cancel()


def _heads(limit: int, busy: set[uuid.UUID | None]) -> list[tuple[int, uuid.UUID | None]]:
    with new_session() as session, session.begin():
        return inbox.heads(session=session, limit=limit, busy=busy)


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
            continue
        try:
            await asyncio.wait_for(event.wait(), timeout=POLL_SECONDS)
        except TimeoutError:
            pass


async def run() -> None:
    """Runs the inbox dispatcher and the outbox workers for the life of the service."""
    workers = max(1, get_settings().gateway_workers)
    executor = ThreadPoolExecutor(max_workers=workers + OUTBOX_WORKERS + 1, thread_name_prefix="gateway")
    inbox_event, outbox_event = inbox_wakeup.bind(), outbox_wakeup.bind()
    dispatcher = Dispatcher(workers=workers, executor=executor, wakeup=inbox_wakeup)
    tasks = [asyncio.create_task(dispatcher.run(inbox_event))]
    tasks += [
        asyncio.create_task(_loop(flows.send_one, outbox_wakeup, outbox_event, executor)) for _ in range(OUTBOX_WORKERS)
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
