"""Every word the console's pages and scripts show exists in French, Arabic and English (a missing one would show
as its key, or as nothing)."""

import re

import pytest

from triage.console.i18n import LANGUAGES, WORDS, translations
from triage.console.web import HERE
from triage.conversations.models import Author, ConversationState
from triage.conversations.schemas import CloseIn

TEMPLATES = "".join(path.read_text(encoding="utf-8") for path in (HERE / "templates").glob("*.html"))
SCRIPTS = {path.name: path.read_text(encoding="utf-8") for path in (HERE / "static").glob("*.js")}
PYTHON = "".join(path.read_text(encoding="utf-8") for path in HERE.glob("*.py"))


def _words_used() -> set[str]:
    used = set(re.findall(r"\bt\.(\w+)", TEMPLATES))
    for source in SCRIPTS.values():
        used |= set(re.findall(r'\bt\("(\w+)"\)', source))
    used |= {f"author_{author}" for author in Author}  # t(`author_${m.author}`)
    used |= {f"state_{state}" for state in ConversationState}  # t(`state_${c.state}`)
    used |= {f"outcome_{outcome}" for outcome in CloseIn.model_fields["outcome"].annotation.__args__}  # type: ignore[union-attr]
    case_fields = re.search(r"const fields = \{(.*?)\};", SCRIPTS["case.js"], re.DOTALL)
    assert case_fields, "case.js labels its fields with t(k)"
    used |= set(re.findall(r"(\w+):", case_fields.group(1)))
    dashboard = re.search(r"\{% for key, series in \[(.*?)\] %\}", TEMPLATES)
    assert dashboard, "the dashboard labels its breakdowns with t[key]"
    used |= set(re.findall(r"\('(\w+)',", dashboard.group(1)))
    used |= {key for pair in re.findall(r'message_key="(\w+)"|error="(\w+)"', PYTHON) for key in pair if key}
    return used


def test_every_word_used_is_translated() -> None:
    used = _words_used()
    assert len(used) > 80
    assert sorted(used - set(WORDS)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_left_empty(language: str) -> None:
    assert [key for key, text in translations(language).items() if not text.strip()] == []


def test_arabic_words_are_written_in_arabic() -> None:
    latin_only = [key for key, text in translations("ar").items() if not re.search(r"[\u0600-\u06ff]", text)]
    assert latin_only == []
