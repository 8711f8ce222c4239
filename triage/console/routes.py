"""The console's routers, added to the helpline service by triage/routes.py."""

from fastapi import APIRouter

from triage.console import api, auth, events, pages

ROUTERS: list[APIRouter] = [auth.router, api.router, events.router, pages.router]
