"""Run rules on a document: collect findings, drop suppressed ones, sort. No I/O."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mtlint.engine.registry import provider_of
from mtlint.engine.suppress import apply_inline
from mtlint.model import Applicability, Finding, RuleError, RuleFailure
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
    kept = outside_deleted_lines(doc, apply_inline(doc, findings))
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


def outside_deleted_lines(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings, less those of other rules inside whole lines that a finding's safe fix deletes: a
    line to be deleted (a copy of an earlier paragraph, a widget label) has its problems reported once,
    by the finding that deletes it. (Two findings that both delete the line are both kept.)"""
    deleting = [f for f in findings if _deletes_lines(doc.text, f)]
    if not deleting:
        return findings
    # The deleted spans by start, with the furthest end reached so far: a finding is looked up by
    # bisection and compared only with the spans that may still contain it (linear in practice).
    spans = sorted((f.fix.edits[0].start, f.fix.edits[0].end, f.code) for f in deleting if f.fix is not None)
    starts = [start for start, _, _ in spans]
    reach = list(itertools.accumulate((end for _, end, _ in spans), max))
    kept = set(map(id, deleting))

    def inside(f: Finding) -> bool:
        i = bisect.bisect_right(starts, f.start) - 1
        while i >= 0 and reach[i] >= f.end:
            start, end, code = spans[i]
            if code != f.code and start <= f.start and f.end <= end:
                return True
            i -= 1
        return False

    return [f for f in findings if id(f) in kept or not inside(f)]


def _deletes_lines(text: str, f: Finding) -> bool:
    """Whether the finding's fix is safe and deletes whole lines."""
    if f.fix is None or f.fix.applicability is not Applicability.SAFE or len(f.fix.edits) != 1:
        return False
    edit = f.fix.edits[0]
    return not edit.replacement and _whole_lines(text, edit.start, edit.end)


def _whole_lines(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is made of whole lines, with or without the line breaks around them."""
    piece = text[start:end]
    start, end = start + len(piece) - len(piece.lstrip("\n")), end - (len(piece) - len(piece.rstrip("\n")))
    return end > start and (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for f in findings:
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


__all__ = ["LintResult", "RuleFailure", "failure", "outside_deleted_lines", "run_rules"]
