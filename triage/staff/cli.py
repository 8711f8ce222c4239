"""`helpline staff …`: manage staff accounts from the command line."""

import argparse
import getpass
import sys

from helpline.db import new_session
from triage.centres import service as centres
from triage.staff import service
from triage.staff.models import Role


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise SystemExit("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def create(args: argparse.Namespace) -> int:
    """Creates an account; the password is read from standard input."""
    if args.centre is not None and centres.get(args.centre) is None:
        raise SystemExit(f"unknown centre {args.centre!r}; see data/reference/centres.yml")
    password = _read_password()
    try:
        with new_session() as session, session.begin():
            staff = service.create(
                session=session, username=args.username, password=password, role=Role(args.role),
                centre_code=args.centre, display_name=args.name or "",
            )  # fmt: skip
            print(f"created {staff.role} {staff.username}" + (f" at {staff.centre_code}" if staff.centre_code else ""))
    except service.StaffError as error:
        raise SystemExit(str(error)) from None
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds `staff create` to the `helpline` command."""
    staff = commands.add_parser("staff", help="manage staff accounts")
    actions = staff.add_subparsers(dest="staff_command", required=True)
    new = actions.add_parser("create", help="create an account (password read from standard input)")
    new.add_argument("--username", required=True)
    new.add_argument("--role", required=True, choices=[r.value for r in Role])
    new.add_argument("--centre", help="centre code from data/reference/centres.yml (counsellors)")
    new.add_argument("--name", help="name shown to colleagues")
    new.set_defaults(handler=create)
