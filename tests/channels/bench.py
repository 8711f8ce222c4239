"""Loads a module of the gateway bench (bench/gateway is scripts, not a package) for its tests."""

import importlib.util
from types import ModuleType

from helpline.paths import ROOT


def bench_module(name: str) -> ModuleType:
    """bench/gateway/<name>.py, loaded under its own name."""
    spec = importlib.util.spec_from_file_location(f"bench_gateway_{name}", ROOT / "bench" / "gateway" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
