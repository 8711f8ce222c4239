"""The console in real headless Chromium: a P1 arrives live from a signed webhook, is claimed and answered on the
child's channel; a second browser loses the claim race; a counsellor is kept out of supervisor pages and another
centre's case; Arabic pages read right to left."""

import time
import uuid
from collections.abc import Callable
from datetime import timedelta

import httpx
from playwright.sync_api import Browser, BrowserContext, expect
from sqlalchemy import select, update

from channels.contacts.models import Contact
from channels.providers.twilio import sign
from channels.sandbox import config
from channels.sandbox.server import Running
from channels.sms import is_gsm7, segments
from helpline.db import new_session, utcnow
from tests.channels.conftest import PUBLIC, WHATSAPP_USER, Bot, twilio_form
from tests.conftest import Reconfigure
from tests.live import live_service
from tests.triage.conftest import PASSWORD, Account
from tests.triage.console.browser import (
    alarms,
    errors,
    fits_the_screen,
    listen_for_alarms,
    screenshot,
    signed_in_page,
    telegram_webhook,
    wait_live,
)
from triage.cases.models import Case
from triage.console.demo import fill
from triage.console.i18n import translations
from triage.conversations.models import Conversation
from triage.handoff import flows
from triage.staff.models import Role

TEMPLATE_SID = "HX0123456789abcdef0123456789abcdef"
P1_TEXT = "bba kaydrebni daba o 3ndo mos, khayfa"
CHAT = 777000111


def _sandbox_texts(sandbox: Running, chat: int) -> list[str]:
    return [m.text for m in sandbox.sandbox.messages(to=str(chat))]


def test_p1_arrives_live_is_claimed_and_answered(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    sandbox: Running,
    make_staff: Callable[..., Account],
) -> None:
    counsellor = make_staff(role=Role.COUNSELLOR, centre="CASA")
    page = signed_in_page(browser, service, counsellor.username, PASSWORD, opened=open_pages)
    listen_for_alarms(page, service)
    page.click("#sound-on")  # the browser plays sound only after a gesture on the page
    wait_live(page)
    expect(page.locator("#queue-empty")).to_be_visible()
    expect(page.locator("#notify-on")).to_be_hidden()  # permission already given

    telegram_webhook(service, P1_TEXT, chat=CHAT)
    row = page.locator("#queue tbody tr[data-level=P1]")
    expect(row).to_be_visible(timeout=15_000)
    expect(page.locator("#p1-alert")).to_be_visible()
    expect(row.locator(".badge.level-P1")).to_have_text("P1")
    expect(row).to_contain_text("danger_now")
    expect(row).to_contain_text("kaydrebni daba")
    expect(row).to_contain_text("telegram")
    expect(row.locator("td.wait")).to_contain_text("restant")  # waiting time against the P1 target
    assert page.title().startswith("⚠ P1")
    alarm = alarms(page)
    assert alarm["tones"], "a sound is played"
    assert alarm["notifications"] == [{"title": "P1", "body": translations("fr")["new_p1_alert"]}]
    assert fits_the_screen(page), "no horizontal scrolling on a small laptop screen"
    screenshot(page, "queue-p1-alert")

    row.locator("button.take").click()
    page.wait_for_url("**/console/conversations/*")
    expect(page.locator("#transcript")).to_contain_text(P1_TEXT)
    expect(page.locator("#reply-form")).to_be_visible()

    reply = "Salam, ana Nadia mn markaz l'écoute. Wach nti f aman daba?"
    page.fill("#reply-text", reply)
    expect(page.locator("#sms-counter")).to_contain_text("GSM-7")
    page.click("#send")
    expect(page.locator("#notice")).to_be_visible()
    deadline = time.monotonic() + 10
    while reply not in _sandbox_texts(sandbox, CHAT) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert reply in _sandbox_texts(sandbox, CHAT), "the reply reached the Telegram stand-in"
    expect(page.locator("#transcript li.staff .delivery")).to_be_visible(timeout=15_000)
    screenshot(page, "conversation-replied")
    assert errors(page) == [], "no script error and no Content-Security-Policy violation"


def test_second_browser_loses_the_claim_race(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    make_staff: Callable[..., Account],
    make_conversation: Callable[..., uuid.UUID],
) -> None:
    first, second = make_staff(centre="CASA"), make_staff(centre="CASA")
    conversation_id = make_conversation(level="P2", centre="CASA")
    pages = {}
    for account in (first, second):
        page = signed_in_page(browser, service, account.username, PASSWORD, opened=open_pages)
        page.goto(f"{service}/console/conversations/{conversation_id}")
        expect(page.locator("#take")).to_be_visible()
        wait_live(page)
        pages[account.username] = page

    for page in pages.values():  # both at once: no waiting for the other page's button to settle
        page.evaluate("() => document.getElementById('take').click()")
    for page in pages.values():
        expect(page.locator("#conversation[data-state=claimed]")).to_be_attached(timeout=15_000)
    time.sleep(1.2)  # the pages re-read the conversation after each event
    winners = [
        name for name, page in pages.items() if page.locator("#conversation").get_attribute("data-mine") == "yes"
    ]
    assert len(winners) == 1
    loser = pages[next(name for name in pages if name not in winners)]
    expect(loser.locator("#notice")).to_contain_text(winners[0])
    expect(loser.locator("#reply-form")).to_be_hidden()
    screenshot(loser, "claim-race-loser")


