"""Properties that must hold for every message of the labelled data, not just hand-picked cases."""

import json
from functools import cache

import pytest

from tests.triage.scoring.conftest import DATA, SIGNAL_CODES
from triage.scoring import Answers, Assessment, Context, Level, assess
from triage.scoring.rules import apply_rules

BANDS = {Level.P1: (0.75, 1.0), Level.P2: (0.5, 0.75), Level.P3: (0.25, 0.5), Level.P4: (0.0, 0.25)}


@cache
def texts() -> tuple[str, ...]:
    """Every labelled message, training and held-out."""
    rows = []
    for name in ("train.jsonl", "heldout.jsonl"):
        rows += [json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    return tuple(rows)


def test_a_rule_p1_is_never_lowered() -> None:
    lowered = [t for t in texts() if apply_rules(t).level == Level.P1 and assess(t).level != Level.P1]
    assert lowered == []


@pytest.mark.parametrize("answer", ["danger_now", "perpetrator_access"])
def test_structured_danger_is_p1_whatever_the_text(answer: str) -> None:
    context = Context(answers=Answers(**{answer: True}))
    levels = {assess(t, context=context).level for t in texts() + ("", "hi", "lol test")}
    assert levels == {Level.P1}


def test_structured_danger_is_a_signal() -> None:
    assessment = assess("ok", context=Context(answers=Answers(danger_now=True)))
    assert ("danger_now", "answers.danger_now") in {(s.code, s.evidence) for s in assessment.signals}


@pytest.mark.parametrize(
    "context",
    [Context(child_age=9), Context(disability=True), Context(reporter="child"), Context(repeat_contact=True)],
    ids=["under-12", "disability", "child-writing", "repeat-contact"],
)
def test_context_raises_by_one_level(context: Context) -> None:
    text = "my parents fight all the time"
    assert assess(text).level == Level.P3
    assert assess(text, context=context).level == Level.P2


def test_raises_do_not_add_up() -> None:
    context = Context(child_age=8, disability=True, reporter="child", repeat_contact=True)
    assert assess("my parents fight all the time", context=context).level == Level.P2


def test_a_childs_greeting_is_raised_only_when_it_asks() -> None:
    context = Context(reporter="child")
    assert assess("salam", context=context).level == Level.P4
    assert assess("salam, wach kayn chi 7ed?", context=context).level == Level.P3


def test_answers_when_now_with_harm_is_p1() -> None:
    context = Context(answers=Answers(when="now"))
    assert assess("my uncle hits me", context=context).level == Level.P1


def test_earlier_messages_give_timing_its_meaning() -> None:
    context = Context(earlier_messages=["my dad beats me when he drinks"])
    assert assess("he is home now", context=context).level == Level.P1
    assert apply_rules("he is home now").level != Level.P1


def test_earlier_p1_keeps_the_conversation_p1() -> None:
    context = Context(earlier_messages=["bghit n9tel rasi had lila"])
    assert assess("ok", context=context).level == Level.P1


def test_score_lies_in_the_band_of_its_level() -> None:
    for text in texts():
        assessment = assess(text)
        low, high = BANDS[assessment.level]
        assert low <= assessment.score <= high, text


def test_signal_codes_are_domain_codes() -> None:
    codes = {s.code for t in texts() for s in assess(t).signals}
    assert codes <= SIGNAL_CODES


def test_assessment_is_deterministic() -> None:
    first = [assess(t) for t in texts()[:50]]
    assert first == [assess(t) for t in texts()[:50]]


@pytest.mark.parametrize("text", ["", "   ", "😂", "?", "1234", "a" * 2000, "ⴰ", "\u200f"], ids=repr)
def test_odd_input_does_not_crash(text: str) -> None:
    assert isinstance(assess(text), Assessment)


def test_empty_message_is_p4() -> None:
    assert assess("").level == Level.P4


def test_to_dict_is_json_ready() -> None:
    data = assess("bba kaydrebni daba").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"level", "score", "signals", "language", "script"}


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("hello", "latin"),
        ("بغيت نهضر مع شي حد", "arabic"),
        ("ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ", "tifinagh"),
        ("bba كيضربني daba daba", "mixed"),
    ],
    ids=["latin", "arabic", "tifinagh", "mixed"],
)
def test_script(text: str, script: str) -> None:
    assert assess(text).script == script
