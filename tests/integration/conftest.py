"""One real helpline (`make run`) serves the whole integration suite; its process logs go to one folder,
scanned at the end (test_zz_logs.py)."""

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

LOG_DIR = Path(tempfile.mkdtemp(prefix="helpline-integration-logs-"))
os.environ["LOG_DIR"] = str(LOG_DIR)

from channels.sandbox.server import free_port  # noqa: E402  (after LOG_DIR is in the environment)
from tests.integration.stack import PUBLIC, Stack, start  # noqa: E402


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, str]]:
    """`make run` with the providers' stand-in on a known port: (the stack, the stand-in's URL).

    Started once: each start costs the Rasa model load. test_stack.py stops it last, with SIGTERM."""
    output = tmp_path_factory.mktemp("make-run") / "output.log"
    sandbox_port = free_port()
    running = start(
        ["make", "--no-print-directory", "run"], output=output,
        extra_env={"SANDBOX_PORT": str(sandbox_port), "PUBLIC_BASE_URL": PUBLIC},
    )  # fmt: skip
    yield running, f"http://127.0.0.1:{sandbox_port}"
    if running.process.poll() is None:
        os.killpg(running.process.pid, signal.SIGTERM)
        try:
            running.process.wait(timeout=60)
        except Exception:
            os.killpg(running.process.pid, signal.SIGKILL)
