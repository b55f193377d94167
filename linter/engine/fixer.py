"""Apply fixes: non-overlapping edits by applicability, re-lint, repeat (at most MAX_PASSES)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mtlint.engine.runner import LintResult
from mtlint.model import Applicability, Edit, Finding
from mtlint.text.document import Document

MAX_PASSES = 10


@dataclass(frozen=True)
class FixOutcome:
    """What fixing one document produced."""

    text: str
    applied: int  # fixes applied over all passes
    passes: int
    converged: bool
    result: LintResult  # findings remaining in the final text (or the original, if not converged)

    def changed(self, original: str) -> bool:
        return self.text != original


def allowed(f: Finding, unsafe: bool) -> bool:
    return f.fix is not None and (unsafe or f.fix.applicability is Applicability.SAFE)


def choose_edits(findings: Sequence[Finding], unsafe: bool) -> tuple[list[Edit], int]:
    """Pick the allowed fixes that do not overlap an earlier one; return their edits and the fix count."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    count = 0
    for f in sorted(findings, key=lambda f: (f.fix.start if f.fix else 0, f.sort_key)):
        if not allowed(f, unsafe):
            continue
        assert f.fix is not None
        spans = [(e.start, e.end) for e in f.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue  # keep the first; the next pass sees the rest again
        taken.extend(spans)
        chosen.extend(f.fix.edits)
        count += 1
    return sorted(chosen), count


def splice(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits; every character outside them is kept as it was."""
    parts = []
    cursor = 0
    for e in edits:
        parts.append(text[cursor : e.start])
        parts.append(e.replacement)
        cursor = e.end
    parts.append(text[cursor:])
    return "".join(parts)


def apply_edits(text: str, findings: Sequence[Finding], unsafe: bool) -> tuple[str, int]:
    """Apply the fixes of `findings` that do not overlap an earlier one; return the text and count."""
    edits, count = choose_edits(findings, unsafe)
    return (splice(text, edits), count) if edits else (text, 0)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # Two insertions at one point, or an edit touching another's span, conflict as well.
    return (
        (a[0] < b[1] and b[0] < a[1])
        or a[0] == b[0]
        or (a[0] == a[1] and b[0] <= a[0] <= b[1])
        or (b[0] == b[1] and a[0] <= b[0] <= a[1])
    )


def fix_document(
    doc: Document, lint: Callable[[Document], LintResult], unsafe: bool = False, first: LintResult | None = None
) -> FixOutcome:
    """Fix `doc` until no allowed fix is left; if that takes more than MAX_PASSES, keep the original."""
    result = first or lint(doc)
    current = doc
    applied = 0
    for passes in range(1, MAX_PASSES + 1):
        text, count = apply_edits(current.text, result.findings, unsafe)
        if count == 0:
            return FixOutcome(current.text, applied, passes - 1, True, result)
        applied += count
        current = current.with_text(text)
        result = lint(current)
    if any(allowed(f, unsafe) for f in result.findings):
        original = first or lint(doc)
        return FixOutcome(doc.text, 0, MAX_PASSES, False, original)
    return FixOutcome(current.text, applied, MAX_PASSES, True, result)
