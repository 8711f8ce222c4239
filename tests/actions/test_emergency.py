"""Danger at any turn: numbers first (read from the operators' file), a person is coming, P1 handoff."""

from __future__ import annotations

import asyncio
import json

import pytest
from cryptography.fernet import Fernet, InvalidToken

from actions import triage_client
from actions.action_emergency import ActionEmergency
from actions.handoff import emergency_numbers_text
from bot.keyring import key_ring
from conftest import load_tracker, queued, responses, run


def test_numbers_come_first_then_a_person_then_p1_handoff(triage, domain):
    events, messages = run(ActionEmergency(), load_tracker("danger_darija"), domain)

    assert responses(messages)[:2] == ["utter_emergency_numbers", "utter_person_coming"]
    numbers = messages[0]["numbers"]
    for number in ("19", "112", "177", "15", "141", "2511"):
        assert number in numbers
    assert "Jadarmia" in numbers  # the darija_lat label from data/reference/emergency_numbers.yml
    assert responses(messages)[2] == "utter_handoff_queued"
    assert messages[2]["minutes"] == 2

    (request,) = [r for r in triage.requests if r["path"] == "/api/v1/bot/handoff"]
    assert request["headers"]["Authorization"] == "Bearer test-token"
    packet = request["body"]
    assert packet["conversation_id"] == "7c1e2f9a-0000-4000-8000-000000000001"
    assert packet["reason"] == "danger"
    assert packet["priority"] == "P1"
    assert packet["language"] == "darija_lat"
    assert "danger_now" in packet["signals"]
    assert set(packet["consent"]) == {"contact_back", "contact_how", "anonymous"}
    assert "bba kaydrebni daba" in packet["summary"]
    assert {"event": "slot", "timestamp": None, "name": "handoff_state", "value": "danger_queued"} in events


def test_danger_inside_the_form_closes_the_form_and_sends_answers_so_far(triage, domain):
    tracker = load_tracker("report_form", text="il est là, il va me tuer", intent="danger_now")
    events, messages = run(ActionEmergency(), tracker, domain)

    assert responses(messages)[0] == "utter_emergency_numbers"
    assert "Gendarmerie royale" in messages[0]["numbers"]  # French labels
    assert {"event": "active_loop", "timestamp": None, "name": None} in events
    packet = triage.bodies("/api/v1/bot/handoff")[0]
    assert packet["report"]["report_what"] == "Le voisin frappe sa fille tous les soirs"
    assert packet["report"]["report_harm"] == "physical"
    assert packet["language"] == "fr"


def test_closed_centre_gives_opening_hours(triage, domain):
    triage.answers["/api/v1/bot/handoff"] = (
        202,
        {
            "state": "queued",
            "level": "P1",
            "expected_wait_seconds": None,
            "centre_open": False,
            "opening_hours": "Mon-Sat 08:00-20:00",
        },
    )
    _, messages = run(ActionEmergency(), load_tracker("danger_darija"), domain)
    assert responses(messages) == ["utter_emergency_numbers", "utter_person_coming", "utter_handoff_closed"]
    assert messages[2]["hours"] == "Mon-Sat 08:00-20:00"


def test_triage_down_still_gives_numbers_and_queues_the_handoff(unreachable_triage, domain):
    _, messages = run(ActionEmergency(), load_tracker("danger_darija"), domain)

    assert responses(messages) == ["utter_emergency_numbers", "utter_person_coming", "utter_handoff_pending"]
    (waiting,) = queued(unreachable_triage)
    assert waiting["path"] == "/api/v1/bot/handoff"
    assert waiting["body"]["priority"] == "P1"


def test_queued_handoff_is_delivered_once_triage_is_back(triage, domain, monkeypatch, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    before = {"path": "/api/v1/bot/handoff", "body": {"conversation_id": "c1", "priority": "P1"}, "key": "k1"}
    sealed = {"path": "/api/v1/bot/handoff", "body": {"conversation_id": "c2", "priority": "P2"}, "key": "k2"}
    # a plain line written before the outbox was encrypted, then an encrypted one
    outbox.write_text(json.dumps(before) + "\n" + triage_client._sealed(key_ring(), sealed) + "\n")
    left = asyncio.run(triage_client.flush_outbox())
    assert left == 0
    assert triage.bodies("/api/v1/bot/handoff") == [
        {"conversation_id": "c1", "priority": "P1"},
        {"conversation_id": "c2", "priority": "P2"},
    ]
    assert outbox.read_text() == ""


def test_what_waits_is_re_encrypted_with_the_newest_key_at_each_flush(
    unreachable_triage, domain, encryption_key, monkeypatch
):
    run(ActionEmergency(), load_tracker("danger_darija"), domain)
    new = Fernet.generate_key().decode()
    monkeypatch.setenv("ENCRYPTION_KEYS", f"{new},{encryption_key}")
    assert asyncio.run(triage_client.flush_outbox()) == 1, "triage is still down: the request waits"
    monkeypatch.setenv("ENCRYPTION_KEYS", new)
    (waiting,) = queued(unreachable_triage)
    assert waiting["body"]["priority"] == "P1"
    with pytest.raises(InvalidToken):
        Fernet(encryption_key.encode()).decrypt(unreachable_triage.read_text().strip().removeprefix("enc1:").encode())


def test_5xx_is_retried_then_queued(triage, domain, tmp_path):
    triage.answers["/api/v1/bot/handoff"] = (503, {"detail": "busy"})
    _, messages = run(ActionEmergency(), load_tracker("danger_darija"), domain)
    assert responses(messages)[-1] == "utter_handoff_pending"
    assert len(triage.bodies("/api/v1/bot/handoff")) == 2  # TRIAGE_ATTEMPTS=2
    assert (tmp_path / "outbox.jsonl").read_text().count("\n") == 1


def test_numbers_are_read_from_the_file_at_run_time(tmp_path):
    edited = tmp_path / "numbers.yml"
    edited.write_text("numbers:\n  - code: test\n    number: '999'\n    label: {en: Test line}\n")
    assert emergency_numbers_text("en", edited) == "Test line: 999"
    assert "19" in emergency_numbers_text("en", tmp_path / "missing.yml")  # never without numbers
