#!/usr/bin/env python3
"""Generate linter/text/data/regex-table.marshal: the compiled form of every pattern mtlint defines.

See linter/text/regexes.py. The table holds each pattern a module compiles on import (through
`compiled`), each rule's LazyPattern and each pattern of the built-in packs, as `regex` pickles it (source,
flags, the engine's code), keyed by (source, flags), under the installed `regex` version. A pattern the
table lacks is compiled as usual, so a stale table costs time, never a finding; tests/meta/test_regex_table.py
checks that it is current. Rerun this script after editing a pattern or upgrading `regex`:

    python scripts/build_regex_table.py            # rewrites linter/text/data/regex-table.marshal
    python scripts/build_regex_table.py --check    # exit status 1 if the table is not current
"""

from __future__ import annotations

import importlib
import importlib.resources
import marshal
import pkgutil
import sys
from types import ModuleType
from typing import Any

import regex

import mtlint.text.regexes as regexes

Key = tuple[str, int]


def module_patterns() -> tuple[set[Key], list[ModuleType]]:
    """The (source, flags) of every pattern compiled on import by the modules of mtlint and mtlint.rules
    (and of those compiled from the shipped word lists), and the modules (the ones that cannot be
    imported here are named on stderr and left out)."""
    seen: set[Key] = set()
    original = regexes.compiled

    def recording(pattern: str, flags: int = 0) -> regex.Pattern[str]:
        seen.add((pattern, int(flags)))
        return original(pattern, flags)

    # Modules bind `compiled` when imported, so the recorder goes in first.
    regexes.compiled = recording  # type: ignore[assignment]
    modules = []
    try:
        for package in ("mtlint", "mtlint.rules"):
            root = importlib.import_module(package)
            for info in pkgutil.walk_packages(root.__path__, f"{package}."):
                try:
                    modules.append(importlib.import_module(info.name))
                except ImportError as exc:  # an optional dependency: its patterns compile as usual
                    print(f"skipped {info.name}: {exc}", file=sys.stderr)
        # Patterns built from word lists when first needed, with the lists as shipped.
        from mtlint.rules.encoding.latin_data import word_lists

        word_lists()
    finally:
        regexes.compiled = original
    return seen, modules


def all_patterns() -> set[Key]:
    """Every pattern the table should hold."""
    keys, modules = module_patterns()  # first: it must see every module imported
    from mtlint.engine.packs import load_builtin_pack
    from mtlint.engine.patterns import LazyPattern, PackPattern

    for module in modules:
        for value in vars(module).values():
            if isinstance(value, LazyPattern | PackPattern):
                keys.add((value.pattern, int(value.flags)))
    packs = importlib.resources.files("mtlint.rules") / "packs"
    for path in packs.iterdir():
        if path.name.endswith(".toml"):
            for entry in load_builtin_pack(path.name).entries:
                keys.add((entry.regex.pattern, int(entry.regex.flags)))
    return keys


def table(keys: set[Key]) -> dict[Key, tuple[Any, ...]]:
    """The stored form of each pattern, in a stable order."""
    return {key: regexes.pickled(regex.compile(*key)) for key in sorted(keys)}


def same_entries(stored: dict[Key, tuple[Any, ...]], fresh: dict[Key, tuple[Any, ...]]) -> bool:
    """Whether two tables hold the same patterns. `regex` lists a pattern's possible first characters in
    the order of a set of its parse nodes, which varies from one process to the next, so the code (the
    third field) is compared by length: any order is the same pattern."""
    if stored.keys() != fresh.keys():
        return False
    for key, data in fresh.items():
        old = stored[key]
        if len(old) != len(data) or len(old[2]) != len(data[2]) or old[:2] != data[:2] or old[3:] != data[3:]:
            return False
    return True


def main() -> int:
    entries = table(all_patterns())
    if "--check" in sys.argv[1:]:
        with open(regexes.TABLE_FILE, "rb") as f:
            stored = marshal.load(f)
        # Under another `regex` version the table is never used (its code belongs to that version), so only
        # the list of patterns can be checked; under this one the code is checked too.
        version, stored_entries = stored
        if stored_entries.keys() != entries.keys() or (
            version == regex.__version__ and not same_entries(stored_entries, entries)
        ):
            print(f"{regexes.TABLE_FILE} is not current: rerun scripts/build_regex_table.py", file=sys.stderr)
            return 1
        return 0
    with open(regexes.TABLE_FILE, "wb") as f:
        marshal.dump((regex.__version__, entries), f)
    print(f"{len(entries)} patterns -> {regexes.TABLE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
