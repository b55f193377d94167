"""Configuration: defaults <- pyproject [tool.mtlint] / .mtlint.toml / mtlint.toml <- command line.

Unknown keys, unknown rules and badly typed values are errors, never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mtlint.engine import toml
from mtlint.model import Severity

CONFIG_FILES = (".mtlint.toml", "mtlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    "_darcs",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".mtlint_cache",
    "build",
    "dist",
)
# key -> (python type, description); tables are checked by their own code below.
_LIST_KEYS = ("select", "ignore", "extend-select", "exclude", "extend-exclude", "packs", "glossary", "include")
_TABLE_KEYS = ("per-file-ignores", "severity", "rules", "grammar")
_SCALAR_KEYS = {"fail-on": str, "cache-dir": str}


class ConfigError(ValueError):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The resolved configuration of one run."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
    fail_on: Severity = Severity.INFO
    packs: tuple[Path, ...] = ()
    glossary: tuple[Path, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    grammar: tuple[tuple[str, Any], ...] = ()
    languagetool_url: str | None = None  # --languagetool-url (command line only; beats the grammar table)
    cache_dir: Path | None = None
    source: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # relative paths in the file resolve here

    @property
    def all_excludes(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude


def find_config(start: Path) -> Path | None:
    """Walk up from `start` to the first folder with an mtlint config (a pyproject.toml needs [tool.mtlint])."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            tomllib = toml.parser()
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                return candidate  # report the broken file rather than skip it silently
            if "mtlint" in data.get("tool", {}):
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Read a config file and validate it."""
    tomllib = toml.parser()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtlint", {})
    return parse_config(data, path)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return tuple(value)


def parse_config(data: dict[str, Any], path: Path | None) -> Config:
    """Validate the [tool.mtlint] table (or a whole .mtlint.toml)."""
    where = str(path) if path else "configuration"
    root = path.parent.resolve() if path else Path.cwd()
    known = set(_LIST_KEYS) | set(_TABLE_KEYS) | set(_SCALAR_KEYS)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})")
    kw: dict[str, Any] = {"source": path, "root": root}
    for key in _LIST_KEYS:
        if key in data:
            values = _strings(data[key], f"{where}: {key!r}")
            if key in ("packs", "glossary"):
                kw[key] = tuple((root / v) for v in values)
            else:
                kw[key.replace("-", "_")] = values
    for key, typ in _SCALAR_KEYS.items():
        if key in data and not isinstance(data[key], typ):
            raise ConfigError(f"{where}: {key!r} must be a {typ.__name__}")
    if "fail-on" in data:
        try:
            kw["fail_on"] = Severity.parse(data["fail-on"])
        except ValueError as exc:
            raise ConfigError(f"{where}: 'fail-on': {exc}") from None
    if "cache-dir" in data:
        kw["cache_dir"] = root / data["cache-dir"]
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [rules]")
        kw["per_file_ignores"] = tuple(
            (glob, _strings(v, f"{where}: per-file-ignores {glob!r}")) for glob, v in table.items()
        )
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: 'severity' must be a table of rule = severity")
        pairs = []
        for rule, value in table.items():
            try:
                pairs.append((rule, Severity.parse(value if isinstance(value, str) else repr(value))))
            except ValueError as exc:
                raise ConfigError(f"{where}: severity of {rule!r}: {exc}") from None
        kw["severity"] = tuple(pairs)
    if "rules" in data:
        table = data["rules"]
        if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
            raise ConfigError(f"{where}: 'rules' must hold one table per rule ([tool.mtlint.rules.<name>])")
        kw["rules"] = tuple((name, tuple(opts.items())) for name, opts in table.items())
    if "grammar" in data:
        if not isinstance(data["grammar"], dict):
            raise ConfigError(f"{where}: 'grammar' must be a table")
        # Its keys belong to the grammar rule, which checks them (Rule.check_config).
        kw["grammar"] = tuple(data["grammar"].items())
    return Config(**kw)


def resolve(
    paths: list[str],
    config_file: str | None = None,
    isolated: bool = False,
    overrides: dict[str, Any] | None = None,
) -> Config:
    """Find and load the config for `paths`, then apply command-line overrides."""
    if isolated and config_file:
        # (like ruff: a config named on the command line and "ignore every config" contradict each other)
        raise ConfigError(f"{config_file}: --config cannot be used with --isolated, which ignores every config file")
    if isolated:
        config = Config()
    elif config_file:
        p = Path(config_file)
        if not p.is_file():
            raise ConfigError(f"{config_file}: config file not found")
        config = load_config(p)
    else:
        start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        found = find_config(start)
        config = load_config(found) if found else Config()
    if overrides:
        config = replace(config, **{k: v for k, v in overrides.items() if v is not None})
    return config
