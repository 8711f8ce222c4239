"""Development credentials of the sandbox and the settings that point the real client libraries at it."""

from helpline.paths import VAR
from helpline.settings import Settings

URL_FILE = VAR / "run" / "sandbox.url"

ACCOUNT_SID = "ACsandbox00000000000000000000000000"
AUTH_TOKEN = "sandbox-auth-token"
BOT_TOKEN = "100000:sandbox-bot-token"
WEBHOOK_SECRET = "sandbox-webhook-secret"
SMS_FROM = "+212500000000"
WHATSAPP_FROM = "whatsapp:+212500000001"


def needed(settings: Settings) -> bool:
    """True when no provider credentials are configured (development only): the sandbox stands in."""
    no_twilio = not settings.twilio_account_sid and not settings.twilio_auth_token.get_secret_value()
    no_telegram = not settings.telegram_bot_token.get_secret_value()
    return not settings.is_production and no_twilio and no_telegram


def url(settings: Settings) -> str:
    """The base URL of the sandbox `helpline up` started (written at start), else SANDBOX_PORT on loopback."""
    if URL_FILE.exists():
        return URL_FILE.read_text().strip()
    return f"http://127.0.0.1:{settings.sandbox_port}"


def environment_for(base: str) -> dict[str, str]:
    """The same variables for a sandbox at any base URL (tests and the benchmark run their own)."""
    return {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_SMS_FROM": SMS_FROM,
        "TWILIO_WHATSAPP_FROM": WHATSAPP_FROM,
        "TWILIO_API_BASE_URL": base,
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "TELEGRAM_API_BASE_URL": f"{base}/bot",
    }
