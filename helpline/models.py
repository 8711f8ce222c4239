"""Imports every table module so that the metadata is complete (migrations, tests)."""

import importlib

MODEL_MODULES = (
    "triage.conversations.models",
    "triage.staff.models",
    "triage.audit.models",
    "triage.reports.models",
    "triage.cases.models",
    "triage.retention.models",
    "triage.consent.models",
    "triage.bot_api.idempotency",
    "channels.contacts.models",
    "channels.inbox.models",
    "channels.outbox.models",
)


def import_all_models() -> None:
    """Registers every table on `helpline.db.Base.metadata`."""
    for module in MODEL_MODULES:
        importlib.import_module(module)
