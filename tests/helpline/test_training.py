"""The model is retrained only when what shapes it changes."""

import shutil
from pathlib import Path

import pytest

from helpline.paths import ROOT
from helpline.training import MODEL_INPUTS, model_hash, train_command


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in (*MODEL_INPUTS, "data/reference"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        elif source.is_file():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, tmp_path / name)
    return tmp_path


def test_hash_is_stable_when_nothing_changed(project: Path) -> None:
    assert model_hash(project) == model_hash(project)


@pytest.mark.parametrize("changed", ["config.yml", "domain.yml", "data/nlu/extra.yml", "bot/extra.py"])
def test_hash_changes_with_any_model_input(project: Path, changed: str) -> None:
    before = model_hash(project)
    path = project / changed
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        handle.write("\n# changed\n")
    assert model_hash(project) != before


def test_hash_ignores_reference_data(project: Path) -> None:
    before = model_hash(project)
    with (project / "data/reference/regions.yml").open("a") as handle:
        handle.write("\n# an operator's edit\n")
    assert model_hash(project) == before


def test_train_command_names_every_path() -> None:
    command = train_command("abc")
    assert command[command.index("--data") + 1 : command.index("--out")] == ["data/nlu", "data/rules", "data/stories"]
    assert command[command.index("--config") + 1] == "config.yml"
    assert command[command.index("--fixed-model-name") + 1] == "abc"
