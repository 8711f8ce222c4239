"""Command line: python -m triage.scoring [TEXT]; without TEXT, reads JSON lines {"id", "text", "context"}."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from triage.scoring.engine import assess
from triage.scoring.types import Assessment, Context


class BadLine(ValueError):
    """A JSON line that cannot be assessed."""


def parse_line(line: str) -> tuple[Any, str, Context | None]:
    """Returns the id, text and context of one input line; raises BadLine with a reason."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON: {error.msg}") from error
    if not isinstance(row, dict):
        raise BadLine("expected a JSON object")
    text = row.get("text")
    if not isinstance(text, str):
        raise BadLine('"text" must be a string')
    raw_context = row.get("context")
    if raw_context is not None and not isinstance(raw_context, dict):
        raise BadLine('"context" must be an object')
    try:
        context = Context.from_mapping(raw_context) if raw_context else None
    except ValueError as error:
        raise BadLine(str(error)) from error
    return row.get("id"), text, context


def output(identifier: Any, assessment: Assessment) -> str:
    """Returns the JSON line written for one assessment."""
    result = assessment.to_dict()
    del result["script"]
    return json.dumps({"id": identifier, **result}, ensure_ascii=False)


def run_lines(lines: Iterable[str], *, out: TextIO, err: TextIO) -> int:
    """Assesses each line, reporting bad lines on err; returns the number of bad lines."""
    bad = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            identifier, text, context = parse_line(line)
        except BadLine as error:
            bad += 1
            err.write(f"line {number}: {error}\n")
            continue
        out.write(output(identifier, assess(text, context=context)) + "\n")
        out.flush()
    return bad


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; exits 1 if any input line was malformed."""
    parser = argparse.ArgumentParser(prog="python -m triage.scoring", description=__doc__)
    parser.add_argument("text", nargs="*", help="a message to assess; reads JSON lines on stdin without it")
    args = parser.parse_args(argv)
    if args.text:
        sys.stdout.write(output(None, assess(" ".join(args.text))) + "\n")
        return 0
    return 1 if run_lines(sys.stdin, out=sys.stdout, err=sys.stderr) else 0


if __name__ == "__main__":
    sys.exit(main())
