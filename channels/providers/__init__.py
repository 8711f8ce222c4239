"""One module per provider (courier style): verify a webhook, parse it to `Inbound`, send an `Outgoing`."""

from typing import Protocol

from channels.message import Channel, Outgoing, SendResult


class Sender(Protocol):
    """Hands one message to a provider; never raises for provider or network failures."""

    def send(self, outgoing: Outgoing, *, status_callback: str | None) -> SendResult: ...


def sender_for(channel: Channel) -> Sender:
    """The sender of a channel: Twilio for SMS and WhatsApp, the Bot API for Telegram."""
    from channels.providers import telegram, twilio

    if channel is Channel.TELEGRAM:
        return telegram.TelegramSender()
    return twilio.TwilioSender()
