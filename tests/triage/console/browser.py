"""Drives the console in real headless Chromium (Debian's package) with Playwright."""

import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from channels.providers.telegram import SECRET_HEADER
from channels.sandbox import config
from helpline.paths import ROOT
from tests.channels.conftest import tg_message

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts" / "console"
VIEWPORT = {"width": 1366, "height": 768}  # a small laptop screen
ERRORS: "weakref.WeakKeyDictionary[Page, list[str]]" = weakref.WeakKeyDictionary()
expect.set_options(timeout=15_000)  # generous: the test machine is shared and often busy


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the block."""
    playwright: Playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def signed_in_page(
    browser: Browser, base_url: str, username: str, password: str, *, opened: list[BrowserContext],
    language: str = "fr",
) -> Page:  # fmt: skip
    """A new browser context signed in through the login form, on the queue page."""
    context = browser.new_context(viewport=VIEWPORT, locale=language)  # type: ignore[arg-type]
    context.set_default_timeout(60_000)  # the test machine is shared and sometimes very busy
    opened.append(context)
    page = context.new_page()
    problems = ERRORS.setdefault(page, [])
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base_url}/console/language/{language}?next=/console/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    try:
        page.wait_for_url(f"{base_url}/console")
    except Exception:
        screenshot(page, f"sign-in-stuck-{username}")
        raise AssertionError(f"sign-in did not reach the console; the page is at {page.url}") from None
    return page


RECORD_ALARMS = """(() => {
  window.__alarms = {notifications: [], tones: 0};
  const Real = window.Notification;
  if (Real) {
    const Recorded = function (title, options) {
      window.__alarms.notifications.push({title, body: options && options.body});
      return new Real(title, options);
    };
    Object.defineProperty(Recorded, "permission", {get: () => Real.permission});
    Recorded.requestPermission = (...args) => Real.requestPermission(...args);
    window.Notification = Recorded;
  }
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__alarms.tones += 1;
    return start.apply(this, args);
  };
})();"""


def listen_for_alarms(page: Page, base_url: str) -> None:
    """Allows notifications, records every notification and tone the page makes (window.__alarms), reloads."""
    page.context.grant_permissions(["notifications"], origin=base_url)
    page.context.add_init_script(RECORD_ALARMS)
    page.reload()


def alarms(page: Page) -> dict[str, object]:
    """The notifications shown and the tones played since listen_for_alarms."""
    found: dict[str, object] = page.evaluate("window.__alarms")
    return found


def fits_the_screen(page: Page) -> bool:
    """True when the page needs no horizontal scrolling in its viewport."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def errors(page: Page) -> list[str]:
    """Script errors and console errors (a CSP violation is one) seen by the page so far."""
    return ERRORS.get(page, [])


def wait_live(page: Page) -> None:
    """Waits until the page's event stream is connected."""
    page.wait_for_selector("body[data-live=on]", state="attached", timeout=10_000)


def screenshot(page: Page, name: str) -> Path:
    """Saves a screenshot under test-artifacts/console/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def telegram_webhook(base_url: str, text: str, *, chat: int) -> float:
    """Posts a Telegram update with the secret token, as Telegram would; returns when it was acknowledged."""
    response = httpx.post(f"{base_url}/webhooks/telegram", json=tg_message(text, chat=chat),
                          headers={SECRET_HEADER: config.WEBHOOK_SECRET}, timeout=10)  # fmt: skip
    response.raise_for_status()
    return time.perf_counter()
