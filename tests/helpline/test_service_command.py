"""The helpline service's uvicorn command: worker processes from HELPLINE_WORKERS, a keep-alive longer than clients'."""

from helpline.launcher import service_command
from helpline.settings import Settings


def test_workers_come_from_the_setting() -> None:
    command = service_command(Settings(helpline_workers=2))
    assert command[command.index("--workers") + 1] == "2"
    one = service_command(Settings(helpline_workers=0))
    assert one[one.index("--workers") + 1] == "1"


def test_idle_connections_outlive_the_clients_keep_alive() -> None:
    command = service_command(Settings())
    assert int(command[command.index("--timeout-keep-alive") + 1]) > 5  # httpx drops idle connections after 5 s
