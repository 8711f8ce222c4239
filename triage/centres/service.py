"""Which centre serves a region, and whether it can take a conversation now."""

from datetime import datetime, time
from functools import lru_cache
from typing import Any

import yaml

from helpline.reference import REFERENCE
from triage.centres.models import Centre, OpeningSlot

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIMEZONE = "Africa/Casablanca"


def _slots(entries: list[dict[str, Any]]) -> tuple[OpeningSlot, ...]:
    return tuple(
        OpeningSlot(
            weekday=WEEKDAYS.index(day),
            opens=time.fromisoformat(entry["opens"]),
            closes=time.fromisoformat(entry["closes"]),
        )
        for entry in entries
        for day in entry["days"]
    )


@lru_cache
def _directory() -> tuple[str, dict[str, Centre]]:
    with (REFERENCE / "centres.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    centres = {
        item["code"]: Centre(
            code=item["code"],
            name=item["name"],
            regions=tuple(item.get("regions") or ()),
            timezone=item.get("timezone", TIMEZONE),
            hours=_slots(item.get("hours") or []),
            always_open=bool(item.get("always_open", False)),
        )
        for item in data["centres"]
    }
    return data["national"], centres


def national_code() -> str:
    """Code of the national centre, whose queue takes everything no regional centre can."""
    return _directory()[0]


def all_centres() -> list[Centre]:
    """Every centre, national first."""
    national, centres = _directory()
    return [centres[national], *(c for code, c in centres.items() if code != national)]


def get(code: str) -> Centre | None:
    """The centre with this code."""
    return _directory()[1].get(code)


def for_region(region: str | None) -> Centre | None:
    """The regional centre that serves `region`, if any."""
    if region is None:
        return None
    return next((c for c in _directory()[1].values() if region in c.regions), None)


def route(*, region: str | None, at: datetime, online: set[str]) -> tuple[Centre, Centre | None]:
    """(centre whose queue takes the conversation, the regional centre that could not when it fell back)."""
    national = _directory()[1][national_code()]
    regional = for_region(region)
    if regional is None:
        return national, None
    if regional.is_open(at) and regional.code in online:
        return regional, None
    return national, regional
