"""What every console page shares: templates, the signed-in staff member, security headers."""

from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpline.settings import get_settings
from triage.console.i18n import language_of, translations
from triage.staff import service
from triage.staff.models import Role, Staff
from triage.staff.security import SESSION_COOKIE, csrf_token

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)

templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))


def is_https() -> bool:
    """True when the service is published over HTTPS (cookies get Secure, pages get HSTS)."""
    return get_settings().public_base_url.startswith("https://")


def secure(response: Response) -> Response:
    """Adds the console's security headers: CSP without inline scripts, no caching, HSTS behind HTTPS."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    if is_https():
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


class NoStore:
    """ASGI middleware: what the staff API and the console answer holds personal data (transcripts, reports,
    masked numbers), so no browser or proxy cache may keep it, JSON included (`Cache-Control: no-store` unless
    the route chose otherwise, like the console's own scripts)."""

    PRIVATE = ("/api/", "/console")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(self.PRIVATE):
            await self.app(scope, receive, send)
            return

        async def send_private(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Cache-Control", "no-store")
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, send_private)


def signed_in(request: Request, session: Session) -> Staff | None:
    """The staff member whose session cookie came with the request, if it is valid."""
    token = request.cookies.get(SESSION_COOKIE)
    return service.staff_for_token(session=session, token=token) if token else None


def to_login(request: Request) -> Response:
    """A redirect to the sign-in page that comes back here afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return secure(RedirectResponse(f"/console/login?next={target}", status_code=303))


def render(request: Request, template: str, *, staff: Staff | None, status_code: int = 200, **context: Any) -> Response:
    """A console page in the reader's language, with the security headers."""
    language = language_of(request)
    token = request.cookies.get(SESSION_COOKIE, "")
    html = templates.get_template(template).render(
        t=translations(language), lang=language, dir="rtl" if language == "ar" else "ltr", staff=staff,
        is_supervisor=staff is not None and staff.role in SUPERVISORS, path=request.url.path,
        csrf=csrf_token(token) if token and staff is not None else "", **context,
    )  # fmt: skip
    return secure(HTMLResponse(html, status_code=status_code))


def forbidden(request: Request, staff: Staff, message_key: str) -> Response:
    """A 403 page that says why, in the reader's language."""
    return render(request, "forbidden.html", staff=staff, status_code=403, message_key=message_key)
