"""Everything the gateway adds to the helpline service: its HTTP routes and its background work."""

from collections.abc import Awaitable, Callable

from fastapi import APIRouter

from channels.dev.router import router as dev_router

ROUTERS: list[APIRouter] = []
DEVELOPMENT_ROUTERS: list[APIRouter] = [dev_router]
BACKGROUND: list[Callable[[], Awaitable[None]]] = []
