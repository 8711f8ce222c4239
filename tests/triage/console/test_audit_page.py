"""The audit log viewer: a supervisor sees who viewed or changed which conversation or case, and when."""

import uuid
from collections.abc import Callable

from tests.triage.console.conftest import Browserless
from triage.staff.models import Role


def test_supervisor_sees_who_viewed_and_changed_a_conversation_and_a_case(
    console: Callable[..., Browserless], make_conversation: Callable[..., uuid.UUID]
) -> None:
    counsellor, supervisor = console(centre="CASA"), console(role=Role.SUPERVISOR, centre=None)
    watched, other = make_conversation(level="P2", centre="CASA"), make_conversation(level="P3", centre="CASA")
    assert counsellor.client.get(f"/api/v1/conversations/{watched}").status_code == 200
    assert counsellor.post(f"/api/v1/conversations/{watched}/claim").status_code == 200  # type: ignore[attr-defined]
    case_id = counsellor.post("/api/v1/cases", json={"conversation_id": str(watched)}).json()["id"]  # type: ignore[attr-defined]
    noted = counsellor.post(f"/api/v1/cases/{case_id}/notes", json={"body": "school told"})
    assert noted.status_code == 201  # type: ignore[attr-defined]
    assert counsellor.client.get(f"/api/v1/conversations/{other}").status_code == 200

    page = supervisor.client.get(f"/console/audit?conversation_id={watched}").text
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert [row for row in rows if counsellor.account.username in row and ">view<" in row], "the view is listed"
    assert [row for row in rows if counsellor.account.username in row and ">claim<" in row]
    assert str(other)[:8] not in page, "only the conversation asked for"
    assert "UTC</time>" in page

    case_page = supervisor.client.get(f"/console/audit?case_id={case_id}").text
    for action in (">case_opened<", ">note_added<"):
        assert [row for row in case_page.split("<tr>") if counsellor.account.username in row and action in row], action
