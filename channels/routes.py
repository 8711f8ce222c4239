"""Everything the gateway adds to the helpline service: its HTTP routes and its background work."""

from collections.abc import Awaitable, Callable

from fastapi import APIRouter

from channels import forget, retention, worker
from channels.dev.router import router as dev_router
from channels.triage_port import GatewayPort
from channels.webhooks import router as webhooks_router
from triage.intake import register, register_forgetter, register_purger

ROUTERS: list[APIRouter] = [webhooks_router]
DEVELOPMENT_ROUTERS: list[APIRouter] = [dev_router]
BACKGROUND: list[Callable[[], Awaitable[None]]] = [worker.run]
MIDDLEWARE: list[type] = []
WARM_UP: list[Callable[[], object]] = []

register(GatewayPort())
register_purger(retention.purge)
register_forgetter(forget.forget)
