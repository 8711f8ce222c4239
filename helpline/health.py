"""`/healthz` (the process is alive) and `/readyz` (its dependencies answer)."""

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from channels.rasa import is_ready as rasa_is_ready
from helpline.db import get_engine
from helpline.redis_client import get_redis

router = APIRouter(tags=["health"])


def _database_ok() -> bool:
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


def _redis_ok() -> bool:
    try:
        return bool(get_redis().ping())
    except Exception:
        return False


CHECKS: dict[str, Callable[[], bool]] = {"database": _database_ok, "redis": _redis_ok, "rasa": rasa_is_ready}


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Alive: the process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "a dependency is down; `down` names it"}})
def readyz() -> JSONResponse:
    """Ready: database, Redis and Rasa all answer; otherwise 503 naming what is down."""
    results = {name: check() for name, check in CHECKS.items()}
    down = [name for name, ok in results.items() if not ok]
    body = {"status": "ready" if not down else "unavailable", "checks": results, "down": down}
    return JSONResponse(body, status_code=503 if down else 200)
