"""Reference data that operators edit in data/reference/: emergency numbers and regions."""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from helpline.paths import ROOT

REFERENCE = ROOT / "data" / "reference"
DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True)
class EmergencyNumber:
    """One emergency service and its number(s)."""

    code: str
    number: str
    mobile: str | None
    label: dict[str, str]

    def line(self, language: str) -> str:
        """`Label: 19 (112 from a mobile)` in the language, falling back to French."""
        label = self.label.get(language) or self.label[DEFAULT_LANGUAGE]
        numbers = f"{self.number}/{self.mobile}" if self.mobile else self.number
        return f"{label}: {numbers}"


def _load(name: str) -> dict[str, Any]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@lru_cache
def emergency_numbers() -> tuple[EmergencyNumber, ...]:
    """The emergency numbers, in the order operators listed them."""
    return tuple(
        EmergencyNumber(code=item["code"], number=str(item["number"]), mobile=item.get("mobile"), label=item["label"])
        for item in _load("emergency_numbers.yml")["numbers"]
    )


@lru_cache
def _region_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for item in _load("regions.yml")["regions"]:
        for name in (item["code"], item["name"], item["name_ar"], *item.get("aliases", [])):
            names[str(name).casefold()] = item["code"]
    return names


def region_code(text: str) -> str | None:
    """The code of the region a code, a region's name or a city names (`Casablanca-Settat`, `agadir` → code)."""
    return _region_names().get(text.strip().casefold())
