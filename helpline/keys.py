"""`helpline keys …`: make a key, and re-encrypt every encrypted column and Rasa's trackers with the newest key."""

import argparse
import subprocess

from cryptography.fernet import Fernet
from sqlalchemy import Column, text

from helpline import crypto, training
from helpline.db import Base, get_engine
from helpline.models import import_all_models
from helpline.paths import RASA_VENV, ROOT


def encrypted_columns() -> list[Column[object]]:
    """Every column of every table that is stored encrypted."""
    import_all_models()
    return [
        column
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, crypto.EncryptedText | crypto.EncryptedJSON)
    ]


def rotate() -> int:
    """Re-encrypts every stored value with the newest key; returns how many values were rewritten."""
    rewritten = 0
    with get_engine().begin() as connection:
        for column in encrypted_columns():
            table, name = column.table.name, column.name
            key = next(iter(column.table.primary_key.columns)).name
            # Plain SQL: values are read and written as stored, without the column type encrypting them again.
            rows = connection.execute(text(f'SELECT "{key}", "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'))
            for row_key, value in rows.all():
                connection.execute(
                    text(f'UPDATE "{table}" SET "{name}" = :value WHERE "{key}" = :key'),
                    {"value": crypto.rotate_value(value), "key": row_key},
                )
                rewritten += 1
    return rewritten


class RotationFailed(RuntimeError):
    """The Rasa runtime could not re-encrypt its trackers."""


def rotate_rasa_trackers() -> str:
    """Re-encrypts Rasa's trackers through the Rasa runtime (`python -m bot.tracker_store rotate`), against the
    store `helpline up` gives Rasa; returns what it said. The main runtime never opens Rasa's store itself."""
    from helpline.launcher import rasa_tracker_url

    python = RASA_VENV / "bin" / "python"
    if not python.exists():
        return "Rasa's trackers: run `python -m bot.tracker_store rotate` where Rasa runs (no Rasa runtime here)"
    env = {**training.rasa_env(), **crypto.child_environment(), "RASA_TRACKER_URL": rasa_tracker_url()}
    done = subprocess.run(
        [str(python), "-m", "bot.tracker_store", "rotate"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RotationFailed(f"Rasa's trackers were not re-encrypted (exit {done.returncode}): {done.stderr[-400:]}")
    return done.stdout.strip()


def new_key(_args: argparse.Namespace) -> int:
    """Prints a fresh key: put it first in ENCRYPTION_KEYS (or the key file), keep the old ones after it."""
    print(Fernet.generate_key().decode())
    return 0


def rotate_command(_args: argparse.Namespace) -> int:
    """Re-encrypts every stored value, and Rasa's trackers, with the newest key of the ring."""
    print(f"[helpline] re-encrypted {rotate()} values with the newest key")
    try:
        print(rotate_rasa_trackers())
    except RotationFailed as failed:
        print(f"[helpline] {failed}; keep the older keys until it succeeds")
        return 1
    print("[helpline] older keys may now be retired (the action server's outbox is re-encrypted at its next flush)")
    return 0


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds `keys new` and `keys rotate` to the `helpline` command."""
    keys = commands.add_parser("keys", help="encryption keys: make a new one, re-encrypt with the newest")
    actions = keys.add_subparsers(dest="keys_command", required=True)
    actions.add_parser("new", help="print a new key").set_defaults(handler=new_key)
    actions.add_parser("rotate", help="re-encrypt all data with the newest key").set_defaults(handler=rotate_command)
