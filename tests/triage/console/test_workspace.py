"""The conversation workspace in real headless Chromium: the bot's handoff packet and the report answers, canned
replies in the conversation's language, notes, a case with categories (kept through a live reload until saved)
and a referral, close with an outcome;
transfer to a colleague (a supervisor reassigning) and to another centre; release back to the bot."""

import uuid
from collections.abc import Callable

import httpx
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from helpline.db import new_session
from tests.triage.conftest import PASSWORD, SERVICE_TOKEN, Account
from tests.triage.console.browser import errors, fits_the_screen, screenshot, signed_in_page
from triage.audit.models import AuditEvent
from triage.cases.models import Case, CaseConversation, Referral
from triage.categories import Category
from triage.console.api import canned_replies
from triage.console.i18n import translations
from triage.conversations.models import Conversation, ConversationState
from triage.handoff import flows
from triage.queue import service as queue
from triage.staff import service as staff_service
from triage.staff.models import Role

WHAT_HAPPENED = "Mon petit frère est frappé par notre oncle tous les soirs"
SUMMARY = "Une adolescente signale des violences sur son frère de 9 ans"


def _from_the_bot(service: str, conversation_id: uuid.UUID) -> None:
    """The action server files a report and hands the conversation over, as after the report form."""
    headers = {"Authorization": f"Bearer {SERVICE_TOKEN}"}
    answers = {"what_happened": WHAT_HAPPENED, "child_age": "9", "region": "CS", "reporter": "adult"}
    filed = {"conversation_id": str(conversation_id), "language": "fr", "answers": answers}
    report = httpx.post(f"{service}/api/v1/bot/reports", headers=headers, json=filed, timeout=10)
    assert report.status_code == 201, report.text
    handoff = {"conversation_id": str(conversation_id), "reason": "user_request", "language": "fr",
               "summary": SUMMARY, "report": answers}  # fmt: skip
    response = httpx.post(f"{service}/api/v1/bot/handoff", headers=headers, json=handoff, timeout=10)
    assert response.status_code == 202, response.text


def _conversation(conversation_id: uuid.UUID) -> Conversation:
    with new_session() as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        session.expunge(conversation)
        return conversation


def _claimed_by(account: Account, conversation_id: uuid.UUID) -> None:
    with new_session() as session, session.begin():
        staff = staff_service.get(session=session, staff_id=account.id)
        assert staff is not None
        flows.claim(session=session, conversation_id=conversation_id, staff=staff)


def _announce_change(conversation_id: uuid.UUID) -> None:
    """What a colleague's change does: an "updated" event for the conversation, which its open pages reload on."""
    with new_session() as session, session.begin():
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        queue.publish("updated", conversation)


def _open(page: Page, service: str, conversation_id: uuid.UUID) -> None:
    page.goto(f"{service}/console/conversations/{conversation_id}")
    expect(page.locator("#conversation[data-state]")).to_be_attached()


