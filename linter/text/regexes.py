"""`regex` patterns rebuilt from their compiled form, stored beforehand, instead of compiled in every run.

`regex` compiles a pattern in Python (parse, optimise, emit the engine's code), which cost a one-file run
about 25 ms for the hundred patterns its modules define. A compiled pattern pickles as that code, and
unpickling hands it straight to the C engine; scripts/build_regex_table.py stores the same data for every
module-level pattern, rule pattern and built-in pack pattern in data/regex-table.marshal, keyed by source
and flags, with the `regex` version that made it. `compiled` rebuilds a pattern from there (the very
pattern `regex.compile` gives), and compiles one the table lacks, or every one under another `regex`
version, as usual. tests/meta/test_regex_table.py checks that the table is current.
"""

from __future__ import annotations

import copyreg
import marshal
import os
from collections.abc import Callable
from typing import Any

import regex

TABLE_FILE = os.path.join(os.path.dirname(__file__), "data", "regex-table.marshal")

Entries = dict[tuple[str, int], tuple[Any, ...]]
_table: Entries | None = None
_rebuild: Callable[..., regex.Pattern[str]] | None = None


def load_table(path: str = TABLE_FILE) -> Entries:
    """The stored patterns of `path`, by (source, flags); none if it was made by another `regex` version."""
    try:
        with open(path, "rb") as f:
            version, entries = marshal.loads(f.read())  # marshal.load(f) reads it object by object: 8x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if version == regex.__version__ else {}


def _reduce(pattern: regex.Pattern[str]) -> tuple[Callable[..., regex.Pattern[str]], tuple[Any, ...]]:
    """How pickling stores `pattern` (the reducer `regex` registers with copyreg): a callable and its code."""
    reducer: Any = copyreg.dispatch_table[type(pattern)]
    rebuild, data = reducer(pattern)
    return rebuild, tuple(data)


def pickled(pattern: regex.Pattern[str]) -> tuple[Any, ...]:
    """What pickling `pattern` stores: the source, flags and code the C engine is handed back."""
    return _reduce(pattern)[1]


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, rebuilt from the stored table when it holds the pattern."""
    global _table, _rebuild
    if _table is None:
        _table = load_table()
    data = _table.get((pattern, int(flags)))
    if data is None:
        return regex.compile(pattern, flags)
    if _rebuild is None:
        # The callable unpickling calls, found by reducing a pattern `regex` has compiled already.
        _rebuild = _reduce(regex.compile(""))[0]
    return _rebuild(*data)
