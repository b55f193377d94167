"""Human output, ruff-like: location, code, name and message, the source line with a caret underline."""

from __future__ import annotations

from collections import Counter

import click

from mtlint.formatters.base import FileReport, Formatter, RunReport, incomplete
from mtlint.model import Applicability, Finding, Severity

_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
MAX_SOURCE = 120  # characters of a long line shown around the finding


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class TextFormatter(Formatter):
    name = "text"

    def style(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color else text  # type: ignore[arg-type]

    def format(self, run: RunReport) -> str:
        out: list[str] = []
        for report in run.files:
            if self.quiet and not self.color and report.findings:
                # One line per finding (a warm run prints tens of thousands): no styling to apply.
                doc, path = report.document, report.path
                for f in report.findings:
                    line, col = doc.position(f.start)
                    out.append(f"{path}:{line}:{col}: {f.code} [{f.rule}] {f.message}\n")
                continue
            for f in report.findings:
                out.append(self.finding(report, f))
        if self.statistics:
            out.append(self.stats(run))
        if not self.quiet or run.findings or run.failures:
            out.append(self.summary(run))
        return "".join(out)

    def finding(self, report: FileReport, f: Finding) -> str:
        doc = report.document
        line, col = doc.position(f.start)
        head = (
            f"{self.style(report.path, bold=True)}:{line}:{col}: "
            f"{self.style(f.code, fg=_SEVERITY_COLOR[f.severity], bold=True)} [{f.rule}] {f.message}\n"
        )
        if self.quiet:
            return head
        line_start, content_end, _ = doc.line_span(line)
        end_line = doc.position(f.end)[0]
        width = max(1, (f.end if end_line == line else content_end) - f.start)
        offset = col - 1
        if content_end - line_start > MAX_SOURCE:  # show a window around the finding
            # (cut from the text itself: many findings on one long line must not copy it each time)
            lo = max(0, offset - 40)
            window = doc.text[line_start + lo : min(content_end, line_start + lo + MAX_SOURCE)]
            source = ("…" if lo else "") + window + "…"
            offset = offset - lo + (1 if lo else 0)
            width = min(width, MAX_SOURCE - offset + 1)
        else:
            source = doc.text[line_start:content_end]
        source = source.replace("\t", " ")  # one column per character, as the caret line counts them
        gutter = str(line)
        pad = " " * len(gutter)
        hint = ""
        if f.fix is not None:
            hint = (
                " fix available ("
                + ("safe" if f.fix.applicability is Applicability.SAFE else "unsafe: --unsafe-fixes")
                + ")"
            )
        return (
            head
            + self.style(f"{gutter} | ", fg="blue")
            + source
            + "\n"
            + self.style(f"{pad} | ", fg="blue")
            + " " * offset
            + self.style("^" * width, fg=_SEVERITY_COLOR[f.severity])
            + self.style(hint, fg="cyan")
            + "\n"
        )

    def stats(self, run: RunReport) -> str:
        counts = Counter((f.code, f.rule) for _, f in run.findings)
        fixable = {(f.code, f.rule) for _, f in run.findings if f.fix is not None}
        rows = [
            f"{n:5}  {code:6} {name:28} {'[*]' if (code, name) in fixable else ''}\n"
            for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return "".join(rows)

    def summary(self, run: RunReport) -> str:
        found = run.findings
        fixes = Counter(f.fix.applicability for _, f in found if f.fix)
        safe, unsafe = fixes[Applicability.SAFE], fixes[Applicability.UNSAFE]
        parts = []
        if run.fixed:
            parts.append(f"Fixed {plural(run.fixed, 'finding')}.")
        if not found and run.failures:
            parts.append(f"No findings in {plural(run.files_checked, 'file')} from the rules that finished.")
        elif not found:
            parts.append(f"No findings in {plural(run.files_checked, 'file')}.")
        else:
            s = f"{plural(len(found), 'finding')} in {plural(len({r.path for r, _ in found}), 'file')}"
            extra = []
            if safe:
                extra.append(f"{safe} fixable with --fix")
            if unsafe:
                extra.append(f"{unsafe} {'more ' if safe else ''}fixable with --unsafe-fixes")
            parts.append(s + (f" ({', '.join(extra)})" if extra else "") + ".")
        if run.failures:
            parts.append(self.style(incomplete(run), fg="red"))
        return self.style(" ".join(parts), bold=True) + "\n"
