"""Staff accounts: creation, sign-in with lock-out, bearer tokens."""

import secrets
import uuid
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from helpline.db import utcnow
from triage.staff import tokens
from triage.staff.models import Role, Staff, StaffToken

TOKEN_LIFETIME = timedelta(hours=12)
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()


class StaffError(Exception):
    """A staff operation that cannot be done as asked."""


class UsernameTaken(StaffError):
    """Another account already has this username."""


class WeakPassword(StaffError):
    """The password is too short."""


class LoginRefused(StaffError):
    """Wrong username or password, or the account is locked or inactive (never says which)."""


def create(
    *, session: Session, username: str, password: str, role: Role, centre_code: str | None, display_name: str = ""
) -> Staff:
    """Creates an account with an argon2 hash of the password."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"passwords need at least {MIN_PASSWORD_LENGTH} characters")
    if session.scalar(select(Staff).where(Staff.username == username)) is not None:
        raise UsernameTaken(f"username {username!r} is taken")
    staff = Staff(
        username=username,
        display_name=display_name or username,
        password_hash=_hasher.hash(password),
        role=role,
        centre_code=centre_code,
    )
    session.add(staff)
    session.flush()
    return staff


def authenticate(*, session: Session, username: str, password: str, now: datetime | None = None) -> Staff:
    """The account if the password is right; counts failures and locks the account after too many."""
    now = now or utcnow()
    staff = session.scalar(select(Staff).where(Staff.username == username))
    if staff is None:
        _hasher.hash(password)  # spend the same time as a real check
        raise LoginRefused("wrong username or password")
    if not staff.active or (staff.locked_until is not None and staff.locked_until > now):
        raise LoginRefused("wrong username or password, or the account is locked")
    try:
        _hasher.verify(staff.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        staff.failed_logins += 1
        if staff.failed_logins >= MAX_FAILED_LOGINS:
            staff.locked_until = now + LOCKOUT
            staff.failed_logins = 0
        session.flush()
        raise LoginRefused("wrong username or password") from None
    staff.failed_logins = 0
    staff.locked_until = None
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = _hasher.hash(password)
    session.flush()
    return staff


def issue_token(*, session: Session, staff: Staff) -> tuple[str, datetime]:
    """A new bearer token for the account and its expiry; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    expires = utcnow() + TOKEN_LIFETIME
    session.add(StaffToken(token_hash=tokens.digest(token), staff_id=staff.id, expires_at=expires))
    session.flush()
    return token, expires


def token_owner(*, session: Session, token: str) -> tuple[Staff, datetime] | None:
    """The active account the token belongs to and the token's expiry, if it is valid and unexpired."""
    row = session.get(StaffToken, tokens.digest(token))
    if row is None or row.expires_at <= utcnow():
        return None
    staff = session.get(Staff, row.staff_id)
    return (staff, row.expires_at) if staff is not None and staff.active else None


def staff_for_token(*, session: Session, token: str) -> Staff | None:
    """The active account the token belongs to, if it is valid and unexpired."""
    owner = token_owner(session=session, token=token)
    return owner[0] if owner is not None else None


def revoke_token(*, session: Session, token: str) -> None:
    """Ends a token (log out), here at once and in the other processes within tokens.TRUST_SECONDS."""
    tokens.forget(token)
    session.execute(delete(StaffToken).where(StaffToken.token_hash == tokens.digest(token)))


def get(*, session: Session, staff_id: uuid.UUID) -> Staff | None:
    """The account with this id."""
    return session.get(Staff, staff_id)


def by_username(*, session: Session, username: str) -> Staff | None:
    """The account with this username."""
    return session.scalar(select(Staff).where(Staff.username == username))
