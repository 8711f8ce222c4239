"""Value types of the scoring engine: levels, signals, context and assessment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Reporter = Literal["child", "adult"]
When = Literal["now", "today", "this_week", "longer_ago"]
Script = Literal["latin", "arabic", "tifinagh", "mixed"]


class Level(StrEnum):
    """Urgency levels, P1 most urgent."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    @property
    def rank(self) -> int:
        """Returns 0 for P1 up to 3 for P4."""
        return int(self.value[1]) - 1

    @classmethod
    def from_rank(cls, rank: int) -> Level:
        """Returns the level of a rank, clamped to P1..P4."""
        return cls(f"P{min(max(rank, 0), 3) + 1}")

    def raised(self, steps: int = 1) -> Level:
        """Returns the level made more urgent by some steps."""
        return Level.from_rank(self.rank - steps)

    def lowered(self, steps: int = 1) -> Level:
        """Returns the level made less urgent by some steps."""
        return Level.from_rank(self.rank + steps)


class Language(StrEnum):
    """Languages the engine recognises."""

    DARIJA_LAT = "darija_lat"
    DARIJA_AR = "darija_ar"
    AR = "ar"
    FR = "fr"
    EN = "en"
    TZM = "tzm"


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing the text says, with the span of text that says it."""

    code: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Answers:
    """Structured answers of a report form."""

    danger_now: bool | None = None
    perpetrator_access: bool | None = None
    when: When | None = None
    ongoing: bool | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Answers:
        """Builds answers from a JSON object, ignoring unknown keys."""
        when = data.get("when")
        if when is not None and when not in ("now", "today", "this_week", "longer_ago"):
            raise ValueError(f"answers.when must be now, today, this_week or longer_ago, not {when!r}")
        return cls(
            danger_now=_optional_bool(data, "danger_now"),
            perpetrator_access=_optional_bool(data, "perpetrator_access"),
            when=when,
            ongoing=_optional_bool(data, "ongoing"),
        )


@dataclass(frozen=True, slots=True)
class Context:
    """What else is known about the conversation; every field is optional."""

    reporter: Reporter | None = None
    child_age: int | None = None
    answers: Answers = field(default_factory=Answers)
    earlier_messages: Sequence[str] = ()
    repeat_contact: bool = False
    disability: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Context:
        """Builds a context from a JSON object; raises ValueError on wrong types."""
        reporter = data.get("reporter")
        if reporter is not None and reporter not in ("child", "adult"):
            raise ValueError(f"context.reporter must be child or adult, not {reporter!r}")
        age = data.get("child_age")
        if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
            raise ValueError("context.child_age must be an integer")
        answers = data.get("answers") or {}
        if not isinstance(answers, Mapping):
            raise ValueError("context.answers must be an object")
        earlier = data.get("earlier_messages") or []
        if not isinstance(earlier, list) or not all(isinstance(m, str) for m in earlier):
            raise ValueError("context.earlier_messages must be a list of strings")
        return cls(
            reporter=reporter,
            child_age=age,
            answers=Answers.from_mapping(answers),
            earlier_messages=tuple(earlier),
            repeat_contact=bool(_optional_bool(data, "repeat_contact")),
            disability=bool(_optional_bool(data, "disability")),
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """The urgency of one message, with the signals that justify it."""

    level: Level
    score: float
    signals: list[Signal]
    language: Language
    script: Script

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON-ready form used by the CLI and the API."""
        return {
            "level": self.level.value,
            "score": self.score,
            "signals": [{"code": s.code, "evidence": s.evidence} for s in self.signals],
            "language": self.language.value,
            "script": self.script,
        }


def _optional_bool(data: Mapping[str, Any], key: str) -> bool | None:
    """Reads an optional boolean, rejecting other types."""
    value = data.get(key)
    if value is not None and not isinstance(value, bool):
        raise ValueError(f"{key} must be true or false")
    return value
