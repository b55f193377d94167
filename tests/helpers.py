"""Test helpers: run the real `mtlint` command; paths of fixtures; a user pack for engine tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PLUGINS = ROOT / "tests" / "data" / "plugins"

# A user rule pack used by engine tests, so they do not depend on any built-in rule's heuristics.
HOUSE_PACK = """\
code = "HS001"
name = "house-style"
category = "literal-idiom"
scope = "line"
fix = "safe"
message = "Avoid '{match}'."

[[entry]]
phrase = "in the wind"
replacement = "in vain"
note = "calque of an Arabic idiom meaning 'in vain'"

[[entry]]
pattern = '\\bvery very\\b'
replacement = "very"
"""


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def mtlint(
    *args: str, cwd: Path | str | None = None, input: str | bytes | None = None, env: dict[str, str] | None = None
) -> Result:
    """Run the installed command line in a real process and capture everything."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "mtlint.commands.cli", *args],
        cwd=cwd,
        input=data,
        capture_output=True,
        env=full_env,
        timeout=300,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
