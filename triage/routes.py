"""Everything triage adds to the helpline service: its HTTP routes and its background work."""

from collections.abc import Awaitable, Callable

from fastapi import APIRouter

ROUTERS: list[APIRouter] = []
DEVELOPMENT_ROUTERS: list[APIRouter] = []
BACKGROUND: list[Callable[[], Awaitable[None]]] = []
