"""Canned replies exist for every language triage recognises, and open neutrally."""

from triage.console.api import canned_replies
from triage.scoring.types import Language


def test_every_recognised_language_has_canned_replies() -> None:
    replies = canned_replies()
    assert set(replies) == {str(language) for language in Language}
    for language, texts in replies.items():
        assert texts, language
        assert all(len(text) <= 160 * 3 for text in texts), "short enough for a few SMS segments"


def test_the_first_reply_greets_without_naming_harm() -> None:
    for texts in canned_replies().values():
        first = texts[0].lower()
        assert not any(word in first for word in ("abuse", "violence", "abus", "عنف", "police"))
