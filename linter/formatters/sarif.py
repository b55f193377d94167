"""SARIF 2.1.0: findings with rule metadata and fixes, for code-scanning dashboards.

Positions are SARIF regions: 1-based lines and columns, end column exclusive, columns counted in
Unicode code points (declared with `columnKind`), exactly as in the JSON format. A rule that failed on
a file is a tool execution notification of the run's invocation, which is then not successful.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from mtlint.formatters.base import FileReport, Formatter, RunReport, failure_message, span
from mtlint.formatters.json import dumps_indented
from mtlint.formatters.rulemeta import RuleMeta, describe
from mtlint.model import Finding, RuleFailure, Severity
from mtlint.version import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LEVEL_OF = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> tuple[str, bool]:
    """A URI for `path`: relative to the working directory when possible; (uri, is_relative)."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri(), False
    rel = PurePath(os.path.normpath(p)).as_posix()
    return quote(rel, safe="/-._~"), True


def location(uri: str, relative: bool) -> dict[str, Any]:
    loc: dict[str, Any] = {"uri": uri}
    if relative:
        loc["uriBaseId"] = "%SRCROOT%"
    return loc


def region(report: FileReport, start: int, end: int) -> dict[str, int]:
    p = span(report.document, start, end)
    return {"startLine": p["line"], "startColumn": p["column"], "endLine": p["end_line"], "endColumn": p["end_column"]}


def rule_descriptor(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary or meta.name},
        "fullDescription": {"text": meta.documentation or meta.summary or meta.name},
        "help": {"text": meta.explanation()},
        "defaultConfiguration": {"level": _LEVEL_OF[meta.severity]},
        "properties": {"category": meta.category, "fixable": meta.fixable, "tags": [meta.category]},
    }


def _describe_edit(text: str, replacement: str) -> str:
    if not replacement:
        return f"Delete {text!r}" if len(text) <= 60 else f"Delete {len(text)} characters"
    if not text:
        return f"Insert {replacement!r}"
    return f"Replace {text!r} with {replacement!r}" if len(text) <= 60 else f"Replace with {replacement!r}"


def result(report: FileReport, f: Finding, rule_index: int, uri: str, relative: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location(uri, relative),
                    "region": region(report, f.start, f.end),
                }
            }
        ],
        "properties": {"rule": f.rule, "category": f.category},
    }
    if f.fix is not None:
        text = report.document.text
        edits = f.fix.edits
        description = "; ".join(_describe_edit(text[e.start : e.end], e.replacement) for e in edits)
        out["fixes"] = [
            {
                "description": {"text": f"{description} ({f.fix.applicability.value} fix)"},
                "artifactChanges": [
                    {
                        "artifactLocation": location(uri, relative),
                        "replacements": [
                            {
                                "deletedRegion": region(report, e.start, e.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in edits
                        ],
                    }
                ],
                "properties": {"applicability": f.fix.applicability.value},
            }
        ]
    return out


def notification(f: RuleFailure, rule_index: int, uri: str, relative: bool) -> dict[str, Any]:
    """A rule that failed on a file, as a tool execution notification (SARIF 3.58)."""
    exception: dict[str, Any] = {"kind": f.exception, "message": f.detail}
    if f.where:
        exception["stack"] = {"frames": [{"location": {"message": {"text": f.where}}}]}
    return {
        "level": "error",
        "message": {"text": failure_message(f)},
        "locations": [{"physicalLocation": {"artifactLocation": location(uri, relative)}}],
        "associatedRule": {"id": f.code, "index": rule_index},
        "exception": exception,
        "properties": {"rule": f.rule, "bug": f.bug, "provider": f.provider},
    }


class SarifFormatter(Formatter):
    name = "sarif"

    def format(self, run: RunReport) -> str:
        metas = describe((f for _, f in run.findings), run.extras, (f for _, f in run.failures))
        index = {code: i for i, code in enumerate(metas)}
        results: list[dict[str, Any]] = []
        notifications: list[dict[str, Any]] = []
        for report in run.files:
            uri, relative = artifact_uri(report.path)
            results.extend(result(report, f, index[f.code], uri, relative) for f in report.findings)
            notifications.extend(notification(f, index[f.code], uri, relative) for f in report.failures)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "mtlint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": [rule_descriptor(m) for m in metas.values()],
                        }
                    },
                    # A rule that failed on a file makes the run unsuccessful: its results are incomplete.
                    "invocations": [
                        {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                    ],
                    "columnKind": "unicodeCodePoints",
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                    "results": results,
                }
            ],
        }
        return dumps_indented(log) + "\n"  # json.dumps(log, indent=2, ensure_ascii=False), faster
