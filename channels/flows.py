"""Working the queues: an inbox row becomes a transcript message, goes to the bot or a human, and replies go out.

Each step is its own short transaction, so the database is never locked while Rasa or a provider answers:
claim + record (1), ask Rasa, store replies + finish (2), then send each outbox row and record the result (3).
The bot's answer goes out while step 2 stores it, when nothing else waits for the contact in the outbox: the
person reads the bot a transaction sooner; should step 2 fail, the message is worked again and Rasa answers it
twice (as when step 1 fails), so nothing is lost and the transcript keeps every reply it stored.
"""

import logging
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import bindparam, exists, select, update
from sqlalchemy.orm import Session

from channels import rasa, sms
from channels.contacts import service as contacts
from channels.contacts.models import Contact
from channels.fallback import safe_reply
from channels.inbox import service as inbox
from channels.inbox.models import InboundKind, InboundMessage, InboxStatus
from channels.message import Channel, Outgoing, SendOutcome, SendResult
from channels.notices import Notice, notice
from channels.outbox import service as outbox
from channels.outbox.models import OutboundMessage, OutboxStatus, Purpose
from channels.providers import sender_for, telegram
from channels.ratelimit import Verdict
from channels.ratelimit import check as rate_check
from channels.wakeup import notify_outbox
from helpline.db import new_session, table
from helpline.settings import get_settings
from triage.intake import (
    Author,
    Conversation,
    ConversationState,
    Direction,
    add_message,
    add_messages,
    current_conversation,
    get_conversation,
    lock_conversation,
    open_conversation,
    record_inbound,
    request_human,
)

log = logging.getLogger(__name__)

BOT_STATES = (ConversationState.BOT, ConversationState.QUEUED)
STAFF_RELEASED = "/staff_released"
START_INTENT = "/greet"
WORDS = (InboundKind.TEXT, InboundKind.EDITED)

_inbox, _contacts, _conversations = table(InboundMessage), table(Contact), table(Conversation)
_TURN = (  # built once: the contact's STOP, when the turn's row, contact and conversation are still there
    select(_contacts.c.opted_out)
    .select_from(_inbox.join(_contacts, _contacts.c.id == _inbox.c.contact_id))
    .where(_inbox.c.id == bindparam("row_id"), exists().where(_conversations.c.id == bindparam("conversation_id")))
)


@dataclass
class Plan:
    """What to do once the record transaction committed."""

    row_id: int
    conversation_id: uuid.UUID
    contact_id: uuid.UUID
    channel: Channel
    bot_text: str | None = None
    answer: Future[list[rasa.BotReply]] | None = None  # the bot's answer, when asked for while the message was stored
    control: InboundKind | None = None
    callback_id: str | None = None
    outbox_ids: list[int] = field(default_factory=list)
    jobs: list[outbox.Job] | None = None
    address: str = field(default="", repr=False)  # to answer a turn that erased the person (forget-me)
    early: bool = False  # the bot's answer may go before it is stored: nothing waits for the contact
    early_parts: list[Outgoing] = field(default_factory=list, repr=False)  # the answer's parts, in order
    sent_early: Future[list[SendResult]] | None = None  # their results, up to the first not accepted
    early_row_ids: list[int] = field(default_factory=list)  # their outbox rows, in the same order


def work_one() -> bool:
    """Claims the oldest workable inbox row and works it to the end; False when nothing was waiting."""
    return _work(lambda session: inbox.claim_next(session=session))


def work_row(row_id: int) -> bool:
    """Works this inbox row to the end if it can be claimed (workable, first of its contact); False otherwise."""
    return _work(lambda session: inbox.claim(session=session, row_id=row_id))


def _work(claim: Callable[[Session], inbox.Claimed | None]) -> bool:
    row_id: int | None = None
    try:
        with new_session() as session, session.begin():
            row = claim(session)
            if row is None:
                return False
            row_id = row.id
            plan = record(session=session, row=row)
            if plan is not None and plan.bot_text is None and plan.control is None:
                plan.jobs = outbox.claim_batch(session=session, row_ids=plan.outbox_ids)  # saves a transaction
        if plan is not None:
            carry_out(plan)
    except Exception as error:
        log.error("inbox row %s failed: %s", row_id, describe(error))
        if row_id is not None:
            _retry_later(row_id, error)
    return True


