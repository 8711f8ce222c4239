"""Everything triage adds to the helpline service: its HTTP routes and its background work."""

from collections.abc import Awaitable, Callable

from fastapi import APIRouter

from triage.audit.router import router as audit_router
from triage.bot_api.router import router as bot_router
from triage.bot_api.router import staff_router as forget_router
from triage.cases.router import router as cases_router
from triage.console.routes import ROUTERS as console_routers
from triage.console.web import NoStore
from triage.conversations.router import router as conversations_router
from triage.queue import watch
from triage.retention import watch as retention
from triage.scoring import assess
from triage.scoring_api.router import router as scoring_router
from triage.staff.router import router as staff_router

ROUTERS: list[APIRouter] = [
    staff_router,
    conversations_router,
    bot_router,
    forget_router,
    scoring_router,
    audit_router,
    cases_router,
    *console_routers,
]
DEVELOPMENT_ROUTERS: list[APIRouter] = []
BACKGROUND: list[Callable[[], Awaitable[None]]] = [watch.run, retention.run]
MIDDLEWARE: list[type[NoStore]] = [NoStore]
WARM_UP: list[Callable[[], object]] = [lambda: assess("salam")]  # loads the lexicons and the model
