"""The command line, run as a user would: python -m triage.scoring."""

import json
import subprocess
import sys

from tests.triage.scoring.conftest import REPO


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Runs the command line with the project's interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "triage.scoring", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_json_lines_in_and_out() -> None:
    lines = [
        {"id": "a", "text": "bghit n9tel rasi"},
        {"id": 2, "text": "salam"},
        {"id": "c", "text": "ok", "context": {"answers": {"danger_now": True}}},
    ]
    result = run(stdin="\n".join(json.dumps(line) for line in lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["level"]) for o in out] == [("a", "P1"), (2, "P4"), ("c", "P1")]
    assert set(out[0]) == {"id", "level", "score", "signals", "language"}
    assert out[0]["signals"][0] == {"code": "suicide_intent", "evidence": "n9tel rasi"}


def test_malformed_lines_are_reported_and_the_rest_survive() -> None:
    stdin = (
        "\n".join(
            [
                '{"id": 1, "text": "hello"}',
                "this is not json",
                '{"id": 3}',
                '["a list"]',
                '{"id": 5, "text": "hi", "context": {"child_age": "nine"}}',
                '{"id": 6, "text": "my dad hits me"}',
            ]
        )
        + "\n"
    )
    result = run(stdin=stdin)
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 6]
    errors = result.stderr.splitlines()
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4", "line 5"]
    assert "child_age" in errors[3]


def test_single_text_argument() -> None:
    result = run("je veux mourir ce soir")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert (out["level"], out["language"]) == ("P1", "fr")


def test_blank_lines_are_skipped() -> None:
    result = run(stdin='\n\n{"id": 1, "text": "azul"}\n\n')
    assert result.returncode == 0
    assert json.loads(result.stdout)["language"] == "tzm"