def describe(error: BaseException) -> str:
    """The error's type and where it was raised, without its message (messages can quote user text or SQL)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{where}"


def _retry_later(row_id: int, error: Exception) -> None:
    with new_session() as session, session.begin():
        session.execute(
            update(InboundMessage)
            .where(InboundMessage.id == row_id, InboundMessage.status == InboxStatus.PENDING)
            .values(status=InboxStatus.WORKING, attempts=InboundMessage.attempts + 1)
        )
        row = session.get(InboundMessage, row_id)
        if row is not None and row.status == InboxStatus.WORKING:
            inbox.give_up_or_retry(row=row, error=type(error).__name__)


def _conversation(session: Session, row: inbox.Claimed, contact: Contact) -> tuple[Conversation, bool]:
    """The row's conversation, and whether it was opened by this transaction (nobody else can see it yet)."""
    if row.conversation_id is not None:
        existing = get_conversation(session=session, conversation_id=row.conversation_id)
        if existing is not None:
            return existing, False
    current = current_conversation(session=session, channel=contact.channel, pseudonym=contact.pseudonym)
    if current is not None:
        return current, False
    return open_conversation(session=session, channel=contact.channel, pseudonym=contact.pseudonym), True


def record(*, session: Session, row: inbox.Claimed) -> Plan | None:
    """Stores the user's message in the transcript (once, even on a retry) and decides where it goes.

    A message for the bot is posted to Rasa before it is stored, so that Rasa works while this transaction does;
    the conversation row stays locked until the commit, so the bot's actions (hand-off, forget-me) see the message.
    Should the transaction fail, the row is worked again and Rasa reads the message twice: the person is answered."""
    contact = contacts.get(session=session, contact_id=row.contact_id) if row.contact_id else None
    if contact is None:
        inbox.finish_row(session=session, row_id=row.id, error="no contact")
        return None
    conversation, opened = _conversation(session, row, contact)
    plan = Plan(
        row_id=row.id,
        conversation_id=conversation.id,
        contact_id=contact.id,
        channel=Channel(contact.channel),
        address=contact.address,
    )
    if row.kind in (InboundKind.PAUSE_BOT, InboundKind.RESUME_BOT):
        plan.control = InboundKind(row.kind)
        return plan
    route = _route(row, contact, conversation, _bot_text(contact, row))
    plan.bot_text = route.bot_text
    if route.bot_text is not None and not opened:  # the bot's actions could not find a conversation opened now
        lock_conversation(session=session, conversation_id=conversation.id)
        plan.answer = _ask(plan, route.bot_text)
    if route.bot_text is not None:  # read while Rasa works: the answer finds it known
        plan.early = not outbox.has_unfinished(session=session, contact_id=contact.id)
    if row.message_id is None:
        body = transcript_body(row, contact)
        if row.kind in WORDS or (row.kind == InboundKind.MEDIA and row.text):
            message_id = record_inbound(session=session, conversation=conversation, body=body)  # scored by triage
        else:
            message_id = add_message(
                session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER, body=body
            ).id
        inbox.record_message(session=session, row_id=row.id, conversation_id=conversation.id, message_id=message_id)
    plan.callback_id = str(row.details.get("callback_id") or "") or None
    _apply(session, route, contact, conversation, plan)
    if plan.bot_text is None:
        inbox.finish_row(session=session, row_id=row.id)
    return plan


def _ask(plan: Plan, text: str) -> Future[list[rasa.BotReply]]:
    """Posts the text to Rasa from another thread; the future holds the bot's replies."""
    metadata = _metadata(plan.channel)
    return _bot_calls().submit(
        rasa.send_to_bot, conversation_id=str(plan.conversation_id), text=text, metadata=metadata
    )


