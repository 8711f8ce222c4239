"""scripts/bootstrap.sh: nothing is reinstalled when nothing changed, and a missing Python says how to get one."""

import subprocess
from pathlib import Path

from helpline.paths import ROOT

BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"


def _bootstrap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BOOTSTRAP), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_second_setup_installs_nothing() -> None:
    result = _bootstrap("all")
    assert result.returncode == 0, result.stderr
    assert "installing" not in result.stderr + result.stdout
    for venv in (".venv", ".venv-rasa"):
        assert (ROOT / venv / ".installed").read_text().strip()


def test_without_python_3_10_it_says_how_to_get_one(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "cat", "cut", "sha256sum", "sort", "ls", "tac", "dirname", "env"):
        (bin_dir / tool).symlink_to(subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip())
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    result = _bootstrap("rasa", env=env)
    assert result.returncode == 1
    assert "Rasa 3.6 needs Python 3.10" in result.stderr
    assert "pyenv install 3.10" in result.stderr
    assert not (tmp_path / ".venv-rasa").exists()
