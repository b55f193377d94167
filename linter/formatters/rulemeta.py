"""Rule metadata for the formats that describe rules (SARIF, HTML): summary, documentation, defaults.

Formatters see findings, not the run's rule set, so they look each code up in the installed registry.
A rule that is not there (a user pack, a plug-in missing on this machine) still gets an entry, built
from what its findings say, so a report never fails for lack of documentation.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mtlint.model import Finding, RuleFailure
from mtlint.rule import Rule


@dataclass(frozen=True)
class RuleMeta:
    """What a report says about one rule."""

    code: str
    name: str
    category: str
    severity: str  # the rule's default severity
    fixable: bool
    summary: str
    documentation: str  # the docstring, as `mtlint explain` prints it
    options: tuple[tuple[str, Any], ...] = ()
    known: bool = True  # False when built from findings only

    def explanation(self, header: bool = True) -> str:
        """The text of `mtlint explain`: header, docstring and option defaults."""
        title = f"{self.code} {self.name} ({self.category}, {self.severity}{', fixable' if self.fixable else ''})"
        parts = [title, "=" * len(title), self.documentation] if header else [self.documentation]
        if self.options:
            parts.append("\nOptions (defaults):")
            parts.extend(f"  {k} = {v!r}" for k, v in self.options)
        return "\n".join(parts)


def from_class(cls: type[Rule]) -> RuleMeta:
    """Describe a rule class."""
    try:
        options = tuple(cls.Options().as_dict().items())
    except Exception:
        options = ()
    return RuleMeta(
        cls.code,
        cls.name,
        cls.category,
        cls.severity.value,
        bool(cls.fixable),
        cls.summary(),
        cls.documentation(),
        options,
    )


def from_finding(f: Finding) -> RuleMeta:
    """Describe a rule the registry does not know, from one of its findings."""
    return RuleMeta(
        f.code,
        f.rule,
        f.category,
        f.severity.value,
        f.fix is not None,
        f"{f.rule} ({f.category})",
        f"{f.code} {f.rule} comes from a rule pack or plug-in of this run's configuration, not from an "
        "installed rule, so its documentation is not available here.",
        known=False,
    )


def rule_classes(extras: dict[str, Any]) -> dict[str, type[Rule]]:
    """Rule classes by code: the run's registry when the caller passed one, else the installed one."""
    from mtlint.engine.registry import RegistryError, discover  # lazy: loads every rule, only when asked

    classes: dict[str, type[Rule]] = {}
    with contextlib.suppress(RegistryError):  # a broken plug-in was already reported; describe what we can
        classes.update(discover().by_code())
    registry = extras.get("registry")
    if registry is not None:  # includes the user's pack rules
        classes.update(registry.by_code())
    return classes


def from_failure(f: RuleFailure) -> RuleMeta:
    """Describe a rule the registry does not know and that found nothing: only its failure names it."""
    return RuleMeta(
        f.code,
        f.rule,
        "unknown",
        "warning",
        False,
        f.rule,
        f"{f.code} {f.rule} is not an installed rule, so its documentation is not available here.",
        known=False,
    )


def describe(
    findings: Iterable[Finding], extras: dict[str, Any] | None = None, failures: Iterable[RuleFailure] = ()
) -> dict[str, RuleMeta]:
    """Metadata of every rule that produced one of `findings` or failed, by code, in code order."""
    wanted: dict[str, Finding | RuleFailure] = {}
    for f in findings:
        wanted.setdefault(f.code, f)
    for failure in failures:
        wanted.setdefault(failure.code, failure)
    if not wanted:
        return {}
    classes = rule_classes(extras or {})
    out = {}
    for code in sorted(wanted):
        cls = classes.get(code)
        seen = wanted[code]
        if cls is not None and cls.name == seen.rule:
            out[code] = from_class(cls)
        else:
            out[code] = from_finding(seen) if isinstance(seen, Finding) else from_failure(seen)
    return out