def test_counsellor_is_kept_out_of_supervisor_pages_and_other_centres(
    browser: Browser, service: str, open_pages: list[BrowserContext], make_staff: Callable[..., Account]
) -> None:
    counsellor = make_staff(centre="CASA")
    with new_session() as session, session.begin():
        case = Case(reference=f"C-{uuid.uuid4().hex[:6]}", centre_code="NORD", region="TTA")
        session.add(case)
        session.flush()
        case_id = case.id
    page = signed_in_page(browser, service, counsellor.username, PASSWORD, opened=open_pages)
    expect(page.locator("a[href='/console/dashboard']")).to_have_count(0)
    for path in ("/console/dashboard", "/console/audit", f"/console/cases/{case_id}"):
        response = page.goto(f"{service}{path}")
        assert response is not None
        assert response.status == 403, path
        expect(page.locator("#forbidden-reason")).to_be_visible()
    screenshot(page, "counsellor-forbidden-case")


def test_arabic_reads_right_to_left_and_sms_counter_agrees_with_the_server(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    make_staff: Callable[..., Account],
    make_conversation: Callable[..., uuid.UUID],
) -> None:
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    make_conversation(level="P1", centre="CASA")
    page = signed_in_page(browser, service, supervisor.username, PASSWORD, opened=open_pages, language="ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    expect(page.locator("h1")).to_contain_text("قائمة الانتظار")
    expect(page.locator("#queue tbody tr")).to_have_count(1)
    screenshot(page, "queue-arabic")
    page.goto(f"{service}/console/conversations/{page_conversation(page, service)}")
    samples = ["salam", "a" * 160, "a" * 161, "€" * 80, "€" * 81, "سلام عليكم", "ب" * 70, "ب" * 71, "ok 👍",
               "😀" * 35, "😀" * 36, "Ça va ? Ñ ü [x] {y}", "ligne\nsuivante", "x" * 1600]  # fmt: skip
    counted = page.evaluate("(texts) => texts.map((t) => Sms.count(t))", samples)
    for text, count in zip(samples, counted, strict=True):
        assert count["segments"] == segments(text), text
        assert (count["encoding"] == "GSM-7") == is_gsm7(text), text

    with new_session() as session, session.begin():
        fill(session=session, password=PASSWORD, days=10, force=True)
    page.goto(f"{service}/console/dashboard?days=7")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    expect(page.locator("#chart-by_channel svg")).to_be_visible()
    screenshot(page, "dashboard-arabic")
    assert errors(page) == []


def page_conversation(page: object, service: str) -> str:
    """The id of the first waiting conversation the queue page shows."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(f"{service}/console")
    row = page.locator("#queue tbody tr").first
    expect(row).to_be_visible()
    value = row.get_attribute("data-id")
    assert value is not None
    return value


def test_whatsapp_reply_after_24_hours_shows_the_template_warning(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    make_staff: Callable[..., Account],
    reconfigure: Reconfigure,
    bot: Bot,
) -> None:
    reconfigure(WHATSAPP_TEMPLATE_SID=TEMPLATE_SID)
    form = twilio_form(From=WHATSAPP_USER, To="whatsapp:+212500000001", Body="salam, bghit nhder m3a chi wa7ed")
    signature = sign(url=f"{PUBLIC}/webhooks/twilio", params=form, token=config.AUTH_TOKEN)
    httpx.post(f"{service}/webhooks/twilio", data=form, headers={"X-Twilio-Signature": signature}).raise_for_status()
    conversation_id = _wait_for_conversation(bot)
    with new_session() as session, session.begin():
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        flows.enqueue(session=session, conversation=conversation, reason="user_request", actor="bot")
        session.execute(update(Contact).values(last_inbound_at=utcnow() - timedelta(hours=25)))
    counsellor = make_staff(centre="CASA")
    page = signed_in_page(browser, service, counsellor.username, PASSWORD, opened=open_pages, language="en")
    page.goto(f"{service}/console/conversations/{conversation_id}")
    page.click("#take")
    expect(page.locator("#reply-form")).to_be_visible()
    page.fill("#reply-text", "Are you still there?")
    page.click("#send")
    warning = page.locator("#template-warning")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text(TEMPLATE_SID)
    expect(warning).to_contain_text("24-hour")
    screenshot(page, "whatsapp-template-warning")


def _wait_for_conversation(bot: Bot) -> uuid.UUID:
    """The conversation of the first message, once the gateway has finished with it (the bot got it)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if bot.messages():
            time.sleep(0.5)  # the worker commits after the bot answered
            with new_session() as session:
                found = session.scalar(select(Conversation.id))
            if found is not None:
                return found
        time.sleep(0.1)
    raise AssertionError("the gateway did not record the WhatsApp message")


def test_supervisor_sees_an_sla_breach_as_it_happens(
    browser: Browser,
    reconfigure: Reconfigure,
    make_staff: Callable[..., Account],
    make_conversation: Callable[..., uuid.UUID],
    bot: Bot,
    sandbox: Running,
) -> None:
    reconfigure(SLA_P1_SECONDS="1", SLA_CHECK_INTERVAL_SECONDS="0.5")
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    contexts: list[BrowserContext] = []
    with live_service() as service:
        page = signed_in_page(browser, service, supervisor.username, PASSWORD, opened=contexts, language="en")
        wait_live(page)
        make_conversation(level="P1", centre="SUD")
        expect(page.locator("#sla-alert")).to_be_visible()
        expect(page.locator("#sla-list a")).to_contain_text("P1 SUD")
        screenshot(page, "supervisor-sla-breach")
        for context in contexts:
            context.close()
