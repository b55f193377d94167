"""One lint run: configuration -> rules -> files -> documents -> findings (and fixes)."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mtlint.engine.config import Config, ConfigError
from mtlint.engine.fixer import FixOutcome, fix_document
from mtlint.engine.packs import PackEntry, PackError, load_pack
from mtlint.engine.registry import Registry, RegistryError, check_selectors, discover, select_rules
from mtlint.engine.runner import LintResult, RuleFailure, run_rules
from mtlint.model import Finding, Severity
from mtlint.rule import Rule
from mtlint.text.document import Document


class SetupError(ValueError):
    """Configuration, plug-in or pack problem that stops the run before any file is read."""


@dataclass(frozen=True)
class RuleSet:
    """The instantiated rules of a run, and the registry they came from."""

    registry: Registry
    rules: tuple[Rule, ...]
    config: Config

    def for_path(self, path: str) -> tuple[Rule, ...]:
        """The rules that apply to `path` after per-file-ignores."""
        if not self.config.per_file_ignores:
            return self.rules  # no pattern to match: spare resolving the path (a warm run asks per file)
        ignored: list[str] = []
        rel = _relative(path, self.config.root)
        for glob, selectors in self.config.per_file_ignores:
            if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(Path(path).name, glob):
                ignored.extend(selectors)
        if not ignored:
            return self.rules
        keep = {
            r.code
            for r in select_rules(
                Registry(tuple(type(r) for r in self.rules)), ignore=ignored, extend_select=[r.code for r in self.rules]
            )
        }
        return tuple(r for r in self.rules if r.code in keep)

    @property
    def uses_corpus(self) -> bool:
        return any(r.uses_corpus for r in self.rules)


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def build_rules(config: Config, registry: Registry | None = None) -> RuleSet:
    """Discover plug-ins, load packs, apply select/ignore, severities and options."""
    try:
        registry = registry or discover()
        packs = [load_pack(p) for p in config.packs]
        registry, extra = registry.with_packs(packs)
    except (RegistryError, PackError) as exc:
        raise SetupError(str(exc)) from None
    where = str(config.source) if config.source else "the command line"
    try:
        check_selectors(registry, config.select or (), where)
        check_selectors(registry, config.ignore, where)
        check_selectors(registry, config.extend_select, where)
        for _, selectors in config.per_file_ignores:
            check_selectors(registry, selectors, f"{where} (per-file-ignores)")
    except RegistryError as exc:
        raise SetupError(str(exc)) from None
    for cls in registry.rules:  # every rule, selected or not: a mistake in its settings is still one
        try:
            cls.check_config(config)
        except ValueError as exc:
            raise SetupError(f"{where}: {exc}") from None
    severity: dict[str, Severity] = {}
    for key, sev in config.severity:
        known = registry.lookup(key)
        if known is None:
            raise SetupError(f"{where}: severity given for unknown rule {key!r}")
        severity[known.code] = sev
    options: dict[str, dict[str, object]] = {}
    for key, values in config.rules:
        known = registry.lookup(key)
        if known is None:
            raise SetupError(f"{where}: options given for unknown rule {key!r}")
        options.setdefault(known.code, {}).update(dict(values))
    chosen = select_rules(registry, config.select, config.ignore, config.extend_select)
    instances: list[Rule] = []
    for cls in chosen:
        try:
            opts = cls.Options.from_mapping(cls.name, options.get(cls.code, {}))
        except ValueError as exc:
            raise SetupError(f"{where}: {exc}") from None
        try:
            rule = cls(opts, severity.get(cls.code), extra.get(cls.code, ()))
            rule.configure(config)  # run settings beyond the options: glossaries, a server
        except (ValueError, OSError) as exc:
            raise SetupError(f"{cls.name}: {exc}") from None
        instances.append(rule)
    return RuleSet(registry, tuple(instances), config)


def fix(doc: Document, rules: Sequence[Rule], unsafe: bool, first: LintResult | None = None) -> FixOutcome:
    return fix_document(doc, lambda d: run_rules(d, rules), unsafe=unsafe, first=first)


__all__ = [
    "ConfigError",
    "Finding",
    "PackEntry",
    "RuleFailure",
    "RuleSet",
    "SetupError",
    "build_rules",
    "fix",
]
