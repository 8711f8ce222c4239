"""docker-compose.yml is valid and stays in step with the settings and .env.example."""

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpline.paths import ROOT
from helpline.settings import Settings

FIXED_NAMES = {
    "DATABASE_URL", "REDIS_URL", "RASA_URL", "HELPLINE_PORT", "PUBLIC_BASE_URL", "HELPLINE_ENV",
    "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_SMS_FROM", "TWILIO_WHATSAPP_FROM", "TWILIO_API_BASE_URL",
    "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_API_BASE_URL",
}  # fmt: skip
SERVICES = {"postgres", "redis", "rasa", "actions", "helpline"}


def _compose_config(env_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["docker-compose", "--env-file", str(env_file), "--project-directory", str(ROOT),
         "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def _example_env() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    env_file = tmp_path_factory.mktemp("compose") / "env"
    env_file.write_text((ROOT / ".env.example").read_text())
    result = _compose_config(env_file)
    assert result.returncode == 0, result.stderr
    parsed: dict[str, Any] = yaml.safe_load(result.stdout)
    return parsed


def test_every_service_is_defined(config: dict[str, Any]) -> None:
    assert set(config["services"]) == SERVICES


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_every_service_has_a_health_check(config: dict[str, Any], service: str) -> None:
    definition = config["services"][service]
    if "build" in definition:
        dockerfile = ROOT / definition["build"]["dockerfile"]
        assert "HEALTHCHECK" in dockerfile.read_text()
    else:
        assert definition["healthcheck"]["test"]


def test_helpline_environment_names_are_settings(config: dict[str, Any]) -> None:
    names = set(config["services"]["helpline"]["environment"])
    fields = {name.upper() for name in Settings.model_fields}
    assert names <= fields, f"unknown to helpline.settings: {names - fields}"
    assert FIXED_NAMES <= names


def test_env_example_documents_every_fixed_name() -> None:
    example = _example_env()
    fields = {name.upper() for name in Settings.model_fields}
    assert FIXED_NAMES <= set(example)
    compose_only = {"POSTGRES_PASSWORD", "HELPLINE_PUBLISHED_PORT"}
    assert set(example) - compose_only <= fields


@pytest.mark.parametrize(
    "secret", ["POSTGRES_PASSWORD", "RASA_TOKEN", "PSEUDONYM_KEY", "PUBLIC_BASE_URL", "ENCRYPTION_KEYS"]
)
def test_a_missing_secret_is_refused_by_name(tmp_path: Path, secret: str) -> None:
    env = {k: v for k, v in _example_env().items() if k != secret}
    env_file = tmp_path / "env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    result = _compose_config(env_file)
    assert result.returncode != 0
    assert re.search(secret, result.stderr)


def test_rasa_shares_its_stores_between_replicas(config: dict[str, Any]) -> None:
    rasa_env = config["services"]["rasa"]["environment"]
    assert rasa_env["RASA_TRACKER_URL"].startswith("postgresql://")
    assert rasa_env["ENCRYPTION_KEYS"]
    endpoints = yaml.safe_load((ROOT / "docker/rasa-endpoints.yml").read_text())
    assert endpoints["lock_store"]["type"] == "redis"
    assert endpoints["tracker_store"]["type"] == "bot.tracker_store.EncryptedTrackerStore"


def test_the_action_server_has_the_key_ring_and_the_modules_it_imports(config: dict[str, Any]) -> None:
    assert config["services"]["actions"]["environment"]["ENCRYPTION_KEYS"], "its outbox file is encrypted"
    dockerfile = (ROOT / "docker/actions.Dockerfile").read_text()
    imported = {
        f"bot/{line.split()[1].removeprefix('bot.')}.py"
        for path in (ROOT / "actions").glob("*.py")
        for line in path.read_text().splitlines()
        if line.startswith("from bot.")
    }
    assert imported == {"bot/text.py", "bot/keyring.py"}
    assert all(module in dockerfile for module in imported)


def test_the_action_servers_outbox_survives_a_restart(config: dict[str, Any]) -> None:
    volumes = [  # docker-compose v1 prints `source:target:mode`, v2 a mapping
        v if isinstance(v, dict) else dict(zip(("source", "target"), v.split(":"), strict=False))
        for v in config["services"]["actions"]["volumes"]
    ]
    outbox = next(v for v in volumes if v["target"] == "/app/var")
    assert outbox["source"] in config["volumes"], "a named volume, not a path in the image"
    dockerfile = (ROOT / "docker/actions.Dockerfile").read_text()
    assert "WORKDIR /app" in dockerfile, "the outbox's default place is var/ under the app (actions/triage_client.py)"
    assert "chown actions /app/var" in dockerfile, "a new volume takes the owner of the image's directory"
