"""`GET /console/events`: the live queue as server-sent events, fed by the Redis channel `helpline:events`."""

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import redis.asyncio as aioredis
from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import StreamingResponse

from helpline.db import new_session
from helpline.settings import get_settings
from triage.conversations.router import visible_centres
from triage.queue import service as queue
from triage.staff import service
from triage.staff.security import SESSION_COOKIE, UNAUTHENTICATED

router = APIRouter(prefix="/console", include_in_schema=False)

HEARTBEAT_SECONDS = 15.0
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Listener:
    """Who is listening: their username and the centres whose events they may receive (None: all)."""

    username: str
    centres: frozenset[str] | None

    def wants(self, event: dict[str, Any]) -> bool:
        """True when the event is about a queue the listener may see, or names them."""
        if self.centres is None or event.get("centre") in self.centres:
            return True
        return self.username in (event.get("by"), event.get("to"))


def _listener(token: str) -> Listener | None:
    with new_session() as session:
        staff = service.staff_for_token(session=session, token=token)
        if staff is None:
            return None
        allowed = visible_centres(staff)
        queue.mark_online(centre_code=staff.centre_code, staff_id=staff.id)
        return Listener(staff.username, frozenset(allowed) if allowed is not None else None)


def frame(event: dict[str, Any]) -> str:
    """One server-sent event carrying a queue event as JSON."""
    return f"event: {event.get('type', 'message')}\ndata: {json.dumps(event)}\n\n"


async def _stream(request: Request, listener: Listener) -> AsyncIterator[str]:
    url = get_settings().redis_url
    if not url:
        raise RuntimeError("REDIS_URL is not set")
    client = aioredis.Redis.from_url(url)
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(queue.EVENTS)
    try:
        yield "retry: 2000\nevent: ready\ndata: {}\n\n"
        idle = 0.0
        while not await request.is_disconnected():
            message = await pubsub.get_message(timeout=POLL_SECONDS)
            if message is None:
                idle += POLL_SECONDS
                if idle >= HEARTBEAT_SECONDS:
                    idle = 0.0
                    yield ": keep-alive\n\n"
                continue
            idle = 0.0
            event = json.loads(message["data"])
            if listener.wants(event):
                yield frame(event)
    finally:
        await pubsub.unsubscribe(queue.EVENTS)
        await pubsub.aclose()
        await client.aclose()


@router.get("/events")
async def events(request: Request) -> StreamingResponse:
    """Queue events the signed-in staff member may see (queued, updated, claimed, released, closed, message,
    sla_breach, transferred); the browser reconnects on its own if the stream drops."""
    token = request.cookies.get(SESSION_COOKIE, "")
    listener = await asyncio.to_thread(_listener, token) if token else None
    if listener is None:
        raise UNAUTHENTICATED if not token else HTTPException(status.HTTP_401_UNAUTHORIZED, "session expired")
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(_stream(request, listener), media_type="text/event-stream", headers=headers)
