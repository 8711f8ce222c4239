"""Configuration of the helpline service, read from the environment (and `.env`)."""

from enum import StrEnum
from functools import lru_cache
from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from helpline.paths import ROOT, VAR

PLACEHOLDER_MARKERS = ("change-me", "changeme", "placeholder", "dev-only", "example")


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when production runs with a missing or placeholder secret."""


def _is_placeholder(value: str) -> bool:
    lowered = value.lower()
    return not value or any(marker in lowered for marker in PLACEHOLDER_MARKERS)


class Settings(BaseSettings):
    """Every setting of the helpline service; names are fixed (deployments and tests rely on them)."""

    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore")

    helpline_env: Environment = Environment.DEVELOPMENT
    helpline_port: int = 8000
    helpline_host: str = "127.0.0.1"
    helpline_workers: int = 1  # uvicorn worker processes of the helpline service (one per core; each runs the workers)
    log_dir: str = ""  # where `helpline up` writes each process's log; var/log/ when empty
    public_base_url: str = "http://127.0.0.1:8000"

    database_url: str = Field(default=f"sqlite:///{VAR / 'helpline.db'}")
    redis_url: str | None = None

    pseudonym_key: SecretStr = SecretStr("dev-only-pseudonym-key")
    encryption_keys: SecretStr = SecretStr("")
    encryption_key_file: str = ""
    triage_service_token: SecretStr = SecretStr("dev-only-service-token")

    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: SecretStr = SecretStr("dev-only-rasa-token")
    rasa_timeout_seconds: float = 8.0
    action_server_url: str = "http://127.0.0.1:5055"

    sla_p1_seconds: int = 60
    sla_p2_seconds: int = 15 * 60
    sla_p3_seconds: int = 2 * 60 * 60
    sla_p4_seconds: int = 24 * 60 * 60
    sla_check_interval_seconds: float = 5.0
    staff_online_seconds: int = 120

    # Retention, in days, per kind of data (the one place it is configured); see triage/retention/.
    retain_transcripts_days: int = 90
    retain_reports_days: int = 2 * 365
    retain_case_notes_days: int = 5 * 365
    retain_audit_days: int = 5 * 365
    retain_delivery_metadata_days: int = 30
    retain_statistics_days: int = 10 * 365  # anonymised daily counts: no identifier, no text
    retention_interval_seconds: float = 6 * 60 * 60

    twilio_account_sid: str = ""
    twilio_auth_token: SecretStr = SecretStr("")
    twilio_sms_from: str = ""
    twilio_whatsapp_from: str = ""
    twilio_api_base_url: str = "https://api.twilio.com"

    telegram_bot_token: SecretStr = SecretStr("")
    telegram_webhook_secret: SecretStr = SecretStr("")
    telegram_api_base_url: str = "https://api.telegram.org/bot"

    # Messaging gateway (channels/)
    trusted_proxies: str = ""  # comma-separated IPs whose X-Forwarded-Proto/Host are believed
    whatsapp_template_sid: str = ""  # ContentSid of the approved template sent outside the 24 h window
    rate_limit_per_minute: int = 20  # messages per sender per minute before a kind "slow down" reply
    gateway_workers: int = 16  # conversations worked at the same time by one replica
    outbox_max_attempts: int = 8  # sends tried on 5xx, timeouts and 429 before the failure is permanent
    sandbox_port: int = 8025  # local stand-in of the Twilio and Telegram APIs when no credentials are set

    @property
    def is_production(self) -> bool:
        return self.helpline_env is Environment.PRODUCTION

    @model_validator(mode="after")
    def _refuse_placeholders_in_production(self) -> Self:
        if not self.is_production:
            return self
        problems = [name for name, value in self._secrets().items() if _is_placeholder(value)]
        if self.database_url.startswith("sqlite"):
            problems.append("DATABASE_URL (SQLite is for one development machine)")
        if not self.redis_url:
            problems.append("REDIS_URL (the embedded Redis is for development)")
        if not self.encryption_keys.get_secret_value() and not self.encryption_key_file:
            problems.append("ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE")
        if problems:
            raise InsecureConfiguration(
                "HELPLINE_ENV=production refuses to start: set real values for " + ", ".join(problems)
            )
        return self

    def _secrets(self) -> dict[str, str]:
        secrets = {
            "RASA_TOKEN": self.rasa_token.get_secret_value(),
            "PSEUDONYM_KEY": self.pseudonym_key.get_secret_value(),
            "TRIAGE_SERVICE_TOKEN": self.triage_service_token.get_secret_value(),
        }
        if self.twilio_account_sid or self.twilio_auth_token.get_secret_value():
            secrets["TWILIO_ACCOUNT_SID"] = self.twilio_account_sid
            secrets["TWILIO_AUTH_TOKEN"] = self.twilio_auth_token.get_secret_value()
        if self.telegram_bot_token.get_secret_value() or self.telegram_webhook_secret.get_secret_value():
            secrets["TELEGRAM_BOT_TOKEN"] = self.telegram_bot_token.get_secret_value()
            secrets["TELEGRAM_WEBHOOK_SECRET"] = self.telegram_webhook_secret.get_secret_value()
        if not self.twilio_account_sid and not self.telegram_bot_token.get_secret_value():
            secrets["TWILIO_ACCOUNT_SID or TELEGRAM_BOT_TOKEN"] = ""
        return secrets


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
