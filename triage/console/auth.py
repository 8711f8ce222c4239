"""Signing in and out of the console: a session cookie holding a staff token, CSRF-protected forms, lock-out."""

import secrets
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from helpline.db import SessionDep, utcnow
from triage.audit.service import record
from triage.console.i18n import LANGUAGE_COOKIE, LANGUAGES
from triage.console.web import is_https, render, secure, signed_in
from triage.queue import service as queue
from triage.staff import service
from triage.staff.security import SESSION_COOKIE, csrf_matches

router = APIRouter(prefix="/console", include_in_schema=False)

LOGIN_CSRF_COOKIE = "helpline_login_csrf"


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path inside the console only (never another site)."""
    if not target:
        return "/console"
    parts = urlsplit(target)
    inside = parts.path == "/console" or parts.path.startswith("/console/")
    if parts.scheme or parts.netloc or not inside or target.startswith("//") or "\\" in target:
        return "/console"
    return target


def _set_cookie(response: Response, name: str, value: str, *, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True, samesite="strict", secure=is_https())


def _login_page(request: Request, *, error: str | None, next_path: str, status_code: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", staff=None, status_code=status_code, error=error,
                      login_csrf=token, next_path=next_path)  # fmt: skip
    _set_cookie(response, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request, session: SessionDep, next: str | None = None) -> Response:
    """The sign-in form (or straight to the console when already signed in)."""
    if signed_in(request, session) is not None:
        return secure(RedirectResponse(safe_next(next), status_code=303))
    return _login_page(request, error=None, next_path=safe_next(next))


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    csrf: Annotated[str, Form(max_length=128)],
    next: Annotated[str, Form(max_length=512)] = "/console",
) -> Response:
    """Checks the password (repeated failures lock the account) and opens a session."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected.encode(), csrf.encode()):
        return _login_page(request, error="login_expired", next_path=safe_next(next), status_code=403)
    try:
        staff = service.authenticate(session=session, username=username, password=password)
    except service.LoginRefused:
        record(session=session, actor=username[:64], action="login_failed", detail={"via": "console"})
        session.commit()  # the failure count must survive
        return _login_page(request, error="login_refused", next_path=safe_next(next), status_code=401)
    token, expires = service.issue_token(session=session, staff=staff)
    record(session=session, actor=staff.username, action="login", detail={"via": "console"})
    session.commit()  # before the browser follows the redirect with the new cookie (the request's commit comes later)
    queue.mark_online(centre_code=staff.centre_code, staff_id=staff.id)
    response = secure(RedirectResponse(safe_next(next), status_code=303))
    _set_cookie(response, SESSION_COOKIE, token, max_age=int((expires - utcnow()).total_seconds()))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, csrf: Annotated[str, Form(max_length=128)] = "") -> Response:
    """Ends the session (the form carries the CSRF token)."""
    token = request.cookies.get(SESSION_COOKIE, "")
    staff = signed_in(request, session)
    if staff is not None and not csrf_matches(token, csrf):
        return render(request, "forbidden.html", staff=staff, status_code=403, message_key="csrf_refused")
    if staff is not None:
        service.revoke_token(session=session, token=token)
        record(session=session, actor=staff.username, action="logout", detail={"via": "console"})
    response = secure(RedirectResponse("/console/login", status_code=303))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/language/{language}")
def choose_language(language: str, next: str | None = None) -> Response:
    """Remembers the interface language (fr, ar, en) and goes back."""
    response = secure(RedirectResponse(safe_next(next), status_code=303))
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, path="/console", samesite="strict",
                            secure=is_https())  # fmt: skip
    return response
