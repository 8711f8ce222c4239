"""`helpline chat`: talk to the helpline from the terminal as a phone user, through the signed webhooks.

Requests are signed exactly like Twilio signs them (or carry Telegram's secret header), so they take the same
path as production; the replies are read back from the sandbox, which received them from the real senders.
"""

import itertools
import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from channels.message import Channel
from channels.providers.telegram import SECRET_HEADER
from channels.providers.twilio import sign
from channels.sandbox import config
from helpline.settings import Settings

QUIET_SECONDS = 1.5
WAIT_SECONDS = 30.0


@dataclass
class Phone:
    """A pretend user on one channel, posting signed webhooks to the helpline service."""

    settings: Settings
    channel: Channel
    address: str
    service_url: str
    sandbox_url: str
    quiet: float = QUIET_SECONDS
    seen: int = 0
    last_sent: str | None = None  # the provider's id of the last message posted (MessageSid or update_id)
    buttons: list[dict[str, str]] = field(default_factory=list)
    update_ids: Iterator[int] = field(default_factory=lambda: itertools.count(int(time.time())))

    def _token(self) -> str:
        return self.settings.twilio_auth_token.get_secret_value() or config.AUTH_TOKEN

    def _secret(self) -> str:
        return self.settings.telegram_webhook_secret.get_secret_value() or config.WEBHOOK_SECRET

    def twilio_params(self, text: str) -> dict[str, str]:
        """The form Twilio posts for an incoming message."""
        ours = self.settings.twilio_whatsapp_from or config.WHATSAPP_FROM
        if self.channel is Channel.SMS:
            ours = self.settings.twilio_sms_from or config.SMS_FROM
        return {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "AccountSid": self.settings.twilio_account_sid or config.ACCOUNT_SID,
            "From": self.address,
            "To": ours,
            "Body": text,
            "NumMedia": "0",
        }

    def telegram_update(self, text: str) -> dict[str, Any]:
        """The Update Telegram posts: a button press when the text is the number of an offered button."""
        update_id = next(self.update_ids)
        chat = {"id": int(self.address), "type": "private", "first_name": "Sandbox"}
        sender = {"id": int(self.address), "is_bot": False, "first_name": "Sandbox"}
        if text.strip().isdigit() and 1 <= int(text) <= len(self.buttons):
            button = self.buttons[int(text) - 1]
            message = {"message_id": 1, "date": int(time.time()), "chat": chat, "text": "…"}
            query = {"id": uuid.uuid4().hex, "from": sender, "chat_instance": "1", "data": button["data"]}
            return {"update_id": update_id, "callback_query": {**query, "message": message}}
        message = {"message_id": update_id, "date": int(time.time()), "chat": chat, "from": sender, "text": text}
        return {"update_id": update_id, "message": message}

    def send(self, text: str) -> int:
        """Posts one message through the webhook; returns the HTTP status."""
        public = self.settings.public_base_url.rstrip("/")
        if self.channel is Channel.TELEGRAM:
            update = self.telegram_update(text)
            self.last_sent = str(update["update_id"])
            body = json.dumps(update)
            headers = {SECRET_HEADER: self._secret(), "Content-Type": "application/json"}
            return httpx.post(f"{self.service_url}/webhooks/telegram", content=body, headers=headers).status_code
        params = self.twilio_params(text)
        self.last_sent = params["MessageSid"]
        signature = sign(url=f"{public}/webhooks/twilio", params=params, token=self._token())
        response = httpx.post(
            f"{self.service_url}/webhooks/twilio", data=params, headers={"X-Twilio-Signature": signature}
        )
        return response.status_code

    def replies(self, *, wait: float = WAIT_SECONDS, done: Callable[[], bool] | None = None) -> list[dict[str, Any]]:
        """The messages the sandbox received for this user, waiting until they stop coming for `quiet` seconds or,
        with `done`, until it says the turn is over (what arrived by then is read once more)."""
        found: list[dict[str, Any]] = []
        deadline, last = time.monotonic() + wait, None
        while time.monotonic() < deadline:
            finished = done is not None and done()
            arrived = self._arrived()
            found += arrived
            last = time.monotonic() if arrived else last
            if finished or (last is not None and time.monotonic() - last > self.quiet):
                break
            time.sleep(0.1)
        return found

    def _arrived(self) -> list[dict[str, Any]]:
        """The messages the sandbox received for this user since the last look."""
        params: dict[str, str | int] = {"to": self.address, "after": self.seen}
        items: list[dict[str, Any]] = httpx.get(f"{self.sandbox_url}/sandbox/messages", params=params).json()
        for item in items:
            self.seen = max(self.seen, int(item["index"]) + 1)
            if item["buttons"]:
                self.buttons = item["buttons"]
        return items


def default_address(channel: Channel) -> str:
    """A pretend Moroccan mobile number (or Telegram chat id)."""
    if channel is Channel.TELEGRAM:
        return "700000001"
    number = "+212600000001"
    return f"whatsapp:{number}" if channel is Channel.WHATSAPP else number


def converse(phone: Phone, *, read: Callable[[], str], write: Callable[[str], None]) -> None:
    """The terminal loop: read a line, send it, print the replies, until end of input."""
    write(f"chatting on {phone.channel} as {phone.address}; Ctrl-D to stop")
    while True:
        try:
            text = read()
        except EOFError:
            return
        if not text.strip():
            continue
        status = phone.send(text)
        if status >= 300:
            write(f"(the helpline refused the message: HTTP {status})")
            continue
        replies = phone.replies()
        for reply in replies:
            if reply["method"] != "sendMessage" and reply["provider"] == "telegram":
                continue
            write(f"helpline> {reply['text']}")
            for number, button in enumerate(reply["buttons"], start=1):
                write(f"   [{number}] {button['title']}")
        if not replies:
            write("(no reply yet)")
