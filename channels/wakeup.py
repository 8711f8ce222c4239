"""Wakes this replica's gateway workers the moment a row is committed, from any thread.

The webhook passes the id of the inbox row it just stored (and its contact), so the dispatcher can start a worker
on that row at once instead of searching the table; a wake-up without a row makes it search.
"""

import asyncio
import uuid
from collections import deque
from dataclasses import dataclass

HINTS_KEPT = 1024
"""Beyond this many unread hints the dispatcher searches the table instead (nothing is lost: rows are durable)."""


@dataclass(frozen=True)
class Hint:
    """An inbox row just committed, and its contact (the dispatcher never works two rows of a contact at once)."""

    row_id: int
    contact_id: uuid.UUID | None


class Wakeup:
    """An asyncio event (with the hints that came with it) that any thread may set."""

    def __init__(self) -> None:
        self.event: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.hints: deque[Hint] = deque()
        self.overflowed = False

    def bind(self) -> asyncio.Event:
        """Attaches to the running loop (the worker's); wake-ups before this are dropped (polling finds the rows)."""
        self.loop = asyncio.get_running_loop()
        self.event = asyncio.Event()
        self.hints.clear()
        self.overflowed = False
        return self.event

    def set(self, hint: Hint | None = None) -> None:
        """Wakes the workers, with the row to work if known."""
        loop, event = self.loop, self.event
        if loop is None or event is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._set(hint)
        else:
            loop.call_soon_threadsafe(self._set, hint)

    def _set(self, hint: Hint | None) -> None:
        if hint is not None:
            if len(self.hints) < HINTS_KEPT:
                self.hints.append(hint)
            else:
                self.overflowed = True
        if self.event is not None:
            self.event.set()

    def take_hints(self) -> tuple[list[Hint], bool]:
        """The hints received since the last call, and whether some were dropped (search the table then)."""
        hints, overflowed = list(self.hints), self.overflowed
        self.hints.clear()
        self.overflowed = False
        return hints, overflowed


inbox_wakeup = Wakeup()
outbox_wakeup = Wakeup()


def notify_inbox(row_id: int | None = None, contact_id: uuid.UUID | None = None) -> None:
    """Tells this replica's inbox dispatcher that a row was just committed (its id if known)."""
    inbox_wakeup.set(Hint(row_id, contact_id) if row_id is not None else None)


def notify_outbox() -> None:
    """Tells this replica's outbox workers that a row waits to be sent."""
    outbox_wakeup.set()
