"""Channel rules that need no server: SMS segments and splitting, numbered options, STOP/START, signatures."""

import pytest

from channels import sms
from channels.providers.twilio import sign, verify
from tests.conftest import Reconfigure

KNOWN_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
KNOWN_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
KNOWN_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_twilio_known_answer_vector() -> None:
    assert sign(url=KNOWN_URL, params=KNOWN_PARAMS, token="12345") == KNOWN_SIGNATURE


@pytest.mark.parametrize(
    ("signature", "params", "valid"),
    [
        (KNOWN_SIGNATURE, KNOWN_PARAMS, True),
        ("RSOYDt4T1cUTdK1PDd93/VVr8B8", KNOWN_PARAMS, False),
        (KNOWN_SIGNATURE, {**KNOWN_PARAMS, "Digits": "1235"}, False),
        (None, KNOWN_PARAMS, False),
        ("", KNOWN_PARAMS, False),
    ],
    ids=["known answer", "truncated", "tampered parameter", "missing", "empty"],
)
def test_verify_uses_twilios_validator(
    reconfigure: Reconfigure, signature: str | None, params: dict[str, str], valid: bool
) -> None:
    reconfigure(TWILIO_AUTH_TOKEN="12345")
    assert verify(url=KNOWN_URL, params=params, signature=signature) is valid


def test_no_auth_token_means_nothing_verifies(reconfigure: Reconfigure) -> None:
    reconfigure(TWILIO_AUTH_TOKEN="")
    assert verify(url=KNOWN_URL, params=KNOWN_PARAMS, signature=KNOWN_SIGNATURE) is False


@pytest.mark.parametrize(
    ("text", "gsm7", "count"),
    [
        ("salam", True, 1),
        ("a" * 160, True, 1),
        ("a" * 161, True, 2),
        ("a" * 306, True, 2),
        ("a" * 307, True, 3),
        ("€" * 80, True, 1),
        ("€" * 81, True, 2),
        ("Ça va, élève ?", True, 1),
        ("بغيت نهضر", False, 1),
        ("a" * 69 + "ب", False, 1),
        ("a" * 70 + "ب", False, 2),
        ("salam 🙂", False, 1),
        ("ⴰⵣⵓⵍ", False, 1),
        ("x" * 134 + "ب", False, 3),
    ],
)
def test_segments_gsm7_and_ucs2(text: str, gsm7: bool, count: int) -> None:
    assert sms.is_gsm7(text) is gsm7
    assert sms.segments(text) == count


def test_one_arabic_letter_makes_the_whole_message_ucs2() -> None:
    latin = "Salam, ana hna bach nsme3 lik. " * 5
    assert sms.segments(latin) == 1
    assert sms.segments(latin + "ش") == 3


def test_long_text_is_split_at_word_ends_within_the_limit() -> None:
    text = " ".join(f"kelma{n}" for n in range(600))
    parts = sms.split(text)
    assert all(len(part) <= 1600 for part in parts)
    assert " ".join(parts) == text
    assert all(not part.startswith(" ") and not part.endswith(" ") for part in parts)


def test_a_text_without_spaces_is_cut_hard() -> None:
    assert [len(p) for p in sms.split("x" * 3500)] == [1600, 1600, 300]


def test_numbered_options_and_choices() -> None:
    assert sms.numbered("Wach?", ["Ah", "La"]) == "Wach?\n1. Ah\n2. La"
    assert sms.numbered("Wach?", []) == "Wach?"
    assert [sms.choice(t) for t in ["1", " 2 ", "3.", "4)", "12", "1 2", "one", "123", ""]] == [
        1, 2, 3, 4, 12, None, None, None, None,
    ]  # fmt: skip


@pytest.mark.parametrize(("text", "stop", "start"), [
    ("STOP", True, False), ("stop", True, False), (" Stop. ", True, False), ("UNSUBSCRIBE", True, False),
    ("ARRET", True, False), ("START", False, True), ("unstop", False, True),
    ("stop hitting me", False, False), ("cancel", False, False), ("yes", False, False),
])  # fmt: skip
def test_stop_and_start_keywords(text: str, stop: bool, start: bool) -> None:
    assert (sms.is_stop(text), sms.is_start(text)) == (stop, start)
