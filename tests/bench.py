"""Loads a module of a bench (bench/<folder> is scripts, not a package) for its tests."""

import importlib.util
import sys
from types import ModuleType

from helpline.paths import ROOT


def bench_module(folder: str, name: str) -> ModuleType:
    """bench/<folder>/<name>.py, loaded under its own name."""
    spec = importlib.util.spec_from_file_location(f"bench_{folder}_{name}", ROOT / "bench" / folder / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module
