"""`mtlint cache info` and `mtlint cache clean`: what the result cache holds, and removing it."""

from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path

import click

from mtlint.commands.console import EXIT_ERROR, EXIT_OK, error
from mtlint.engine.config import ConfigError, resolve
from mtlint.run.cache import Cache, CacheInfo, default_cache_dir


def run_cache(action: str, cache_dir: str | None, config_file: str | None) -> int:
    """Report on (`info`) or delete (`clean`) the cache the configuration of this folder uses."""
    try:
        config = resolve(["."], config_file)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR
    cache = Cache(default_cache_dir(config, cache_dir))
    where = _shown(cache.path)
    try:
        held = cache.info() if action == "info" else cache.clean()
    except (sqlite3.Error, OSError) as exc:
        verb = "read" if action == "info" else "remove"
        error(f"{where}: cannot {verb} the cache: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_ERROR
    finally:
        cache.close()
    if not held.exists:
        click.echo(f"No cache at {where}.")
    elif action == "info":
        click.echo(f"{where}: {_summary(held)}{_days(held)}.")
    else:
        click.echo(f"Removed the cache at {where} ({_summary(held)}).")
    return EXIT_OK


def _summary(held: CacheInfo) -> str:
    return f"{held.entries} entr{'y' if held.entries == 1 else 'ies'}, {held.bytes / 1e6:.1f} MB"


def _days(held: CacheInfo) -> str:
    if held.oldest_day is None or held.newest_day is None:
        return ""
    first, last = (
        datetime.date.fromordinal(datetime.date(1970, 1, 1).toordinal() + d) for d in (held.oldest_day, held.newest_day)
    )
    return f", last used {first}" if first == last else f", last used between {first} and {last}"


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is inside it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:
        return str(path)
