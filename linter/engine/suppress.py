"""Inline suppression comments and the baseline file.

Inline directives (in Markdown inside an HTML comment, in plain text on a line of their own):

    <!-- mtlint: disable=stray-caption,MT102 -->   ... until `mtlint: enable` (or the end)
    <!-- mtlint: disable -->                        every rule
    <!-- mtlint: enable=stray-caption -->           re-enable some
    <!-- mtlint: disable-next-line=MT101 -->        only the next non-blank line
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Finding
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

_DIRECTIVE = LazyPattern(
    r"mtlint:\s*(?P<verb>disable-next-line|disable|enable)(?:\s*=\s*(?P<rules>[\w\-]+(?:\s*,\s*[\w\-]+)*))?"
)
_MD_COMMENT = LazyPattern(r"<!--(?P<body>.*?)-->", regex.S)
_TEXT_LINE = compiled(r"^[ \t]*(?:#|//|<!--)?[ \t]*(?P<body>mtlint:[^\r\n]*?)[ \t]*(?:-->)?[ \t]*$", regex.M)

ALL = "*"


@dataclass(frozen=True)
class Directive:
    """An inline `mtlint:` comment: what it does, on which line, to which rules."""

    line: int
    verb: str
    rules: frozenset[str]  # lower-case codes/names, or {"*"}


def directives(doc: Document) -> list[Directive]:
    """Find the suppression directives of a document."""
    found = []
    if doc.format == "markdown":
        sources = ((m.start(), m.group("body")) for m in _MD_COMMENT.finditer(doc.text))
    else:
        sources = ((m.start(), m.group("body")) for m in _TEXT_LINE.finditer(doc.text))
    for offset, body in sources:
        m = _DIRECTIVE.search(body)
        if not m:
            continue
        rules = frozenset(r.strip().lower() for r in (m.group("rules") or ALL).split(","))
        found.append(Directive(doc.position(offset)[0], m.group("verb"), rules))
    return found


def _matches(rules: frozenset[str], f: Finding) -> bool:
    return ALL in rules or f.code.lower() in rules or f.rule in rules


def apply_inline(doc: Document, findings: Sequence[Finding]) -> list[Finding]:
    """Drop findings silenced by inline directives, and findings on directive lines themselves."""
    found = directives(doc)
    if not found:
        return list(findings)
    directive_lines = {d.line for d in found}
    kept = []
    for f in findings:
        line = doc.position(f.start)[0]
        if line in directive_lines or _silenced(doc, found, f, line):
            continue
        kept.append(f)
    return kept


def _silenced(doc: Document, found: list[Directive], f: Finding, line: int) -> bool:
    disabled = False
    for d in found:
        if d.line > line:
            break
        if d.verb == "disable-next-line":
            target = d.line + 1
            while target < line and doc.is_blank_line(target):
                target += 1
            if target == line and _matches(d.rules, f):
                return True
        elif d.verb == "disable" and _matches(d.rules, f):
            disabled = True
        elif d.verb == "enable" and _matches(d.rules, f):
            disabled = False
    return disabled


# -- baseline -------------------------------------------------------------------------------------
_SPACE = LazyPattern(r"\s+")
BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read."""


def baseline_key(path: str, f: Finding, doc: Document) -> tuple[str, str, str]:
    """Key a finding by file, rule and its normalised text: stable when other lines move."""
    text = _SPACE.sub(" ", doc.text[f.start : f.end]).strip().casefold()
    return (path.replace(os.sep, "/"), f.code, text)


def write_baseline(path: str, keyed: Iterable[tuple[str, str, str]]) -> int:
    counts = Counter(keyed)
    rows = [{"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(counts.items())]
    payload = {"version": BASELINE_VERSION, "findings": rows}
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    os.replace(tmp, path)
    return sum(counts.values())


def read_baseline(path: str) -> Counter[tuple[str, str, str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            payload = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: baseline is not valid JSON: {exc}") from None
    if not isinstance(payload, dict) or payload.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not an mtlint baseline (version {BASELINE_VERSION} expected)")
    counts: Counter[tuple[str, str, str]] = Counter()
    try:
        for row in payload["findings"]:
            counts[(row["path"], row["code"], row["text"])] += int(row.get("count", 1))
    except (KeyError, TypeError, ValueError):
        raise BaselineError(f"{path}: malformed baseline entry") from None
    return counts
