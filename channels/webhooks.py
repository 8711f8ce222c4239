"""Provider webhooks: verify, parse, store once, acknowledge; the work happens later from the inbox.

A forged or unsigned request gets 403 and is never stored; a malformed one 400; a redelivery is acknowledged
and not stored again; when the database cannot store the message the provider gets 503 and retries.
"""

import json
import logging

from fastapi import APIRouter, Request, Response
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from channels.contacts import service as contacts
from channels.inbox import service as inbox
from channels.message import Inbound
from channels.outbox import service as outbox
from channels.providers import telegram, twilio
from channels.public_url import public_url
from channels.wakeup import Hint, notify_inbox
from helpline.db import new_session

log = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
STORE_ATTEMPTS = 3


def _twiml() -> Response:
    return Response(EMPTY_TWIML, media_type="text/xml")


def _refused(status: int, provider: str, why: str) -> Response:
    log.warning("%s webhook refused (%s): %s", provider, status, why)
    return Response(status_code=status)


def store(inbound: Inbound) -> Hint | None:
    """Stores the update (and its contact) in one transaction; None when it was a redelivery.

    The unique provider id decides: a redelivery fails the insert and is recognised on the second attempt (which
    also settles two first messages of a new contact racing to create it)."""
    for attempt in range(STORE_ATTEMPTS):
        try:
            with new_session() as session, session.begin():
                if attempt and inbox.is_duplicate(
                    session=session, provider=inbound.provider, provider_id=inbound.provider_id
                ):
                    return None
                contact_id = None
                if inbound.channel is not None and inbound.address is not None:
                    contact_id = contacts.touch_inbound(
                        session=session, channel=inbound.channel, address=inbound.address
                    )
                row_id = inbox.store(session=session, inbound=inbound, contact_id=contact_id)
            return Hint(row_id, contact_id)
        except IntegrityError:
            if attempt == STORE_ATTEMPTS - 1:
                raise
    return None


async def _store_and_ack(inbound: Inbound, provider: str, ack: Response) -> Response:
    try:
        stored = await run_in_threadpool(store, inbound)
    except SQLAlchemyError as error:
        log.error("%s update not stored (%s); the provider will retry", provider, type(error).__name__)
        return Response(status_code=503)
    if stored is None:
        log.info("%s redelivery %s acknowledged, not stored again", provider, inbound.provider_id)
    else:
        notify_inbox(stored.row_id, stored.contact_id)
    return ack


async def _twilio_form(request: Request, what: str) -> dict[str, str] | Response:
    """The POST parameters of a Twilio webhook whose signature is valid, or the refusal to send back."""
    try:
        form = await request.form()
    except Exception:
        return _refused(400, what, "body is not a form")
    params = {key: value for key, value in form.items() if isinstance(value, str)}
    if not twilio.verify(url=public_url(request), params=params, signature=request.headers.get("X-Twilio-Signature")):
        return _refused(403, what, "missing or invalid X-Twilio-Signature")
    return params


@router.post("/twilio", response_class=Response, responses={403: {}, 400: {}, 503: {}})
async def twilio_message(request: Request) -> Response:
    """Incoming SMS or WhatsApp message (WhatsApp addresses carry the `whatsapp:` prefix)."""
    form = await _twilio_form(request, "twilio")
    if isinstance(form, Response):
        return form
    try:
        inbound = twilio.parse(form)
    except twilio.Malformed as error:
        return _refused(400, "twilio", str(error))
    return await _store_and_ack(inbound, "twilio", _twiml())


@router.post("/twilio/status", response_class=Response, responses={403: {}, 400: {}, 503: {}})
async def twilio_status(request: Request) -> Response:
    """Delivery status callback (queued, sent, delivered, undelivered, failed, read) for a message we sent."""
    form = await _twilio_form(request, "twilio status")
    if isinstance(form, Response):
        return form
    try:
        sid, status, error_code = twilio.parse_status(form)
    except twilio.Malformed as error:
        return _refused(400, "twilio status", str(error))
    try:
        known = await run_in_threadpool(_apply_status, sid, status, error_code)
    except SQLAlchemyError as error:
        log.error("twilio status not stored (%s); Twilio will retry", type(error).__name__)
        return Response(status_code=503)
    if not known:
        log.info("status %s for an unknown message acknowledged", status)
    return Response(status_code=204)


def _apply_status(sid: str, status: str, error_code: str | None) -> bool:
    with new_session() as session, session.begin():
        return outbox.apply_status(session=session, provider_message_id=sid, status=status, error_code=error_code)


@router.post("/telegram", response_class=Response, responses={403: {}, 400: {}, 503: {}})
async def telegram_update(request: Request) -> Response:
    """One Telegram Update (message, edited message, button press, anything else)."""
    if not telegram.verify(secret=request.headers.get(telegram.SECRET_HEADER)):
        return _refused(403, "telegram", "missing or wrong secret token")
    try:
        update = json.loads(await request.body())
        inbound = telegram.parse(update)
    except (ValueError, telegram.Malformed) as error:
        return _refused(400, "telegram", type(error).__name__)
    return await _store_and_ack(inbound, "telegram", Response(status_code=200))