@cache
def _bot_calls() -> ThreadPoolExecutor:
    """Threads that wait for Rasa or send the bot's answer while the workers store what was said (one
    call per worker at most)."""
    return ThreadPoolExecutor(max_workers=max(1, get_settings().gateway_workers), thread_name_prefix="rasa")


def transcript_body(row: inbox.Claimed, contact: Contact) -> str:
    """What staff read for this message: the text, and a line for each file, location or button."""
    lines = []
    if row.kind == InboundKind.EDITED:
        lines.append("(edited) " + (row.text or ""))
    elif row.kind == InboundKind.BUTTON:
        lines.append(f"[button] {_button_title(contact, row.text or '')}")
    elif row.kind == InboundKind.STICKER:
        lines.append(f"[sticker] {row.text or ''}".rstrip())
    elif row.kind == InboundKind.START:
        payload = row.details.get("start_payload")
        lines.append("/start" + (f" (link: {payload})" if payload else ""))
    elif row.kind == InboundKind.UNSUPPORTED and not row.text:
        lines.append("[a kind of message the gateway cannot show]")
    elif row.text:
        lines.append(row.text)
    for media in row.details.get("media", []):
        lines.append(f"[{media['kind']} {media['content_type']}] {media['reference']}".replace("  ", " "))
    if "location" in row.details:
        latitude, longitude = row.details["location"]
        lines.append(f"[location] {latitude},{longitude}")
    return "\n".join(lines) or "[empty message]"


def _button_title(contact: Contact, data: str) -> str:
    if data.startswith("#") and data[1:].isdigit():
        option = contacts.menu_payload(contact=contact, number=int(data[1:]))
        return str(option["title"]) if option else data
    for button in contact.menu or []:
        if data in (button.get("payload"), button.get("data")):
            return str(button.get("title"))
    return data


def _bot_text(contact: Contact, row: inbox.Claimed) -> str | None:
    """What the bot should read: numbered choices and "#n" buttons mapped back to their payloads."""
    text = row.text
    if text is None:
        return None
    if row.kind == InboundKind.BUTTON and text.startswith("#") and text[1:].isdigit():
        option = contacts.menu_payload(contact=contact, number=int(text[1:]))
        return str(option["payload"]) if option else None
    if row.kind == InboundKind.TEXT and contact.channel != Channel.TELEGRAM:
        number = sms.choice(text)
        option = contacts.menu_payload(contact=contact, number=number) if number else None
        if option:
            return str(option["payload"])
    if row.kind == InboundKind.START:
        return START_INTENT
    return text


@dataclass(frozen=True)
class Route:
    """Where a message goes: its text for the bot (None: the bot stays out), and what the gateway does itself."""

    bot_text: str | None = None
    notice: Notice | None = None
    purpose: Purpose = Purpose.REPLY
    human: str | None = None  # queue the conversation for a human, for this reason
    opted_out: bool | None = None  # STOP (True) or START (False) on SMS


def _route(row: inbox.Claimed, contact: Contact, conversation: Conversation, bot_text: str | None) -> Route:
    """Decides what the gateway answers itself and whether the bot reads the message; changes nothing stored."""
    text = row.text or ""
    if contact.channel == Channel.SMS and row.kind == InboundKind.TEXT:
        if sms.is_stop(text):
            return Route(notice=Notice.OPTED_OUT, purpose=Purpose.OPT_OUT_CONFIRMATION, opted_out=True)
        if sms.is_start(text) and contact.opted_out:
            return Route(notice=Notice.OPTED_IN, opted_out=False)
    if contact.opted_out:
        return Route(human="message after STOP")
    if row.kind == InboundKind.EDITED:
        return Route()
    if row.kind in (InboundKind.MEDIA, InboundKind.LOCATION):
        with_bot = conversation.state in BOT_STATES and row.kind == InboundKind.MEDIA
        return Route(
            bot_text=bot_text if with_bot else None, notice=Notice.MEDIA_RECEIVED, human=f"the user sent a {row.kind}"
        )
    if row.kind in (InboundKind.STICKER, InboundKind.UNSUPPORTED) or bot_text is None:
        return Route(notice=Notice.TEXT_ONLY)
    if conversation.state not in BOT_STATES:
        return Route()
    verdict = rate_check(pseudonym=contact.pseudonym, text=bot_text)
    return Route(
        bot_text=bot_text if verdict is Verdict.ALLOW else None,
        notice=Notice.SLOW_DOWN if verdict is Verdict.NOTIFY else None,
    )


