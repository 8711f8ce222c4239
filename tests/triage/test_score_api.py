"""`POST /api/v1/triage/score` for the action server or signed-in staff."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.triage.conftest import Account
from triage.scoring import assess


@pytest.mark.parametrize("caller", ["service", "staff"])
def test_scores_a_text_with_context(
    client: TestClient, make_staff: Callable[..., Account], service_headers: dict[str, str], caller: str
) -> None:
    headers = service_headers if caller == "service" else make_staff().headers
    payload = {"text": "my uncle touches me", "context": {"reporter": "child", "answers": {"danger_now": True}}}
    response = client.post("/api/v1/triage/score", json=payload, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["level"] == "P1"
    assert 0.0 <= body["score"] <= 1.0
    assert body["language"] == "en"
    assert {"code", "evidence"} == set(body["signals"][0])


def test_bad_context_is_a_clear_422(client: TestClient, service_headers: dict[str, str]) -> None:
    payload = {"text": "hello", "context": {"reporter": "robot"}}
    response = client.post("/api/v1/triage/score", json=payload, headers=service_headers)
    assert response.status_code == 422
    assert "reporter" in response.json()["detail"]


def test_a_long_text_is_scored_like_a_short_one(client: TestClient, service_headers: dict[str, str]) -> None:
    text = "bba kaydrebni daba, " + "je suis fatiguée de tout. " * 150
    response = client.post("/api/v1/triage/score", json={"text": text, "context": {}}, headers=service_headers)
    assert response.status_code == 200
    assert response.json() == assess(text).to_dict()
