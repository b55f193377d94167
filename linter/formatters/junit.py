"""JUnit XML: one test case per linted file, failing when the file has findings and in error when a rule
failed on it (for CI test tabs)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mtlint.formatters.base import Formatter, RunReport, failure_line, span
from mtlint.text.regexes import compiled

# Characters XML 1.0 cannot carry even as references; they are shown as \\xNN / \\uNNNN instead.
_NOT_XML = compiled(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(s: str) -> str:
    """Make `s` representable in XML 1.0 (escaping of <, & and quotes is ElementTree's job)."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", s)


class JunitFormatter(Formatter):
    name = "junit"

    def format(self, run: RunReport) -> str:
        # A file on which a rule failed is an error (its result is unknown), whatever else was found:
        # JUnit gives a test case one outcome, and "error" is the one a CI test tab cannot take for a pass.
        errors = sum(1 for r in run.files if r.failures)
        failed = sum(1 for r in run.files if r.findings and not r.failures)
        counts = {"tests": str(len(run.files)), "failures": str(failed), "errors": str(errors), "skipped": "0"}
        root = ET.Element("testsuites", {"name": "mtlint", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "mtlint", **counts})
        for report in run.files:
            path = xml_text(report.path)
            case = ET.SubElement(suite, "testcase", {"classname": "mtlint", "name": path, "file": path})
            if not report.findings and not report.failures:
                continue
            lines = [failure_line(report.path, f) for f in report.failures]
            for f in report.findings:
                p = span(report.document, f.start, f.end)
                fix = f" (fix available: {f.fix.applicability.value})" if f.fix is not None else ""
                lines.append(f"{report.path}:{p['line']}:{p['column']}: {f.code} [{f.rule}] {f.message}{fix}")
            if report.failures:
                n = len(report.failures)
                first = report.failures[0]
                message = f"rule {first.rule} ({first.code}) failed" if n == 1 else f"{n} rules failed"
                kinds = sorted({f.exception for f in report.failures})
                element = ET.SubElement(
                    case, "error", {"message": xml_text(message), "type": xml_text(", ".join(kinds))}
                )
            else:
                n = len(report.findings)
                element = ET.SubElement(
                    case,
                    "failure",
                    {
                        "message": xml_text(f"{n} finding{'' if n == 1 else 's'}"),
                        "type": xml_text(", ".join(sorted({f.code for f in report.findings}))),
                    },
                )
            element.text = xml_text("\n".join(lines) + "\n")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
