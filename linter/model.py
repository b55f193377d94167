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
