"""What the benches that start the helpline service themselves share."""

import subprocess
import time

import httpx

READY_SECONDS = 60.0


def wait_healthy(base_url: str, process: subprocess.Popen[bytes]) -> None:
    """Waits until the service answers /healthz; raises if it exits or does not answer in READY_SECONDS."""
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the service did not start")