def _apply(session: Session, route: Route, contact: Contact, conversation: Conversation, plan: Plan) -> None:
    """Carries out the gateway's own part of a route, after the user's message is in the transcript."""
    if route.opted_out is not None:
        contacts.set_opted_out(contact=contact, opted_out=route.opted_out)
    if route.human is not None:
        request_human(session=session, conversation=conversation, reason=route.human)
    if route.notice is not None:
        text = notice(route.notice, conversation.language)
        plan.outbox_ids += [row.id for row in _send_text(session, contact, conversation, text, route.purpose)]


def _send_text(
    session: Session, contact: Contact, conversation: Conversation, text: str, purpose: Purpose = Purpose.REPLY
) -> list[OutboundMessage]:
    message = add_message(
        session=session, conversation=conversation, direction=Direction.OUTBOUND, author=Author.SYSTEM, body=text
    )
    return outbox.enqueue(
        session=session,
        contact=contact,
        conversation_id=conversation.id,
        message_id=message.id,
        body=text,
        purpose=purpose,
    )


def carry_out(plan: Plan) -> None:
    """Answers the button, asks the bot (or runs the control order), then sends what was queued, in order."""
    if plan.callback_id and plan.channel is Channel.TELEGRAM:
        telegram.answer_callback(plan.callback_id)
    if plan.control is not None:
        _control(plan)
    elif plan.bot_text is not None:
        _take_answer(plan, plan.answer or _ask(plan, plan.bot_text))
    if plan.jobs is None:
        with new_session() as session, session.begin():
            plan.jobs = outbox.claim_batch(session=session, row_ids=plan.outbox_ids)
    early: list[tuple[int, SendResult]] = []
    if plan.sent_early is not None and plan.early_row_ids:
        early = list(zip(plan.early_row_ids, plan.sent_early.result(), strict=False))
        untried = zip(plan.early_row_ids[len(early) :], plan.early_parts[len(early) :], strict=True)
        plan.jobs += [outbox.Job(row_id, part) for row_id, part in untried]  # after a failure: sent or queued next
    handled = len(plan.jobs) + len(early)
    if not deliver_in_order(plan.jobs, sent_first=early) or handled < len(plan.outbox_ids):
        notify_outbox()  # what could not go now goes from the outbox workers, in order


def _metadata(channel: Channel) -> dict[str, Any]:
    return {"channel": str(channel), "buttons": channel is Channel.TELEGRAM}


def _take_answer(plan: Plan, answer: Future[list[rasa.BotReply]]) -> None:
    try:
        replies = answer.result()
    except rasa.RasaUnavailable as error:
        log.warning("bot unavailable for conversation %s: %s", plan.conversation_id, error)
        _store_fallback(plan, reason="the bot is unavailable")
        return
    answers = [(reply.text, reply.buttons) for reply in replies if reply.text or reply.buttons]
    if not answers:  # silence would leave a child with nothing: treat it like the bot being down
        log.warning("the bot gave no answer in conversation %s", plan.conversation_id)
        _store_fallback(plan, reason="the bot gave no answer")
        return
    if plan.early and not plan.outbox_ids:
        plan.early_parts = _parts(plan, answers)
        plan.sent_early = _bot_calls().submit(_send_early, plan.early_parts, channel=plan.channel)
    _store_replies(plan, answers)


def _parts(plan: Plan, replies: list[tuple[str, list[dict[str, str]]]]) -> list[Outgoing]:
    """The provider messages of an answer, split as its outbox rows will be."""
    return [
        part
        for text, buttons in replies
        for part in outbox.unrecorded(channel=plan.channel, address=plan.address, body=text, buttons=buttons)
    ]


