"""`helpline up`: migrate, train if needed, start Redis (embedded), Rasa, the action server and the service."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from helpline import crypto, embedded_redis, training
from helpline.migrate import upgrade
from helpline.paths import RASA_VENV, ROOT, VAR
from helpline.settings import Settings, get_settings
from helpline.supervisor import ChildExited, Supervisor

RUN_DIR = VAR / "run"
PIDS_FILE = RUN_DIR / "helpline.pids.json"
READY_TIMEOUT_SECONDS = 600.0  # generous: a loaded 2-core machine can take minutes to load the model


def say(text: str) -> None:
    """One progress line for the operator."""
    print(f"[helpline] {text}", flush=True)


def _port(url: str) -> str:
    return str(urlsplit(url).port or 80)


def _host(url: str) -> str:
    return urlsplit(url).hostname or "127.0.0.1"


def rasa_tracker_url() -> str:
    """Where Rasa keeps its (encrypted) trackers: RASA_TRACKER_URL, or a SQLite file under var/."""
    return os.environ.get("RASA_TRACKER_URL", f"sqlite:///{VAR / 'rasa-trackers.db'}")


def child_env(settings: Settings, redis_url: str) -> dict[str, str]:
    """The environment every child sees: the operator's, plus what `up` decided."""
    env = training.rasa_env()
    env.update(
        {
            "REDIS_URL": redis_url,
            "DATABASE_URL": settings.database_url,
            "RASA_URL": settings.rasa_url,
            "ACTION_SERVER_URL": settings.action_server_url,
            "TRIAGE_URL": os.environ.get("TRIAGE_URL", f"http://127.0.0.1:{settings.helpline_port}"),
            "TRIAGE_SERVICE_TOKEN": settings.triage_service_token.get_secret_value(),
            "SANIC_HOST": _host(settings.action_server_url),
            "RASA_TRACKER_URL": rasa_tracker_url(),
        }
    )
    env.update(crypto.child_environment())  # Rasa's tracker store and the action server's outbox use the same keys
    return env


def rasa_command(settings: Settings, model: Path) -> list[str]:
    """`rasa run` behind the REST channel only, with its HTTP API guarded by a token, on loopback."""
    return [
        str(RASA_VENV / "bin" / "rasa"),
        "run",
        "--model",
        str(model),
        "--enable-api",
        "--auth-token",
        settings.rasa_token.get_secret_value(),
        "--interface",
        _host(settings.rasa_url),
        "--port",
        _port(settings.rasa_url),
        "--credentials",
        "bot/credentials.yml",
        "--endpoints",
        "bot/endpoints.yml",
    ]


def actions_command(settings: Settings) -> list[str]:
    """The Rasa SDK action server, loading the `actions` package."""
    return [
        str(RASA_VENV / "bin" / "python"),
        "-m",
        "rasa_sdk",
        "--actions",
        "actions",
        "--port",
        _port(settings.action_server_url),
    ]


def service_command(settings: Settings) -> list[str]:
    """The helpline service (gateway + triage) under uvicorn."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "helpline.app:create_app",
        "--factory",
        "--host",
        settings.helpline_host,
        "--port",
        str(settings.helpline_port),
        "--workers",
        str(max(1, settings.helpline_workers)),
        "--timeout-keep-alive",  # longer than clients keep idle connections (httpx: 5 s, uvicorn's default too)
        "75",
        "--no-access-log",
    ]


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def log_dir(settings: Settings) -> Path:
    """Where each process's log goes (LOG_DIR, or var/log/)."""
    return Path(settings.log_dir) if settings.log_dir else VAR / "log"


def _start_redis(supervisor: Supervisor, settings: Settings) -> str:
    if settings.redis_url:
        return settings.redis_url
    process, url = embedded_redis.start(RUN_DIR)
    supervisor.adopt("redis", process, log_dir(settings) / "redis.log")
    say(f"embedded Redis started ({url})")
    return url


# --- Sandbox: a local stand-in of the Twilio and Telegram APIs when no provider account is configured ---


