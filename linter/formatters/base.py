"""What every formatter receives, and the JSON shape of a finding shared by all machine formats."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from mtlint.model import Finding
from mtlint.text.document import Document


@dataclass(frozen=True)
class FileReport:
    """The findings of one file, with the document they point into."""

    path: str
    document: Document
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class RunReport:
    """Everything a formatter may print about a run."""

    files: tuple[FileReport, ...]
    fixed: int = 0  # fixes applied by --fix
    files_checked: int = 0
    extras: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def findings(self) -> list[tuple[FileReport, Finding]]:
        return [(r, f) for r in self.files for f in r.findings]


def span(doc: Document, start: int, end: int) -> dict[str, int]:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def finding_dict(report: FileReport, f: Finding) -> dict[str, Any]:
    """The stable JSON object of a finding (the `json` format's array items)."""
    doc = report.document
    fix = None
    if f.fix is not None:
        fix = {
            "applicability": f.fix.applicability.value,
            "edits": [{**span(doc, e.start, e.end), "replacement": e.replacement} for e in f.fix.edits],
        }
    return {
        "path": report.path,
        "code": f.code,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        **span(doc, f.start, f.end),
        "fix": fix,
    }


class Formatter:
    """Turns a run report into text; one small subclass per `--format` name."""

    name: ClassVar[str]

    def __init__(self, color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
        self.color = color
        self.statistics = statistics
        self.quiet = quiet

    def format(self, run: RunReport) -> str:
        raise NotImplementedError


def all_findings(files: Sequence[FileReport]) -> list[dict[str, Any]]:
    return [finding_dict(r, f) for r in files for f in r.findings]
