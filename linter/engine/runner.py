"""Run rules on a document: collect findings, drop suppressed ones, sort. No I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mtlint.engine.registry import provider_of
from mtlint.engine.suppress import apply_inline
from mtlint.model import Finding, RuleError, RuleFailure
from mtlint.rule import Rule
from mtlint.text.document import Document


@dataclass(frozen=True)
class LintResult:
    """The findings of the rules that finished on `document`, and the failures of those that did not."""

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
            failures.append(failure(rule, exc))
            continue
        findings.extend(f for f in found if 0 <= f.start <= f.end <= len(doc.text))
    kept = apply_inline(doc, findings)
    kept.sort(key=lambda f: f.sort_key)
    return LintResult(doc, tuple(_dedupe(kept)), tuple(failures))


def failure(rule: Rule, exc: Exception) -> RuleFailure:
    """Describe `exc`, raised by `rule`, as a value a report can carry."""
    import traceback  # lazy: only a failing rule needs it (with textwrap, about 1 ms of every run)

    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    bug = not isinstance(exc, RuleError)
    provider = provider_of(type(rule).__module__)
    return RuleFailure(rule.code, rule.name, type(exc).__name__, str(exc), bug, where, provider)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for f in findings:
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


__all__ = ["LintResult", "RuleFailure", "failure", "run_rules"]
