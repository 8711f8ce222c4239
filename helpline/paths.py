"""Where the project's files live, whatever the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
MODELS = ROOT / "models"
RASA_VENV = ROOT / ".venv-rasa"
