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


def _chat(args: argparse.Namespace) -> int:
    from channels.chat import Phone, converse, default_address
    from channels.message import Channel
    from channels.sandbox import config
    from helpline.settings import get_settings

    settings = get_settings()
    channel = Channel(args.channel)
    sandbox = settings.twilio_api_base_url if channel is not Channel.TELEGRAM else settings.telegram_api_base_url
    sandbox_url = config.url(settings) if "127.0.0.1" not in sandbox else sandbox.removesuffix("/bot")
    phone = Phone(
        settings=settings,
        channel=channel,
        address=args.address or default_address(channel),
        service_url=f"http://127.0.0.1:{settings.helpline_port}",
        sandbox_url=sandbox_url,
    )
    converse(phone, read=lambda: input("you> "), write=print)
    return 0


def _telegram_webhook(args: argparse.Namespace) -> int:
    from channels.providers.telegram import set_webhook
    from helpline.settings import get_settings

    url = args.url or f"{get_settings().public_base_url.rstrip('/')}/webhooks/telegram"
    if not set_webhook(url=url):
        print("[helpline] Telegram refused the webhook")
        return 1
    print(f"[helpline] Telegram will post updates to {url} with the secret token")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from helpline.db import new_session
    from helpline.migrate import upgrade
    from triage.console.demo import AlreadyFilled, fill, new_password

    upgrade()
    password = sys.stdin.readline().strip() if args.password_stdin else new_password()
    try:
        with new_session() as session, session.begin():
            made = fill(session=session, password=password, days=args.days, force=args.force)
    except AlreadyFilled as refused:
        print(f"[helpline] {refused}")
        return 1
    print(
        f"[helpline] demo: {made['conversations']} live conversations ({made['waiting']} waiting), "
        f"{made['history']} closed over {args.days} days, {made['staff']} staff accounts"
    )
    print(
        "[helpline] sign in at /console as nadia (CASA), youssef (national), karima (NORD), salma (supervisor) "
        "or admin" + ("" if args.password_stdin else f" with the password {password}")
    )
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

    chat = commands.add_parser("chat", help="chat from the terminal as a phone user, through the signed webhooks")
    chat.add_argument("--channel", choices=["sms", "whatsapp", "telegram"], default="sms")
    chat.add_argument("--address", help="the pretend user's number or chat id (a Moroccan test number by default)")
    chat.set_defaults(handler=_chat)

    webhook = commands.add_parser("telegram-webhook", help="register the Telegram webhook with the secret token")
    webhook.add_argument("--url", help="public webhook URL (default PUBLIC_BASE_URL/webhooks/telegram)")
    webhook.set_defaults(handler=_telegram_webhook)

    demo = commands.add_parser("demo", help="fill a fresh install with invented conversations to see the console")
    demo.add_argument("--days", type=int, default=30, help="days of closed conversations for the dashboard")
    demo.add_argument("--force", action="store_true", help="add the demo even if conversations exist")
    demo.add_argument("--password-stdin", action="store_true", help="read the demo accounts' password from stdin")
    demo.set_defaults(handler=_demo)

    from triage.staff.cli import add_commands as add_staff_commands

    add_staff_commands(commands)

    from helpline.keys import add_commands as add_key_commands
    from triage.retention.watch import add_commands as add_retention_commands

    add_retention_commands(commands)

    add_key_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one sub-command and returns its exit code."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
