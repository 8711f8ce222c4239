"""The labelled data: size, split, stratification and labels."""

import importlib.util
import json
from collections import Counter
from types import ModuleType

import pytest

from tests.triage.scoring.conftest import DATA, SIGNAL_CODES

LANGUAGES = {"darija_lat", "darija_ar", "ar", "fr", "en", "tzm"}


def _build() -> ModuleType:
    """Imports data/triage/build.py (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("build", DATA / "build.py")
    assert spec
    assert spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


BUILD = _build()
ADDED = ("extra-", *(f"{folder.name}-" for folder in BUILD.BREADTH), *(f"{name}-" for name in BUILD.SEEN))
"""Prefixes of training rows outside the stratified split: training-only examples, the breadth data and the sets
already tuned on."""
FRESH = [f"{name}_heldout.jsonl" for name in BUILD.FRESH]
"""The clean held-out sets build.py names, each built once its folder is written (another engineer writes it
blind); none while the next one is being written."""
HELD_OUT = ["heldout.jsonl"] + [name for name in FRESH if (DATA / name).exists()]


def rows(name: str) -> list[dict[str, object]]:
    """Reads one split."""
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_size_and_held_out_share() -> None:
    train = rows("train.jsonl")
    heldout = [row for name in HELD_OUT for row in rows(name)]
    assert len(train) + len(heldout) >= 600
    split_train = [row for row in train if not str(row["id"]).startswith(ADDED)]
    assert len(rows("heldout.jsonl")) / (len(split_train) + len(rows("heldout.jsonl"))) >= 0.3
    for name in HELD_OUT[1:]:
        assert len(rows(name)) >= 200


@pytest.mark.parametrize("held_out", HELD_OUT)
def test_splits_are_disjoint(held_out: str) -> None:
    train, heldout = rows("train.jsonl"), rows(held_out)
    assert not {r["id"] for r in train} & {r["id"] for r in heldout}
    assert not {r["text"] for r in train} & {r["text"] for r in heldout}


def test_split_is_stratified_by_language_and_level() -> None:
    train = Counter((r["language"], r["level"]) for r in rows("train.jsonl") if not str(r["id"]).startswith(ADDED))
    heldout = Counter((r["language"], r["level"]) for r in rows("heldout.jsonl"))
    for key, count in heldout.items():
        assert 0.2 <= count / (count + train[key]) <= 0.5, key
    assert {language for language, _ in heldout} == LANGUAGES


@pytest.mark.parametrize("name", ["train.jsonl", *HELD_OUT])
def test_labels_are_valid(name: str) -> None:
    for row in rows(name):
        assert row["level"] in {"P1", "P2", "P3", "P4"}
        assert row["language"] in LANGUAGES
        assert set(row["signals"]) <= SIGNAL_CODES, row["id"]


def test_build_is_reproducible() -> None:
    build = BUILD
    train, heldout, fresh = build.splits()
    assert [r["id"] for r in train] == [r["id"] for r in rows("train.jsonl")]
    assert [r["id"] for r in heldout] == [r["id"] for r in rows("heldout.jsonl")]
    assert set(fresh) == {name for name, folder in build.FRESH.items() if folder.is_dir()}
    for name, fresh_rows in fresh.items():
        assert [r["id"] for r in fresh_rows] == [r["id"] for r in rows(f"{name}_heldout.jsonl")]


def test_sets_tuned_on_are_training_data_and_the_clean_set_is_not() -> None:
    build = BUILD
    assert {"fresh6", "fresh7", "fresh8"} <= set(build.SEEN)
    assert not set(build.SEEN) & set(build.FRESH)
    prefixes = {str(r["id"]).split("-", 1)[0] for r in rows("train.jsonl")}
    assert {"fresh6", "fresh7", "fresh8", "breadth"} <= prefixes
    assert not prefixes & set(build.FRESH)


def test_a_training_text_a_held_out_set_also_has_is_left_out() -> None:
    build = BUILD
    held = [{"id": "h1", "language": "en", "level": "P4", "signals": [], "text": "hello"}]
    train = [
        {"id": "fresh6-en-001", "language": "en", "level": "P4", "signals": [], "text": "hello"},
        {"id": "fresh6-en-002", "language": "en", "level": "P2", "signals": [], "text": "he hits me"},
    ]
    assert build.without_texts_of(train, held) == train[1:]