def _send_early(parts: list[Outgoing], *, channel: Channel) -> list[SendResult]:
    """Sends the bot's answer while it is stored (from another thread), in order, as the outbox would send its
    rows; stops at the first part not accepted (the rest go from its row, in order, once recorded)."""
    callback = status_callback_url() if channel is not Channel.TELEGRAM else None
    results: list[SendResult] = []
    for part in parts:
        results.append(_send_outgoing(part, status_callback=callback))
        if results[-1].outcome is not SendOutcome.ACCEPTED:
            break
    return results


def _store_replies(plan: Plan, replies: list[tuple[str, list[dict[str, str]]]]) -> None:
    """Stores the bot's answer (transcript and outbox, leased to be sent now) and finishes the inbox row, with no
    ORM: one statement each, the rows' jobs built from memory."""
    with new_session() as session, session.begin():
        opted_out = session.execute(_TURN, {"row_id": plan.row_id, "conversation_id": plan.conversation_id}).scalar()
        if opted_out is None:  # the turn erased the person (forget-me)
            plan.jobs = []
            _send_unrecorded(plan, replies)
            return
        message_ids = add_messages(
            session=session,
            conversation_id=plan.conversation_id,
            direction=Direction.OUTBOUND,
            author=Author.BOT,
            bodies=[text for text, _ in replies],
        )
        menu = next((buttons for _, buttons in reversed(replies) if buttons), None)
        if menu is not None or plan.channel is not Channel.TELEGRAM:  # Telegram keyboards stay pressable
            contacts.store_menu(session=session, contact_id=plan.contact_id, buttons=menu)
        inbox.finish_row(session=session, row_id=plan.row_id)
        drafts = [
            draft
            for (text, buttons), message_id in zip(replies, message_ids, strict=True)
            for draft in _drafts(plan, message_id, text, buttons or None)
        ]
        _write(session, plan, drafts, opted_out=bool(opted_out))


def _drafts(plan: Plan, message_id: uuid.UUID, text: str, buttons: list[dict[str, Any]] | None) -> list[outbox.Draft]:
    return outbox.drafts(
        contact_id=plan.contact_id,
        channel=plan.channel,
        conversation_id=plan.conversation_id,
        message_id=message_id,
        body=text,
        buttons=buttons,
    )


def _write(session: Session, plan: Plan, drafts: list[outbox.Draft], *, opted_out: bool) -> None:
    """Writes the turn's outbox rows after those it queued earlier, leased with them to be sent now when nothing
    older waits; the part already sent (if any) is leased in any case until its result is recorded."""
    written = outbox.write_claimed(
        session=session,
        drafts=drafts,
        after=plan.outbox_ids,
        address=plan.address,
        opted_out=opted_out,
        sent_early=len(plan.early_parts),
    )
    plan.jobs = written.jobs
    plan.early_row_ids = written.row_ids[: len(plan.early_parts)]
    plan.outbox_ids += written.row_ids


def _store_fallback(plan: Plan, *, reason: str) -> None:
    with new_session() as session, session.begin():
        loaded = _load(session, plan)
        if loaded is None:  # erased meanwhile: nobody is left to queue for a human
            plan.jobs = []
            return
        row, contact, conversation = loaded
        text = safe_reply(conversation.language)
        message = add_message(
            session=session, conversation=conversation, direction=Direction.OUTBOUND, author=Author.SYSTEM, body=text
        )
        request_human(session=session, conversation=conversation, reason=reason)
        inbox.finish(row=row, error=reason)
        _write(session, plan, _drafts(plan, message.id, text, None), opted_out=contact.opted_out)


def _load(session: Session, plan: Plan) -> tuple[InboundMessage, Contact, Conversation] | None:
    """The plan's row, contact and conversation; None when the turn erased them (forget-me)."""
    loaded = session.execute(
        select(InboundMessage, Contact, Conversation)
        .join(Contact, Contact.id == InboundMessage.contact_id)
        .join(Conversation, Conversation.id == plan.conversation_id)
        .where(InboundMessage.id == plan.row_id)
    ).one_or_none()
    return None if loaded is None else loaded._tuple()


