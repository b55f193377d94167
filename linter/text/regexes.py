"""`regex` patterns rebuilt from their compiled form, stored beforehand, instead of compiled in every run.

`regex` compiles a pattern in Python (parse, optimise, emit the engine's code), which cost a one-file run
about 25 ms for the hundred patterns its modules define. A compiled pattern pickles as that code, and
unpickling hands it straight to the C engine; scripts/build_regex_table.py stores the same data for every
module-level pattern, rule pattern and built-in pack pattern in data/regex-table.marshal, keyed by source
and flags, with the `regex` version that made it. `compiled` rebuilds a pattern from there (the very
pattern `regex.compile` gives), and compiles one the table lacks as usual. tests/meta/test_regex_table.py
checks that the table is current.

The engine's code belongs to one `regex` version, and an install picks up whatever `regex` release is
newest (a pre-commit hook environment does on every update), so under any other version the shipped table
is not used. Then the patterns compiled in a run are stored, when the process exits, in a table of the
user's cache for that version (`$XDG_CACHE_HOME/mtlint/`, else `~/.cache/mtlint/`, written atomically;
a folder that cannot be written is skipped silently), and the next run reads that one: after a `regex`
upgrade, the patterns a run compiles are compiled once, not in every run. (The worker processes of a
parallel run end without writing; the main process compiles the patterns of every rule as it lints.)
"""

from __future__ import annotations

import atexit
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
# Patterns compiled in this run that the user's table will keep (only when the shipped table is unused).
_compiled_here: Entries | None = None
USER_TABLE_LIMIT = 5000  # patterns: a user's table grows with their own packs, and stops growing here


def load_table(path: str = TABLE_FILE) -> Entries:
    """The stored patterns of `path`, by (source, flags); none if it was made by another `regex` version."""
    try:
        with open(path, "rb") as f:
            version, entries = marshal.loads(f.read())  # marshal.load(f) reads it object by object: 8x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if version == regex.__version__ else {}


def user_table_path() -> str:
    """The table of patterns compiled under the installed `regex` version, in the user's cache."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "mtlint", f"regex-table-{regex.__version__}.marshal")


def _load() -> Entries:
    """The shipped table; under another `regex` version, the user's table for this one (and from then on
    what this run compiles is kept for it)."""
    global _compiled_here
    table = load_table(TABLE_FILE)
    if table:
        return table
    table = load_table(user_table_path())
    _compiled_here = {}
    atexit.register(_store_compiled)
    return table


def _store_compiled(path: str | None = None) -> None:
    """Add the patterns this run compiled to the user's table (atomically; silently not if it cannot)."""
    if not _compiled_here:
        return
    import tempfile  # only the first run after a `regex` upgrade writes (and tempfile costs 2 ms to import)

    path = path or user_table_path()
    entries = {**load_table(path), **_compiled_here}
    if len(entries) > USER_TABLE_LIMIT:
        entries = dict(_compiled_here)  # a table grown past its cap starts again from this run's patterns
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex-table-", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump((regex.__version__, entries), f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return  # a read-only home or a full disk: the next run compiles again, nothing else changes
    _compiled_here.clear()


def _reduce(pattern: regex.Pattern[str]) -> tuple[Callable[..., regex.Pattern[str]], tuple[Any, ...]]:
    """How pickling stores `pattern` (the reducer `regex` registers with copyreg): a callable and its code."""
    reducer: Any = copyreg.dispatch_table[type(pattern)]
    rebuild, data = reducer(pattern)
    return rebuild, tuple(data)


def pickled(pattern: regex.Pattern[str]) -> tuple[Any, ...]:
    """What pickling `pattern` stores: the source, flags and code the C engine is handed back."""
    return _reduce(pattern)[1]


def table_in_use() -> Entries:
    """The table `compiled` rebuilds patterns from (loaded on first use)."""
    global _table
    if _table is None:
        _table = _load()
    return _table


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, rebuilt from the stored table when it holds the pattern."""
    global _rebuild
    key = (pattern, int(flags))
    data = (_table if _table is not None else table_in_use()).get(key)
    if data is None:
        compiled_pattern = regex.compile(pattern, flags)
        if _compiled_here is not None:
            _compiled_here[key] = pickled(compiled_pattern)
        return compiled_pattern
    if _rebuild is None:
        # The callable unpickling calls, found by reducing a pattern `regex` has compiled already.
        _rebuild = _reduce(regex.compile(""))[0]
    return _rebuild(*data)
