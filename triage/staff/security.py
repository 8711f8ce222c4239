"""Who is calling: staff bearer tokens or the console's session cookie (roles enforced per endpoint), and the
action server's service token."""

import hashlib
import hmac
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from helpline.db import SessionDep, new_session, utcnow
from helpline.settings import get_settings
from triage.staff import service, tokens
from triage.staff.models import Role, Staff
from triage.staff.tokens import Caller

bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]

UNAUTHENTICATED = HTTPException(
    status.HTTP_401_UNAUTHORIZED, "sign in first: send a bearer token", headers={"WWW-Authenticate": "Bearer"}
)


SESSION_COOKIE = "helpline_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_REFUSED = HTTPException(status.HTTP_403_FORBIDDEN, f"missing or wrong {CSRF_HEADER} header")


def csrf_token(session_token: str) -> str:
    """The CSRF token that goes with a console session (an HMAC of the session token, so nothing is stored)."""
    key = get_settings().pseudonym_key.get_secret_value().encode()
    return hmac.new(key, b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()


def csrf_matches(session_token: str, offered: str | None) -> bool:
    """True when `offered` is the session's CSRF token (constant-time comparison)."""
    return offered is not None and hmac.compare_digest(offered.encode(), csrf_token(session_token).encode())


def _presented_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str:
    """The bearer token, or the console's session cookie (which needs the CSRF header on unsafe methods)."""
    if credentials is not None:
        return credentials.credentials
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        raise UNAUTHENTICATED
    if request.method not in SAFE_METHODS and not csrf_matches(token, request.headers.get(CSRF_HEADER)):
        raise CSRF_REFUSED
    return token


def current_staff(request: Request, session: SessionDep, credentials: Credentials) -> Staff:
    """The signed-in staff member, by bearer token or by the console's session cookie (which needs the CSRF
    header on unsafe methods), or 401."""
    token = _presented_token(request, credentials)
    staff = service.staff_for_token(session=session, token=token)
    if staff is None:
        raise UNAUTHENTICATED
    return staff


CurrentStaff = Annotated[Staff, Depends(current_staff)]


def require_role(*roles: Role) -> Callable[[Staff], Staff]:
    """A dependency that lets through only the given roles (403 for the others)."""

    def check(staff: CurrentStaff) -> Staff:
        if staff.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the role {' or '.join(roles)}")
        return staff

    return check


Supervisor = Annotated[Staff, Depends(require_role(Role.SUPERVISOR, Role.ADMIN))]
Admin = Annotated[Staff, Depends(require_role(Role.ADMIN))]


def is_service_token(token: str) -> bool:
    """True when the token is the action server's service token (constant-time comparison)."""
    expected = get_settings().triage_service_token.get_secret_value()
    return bool(expected) and hmac.compare_digest(token.encode(), expected.encode())


def require_service(credentials: Credentials) -> None:
    """Lets through only the action server (service token), else 401."""
    if credentials is None or not is_service_token(credentials.credentials):
        raise UNAUTHENTICATED


Service = Annotated[None, Depends(require_service)]


def verify_token(token: str) -> Caller | None:
    """The caller a staff token belongs to: from the recently verified tokens, else from the database (its own
    short session), then remembered for a few seconds."""
    caller = tokens.recall(token)
    if caller is not None:
        return caller
    with new_session() as session:
        owner = service.token_owner(session=session, token=token)
        if owner is None:
            return None
        staff, expires = owner
        caller = Caller(id=staff.id, username=staff.username, role=staff.role, centre_code=staff.centre_code)
    tokens.remember(token, caller, valid_seconds=(expires - utcnow()).total_seconds())
    return caller


async def _verified(token: str) -> Caller | None:
    """verify_token without leaving the event loop when the token was verified recently."""
    return tokens.recall(token) or await run_in_threadpool(verify_token, token)


async def current_caller(request: Request, credentials: Credentials) -> Caller:
    """Like current_staff, for endpoints that need no database row of the caller: no session is opened when the
    token was verified in the last few seconds (see triage.staff.tokens)."""
    caller = await _verified(_presented_token(request, credentials))
    if caller is None:
        raise UNAUTHENTICATED
    return caller


CurrentCaller = Annotated[Caller, Depends(current_caller)]


async def require_service_or_staff(credentials: Credentials) -> None:
    """Lets through the action server (no database involved) or any signed-in staff member, else 401."""
    if credentials is None:
        raise UNAUTHENTICATED
    if is_service_token(credentials.credentials):
        return
    if await _verified(credentials.credentials) is None:
        raise UNAUTHENTICATED


ServiceOrStaff = Annotated[None, Depends(require_service_or_staff)]
