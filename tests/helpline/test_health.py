"""`/healthz` answers while the process lives; `/readyz` names each dependency that is down."""

import pytest
from fastapi.testclient import TestClient

from helpline.app import create_app
from tests.conftest import Reconfigure
from tests.standin import Recorded, serve


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


def _rasa_status(request: Recorded) -> tuple[int, object]:
    if request.path.startswith("/status?token=dev-only-rasa-token"):
        return 200, {"model_file": "models/abc.tar.gz", "num_active_training_jobs": 0}
    return 401, {"message": "bad token"}


def test_healthz_answers(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_names_rasa_when_it_is_down(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["down"] == ["rasa"]
    assert body["checks"] == {"database": True, "redis": True, "rasa": False}


def test_readyz_is_ready_when_everything_answers(client: TestClient, reconfigure: Reconfigure) -> None:
    with serve(_rasa_status) as rasa:
        reconfigure(RASA_URL=rasa.url)
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["down"] == []
    assert rasa.requests[0].path.startswith("/status?token=")


@pytest.mark.parametrize(
    ("variable", "unreachable", "down"),
    [
        ("REDIS_URL", "redis://127.0.0.1:9/0", ["redis", "rasa"]),
        ("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none", ["database", "rasa"]),
    ],
)
def test_readyz_names_each_unreachable_dependency(
    client: TestClient, reconfigure: Reconfigure, variable: str, unreachable: str, down: list[str]
) -> None:
    reconfigure(**{variable: unreachable})
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["down"] == down
