"""Trains the Rasa model only when its inputs changed (content hash of config, domain, data and bot/)."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from helpline.paths import MODELS, RASA_VENV, ROOT

TRAINING_DATA = ("data/nlu", "data/rules", "data/stories")
MODEL_INPUTS = ("config.yml", "domain.yml", *TRAINING_DATA, "bot")


def _input_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for name in MODEL_INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py"})
    return sorted(files)


def model_hash(root: Path = ROOT) -> str:
    """A hash of every file that shapes the model, names included."""
    digest = hashlib.sha256()
    for path in _input_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    """Where the model for the current inputs lives (whether or not it has been trained)."""
    return MODELS / f"{model_hash()}.tar.gz"


def rasa_env() -> dict[str, str]:
    """Environment for Rasa processes: the project on PYTHONPATH, telemetry off."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def train_command(name: str) -> list[str]:
    """The `rasa train` command line, with every path explicit."""
    return [
        str(RASA_VENV / "bin" / "rasa"),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain.yml",
        "--data",
        *TRAINING_DATA,
        "--out",
        str(MODELS),
        "--fixed-model-name",
        name,
    ]


def ensure_model(*, force: bool = False) -> Path:
    """Trains a model for the current inputs unless one exists; returns its path."""
    target = model_path()
    if target.exists() and not force:
        print(f"[train] model is up to date: {target.relative_to(ROOT)}", flush=True)
        return target
    print("[train] training the Rasa model (inputs changed); this takes a minute or two…", flush=True)
    MODELS.mkdir(exist_ok=True)
    process = subprocess.Popen(
        train_command(target.name.removesuffix(".tar.gz")),
        cwd=ROOT,
        env=rasa_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip():
            print(f"[train] {line.rstrip().split(chr(13))[-1][:200]}", flush=True)
    if process.wait() != 0 or not target.exists():
        sys.exit(f"[train] rasa train failed (exit {process.returncode}); see the output above")
    print(f"[train] model saved: {target.relative_to(ROOT)}", flush=True)
    return target
