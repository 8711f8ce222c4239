"""The `helpline` command: the operators' entry point."""

import argparse
import sys
from collections.abc import Callable, Sequence


def _up(args: argparse.Namespace) -> int:
    from helpline.launcher import up

    return up(train=not args.no_train)


def _train(args: argparse.Namespace) -> int:
    from helpline.training import ensure_model

    ensure_model(force=args.force)
    return 0


def _migrate(_args: argparse.Namespace) -> int:
    from helpline.migrate import upgrade

    upgrade()
    print("[helpline] database is at the newest migration")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line: one sub-command per operator task."""
    parser = argparse.ArgumentParser(prog="helpline", description="Child-protection helpline: operator commands")
    commands = parser.add_subparsers(dest="command", required=True)

    up = commands.add_parser("up", help="migrate, train if needed, and run every process until Ctrl-C")
    up.add_argument("--no-train", action="store_true", help="use the model for the current inputs as it is")
    up.set_defaults(handler=_up)

    train = commands.add_parser("train", help="train the Rasa model if config, domain or data changed")
    train.add_argument("--force", action="store_true", help="train even if the model is up to date")
    train.set_defaults(handler=_train)

    migrate = commands.add_parser("migrate", help="bring the database to the newest migration")
    migrate.set_defaults(handler=_migrate)

    from triage.staff.cli import add_commands as add_staff_commands

    add_staff_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one sub-command and returns its exit code."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
