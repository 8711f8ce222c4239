"""Production refuses to start with placeholder or missing secrets; development runs on defaults."""

import pytest

from helpline.settings import InsecureConfiguration, Settings

REAL = {
    "HELPLINE_ENV": "production",
    "DATABASE_URL": "postgresql+psycopg://helpline@db:5432/helpline",
    "REDIS_URL": "redis://redis:6379/0",
    "RASA_TOKEN": "3f9a1c0e5b7d4a2e8c6f",
    "PSEUDONYM_KEY": "b41d7e09c2a84f6e9d13",
    "TRIAGE_SERVICE_TOKEN": "7c2e9f14a0b64d38e5a1",
    "TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef",
    "TWILIO_AUTH_TOKEN": "9e8d7c6b5a4f3e2d1c0b",
    "TELEGRAM_BOT_TOKEN": "123456:AAE-real-looking-token",
    "TELEGRAM_WEBHOOK_SECRET": "0f1e2d3c4b5a69788796",
    "ENCRYPTION_KEYS": "kJ0m2oQnYc2b1y9tq8qOe6b0x7o8iV3m4v2Z1w0y5uA=",
}


def _settings(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> Settings:
    for name in [*REAL, "HELPLINE_PORT", "ENCRYPTION_KEY_FILE"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_development_runs_on_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _settings(monkeypatch, {})
    assert not settings.is_production
    assert settings.helpline_port == 8000
    assert settings.database_url.startswith("sqlite:///")
    assert settings.twilio_api_base_url == "https://api.twilio.com"
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"


def test_production_with_real_values_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = _settings(monkeypatch, REAL)
    assert settings.is_production
    assert settings.redis_url == "redis://redis:6379/0"


@pytest.mark.parametrize(
    ("name", "value", "named_in_error"),
    [
        ("RASA_TOKEN", "dev-only-rasa-token", "RASA_TOKEN"),
        ("PSEUDONYM_KEY", "change-me", "PSEUDONYM_KEY"),
        ("TRIAGE_SERVICE_TOKEN", "", "TRIAGE_SERVICE_TOKEN"),
        ("TWILIO_AUTH_TOKEN", "", "TWILIO_AUTH_TOKEN"),
        ("TELEGRAM_WEBHOOK_SECRET", "placeholder", "TELEGRAM_WEBHOOK_SECRET"),
        ("DATABASE_URL", "sqlite:///var/helpline.db", "DATABASE_URL"),
        ("REDIS_URL", "", "REDIS_URL"),
        ("ENCRYPTION_KEYS", "", "ENCRYPTION_KEYS"),
    ],
    ids=lambda value: str(value)[:24],
)
def test_production_refuses_placeholders(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, named_in_error: str
) -> None:
    with pytest.raises(InsecureConfiguration, match=named_in_error):
        _settings(monkeypatch, {**REAL, name: value})


def test_production_needs_at_least_one_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    values = {k: v for k, v in REAL.items() if not k.startswith(("TWILIO", "TELEGRAM"))}
    with pytest.raises(InsecureConfiguration, match="TWILIO_ACCOUNT_SID or TELEGRAM_BOT_TOKEN"):
        _settings(monkeypatch, values)
