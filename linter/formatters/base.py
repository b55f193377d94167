"""What every formatter receives, and the JSON shape of a finding shared by all machine formats."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

from mtlint.model import Finding, RuleFailure
from mtlint.text.document import Document
from mtlint.version import __version__


@dataclass(frozen=True)
class FileReport:
    """The findings of one file, with the document they point into, and the rules that failed on it."""

    path: str
    document: Document
    findings: tuple[Finding, ...]
    failures: tuple[RuleFailure, ...] = ()


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

    @property
    def failures(self) -> list[tuple[FileReport, RuleFailure]]:
        """Rules that failed, with the file each failed on: the report is incomplete when any did."""
        return [(r, f) for r in self.files for f in r.failures]


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


def failure_message(f: RuleFailure) -> str:
    """What every format says about a failed rule (without the file): the rule, the exception, and
    for a bug, mtlint's version and where to report it."""
    head = f"rule {f.rule} ({f.code}) failed: {f.message}"
    if not f.bug:
        return head  # a time-out or a server error: the message already says what happened
    where = f", in {f.where}" if f.where else ""
    if f.provider == "mtlint":
        ask = "This is a bug in mtlint, not in the file: please report it, with the file, to the mtlint issue tracker."
    else:
        ask = (
            f"This is a bug in the plug-in {f.provider}, not in the file: please report it, with the file, "
            "to the plug-in's maintainers."
        )
    return f"{head} (mtlint {__version__}{where}). {ask}"


def failure_line(path: str, f: RuleFailure) -> str:
    """`PATH: rule NAME (CODE) failed: ...`: one self-contained line, as stderr and CI annotations show it."""
    return f"{path}: {failure_message(f)}"


def incomplete(run: RunReport) -> str:
    """The sentence that says a report lacks the findings of failed rules ("" when no rule failed)."""
    if not run.failures:
        return ""
    files = len({r.path for r, _ in run.failures})
    return incomplete_sentence({(f.code, f.rule) for _, f in run.failures}, f"{files} file{'' if files == 1 else 's'}")


def incomplete_sentence(rules: Iterable[tuple[str, str]], where: str) -> str:
    """`The results are incomplete: rule NAME (CODE) failed on WHERE.` for (code, name) pairs."""
    names = [f"{name} ({code})" for code, name in sorted(rules)]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"The results are incomplete: {'rule' if len(names) == 1 else 'rules'} {listed} failed on {where}."


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
