"""Run rules on a document: collect findings, drop suppressed ones, sort. No I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mtlint.engine.suppress import apply_inline
from mtlint.model import Finding
from mtlint.rule import Rule
from mtlint.text.document import Document


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised instead of finishing (a pattern timeout, a bug in a plug-in)."""

    code: str
    rule: str
    message: str


@dataclass(frozen=True)
class LintResult:
    document: Document
    findings: tuple[Finding, ...]
    failures: tuple[RuleFailure, ...] = ()


def run_rules(doc: Document, rules: Sequence[Rule]) -> LintResult:
    """Run `rules` on `doc`; a failing rule is reported, never allowed to stop the others."""
    findings: list[Finding] = []
    failures: list[RuleFailure] = []
    for rule in rules:
        try:
            found = list(rule.check(doc))
        except Exception as exc:
            failures.append(RuleFailure(rule.code, rule.name, f"{type(exc).__name__}: {exc}"))
            continue
        findings.extend(f for f in found if 0 <= f.start <= f.end <= len(doc.text))
    kept = apply_inline(doc, findings)
    kept.sort(key=lambda f: f.sort_key)
    return LintResult(doc, tuple(_dedupe(kept)), tuple(failures))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for f in findings:
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
