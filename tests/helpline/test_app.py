"""The service's start: what every request uses is loaded once and kept out of the collector's full passes."""

import gc
from collections.abc import Iterator

import pytest

from helpline.app import settle_memory
from triage.scoring.lexicon import load_lexicons
from triage.scoring.rules import apply_rules


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_settling_loads_the_scorer_and_freezes_what_is_alive(unfrozen: None) -> None:
    load_lexicons.cache_clear()
    apply_rules.cache_clear()
    assert gc.get_freeze_count() == 0
    settle_memory()
    assert load_lexicons.cache_info().currsize == 1
    assert gc.get_freeze_count() > 100_000, "the lexicons, the model and the modules are frozen"
