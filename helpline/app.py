"""The helpline service: one ASGI application serving the gateway (channels/) and triage (triage/)."""

import asyncio
import contextlib
import gc
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
    settle_memory()
    tasks = [asyncio.create_task(work()) for part in PARTS for work in part.BACKGROUND]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def settle_memory() -> None:
    """Loads what every request uses (lexicons, model), then exempts everything alive from the garbage
    collector's full passes: with the lexicons loaded, each full pass otherwise stops the service for 60-80 ms."""
    for part in PARTS:
        for warm_up in part.WARM_UP:
            warm_up()
    gc.collect()
    gc.freeze()


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
