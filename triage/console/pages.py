"""The console's pages. Each checks the session and the role on the server; the data come from the API."""

import csv
import io
import uuid

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from helpline.db import SessionDep, utcnow
from triage.audit.service import events
from triage.cases.models import Case
from triage.console import charts, stats
from triage.console.web import HERE, SUPERVISORS, forbidden, render, secure, signed_in, to_login
from triage.conversations.models import Conversation
from triage.conversations.router import can_see, visible_centres
from triage.queue import service as queue
from triage.staff.models import Staff

router = APIRouter(prefix="/console", include_in_schema=False)

STATIC = HERE / "static"
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


def _supervisor(request: Request, session: Session) -> Staff | Response:
    """The signed-in supervisor or admin, else the response to send instead (sign in, or 403)."""
    staff = signed_in(request, session)
    if staff is None:
        return to_login(request)
    if staff.role not in SUPERVISORS:
        return forbidden(request, staff, "forbidden_role")
    return staff


@router.get("")
def queue_page(request: Request, session: SessionDep) -> Response:
    """The live queue and the conversations being answered."""
    staff = signed_in(request, session)
    if staff is None:
        return to_login(request)
    queue.mark_online(centre_code=staff.centre_code, staff_id=staff.id)
    return render(request, "queue.html", staff=staff, centres=visible_centres(staff))


@router.get("/conversations/{conversation_id}")
def conversation_page(conversation_id: uuid.UUID, request: Request, session: SessionDep) -> Response:
    """One conversation: transcript, handoff packet, reports, reply, and the counsellor's actions."""
    staff = signed_in(request, session)
    if staff is None:
        return to_login(request)
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        return render(request, "forbidden.html", staff=staff, status_code=404, message_key="not_found")
    if not can_see(staff, conversation):
        return forbidden(request, staff, "forbidden_centre")
    return render(request, "conversation.html", staff=staff, conversation_id=conversation.id,
                  channel=conversation.channel)  # fmt: skip


@router.get("/cases/{case_id}")
def case_page(case_id: uuid.UUID, request: Request, session: SessionDep) -> Response:
    """One case: contacts, reports, notes, categories and referrals."""
    staff = signed_in(request, session)
    if staff is None:
        return to_login(request)
    case = session.get(Case, case_id)
    if case is None:
        return render(request, "forbidden.html", staff=staff, status_code=404, message_key="not_found")
    allowed = visible_centres(staff)
    if allowed is not None and case.centre_code not in allowed:
        return forbidden(request, staff, "forbidden_centre")
    return render(request, "case.html", staff=staff, case_id=case.id)


@router.get("/dashboard")
def dashboard(request: Request, session: SessionDep, days: int = Query(default=30, ge=1, le=366)) -> Response:
    """Monitoring and evaluation (supervisors): anonymised counts, claim times, P1 within target, feedback."""
    staff = _supervisor(request, session)
    if isinstance(staff, Response):
        return staff
    figures = stats.figures(session=session, until=utcnow(), days=days)
    claim_bars = [(times.level, times.median) for times in figures.claim_times]
    return render(request, "dashboard.html", staff=staff, f=figures, days=days, charts=charts, stats=stats,
                  claim_bars=claim_bars)  # fmt: skip


@router.get("/dashboard.csv")
def dashboard_csv(request: Request, session: SessionDep, days: int = Query(default=30, ge=1, le=366)) -> Response:
    """The dashboard's anonymised figures as CSV (supervisors)."""
    staff = _supervisor(request, session)
    if isinstance(staff, Response):
        return staff
    buffer = io.StringIO()
    csv.writer(buffer).writerows(stats.csv_rows(stats.figures(session=session, until=utcnow(), days=days)))
    filename = f"helpline-figures-{utcnow():%Y%m%d}-{days}d.csv"
    response = Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})  # fmt: skip
    return secure(response)


@router.get("/audit")
def audit_page(
    request: Request,
    session: SessionDep,
    conversation_id: uuid.UUID | None = None,
    case_id: uuid.UUID | None = None,
    limit: int = Query(default=200, ge=1, le=1000),
) -> Response:
    """The audit log (supervisors): who viewed or changed which conversation or case, when."""
    staff = _supervisor(request, session)
    if isinstance(staff, Response):
        return staff
    found = events(session=session, conversation_id=conversation_id, case_id=case_id, limit=limit)
    return render(request, "audit.html", staff=staff, events=found, conversation_id=conversation_id or "",
                  case_id=case_id or "", limit=limit)  # fmt: skip


@router.get("/static/{name}")
def static(name: str) -> Response:
    """The console's own scripts and styles (no CDN)."""
    path = STATIC / name
    if "/" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such file")
    response = FileResponse(path, media_type=STATIC_TYPES[path.suffix])
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
