"""Without the key, a dump of the database shows no message text and no phone number (SQLite and PostgreSQL)."""

import os
import sqlite3
import subprocess

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from channels.sandbox.server import Running
from helpline.db import get_engine, new_session
from tests.channels.conftest import SMS_USER, TELEGRAM_USER, Bot, post_telegram, post_twilio, tg_message, twilio_form
from tests.channels.conftest import work as drain
from triage.bot_api.service import file_report
from triage.cases.models import Note
from triage.conversations.models import Conversation

SECRETS = {
    "sms text": "bba kaydrebni b ssem3a kol lila",
    "telegram text": "mon oncle me touche quand maman dort",
    "report text": "the shop owner makes my brother carry sacks all night",
    "note text": "mother says the uncle left the house on Monday",
}


def _dump() -> str:
    url = get_engine().url
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        with sqlite3.connect(url.database) as connection:
            return "\n".join(connection.iterdump())
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run(["pg_dump", "--no-owner", libpq], capture_output=True, text=True, check=True,
                            env={**os.environ, "PGCONNECT_TIMEOUT": "10"})  # fmt: skip
    return result.stdout


def test_a_dump_shows_no_message_text_and_no_phone_number(
    client: TestClient, bot: Bot, sandbox: Running, session: Session
) -> None:
    assert post_twilio(client, twilio_form(Body=SECRETS["sms text"])).status_code == 200
    assert post_telegram(client, tg_message(SECRETS["telegram text"])).status_code == 200
    drain()
    with new_session() as db, db.begin():
        conversation = db.query(Conversation).filter(Conversation.channel == "telegram").one()
        file_report(session=db, conversation=conversation, language="en",
                    answers={"report_what": SECRETS["report text"]}, consent_given={})  # fmt: skip
        db.add(Note(conversation_id=conversation.id, body=SECRETS["note text"]))
    dump = _dump()
    assert "INSERT INTO" in dump or "COPY " in dump, "the dump holds the rows"
    assert "conversations" in dump
    for what, secret in SECRETS.items():
        assert secret not in dump, f"{what} readable in the dump"
        for word in secret.split():
            if len(word) > 6:
                assert word not in dump, f"part of the {what} ({word!r}) readable in the dump"
    digits = SMS_USER.lstrip("+")
    for number in (SMS_USER, digits, digits[-9:], str(TELEGRAM_USER)):
        assert number not in dump, f"the address {number} is readable in the dump"
