"""Cases group the contacts and reports about one child, with notes, categories, referrals and an outcome."""

import uuid
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.triage.conftest import Account
from triage.staff.models import Role


@pytest.fixture
def case_from_report(
    client: TestClient, make_staff: Callable[..., Account], make_conversation: Callable[..., uuid.UUID],
    service_headers: dict[str, str],
) -> tuple[Account, dict[str, object], str]:  # fmt: skip
    counsellor = make_staff(centre="CASA")
    conversation_id = make_conversation(region="CS", centre="CASA")
    answers = {"what_happened": "my little sister works all day in a workshop", "region": "CS"}
    report = client.post("/api/v1/bot/reports", headers=service_headers,
                         json={"conversation_id": str(conversation_id), "answers": answers}).json()  # fmt: skip
    case = client.post("/api/v1/cases", headers=counsellor.headers, json={"conversation_id": str(conversation_id)})
    assert case.status_code == 201
    return counsellor, case.json(), report["reference"]


def test_a_case_opened_from_a_conversation_carries_its_reports(
    case_from_report: tuple[Account, dict[str, object], str],
) -> None:
    _counsellor, case, reference = case_from_report
    assert str(case["reference"]).startswith("C-")
    assert case["reports"] == [reference]
    assert case["region"] == "CS"
    assert case["centre_code"] == "CASA"
    assert len(case["conversations"]) == 1  # type: ignore[arg-type]


def test_notes_categories_referral_and_closing(
    client: TestClient, case_from_report: tuple[Account, dict[str, object], str]
) -> None:
    counsellor, case, _reference = case_from_report
    base = f"/api/v1/cases/{case['id']}"
    assert (
        client.post(f"{base}/notes", headers=counsellor.headers, json={"body": "called back, safe"}).status_code == 201
    )
    bad = client.put(f"{base}/categories", headers=counsellor.headers, json={"categories": ["made_up"]})
    assert bad.status_code == 422
    good = client.put(f"{base}/categories", headers=counsellor.headers, json={"categories": ["violence.child_labour"]})
    assert good.json()["categories"] == ["violence.child_labour"]
    wrong_region = client.post(f"{base}/referrals", headers=counsellor.headers, json={"service_code": "DISPOSITIF-TTA"})
    assert wrong_region.status_code == 422
    referred = client.post(f"{base}/referrals", headers=counsellor.headers, json={"service_code": "DISPOSITIF-CS"})
    assert [r["service_code"] for r in referred.json()["referrals"]] == ["DISPOSITIF-CS"]
    no_outcome = client.post(f"{base}/status", headers=counsellor.headers, json={"status": "closed"})
    assert no_outcome.status_code == 422
    follow = client.post(f"{base}/status", headers=counsellor.headers, json={"status": "follow_up"})
    assert follow.json()["status"] == "follow_up"
    closed = client.post(f"{base}/status", headers=counsellor.headers, json={"status": "closed", "outcome": "referred"})
    assert (closed.json()["status"], closed.json()["outcome"]) == ("closed", "referred")
    notes = client.get(base, headers=counsellor.headers).json()["notes"]
    assert [n["body"] for n in notes] == ["called back, safe"]


def test_legal_hold_is_for_supervisors(
    client: TestClient, make_staff: Callable[..., Account], case_from_report: tuple[Account, dict[str, object], str]
) -> None:
    counsellor, case, _reference = case_from_report
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    url = f"/api/v1/cases/{case['id']}/hold"
    assert client.post(url, headers=counsellor.headers, json={"legal_hold": True}).status_code == 403
    assert client.post(url, headers=supervisor.headers, json={"legal_hold": True}).json()["legal_hold"] is True


def test_another_centre_cannot_open_the_case(
    client: TestClient, make_staff: Callable[..., Account], case_from_report: tuple[Account, dict[str, object], str]
) -> None:
    _counsellor, case, _reference = case_from_report
    elsewhere = make_staff(centre="NORD")
    assert client.get(f"/api/v1/cases/{case['id']}", headers=elsewhere.headers).status_code == 403


def test_the_directory_lists_regional_services_first(client: TestClient, make_staff: Callable[..., Account]) -> None:
    services = client.get("/api/v1/services", params={"region": "SM"}, headers=make_staff().headers).json()
    codes = [s["code"] for s in services]
    assert codes[0] == "DISPOSITIF-SM"
    assert "ONDE-2511" in codes
    assert "DISPOSITIF-CS" not in codes
