"""Listening centres are reference data (data/reference/centres.yml), not tables."""

from dataclasses import dataclass
from datetime import datetime, time


@dataclass(frozen=True)
class OpeningSlot:
    """Open on `weekday` (0 = Monday) from `opens` to `closes`, local time."""

    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class Centre:
    """A listening centre run by an association, serving one or more regions."""

    code: str
    name: str
    regions: tuple[str, ...]
    timezone: str
    hours: tuple[OpeningSlot, ...]
    always_open: bool = False

    def is_open(self, at: datetime) -> bool:
        """True when `at` falls in one of the centre's opening slots (in its time zone)."""
        from zoneinfo import ZoneInfo

        if self.always_open:
            return True
        local = at.astimezone(ZoneInfo(self.timezone))
        return any(slot.weekday == local.weekday() and slot.opens <= local.time() < slot.closes for slot in self.hours)

    def hours_text(self) -> str:
        """Opening hours in a short form, e.g. `Mon-Fri 09:00-18:00, Sat 09:00-13:00`."""
        if self.always_open:
            return "24/7"
        days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        groups: dict[tuple[time, time], list[int]] = {}
        for slot in self.hours:
            groups.setdefault((slot.opens, slot.closes), []).append(slot.weekday)
        parts = []
        for (opens, closes), weekdays in groups.items():
            weekdays.sort()
            span = days[weekdays[0]] if len(weekdays) == 1 else f"{days[weekdays[0]]}-{days[weekdays[-1]]}"
            parts.append(f"{span} {opens:%H:%M}-{closes:%H:%M}")
        return ", ".join(parts)
