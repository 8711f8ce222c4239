"""The scoring engine is pure: its tests need neither the database nor Redis."""

from pathlib import Path

import pytest

from triage.scoring.rules import CUES, MODIFIERS

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "data" / "triage"
SIGNAL_CODES = frozenset(
    "danger_now suicide_intent suicide_plan means attempt self_harm passive_ideation medical physical_abuse "
    "sexual_abuse emotional_abuse neglect perpetrator_access afraid_home ongoing recent past missing_runaway "
    "trafficking child_marriage child_labour online_exploitation bullying family_conflict school distress "
    "info_request greeting prank safe_now young_child negation hypothetical".split()
)
LEXICON_CATEGORIES = SIGNAL_CODES | CUES | MODIFIERS


@pytest.fixture
def database() -> None:
    """Overrides the shared database fixture: nothing to migrate."""


@pytest.fixture(autouse=True)
def _clean_state() -> None:
    """Overrides the shared clean-up: nothing to truncate."""
