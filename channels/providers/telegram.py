"""Telegram Bot API: secret-token webhooks, every update kind parsed, inline keyboards, callback answers."""

import asyncio
import hmac
import logging
import threading
import warnings
from collections.abc import Coroutine
from typing import Any, TypeVar

import telegram
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

from channels.inbox.models import InboundKind
from channels.message import Button, Channel, Inbound, Media, Outgoing, Provider, SendOutcome, SendResult
from helpline.settings import get_settings

log = logging.getLogger(__name__)
logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines carry the request URL, bot token included

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CALLBACK_DATA_LIMIT = 64
MEDIA_FIELDS = ("photo", "voice", "audio", "video", "video_note", "document", "animation")
T = TypeVar("T")


class Malformed(ValueError):
    """The body is not a Telegram Update."""


def verify(*, secret: str | None) -> bool:
    """True when the secret-token header equals TELEGRAM_WEBHOOK_SECRET (constant-time comparison)."""
    expected = get_settings().telegram_webhook_secret.get_secret_value()
    if not expected or not secret:
        return False
    return hmac.compare_digest(secret.encode(), expected.encode())


def parse(update: object) -> Inbound:
    """The normalized message of one Update; kinds we do not serve become UNSUPPORTED, never an error."""
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        raise Malformed("an Update is a JSON object with an integer update_id")
    provider_id = str(update["update_id"])
    if isinstance(update.get("callback_query"), dict):
        return _callback(provider_id, update["callback_query"])
    for field, edited in (("message", False), ("edited_message", True)):
        if isinstance(update.get(field), dict):
            return _message(provider_id, update[field], edited=edited)
    return Inbound(Provider.TELEGRAM, provider_id, None, None, InboundKind.UNSUPPORTED)


def _chat_id(message: dict[str, Any]) -> str:
    chat = message.get("chat")
    if not isinstance(chat, dict) or not isinstance(chat.get("id"), int):
        raise Malformed("a message has a chat with an integer id")
    return str(chat["id"])


def _message(provider_id: str, message: dict[str, Any], *, edited: bool) -> Inbound:
    address = _chat_id(message)
    text = message.get("text") if isinstance(message.get("text"), str) else None
    caption = message.get("caption") if isinstance(message.get("caption"), str) else None

    def inbound(kind: InboundKind, **extra: Any) -> Inbound:
        return Inbound(Provider.TELEGRAM, provider_id, Channel.TELEGRAM, address, kind, **extra)

    if edited:
        return inbound(InboundKind.EDITED, text=text or caption)
    if text is not None and (text == "/start" or text.startswith("/start ")):
        payload = text.removeprefix("/start").strip() or None
        return inbound(InboundKind.START, text=text, start_payload=payload)
    if text is not None:
        return inbound(InboundKind.TEXT, text=text)
    media = _media(message)
    if media:
        return inbound(InboundKind.MEDIA, text=caption, media=media)
    location = message.get("location")
    if isinstance(location, dict):
        try:
            point = (float(location["latitude"]), float(location["longitude"]))
        except (KeyError, TypeError, ValueError) as error:
            raise Malformed("a location has latitude and longitude") from error
        return inbound(InboundKind.LOCATION, location=point)
    sticker = message.get("sticker")
    if isinstance(sticker, dict):
        return inbound(InboundKind.STICKER, text=str(sticker.get("emoji") or "") or None)
    return inbound(InboundKind.UNSUPPORTED, text=caption)


def _media(message: dict[str, Any]) -> tuple[Media, ...]:
    for field in MEDIA_FIELDS:
        value = message.get(field)
        item = value[-1] if isinstance(value, list) and value else value
        if isinstance(item, dict) and item.get("file_id"):
            content_type = str(item.get("mime_type") or ("image/jpeg" if field == "photo" else ""))
            return (Media(kind=field, reference=f"telegram-file:{item['file_id']}", content_type=content_type),)
    return ()


