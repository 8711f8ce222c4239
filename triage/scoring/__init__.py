"""Pure urgency scoring of helpline messages: assess(text, context=...) -> Assessment."""

from triage.scoring.engine import assess
from triage.scoring.types import Answers, Assessment, Context, Language, Level, Signal

__all__ = ["Answers", "Assessment", "Context", "Language", "Level", "Signal", "assess"]