def _start_sandbox(supervisor: Supervisor, settings: Settings) -> dict[str, str]:
    """Starts channels/sandbox and returns the variables pointing the service's senders at it (or nothing)."""
    from channels.sandbox import config
    from channels.sandbox.server import port_or_free

    if not config.needed(settings):
        return {}
    port = port_or_free(settings.sandbox_port)
    url = f"http://127.0.0.1:{port}"
    supervisor.start(
        "sandbox", [sys.executable, "-m", "channels.sandbox", "--port", str(port)], env=dict(os.environ), cwd=ROOT
    )
    supervisor.wait_until(lambda: _answers(f"{url}/sandbox/messages"), what="sandbox", timeout=READY_TIMEOUT_SECONDS)
    config.URL_FILE.parent.mkdir(parents=True, exist_ok=True)
    config.URL_FILE.write_text(url)
    say(f"no Twilio or Telegram account configured: sandbox stand-in at {url}")
    say("  talk to the helpline as a phone user: .venv/bin/helpline chat --channel sms|whatsapp|telegram")
    return config.environment_for(url)


# --- end of sandbox ---


FLUSH_SECONDS = 30.0


def flush_command() -> list[str]:
    """Re-sends what the action server could not deliver to triage (kept in var/triage_outbox.jsonl)."""
    return [str(RASA_VENV / "bin" / "python"), "-m", "actions.triage_client", "flush"]


class PeriodicCommand:
    """Runs a short command every so often, never two at once."""

    def __init__(self, command: list[str], *, env: dict[str, str], every: float) -> None:
        self.command, self.env, self.every = command, env, every
        self.process: subprocess.Popen[bytes] | None = None
        self.next_run = time.monotonic() + every

    def tick(self) -> None:
        """Starts the command when it is due and the previous run has ended."""
        if self.process is not None and self.process.poll() is None:
            return
        if time.monotonic() >= self.next_run:
            self.process = subprocess.Popen(
                self.command, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            self.next_run = time.monotonic() + self.every

    def stop(self) -> None:
        """Ends a run still going."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def _write_pids(supervisor: Supervisor) -> None:
    pids = {"supervisor": os.getpid(), **{c.name: c.process.pid for c in supervisor.children}}
    PIDS_FILE.write_text(json.dumps(pids))


def up(*, train: bool = True) -> int:
    """Runs the whole helpline until interrupted; returns the exit code."""
    started = time.monotonic()
    settings = get_settings()
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    supervisor = Supervisor(log_dir=log_dir(settings))
    supervisor.install_signal_handlers()
    parent = os.getppid()
    periodic: list[PeriodicCommand] = []
    try:
        say("migrating the database")
        upgrade()
        model = training.ensure_model() if train else training.model_path()
        redis_url = _start_redis(supervisor, settings)
        env = child_env(settings, redis_url)
        env.update(_start_sandbox(supervisor, settings))
        for name, command in (
            ("actions", actions_command(settings)),
            ("rasa", rasa_command(settings, model)),
            ("service", service_command(settings)),
        ):
            supervisor.start(name, command, env=env, cwd=ROOT)
        _write_pids(supervisor)
        say(f"starting Rasa, the action server and the helpline service (logs in {log_dir(settings)}/)")
        base = f"http://127.0.0.1:{settings.helpline_port}"
        supervisor.wait_until(
            lambda: _answers(f"{settings.action_server_url}/health"),
            what="action server",
            timeout=READY_TIMEOUT_SECONDS,
        )
        supervisor.wait_until(lambda: _answers(f"{base}/readyz"), what="helpline", timeout=READY_TIMEOUT_SECONDS)
        say(f"ready in {time.monotonic() - started:.1f} s")
        say(f"  helpline service  {base}   (health {base}/readyz, API docs {base}/docs)")
        say(f"  Rasa (REST only)  {settings.rasa_url}")
        say(f"  action server     {settings.action_server_url}")
        say("press Ctrl-C to stop everything")
        flusher = PeriodicCommand(flush_command(), env=env, every=FLUSH_SECONDS)
        periodic.append(flusher)
        while True:
            supervisor.check()
            flusher.tick()
            if os.getppid() != parent:
                say("the parent process is gone; stopping")
                break
            time.sleep(0.5)
    except KeyboardInterrupt:
        say("stopping…")
    except (ChildExited, TimeoutError, subprocess.SubprocessError, RuntimeError) as error:
        say(f"error: {error}")
        return 1
    finally:
        for job in periodic:
            job.stop()
        supervisor.stop()
        PIDS_FILE.unlink(missing_ok=True)
        say("stopped")
    return 0
