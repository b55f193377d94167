"""Rule discovery (entry points) and selection (codes, prefixes, names, categories).

Built-in rules register under the entry-point group `mtlint.rules` exactly like a third-party
plug-in. An entry point names a Rule subclass or a tuple of them. Each plug-in is loaded on its own;
one that fails names itself in the error instead of taking the others down.

importlib.metadata (and the email parser it brings) costs a one-file run about 10 ms, so discovery
first looks at the distributions on sys.path itself: when mtlint's own is the only one that registers
rules, which is the usual case, its entry points are read from its entry_points.txt. Anything else (a
plug-in, a zip on sys.path, a finder of its own) is left to importlib.metadata.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtlint.engine.packs import Pack, PackEntry, pack_rule_class
from mtlint.rule import Rule

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

GROUP = "mtlint.rules"


class RegistryError(ValueError):
    """A plug-in that cannot be loaded, or a clash between rules."""


@dataclass(frozen=True)
class Registry:
    """Every known rule class, by code, in code order."""

    rules: tuple[type[Rule], ...]

    def by_code(self) -> dict[str, type[Rule]]:
        return {r.code: r for r in self.rules}

    def lookup(self, key: str) -> type[Rule] | None:
        """Find a rule by exact code or name (case-insensitive)."""
        k = key.strip().lower()
        for r in self.rules:
            if r.code.lower() == k or r.name == k:
                return r
        return None

    def with_packs(self, packs: Sequence[Pack]) -> tuple[Registry, dict[str, tuple[PackEntry, ...]]]:
        """Add user packs: new rules, plus extra entries for rules that packs extend (by name or code)."""
        extra: dict[str, tuple[PackEntry, ...]] = {}
        added: list[type[Rule]] = []
        for pack in packs:
            if pack.extends:
                target = self.lookup(pack.extends)
                if target is None:
                    raise RegistryError(f"{pack.path}: extends unknown rule {pack.extends!r}")
                if not target.reads_packs:
                    raise RegistryError(f"{pack.path}: rule {target.name} does not read pack entries")
                extra[target.code] = extra.get(target.code, ()) + pack.entries
            else:
                added.append(pack_rule_class(pack))
        return Registry(_check_unique(list(self.rules) + added)), extra


def _check_unique(rules: Iterable[type[Rule]]) -> tuple[type[Rule], ...]:
    codes: dict[str, type[Rule]] = {}
    names: dict[str, type[Rule]] = {}
    for r in rules:
        if r.code in codes and codes[r.code] is not r:
            raise RegistryError(f"duplicate rule code {r.code}: {_where(codes[r.code])} and {_where(r)}")
        if r.name in names and names[r.name] is not r:
            raise RegistryError(f"duplicate rule name {r.name}: {_where(names[r.name])} and {_where(r)}")
        codes[r.code] = r
        names[r.name] = r
    return tuple(sorted(codes.values(), key=lambda r: r.code))


def _where(r: type[Rule]) -> str:
    return f"{r.__module__}.{r.__qualname__}"


@dataclass(frozen=True)
class _Dist:
    """The distribution an entry point comes from, as far as error messages name it."""

    name: str


@dataclass(frozen=True)
class OwnEntryPoint:
    """An entry point of mtlint's own distribution, read from its entry_points.txt (see _own_entry_points)."""

    name: str
    value: str
    dist: _Dist = _Dist("mtlint")

    def load(self) -> object:
        """Import the object `module:attribute` names, as importlib.metadata's EntryPoint.load does."""
        module, _, attrs = self.value.partition(":")
        obj: object = importlib.import_module(module.strip())
        for attr in attrs.strip().split(".") if attrs.strip() else ():
            obj = getattr(obj, attr)
        return obj