def _callback(provider_id: str, query: dict[str, Any]) -> Inbound:
    if not isinstance(query.get("id"), str):
        raise Malformed("a callback_query has a string id")
    message = query.get("message")
    if isinstance(message, dict):
        address = _chat_id(message)
    elif isinstance(query.get("from"), dict) and isinstance(query["from"].get("id"), int):
        address = str(query["from"]["id"])
    else:
        raise Malformed("a callback_query has a message or a sender")
    data = query.get("data") if isinstance(query.get("data"), str) else None
    return Inbound(
        Provider.TELEGRAM,
        provider_id,
        Channel.TELEGRAM,
        address,
        InboundKind.BUTTON,
        text=data,
        callback_id=query["id"],
    )


def callback_data(button: Button, index: int) -> str:
    """The payload itself when it fits Telegram's 64 bytes, else "#n" resolved from the stored menu."""
    if len(button.payload.encode()) <= CALLBACK_DATA_LIMIT:
        return button.payload
    return f"#{index}"


class _Runner:
    """One event loop and one Bot per worker thread (PTB is asynchronous; the gateway's workers are threads)."""

    def __init__(self) -> None:
        self.local = threading.local()

    def bot(self) -> tuple[asyncio.AbstractEventLoop, telegram.Bot]:
        settings = get_settings()
        key = (settings.telegram_bot_token.get_secret_value(), settings.telegram_api_base_url)
        cached = getattr(self.local, "value", None)
        if cached is None or cached[0] != key:
            loop = cached[1] if cached is not None else asyncio.new_event_loop()
            bot = telegram.Bot(key[0], base_url=key[1])
            cached = (key, loop, bot)
            self.local.value = cached
        return cached[1], cached[2]

    def run(self, work: "Coroutine[Any, Any, T]") -> T:
        loop, _ = self.bot()
        return loop.run_until_complete(work)


_runner = _Runner()


def bot() -> telegram.Bot:
    """This thread's Bot, pointed at TELEGRAM_API_BASE_URL."""
    return _runner.bot()[1]


class TelegramSender:
    """Sends through `telegram.Bot(token, base_url=TELEGRAM_API_BASE_URL)`."""

    def send(self, outgoing: Outgoing, *, status_callback: str | None) -> SendResult:
        """sendMessage, with the buttons as an inline keyboard."""
        markup = None
        if outgoing.buttons:
            rows = [
                [telegram.InlineKeyboardButton(button.title, callback_data=callback_data(button, index))]
                for index, button in enumerate(outgoing.buttons, start=1)
            ]
            markup = telegram.InlineKeyboardMarkup(rows)
        try:
            message = _runner.run(bot().send_message(chat_id=outgoing.address, text=outgoing.text, reply_markup=markup))
        except TelegramError as error:
            return _failure(error)
        return SendResult(SendOutcome.ACCEPTED, provider_message_id=str(message.message_id))


def answer_callback(callback_id: str) -> bool:
    """answerCallbackQuery, so the user's button stops spinning; False when Telegram refused."""
    try:
        return bool(_runner.run(bot().answer_callback_query(callback_id)))
    except TelegramError as error:
        log.warning("answerCallbackQuery failed: %s", type(error).__name__)
        return False


def set_webhook(*, url: str) -> bool:
    """Registers the webhook URL with TELEGRAM_WEBHOOK_SECRET as its secret token."""
    secret = get_settings().telegram_webhook_secret.get_secret_value()
    return bool(_runner.run(bot().set_webhook(url=url, secret_token=secret)))


def _failure(error: TelegramError) -> SendResult:
    name = type(error).__name__
    if isinstance(error, RetryAfter):
        with warnings.catch_warnings():  # PTB 22.2+ warns that retry_after will become a timedelta
            warnings.simplefilter("ignore")
            delay = error.retry_after
        seconds = delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
        return SendResult(SendOutcome.RETRY, retry_after=seconds, reason="telegram 429 RetryAfter")
    if isinstance(error, BadRequest | Forbidden | InvalidToken):
        return SendResult(SendOutcome.FAILED, reason=f"telegram {name}: {error.message[:200]}")
    if isinstance(error, TimedOut | NetworkError):
        return SendResult(SendOutcome.RETRY, reason=f"telegram {name}")
    return SendResult(SendOutcome.FAILED, reason=f"telegram {name}")
