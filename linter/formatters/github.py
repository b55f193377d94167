"""GitHub Actions workflow commands: findings appear as annotations on the pull request, and a rule that
failed on a file as an error annotation on that file."""

from __future__ import annotations

from mtlint.formatters.base import Formatter, RunReport, failure_message, span
from mtlint.model import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def format(self, run: RunReport) -> str:
        out = []
        for report, f in run.findings:
            p = span(report.document, f.start, f.end)
            props = ",".join(
                [
                    f"file={_escape_property(report.path)}",
                    f"line={p['line']}",
                    f"col={p['column']}",
                    f"endLine={p['end_line']}",
                    f"endColumn={p['end_column']}",
                    f"title={_escape_property(f'{f.code} {f.rule}')}",
                ]
            )
            out.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(f'{f.code} [{f.rule}] {f.message}')}\n")
        for report, failure in run.failures:
            # An error on the file (no line: the rule failed on the whole of it), so the check cannot pass
            # silently with a rule missing from its results.
            props = ",".join(
                [
                    f"file={_escape_property(report.path)}",
                    f"title={_escape_property(f'mtlint: rule {failure.code} {failure.rule} failed')}",
                ]
            )
            out.append(f"::error {props}::{_escape_data(failure_message(failure))}\n")
        return "".join(out)
