"""The URL a provider signed: PUBLIC_BASE_URL, or the forwarded scheme and host when a trusted proxy says so."""

from starlette.requests import Request

from helpline.settings import get_settings


def trusted_proxies() -> frozenset[str]:
    """The peers whose X-Forwarded-Proto and X-Forwarded-Host are believed (TRUSTED_PROXIES)."""
    return frozenset(item.strip() for item in get_settings().trusted_proxies.split(",") if item.strip())


def public_url(request: Request) -> str:
    """The full public URL of this request, as the provider saw it (path and query included)."""
    base = get_settings().public_base_url.rstrip("/")
    peer = request.client.host if request.client else ""
    if peer in trusted_proxies():
        proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip()
        host = request.headers.get("x-forwarded-host", "").split(",")[0].strip()
        if proto and host:
            base = f"{proto}://{host}"
    query = request.url.query
    return f"{base}{request.url.path}" + (f"?{query}" if query else "")
