"""The helpline service: one ASGI application serving the gateway (channels/) and triage (triage/)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

import channels.routes
import triage.routes
from helpline import health
from helpline.settings import get_settings

PARTS = (channels.routes, triage.routes)


@contextlib.asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """Runs each part's background work (workers, schedulers) for the life of the service."""
    tasks = [asyncio.create_task(work()) for part in PARTS for work in part.BACKGROUND]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def create_app() -> FastAPI:
    """Builds the application; development-only routes are left out in production."""
    settings = get_settings()
    app = FastAPI(title="Helpline service", version="0.1.0", lifespan=lifespan)
    app.include_router(health.router)
    for part in PARTS:
        for router in part.ROUTERS:
            app.include_router(router)
        if not settings.is_production:
            for router in part.DEVELOPMENT_ROUTERS:
                app.include_router(router)
        for middleware in part.MIDDLEWARE:
            app.add_middleware(middleware)
    return app
