"""The TOML parser, imported when a TOML file is first read.

tomllib is pure Python and importing it took a one-file run 1.5 ms; a run with no config file (or
`--isolated`) reads no TOML at all, as the built-in packs and the rules' word lists are stored parsed
(scripts/build_parsed.py).
"""

from __future__ import annotations

import sys
from types import ModuleType


def parser() -> ModuleType:
    """tomllib (tomli before Python 3.11): `loads` and `TOMLDecodeError`."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib
