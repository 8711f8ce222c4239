"""The helpline service: one ASGI application serving the gateway (channels/) and triage (triage/)."""

from fastapi import FastAPI

from channels.dev.router import router as dev_router
from helpline import health
from helpline.settings import get_settings


def create_app() -> FastAPI:
    """Builds the application; development-only routes are left out in production."""
    settings = get_settings()
    app = FastAPI(title="Helpline service", version="0.1.0")
    app.include_router(health.router)
    if not settings.is_production:
        app.include_router(dev_router)
    return app
