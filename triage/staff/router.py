"""`/api/v1/auth/*`: sign in (OAuth2 password flow), who am I, sign out."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from helpline.db import SessionDep, utcnow
from triage.audit.service import record
from triage.queue import service as queue
from triage.staff import schemas, service
from triage.staff.security import Credentials, CurrentStaff

router = APIRouter(prefix="/api/v1/auth", tags=["staff"])


@router.post("/token", responses={401: {"description": "wrong credentials or locked account"}})
def token(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep) -> schemas.TokenOut:
    """Exchanges a username and password for a bearer token; repeated failures lock the account."""
    try:
        staff = service.authenticate(session=session, username=form.username, password=form.password)
    except service.LoginRefused as refused:
        record(session=session, actor=form.username[:64], action="login_failed")
        session.commit()  # the failure count must survive the error response
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(refused)) from None
    issued, expires = service.issue_token(session=session, staff=staff)
    record(session=session, actor=staff.username, action="login")
    queue.mark_online(centre_code=staff.centre_code, staff_id=staff.id)
    return schemas.TokenOut(access_token=issued, expires_in=int((expires - utcnow()).total_seconds()))


@router.get("/me")
def me(staff: CurrentStaff) -> schemas.StaffRead:
    """The signed-in account."""
    queue.mark_online(centre_code=staff.centre_code, staff_id=staff.id)
    return schemas.StaffRead.model_validate(staff, from_attributes=True)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(staff: CurrentStaff, credentials: Credentials, session: SessionDep) -> Response:
    """Ends the token."""
    if credentials is not None:
        service.revoke_token(session=session, token=credentials.credentials)
    record(session=session, actor=staff.username, action="logout")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
