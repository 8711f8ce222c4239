"""The labelled data: size, split, stratification and labels."""

import json
from collections import Counter

import pytest

from tests.triage.scoring.conftest import DATA, SIGNAL_CODES

LANGUAGES = {"darija_lat", "darija_ar", "ar", "fr", "en", "tzm"}


def rows(name: str) -> list[dict[str, object]]:
    """Reads one split."""
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_size_and_held_out_share() -> None:
    train, heldout = rows("train.jsonl"), rows("heldout.jsonl")
    assert len(train) + len(heldout) >= 600
    assert len(heldout) / (len(train) + len(heldout)) >= 0.25


def test_splits_are_disjoint() -> None:
    train, heldout = rows("train.jsonl"), rows("heldout.jsonl")
    assert not {r["id"] for r in train} & {r["id"] for r in heldout}
    assert not {r["text"] for r in train} & {r["text"] for r in heldout}


def test_split_is_stratified_by_language_and_level() -> None:
    train = Counter((r["language"], r["level"]) for r in rows("train.jsonl"))
    heldout = Counter((r["language"], r["level"]) for r in rows("heldout.jsonl"))
    for key, count in heldout.items():
        assert 0.2 <= count / (count + train[key]) <= 0.5, key
    assert {language for language, _ in heldout} == LANGUAGES


@pytest.mark.parametrize("name", ["train.jsonl", "heldout.jsonl"])
def test_labels_are_valid(name: str) -> None:
    for row in rows(name):
        assert row["level"] in {"P1", "P2", "P3", "P4"}
        assert row["language"] in LANGUAGES
        assert set(row["signals"]) <= SIGNAL_CODES, row["id"]


def test_build_is_reproducible() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", DATA / "build.py")
    assert spec
    assert spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    all_rows = [row for path in sorted(build.SOURCE.glob("*.txt")) for row in build.read_source(path)]
    train, heldout = build.split(all_rows)
    assert [r["id"] for r in train] == [r["id"] for r in rows("train.jsonl")]
    assert [r["id"] for r in heldout] == [r["id"] for r in rows("heldout.jsonl")]
