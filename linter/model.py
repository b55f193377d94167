"""Immutable values that flow from rules to formatters and the fixer."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """How serious a finding is; `fail-on` compares by rank."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, enum.Enum):
    """Whether `--fix` may apply a fix on its own (`safe`) or only with `--unsafe-fixes`."""

    SAFE = "safe"
    UNSAFE = "unsafe"


CATEGORIES = (
    "caption",
    "boilerplate",
    "duplicate",
    "garbled-name",
    "casing",
    "broken-sentence",
    "untranslated",
    "mojibake",
    "literal-idiom",
    "grammar",
    "whitespace",
)


@dataclass(frozen=True, order=True)
class Edit:
    """Replace `text[start:end]` with `replacement` (character offsets into Document.text)."""

    start: int
    end: int
    replacement: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together, or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits)), Applicability.SAFE)

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls(tuple(sorted(edits)), Applicability.UNSAFE)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule, located by character offsets into Document.text."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    # Extra machine-readable facts a rule wants to expose (e.g. the line of an earlier copy).
    data: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)


class RuleError(RuntimeError):
    """Raised by a rule that cannot finish for a reason outside its own code (a pattern that timed out,
    a grammar server that stopped answering). Its message is one line saying what happened; it is
    reported as a failure of the rule, but not as a bug to report."""


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised instead of finishing on one document; the run goes on without its findings.

    Picklable plain values, so a failure travels from a worker process into the report like a finding.
    """

    code: str
    rule: str
    exception: str  # the exception's type: "KeyError"
    detail: str  # and its text: "'”'"
    bug: bool = True  # False for a RuleError: nothing to report, the message says what to do
    where: str = ""  # the innermost frame, "unbalanced_delimiter.py:120", for a bug report
    provider: str = "mtlint"  # who ships the rule: "mtlint", or a plug-in's distribution and version

    @property
    def message(self) -> str:
        """The exception as Python prints its last line: "KeyError: '”'"."""
        return f"{self.exception}: {self.detail}"
