"""Table-driven tests of assess() per language, with the hard cases."""

import pytest

from tests.triage.scoring.cases import ALL, Case
from triage.scoring import assess
from triage.scoring.rules import apply_rules


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.label)
def test_level(case: Case) -> None:
    assessment = assess(case.text)
    if case.rules_level:
        assert apply_rules(case.text).level == case.level
        assert assessment.level.rank <= case.level.rank
    else:
        assert assessment.level == case.level, assessment.signals


@pytest.mark.parametrize("case", [c for c in ALL if c.codes], ids=lambda c: c.label)
def test_signals(case: Case) -> None:
    codes = {s.code for s in assess(case.text).signals}
    assert case.codes <= codes


@pytest.mark.parametrize("case", [c for c in ALL if c.language], ids=lambda c: c.label)
def test_language(case: Case) -> None:
    assert assess(case.text).language == case.language


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.label)
def test_evidence_is_a_span_of_the_text(case: Case) -> None:
    for signal in assess(case.text).signals:
        assert signal.evidence in case.text or " … " in signal.evidence


@pytest.mark.parametrize("case", [c for c in ALL if c.absent], ids=lambda c: c.label)
def test_absent_signals(case: Case) -> None:
    codes = {s.code for s in assess(case.text).signals}
    assert not case.absent & codes
