"""Encryption at rest: authenticated, keyed from outside the database, rotatable."""

import json
import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import text
from sqlalchemy.orm import Session

from helpline import crypto
from helpline.cli import main
from helpline.db import get_engine, new_session
from helpline.keys import encrypted_columns, rotate
from tests.conftest import Reconfigure
from triage.conversations.models import Author, Conversation, Direction
from triage.conversations.service import add_message, transcript

SECRET = "he comes into my room at night"


def test_round_trip_and_tagging() -> None:
    stored = crypto.encrypt(SECRET)
    assert stored.startswith(crypto.PREFIX)
    assert SECRET not in stored
    assert crypto.decrypt(stored) == SECRET
    assert crypto.encrypt(SECRET) != stored, "each encryption is randomised"


def test_tampering_is_detected() -> None:
    stored = crypto.encrypt(SECRET)
    flipped = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    with pytest.raises(InvalidToken):
        crypto.decrypt(flipped)


def test_another_key_cannot_read(reconfigure: Reconfigure) -> None:
    stored = crypto.encrypt(SECRET)
    reconfigure(ENCRYPTION_KEYS=Fernet.generate_key().decode())
    with pytest.raises(InvalidToken):
        crypto.decrypt(stored)


def test_the_sensitive_columns_are_encrypted() -> None:
    names = {f"{c.table.name}.{c.name}" for c in encrypted_columns()}
    for expected in ("messages.body", "notes.body", "reports.answers", "reports.consent", "conversations.handoff",
                     "conversations.signals"):  # fmt: skip
        assert expected in names


def _store(body: str) -> Conversation:
    with new_session() as session, session.begin():
        conversation = Conversation(channel="sms", pseudonym="rotation-test")
        session.add(conversation)
        session.flush()
        add_message(session=session, conversation=conversation, direction=Direction.INBOUND, author=Author.USER,
                    body=body)  # fmt: skip
        return conversation


def test_key_rotation_round_trip(reconfigure: Reconfigure, session: Session) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    reconfigure(ENCRYPTION_KEYS=old)
    conversation = _store(SECRET)
    reconfigure(ENCRYPTION_KEYS=f"{new},{old}")  # new key first: new data uses it, old data still opens
    assert [m.body for m in transcript(session=session, conversation_id=conversation.id)] == [SECRET]
    assert rotate() >= 1
    reconfigure(ENCRYPTION_KEYS=new)  # the old key is retired
    with new_session() as fresh:
        assert [m.body for m in transcript(session=fresh, conversation_id=conversation.id)] == [SECRET]
    with get_engine().connect() as connection:
        stored = connection.execute(text("SELECT body FROM messages")).scalar_one()
    assert SECRET not in stored
    with pytest.raises(InvalidToken):
        Fernet(old.encode()).decrypt(stored.removeprefix(crypto.PREFIX).encode())


def _rasa_tracker_store(path: Path, sender: str, serialised: str) -> None:
    """A tracker as bot.tracker_store.EncryptedTrackerStore keeps it (table encrypted_trackers, same scheme)."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE encrypted_trackers (sender_id VARCHAR(255) PRIMARY KEY, data TEXT NOT NULL)")
        connection.execute("INSERT INTO encrypted_trackers VALUES (?, ?)", (sender, crypto.encrypt(serialised)))


def test_the_rotate_command_with_a_key_file_re_encrypts_the_database_and_rasas_trackers(
    reconfigure: Reconfigure, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "new"]) == 0
    old = capsys.readouterr().out.strip()
    Fernet(old.encode())  # a usable key
    key_file = tmp_path / "helpline.keys"
    key_file.write_text(f"# newest first\n{old}\n")
    reconfigure(ENCRYPTION_KEYS="", ENCRYPTION_KEY_FILE=str(key_file))
    conversation = _store(SECRET)
    trackers = tmp_path / "rasa-trackers.db"
    _rasa_tracker_store(trackers, str(conversation.id), json.dumps({"events": [{"event": "user", "text": SECRET}]}))
    monkeypatch.setenv("RASA_TRACKER_URL", f"sqlite:///{trackers}")

    new = Fernet.generate_key().decode()
    key_file.write_text(f"{new}\n{old}\n")
    crypto.reset()
    assert main(["keys", "rotate"]) == 0
    said = capsys.readouterr().out
    assert "re-encrypted 1 trackers" in said, said

    key_file.write_text(f"{new}\n")  # the old key is retired
    crypto.reset()
    with new_session() as fresh:
        assert [m.body for m in transcript(session=fresh, conversation_id=conversation.id)] == [SECRET]
    with sqlite3.connect(trackers) as connection:
        (stored,) = connection.execute("SELECT data FROM encrypted_trackers").fetchone()
    assert SECRET in crypto.decrypt(stored)
    with pytest.raises(InvalidToken):
        Fernet(old.encode()).decrypt(stored.removeprefix(crypto.PREFIX).encode())
