"""The gateway as triage sees it: registered in triage's port when the service starts."""

import uuid

from sqlalchemy.orm import Session

from channels import outbound
from channels.contacts import service as contacts
from triage.intake import DeliveryState, SentReply, get_conversation

MESSAGES = {
    outbound.ReplyStatus.TEMPLATE_NEEDED: "the WhatsApp 24-hour window is closed: send the approved template first",
    outbound.ReplyStatus.OPTED_OUT: "the person sent STOP: nothing more may be sent to this number",
}


class GatewayPort:
    """Adapts channels.outbound to triage.handoff.ports.Gateway."""

    def pause_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None:
        try:
            outbound.pause_bot(session=session, conversation_id=conversation_id)
        except outbound.UnknownConversation:
            return None  # a conversation with no provider address (dev channel) has no bot tracker to pause

    def resume_bot(self, *, session: Session, conversation_id: uuid.UUID) -> None:
        try:
            outbound.resume_bot(session=session, conversation_id=conversation_id)
        except outbound.UnknownConversation:
            return None

    def send_reply(self, *, session: Session, conversation_id: uuid.UUID, text: str) -> SentReply:
        result = outbound.send_reply(session=session, conversation_id=conversation_id, text=text)
        return SentReply(
            status=str(result.status), message_id=result.message_id, detail=MESSAGES.get(result.status),
            template_sid=result.template_sid,
        )  # fmt: skip

    def contact_address(self, *, session: Session, conversation_id: uuid.UUID) -> str | None:
        conversation = get_conversation(session=session, conversation_id=conversation_id)
        if conversation is None:
            return None
        contact = contacts.find(session=session, channel=conversation.channel, pseudonym_=conversation.pseudonym)
        return contact.address if contact is not None else None

    def delivery_status(self, *, session: Session, message_ids: list[uuid.UUID]) -> dict[uuid.UUID, DeliveryState]:
        found = outbound.delivery_status(session=session, message_ids=message_ids)
        return {key: DeliveryState(status=str(value.status), error=value.error) for key, value in found.items()}
