"""Finding the files to lint: folders are walked for included suffixes, skipping excluded names."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path


def is_excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    """Match `path` against exclude globs: by any path component's name, or by path relative to `root`."""
    if not patterns:
        return False
    by_name, by_path = _compiled(tuple(patterns))
    try:
        rel = path.resolve().relative_to(_resolved(root)).as_posix()
    except ValueError:
        rel = path.as_posix()
    norm = os.path.normcase
    return any(by_name.match(norm(part)) for part in path.parts) or by_path.match(norm(rel)) is not None


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """All the globs as two patterns (a path part's name; the relative path, or a folder's contents):
    one match per path instead of one fnmatch per glob."""
    names = "|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns)
    paths = "|".join(fnmatch.translate(os.path.normcase(q)) for p in patterns for q in (p, p.rstrip("/") + "/*"))
    return re.compile(names), re.compile(paths)


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()


def walk(root: Path, include: Sequence[str], exclude: Sequence[str], config_root: Path) -> Iterator[Path]:
    """Yield included files under `root`, sorted, skipping hidden and excluded folders."""
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_excluded(here / d, exclude, config_root))
        for name in sorted(files):
            p = here / name
            if name.startswith("."):
                continue
            if any(fnmatch.fnmatch(name.lower(), pat) for pat in include) and not is_excluded(p, exclude, config_root):
                yield p


def collect(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], config_root: Path
) -> tuple[list[str], list[str]]:
    """Expand `paths` into files; return (files, missing). Files named directly are always linted."""
    files: list[str] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(str(f) for f in walk(p, include, exclude, config_root))
        elif p.exists():
            files.append(raw)
        else:
            missing.append(raw)
    seen: set[str] = set()
    unique = []
    for f in files:
        key = os.path.normpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing
