"""The retention policy: how long each kind of data is kept (from the settings, in one place)."""

from dataclasses import dataclass
from datetime import timedelta

from helpline.settings import Settings, get_settings


@dataclass(frozen=True)
class Policy:
    """How long each kind of data lives."""

    transcripts: timedelta
    reports: timedelta
    case_notes: timedelta
    audit: timedelta
    delivery_metadata: timedelta
    statistics: timedelta  # the anonymised daily counts left by the purge

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Policy":
        """The policy configured by RETAIN_*_DAYS."""
        s = settings or get_settings()
        return cls(
            transcripts=timedelta(days=s.retain_transcripts_days),
            reports=timedelta(days=s.retain_reports_days),
            case_notes=timedelta(days=s.retain_case_notes_days),
            audit=timedelta(days=s.retain_audit_days),
            delivery_metadata=timedelta(days=s.retain_delivery_metadata_days),
            statistics=timedelta(days=s.retain_statistics_days),
        )