def _own_entry_points(group: str) -> list[OwnEntryPoint] | None:
    """The entry points of `group` when only mtlint's own distribution registers any; None otherwise, or
    when the search would need importlib.metadata (a zip on sys.path, a finder of distributions other
    than the path finder's)."""
    from importlib.machinery import PathFinder

    if any(getattr(f, "find_distributions", None) and f is not PathFinder for f in sys.meta_path):
        return None
    found: list[OwnEntryPoint] | None = None  # importlib.metadata reads the first mtlint on sys.path only
    for entry in sys.path:
        folder = entry or "."
        try:
            children = os.listdir(folder)
        except NotADirectoryError:
            return None  # a zip file: importlib.metadata reads those
        except OSError:
            continue  # a missing folder holds no distribution
        infos = sorted(c for c in children if c.lower().endswith(".dist-info"))
        eggs = sorted(c for c in children if c.lower().endswith(".egg-info"))
        for child in infos + eggs:  # importlib.metadata's order within a folder
            name = child.lower().rsplit(".", 1)[0].split("-", 1)[0].replace("_", "-").replace(".", "-")
            try:
                with open(os.path.join(folder, child, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                text = ""  # no entry points (or an egg-info file, which has none)
            if name == "mtlint":
                if found is None:
                    found = _section(text, group)
            elif group in text:
                return None  # a plug-in (or text that may name one): importlib.metadata decides
    return found or None


def _section(text: str, group: str) -> list[OwnEntryPoint]:
    """The `name = value` lines of `[group]` in an entry_points.txt."""
    out: list[OwnEntryPoint] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line.strip("[]")
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            out.append(OwnEntryPoint(name.strip(), value.strip()))
    return out


def _entry_points(group: str) -> Sequence[EntryPoint | OwnEntryPoint]:
    own = _own_entry_points(group)
    if own is not None:
        return own
    from importlib.metadata import entry_points

    return tuple(entry_points(group=group))


def _load(ep: EntryPoint | OwnEntryPoint) -> list[type[Rule]]:
    dist = getattr(ep.dist, "name", None) or "unknown distribution"
    try:
        obj = ep.load()
    except Exception as exc:
        raise RegistryError(
            f"plug-in {ep.name!r} ({ep.value}, from {dist}) failed to load: {type(exc).__name__}: {exc}"
        ) from None
    items = list(obj) if isinstance(obj, (list, tuple)) else [obj]
    out = []
    for item in items:
        if not (isinstance(item, type) and issubclass(item, Rule)):
            raise RegistryError(f"plug-in {ep.name!r} ({ep.value}, from {dist}) is not a Rule subclass")
        try:
            item.validate_class()
        except ValueError as exc:
            raise RegistryError(f"plug-in {ep.name!r} ({ep.value}, from {dist}): {exc}") from None
        out.append(item)
    return out


_CACHE: dict[str, Registry] = {}


def discover(group: str = GROUP) -> Registry:
    """Load every rule registered under the entry-point group (cached per process)."""
    if group not in _CACHE:
        rules: list[type[Rule]] = []
        seen: set[tuple[str, str]] = set()
        for ep in sorted(_entry_points(group), key=lambda e: (e.name, e.value)):
            if (ep.name, ep.value) in seen:  # the same distribution visible twice on sys.path
                continue
            seen.add((ep.name, ep.value))
            rules.extend(_load(ep))
        _CACHE[group] = Registry(_check_unique(rules))
    return _CACHE[group]


@functools.cache
def provider_of(module: str) -> str:
    """Who ships the rules of `module`, for a bug report: "mtlint", or the plug-in distribution (name and
    version) that registers them.

    Read from the entry points (as discovery does), so it works for plug-ins installed without file
    lists. User packs run on mtlint's engine, so they belong to mtlint; a module no entry point names
    is known by its name.
    """
    from importlib.metadata import entry_points  # lazy: asked only when a rule fails

    for ep in entry_points(group=GROUP):
        if module == ep.module or module.startswith(ep.module + "."):
            dist = ep.dist
            if dist is None or dist.name == "mtlint":
                return "mtlint"
            return f"{dist.name} {dist.version}" if dist.version else dist.name
    return "mtlint" if module.split(".")[0] == "mtlint" else module


# -- selection ------------------------------------------------------------------------------------
def _specificity(selector: str, rule: type[Rule]) -> int:
    """How specifically `selector` names `rule`: 0 = not at all; names and categories beat prefixes."""
    s = selector.strip()
    low = s.lower()
    if low == "all":
        return 1
    if low == rule.name or s.upper() == rule.code:
        return 100
    if low == rule.category:
        return 50
    if rule.code.startswith(s.upper()):
        return 1 + len(s)
    return 0


def _explicit(selector: str, rule: type[Rule]) -> bool:
    return _specificity(selector, rule) >= 50


def check_selectors(registry: Registry, selectors: Iterable[str], source: str) -> None:
    """Raise RegistryError for a selector that matches no rule."""
    for s in selectors:
        if not any(_specificity(s, r) for r in registry.rules):
            raise RegistryError(f"unknown rule or prefix {s!r} in {source} (see `mtlint rules`)")


def select_rules(
    registry: Registry,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> list[type[Rule]]:
    """Apply select/ignore like flake8: the most specific matching selector decides.

    With no `select`, every rule enabled by default is selected. A rule that is off by default
    (`default_enabled = False`) runs only when named exactly by code, name or category.
    """
    chosen = []
    for rule in registry.rules:
        selectors = list(select) if select is not None else (["ALL"] if rule.default_enabled else [])
        selectors += list(extend_select)
        if not rule.default_enabled:
            selectors = [s for s in selectors if _explicit(s, rule)]
        best_select = max((_specificity(s, rule) for s in selectors), default=0)
        best_ignore = max((_specificity(s, rule) for s in ignore), default=0)
        if best_select and best_select > best_ignore:
            chosen.append(rule)
    return chosen
