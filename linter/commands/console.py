"""What the commands say on the console, and how they exit: one place for both.

Exit codes: 0 = no findings at or above `fail-on`; 1 = findings (or `--diff` would change files);
2 = a usage, configuration or input error, or a rule that failed.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_ITEMS = 50  # shorter runs finish before a bar would help


def error(message: str) -> None:
    """Print `mtlint: error: ...` (one line) on standard error."""
    click.echo(f"mtlint: error: {message}", err=True)


def warn(message: str) -> None:
    """Print `mtlint: warning: ...` (one line) on standard error."""
    click.echo(f"mtlint: warning: {message}", err=True)


def unified_diff(path: str, before: str, after: str) -> str:
    """The change from `before` to `after` as a unified diff of `path`."""
    import difflib  # lazy: only --diff needs it

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
        )
    )


def progress_bar(total: int, unit: str) -> Any:
    """A tqdm bar on stderr when it is a terminal and the run is long enough; None otherwise."""
    if total < PROGRESS_MIN_ITEMS or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    try:
        from tqdm import tqdm  # lazy: only long interactive runs show a bar
    except ImportError:  # pragma: no cover - tqdm is a dependency, but a bar is never essential
        return None
    if unit == "B":  # bytes: 1.2M/5.5M [00:03<00:09, 410kB/s]
        return tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False, dynamic_ncols=True)
    return tqdm(total=total, unit=f" {unit}", file=sys.stderr, leave=False, dynamic_ncols=True)