def _send_unrecorded(plan: Plan, replies: list[tuple[str, list[dict[str, str]]]]) -> None:
    """Sends the bot's answer to a turn that erased the person (what was erased), stored nowhere: the address
    lives only in this plan, and a reply that cannot go now is not kept to retry (the parts that went while the
    turn was stored are not sent again)."""
    outgoings = _parts(plan, replies)
    results = plan.sent_early.result() if plan.sent_early is not None else []  # the rest may not overtake them
    for outgoing in outgoings[len(results) :]:
        if results and results[-1].outcome is not SendOutcome.ACCEPTED:
            break
        results.append(_send_outgoing(outgoing, status_callback=None))
    for result in results:
        if result.outcome is not SendOutcome.ACCEPTED:
            log.warning("the answer to an erased conversation was not sent: %s", result.reason)
            return


def _control(plan: Plan) -> None:
    """Pauses or resumes the bot's tracker; after a resume the bot is told, and its welcome back is sent."""
    conversation_id = str(plan.conversation_id)
    if plan.control is InboundKind.PAUSE_BOT:
        rasa.post_events(conversation_id=conversation_id, events=[{"event": "pause"}])
        with new_session() as session, session.begin():
            loaded = _load(session, plan)
            if loaded is not None:
                inbox.finish(row=loaded[0])
        return
    rasa.post_events(conversation_id=conversation_id, events=[{"event": "resume"}])
    replies = rasa.send_to_bot(conversation_id=conversation_id, text=STAFF_RELEASED, metadata=_metadata(plan.channel))
    _store_replies(plan, [(reply.text, reply.buttons) for reply in replies if reply.text or reply.buttons])


def status_callback_url() -> str:
    """Where Twilio reports delivery statuses."""
    return f"{get_settings().public_base_url.rstrip('/')}/webhooks/twilio/status"


def send_one() -> bool:
    """Claims one due outbox row, hands it to its provider and records the result; False when none was due."""
    with new_session() as session, session.begin():
        job = outbox.claim_next(session=session)
    if job is None:
        return False
    deliver(job)
    return True


def deliver(job: outbox.Job) -> bool:
    """Hands a claimed outbox row to its provider and records the result; False when it is to be retried."""
    return deliver_in_order([job])


def _send(job: outbox.Job) -> SendResult:
    callback = status_callback_url() if job.outgoing.channel is not Channel.TELEGRAM else None
    return _send_outgoing(job.outgoing, status_callback=callback)


def _send_outgoing(outgoing: Outgoing, *, status_callback: str | None) -> SendResult:
    """The provider's answer; a sender that raises counts as a retry, so what was sent before it is recorded."""
    try:
        return sender_for(outgoing.channel).send(outgoing, status_callback=status_callback)
    except Exception as error:
        return SendResult(SendOutcome.RETRY, reason=f"sender error: {describe(error)}")


def deliver_in_order(jobs: list[outbox.Job], *, sent_first: list[tuple[int, SendResult]] | None = None) -> bool:
    """Sends claimed rows one after the other; at the first to be retried the rest go back to the queue (False).
    `sent_first` holds the results of rows sent before these, in order (the answer, sent while it was stored).

    The results are recorded together once the sending stops (all accepted, or one was not): a transaction less
    between a reply and the next, so the last reply of a turn is not kept waiting by the record of the first."""
    start = 0
    sent = list(sent_first or [])
    while sent or start < len(jobs):
        if not sent or sent[-1][1].outcome is SendOutcome.ACCEPTED:
            for job in jobs[start:]:
                start += 1
                sent.append((job.row_id, _send(job)))
                if sent[-1][1].outcome is not SendOutcome.ACCEPTED:
                    break
        with new_session() as session, session.begin():
            statuses = outbox.record_results(session=session, results=sent)
            retry = statuses[-1] == OutboxStatus.PENDING
            if retry:
                outbox.release(session=session, row_ids=[later.row_id for later in jobs[start:]])
        for (row_id, result), status in zip(sent, statuses, strict=True):
            if status == OutboxStatus.FAILED:
                log.warning("outbox row %s failed for good: %s", row_id, result.reason)
        if retry:
            return False
        sent = []
    return True