def test_counsellor_reads_the_packet_and_reports_and_keeps_the_record(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    make_staff: Callable[..., Account],
    make_conversation: Callable[..., uuid.UUID],
) -> None:
    counsellor = make_staff(centre="CASA")
    conversation_id = make_conversation(queued=False)
    _from_the_bot(service, conversation_id)
    page = signed_in_page(browser, service, counsellor.username, PASSWORD, opened=open_pages, language="en")
    _open(page, service, conversation_id)

    expect(page.locator("#handoff")).to_contain_text(SUMMARY)
    expect(page.locator("#reports")).to_contain_text(WHAT_HAPPENED)
    expect(page.locator("#reports")).to_contain_text("child_age")
    expect(page.locator("#meta")).to_contain_text("9")  # the child's age from the report

    page.click("#take")
    expect(page.locator("#reply-form")).to_be_visible()
    first_french = canned_replies()["fr"][0].replace("{name}", counsellor.username)
    expect(page.locator("#canned option")).to_have_count(1 + len(canned_replies()["fr"]))
    offered = page.locator("#canned option").all_inner_texts()
    assert first_french[:70] in offered, "canned replies in the conversation's language (French)"
    page.select_option("#canned", index=1)
    expect(page.locator("#reply-text")).to_have_value(first_french)
    assert fits_the_screen(page), "no horizontal scrolling on a small laptop screen"

    page.fill("#note-text", "Parle doucement, a peur que l'oncle lise ses messages")
    page.click("#note-form button[type=submit]")
    expect(page.locator("#notes")).to_contain_text("a peur que l'oncle")

    page.click("#open-case")
    expect(page.locator("#case-detail")).to_be_visible()
    expect(page.locator("#case-link")).to_contain_text("C-")
    page.select_option("#categories", [str(Category.PHYSICAL_ABUSE)])
    with page.expect_response(lambda r: "/api/v1/cases/" in r.url and r.request.method == "GET"):
        _announce_change(conversation_id)  # the page reloads the case: the pick not saved yet must survive it
    page.wait_for_timeout(300)
    expect(page.locator("#categories")).to_have_values([str(Category.PHYSICAL_ABUSE)])
    with page.expect_response(lambda r: r.url.endswith("/categories") and r.request.method == "PUT") as saved:
        page.click("#save-categories")
    assert saved.value.ok
    expect(page.locator("#services option").first).to_be_attached()
    service_code = page.locator("#services").input_value()
    page.click("#refer")
    expect(page.locator("#referrals")).to_contain_text(service_code)

    page.select_option("#outcome", "referred")
    page.click("#close-form button[type=submit]")
    expect(page.locator("#conversation[data-state=closed]")).to_be_attached()
    screenshot(page, "workspace-closed-with-case")
    assert errors(page) == []

    closed = _conversation(conversation_id)
    assert (closed.state, closed.outcome) == (ConversationState.CLOSED, "referred")
    with new_session() as session:
        case = session.scalars(select(Case).join(CaseConversation).where(
            CaseConversation.conversation_id == conversation_id)).one()  # fmt: skip
        assert case.categories == [str(Category.PHYSICAL_ABUSE)]
        assert session.scalars(select(Referral.service_code).where(Referral.case_id == case.id)).all() == [service_code]


def test_supervisor_reassigns_and_counsellors_transfer_and_release(
    browser: Browser,
    service: str,
    open_pages: list[BrowserContext],
    make_staff: Callable[..., Account],
    make_conversation: Callable[..., uuid.UUID],
) -> None:
    first, second = make_staff(centre="CASA"), make_staff(centre="CASA")
    supervisor = make_staff(role=Role.SUPERVISOR, centre=None)
    reassigned, to_nord = make_conversation(level="P2", centre="CASA"), make_conversation(level="P3", centre="CASA")
    _claimed_by(first, reassigned)

    boss = signed_in_page(browser, service, supervisor.username, PASSWORD, opened=open_pages, language="en")
    expect(boss.locator("#claimed tbody tr")).to_contain_text(first.username)
    _open(boss, service, reassigned)
    expect(boss.locator("#holder")).to_contain_text(first.username)
    boss.select_option("#to-staff", second.username)
    boss.click("#transfer-form button[type=submit]")
    expect(boss.locator("#holder")).to_contain_text(second.username)
    screenshot(boss, "supervisor-reassigned")
    assert _conversation(reassigned).claimed_by_id == second.id

    page = signed_in_page(browser, service, second.username, PASSWORD, opened=open_pages, language="en")
    expect(page.locator("#claimed tbody tr")).to_have_count(1)
    _open(page, service, reassigned)
    expect(page.locator("#reply-form")).to_be_visible()
    page.click("#release")
    expect(page.locator("#conversation[data-state=bot]")).to_be_attached()
    assert _conversation(reassigned).state == ConversationState.BOT

    _open(page, service, to_nord)
    page.click("#take")
    expect(page.locator("#reply-form")).to_be_visible()
    assert errors(page) == []
    assert errors(boss) == []
    page.select_option("#to-centre", "NORD")
    page.click("#transfer-form button[type=submit]")
    expect(page.locator("#conversation[data-state=elsewhere]")).to_be_attached()
    expect(page.locator("#notice")).to_have_text(translations("en")["moved_away"])
    expect(page.locator("#error")).to_be_hidden()
    expect(page.locator("#actions-card")).to_be_hidden()
    moved = _conversation(to_nord)
    assert (moved.state, moved.centre_code) == (ConversationState.QUEUED, "NORD")

    with new_session() as session:
        actions = session.scalars(select(AuditEvent.actor + ":" + AuditEvent.action).where(
            AuditEvent.conversation_id.in_([reassigned, to_nord]))).all()  # fmt: skip
    assert f"{supervisor.username}:transfer_to_staff" in actions
    assert f"{second.username}:release" in actions
    assert f"{second.username}:transfer_to_centre" in actions
