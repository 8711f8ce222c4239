"""The directory of services a case can be referred to (data/reference/services.yml)."""

from dataclasses import dataclass
from functools import lru_cache

import yaml

from helpline.reference import REFERENCE


@dataclass(frozen=True)
class Service:
    """A service: national when it lists no region."""

    code: str
    kind: str
    name: str
    regions: tuple[str, ...]
    phone: str | None

    def serves(self, region: str | None) -> bool:
        """True for national services and for services of the region."""
        return not self.regions or region in self.regions


@lru_cache
def services() -> tuple[Service, ...]:
    """Every service of the directory."""
    with (REFERENCE / "services.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return tuple(
        Service(
            code=item["code"],
            kind=item["kind"],
            name=item["name"],
            regions=tuple(item.get("regions") or ()),
            phone=item.get("phone"),
        )  # fmt: skip
        for item in data["services"]
    )


def for_region(region: str | None) -> list[Service]:
    """Services that can take a case from this region: its own first, then national ones."""
    found = [s for s in services() if s.serves(region)]
    return sorted(found, key=lambda s: (not s.regions, s.code))


def get(code: str) -> Service | None:
    """The service with this code."""
    return next((s for s in services() if s.code == code), None)
