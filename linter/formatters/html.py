"""`html`: one self-contained page for editors: the documents with their findings highlighted.

The page is built from the same `finding_dict` objects as the JSON output (embedded as data, in the
same order), so the two cannot disagree. Every piece of document text is HTML-escaped, and a Content
Security Policy admits only the report's own script (by hash), so text from a document can never run.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

import regex

from mtlint import package_data
from mtlint.formatters.base import (
    FileReport,
    Formatter,
    RunReport,
    failure_line,
    failure_message,
    finding_dict,
    incomplete,
)
from mtlint.formatters.rulemeta import describe
from mtlint.model import CATEGORIES, Finding, Severity
from mtlint.text.document import Document
from mtlint.text.regexes import compiled
from mtlint.version import __version__

# Paul Tol's "light" scheme (designed for text on coloured ground, distinguishable with colour-vision
# deficiencies) plus two of his pale tones; whitespace also gets a hatch so spaces stand out.
PALETTE = {
    "caption": "#77AADD",
    "boilerplate": "#EE8866",
    "duplicate": "#EEDD88",
    "garbled-name": "#FFAABB",
    "casing": "#99DDFF",
    "broken-sentence": "#44BB99",
    "untranslated": "#BBCC33",
    "mojibake": "#AAAA00",
    "literal-idiom": "#CCBBEE",
    "grammar": "#E2C8A6",
    "whitespace": "#DDDDDD",
}
SEVERITIES = ("error", "warning", "info")
UNDERLINE = {"error": "wavy", "warning": "solid", "info": "dotted"}
CONTEXT = 40  # characters shown around an edit in the inline diff
MAX_SHOWN = 240  # longer deleted text is shortened in the middle

_CONTROL = compiled(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _visible(text: str) -> str:
    """Show control characters as their Unicode pictures (one character each, so columns stay)."""
    return _CONTROL.sub(lambda m: chr(0x2421) if m[0] == "\x7f" else chr(0x2400 + ord(m[0])), text)


def text_html(text: str) -> str:
    return escape(_visible(text), quote=False)


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def script_json(data: object) -> str:
    """JSON safe to place inside a <script type="application/json"> element."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def asset(name: str) -> str:
    return package_data.read_text("mtlint.formatters", f"html_assets/{name}")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


# -- highlighting ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Piece:
    """The part of one finding's span that lies on one line (empty for a point marker)."""

    start: int
    end: int
    fid: int
    finding: Finding

    @property
    def order(self) -> tuple[int, int, int]:
        # Outer spans first, so properly nested findings nest and only crossing ones are split.
        return (self.start, -self.end, self.fid)


def pieces_by_line(doc: Document, findings: list[tuple[int, Finding]]) -> dict[int, list[Piece]]:
    """Cut every finding at line ends; a finding with no visible character becomes a point."""
    out: dict[int, list[Piece]] = {}
    for fid, f in findings:
        first, last = doc.position(f.start)[0], doc.position(f.end)[0]
        found = False
        for line in range(first, last + 1):
            ls, ce, _ = doc.line_span(line)
            s, e = max(f.start, ls), min(f.end, ce)
            if s < e:
                out.setdefault(line, []).append(Piece(s, e, fid, f))
                found = True
        if not found:
            _, ce, _ = doc.line_span(first)
            p = min(f.start, ce)
            out.setdefault(first, []).append(Piece(p, p, fid, f))
    return out


def _open(doc: Document, piece: Piece, heads: set[int]) -> str:
    f = piece.finding
    classes = f"hl c-{_slug(f.category)} s-{f.severity.value}"
    if piece.start == piece.end:
        classes += " pt"
    if piece.fid in heads:
        return f'<span class="{classes}" data-f="{piece.fid}">'
    heads.add(piece.fid)
    fix = f.fix.applicability.value if f.fix is not None else ""
    line, column = doc.position(f.start)
    return (
        f'<span class="{classes} head" id="f{piece.fid}" data-f="{piece.fid}" tabindex="0" role="button" '
        f'data-line="{line}" data-column="{column}" '
        f'data-code="{attr(f.code)}" data-rule="{attr(f.rule)}" data-category="{attr(f.category)}" '
        f'data-severity="{f.severity.value}" data-fix="{fix}" aria-label="{attr(f.code)} {attr(f.message)}">'
    )


def render_line(doc: Document, line: int, pieces: list[Piece], heads: set[int]) -> str:
    """The escaped text of `line` with its pieces as nested spans (crossing spans are split)."""
    ls, ce, _ = doc.line_span(line)
    if not pieces:
        return text_html(doc.text[ls:ce])
    spans = [p for p in pieces if p.start < p.end]
    points = sorted((p for p in pieces if p.start == p.end), key=lambda p: p.order)
    bounds = sorted({ls, ce} | {p.start for p in pieces} | {p.end for p in pieces})
    out: list[str] = []
    stack: list[Piece] = []
    for i, pos in enumerate(bounds):
        active = sorted((p for p in spans if p.start <= pos < p.end), key=lambda p: p.order)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        for p in points:
            if p.start == pos:
                out.append(_open(doc, p, heads) + "</span>")
        out.extend(_open(doc, p, heads) for p in active[keep:])
        stack = active
        if i + 1 < len(bounds):
            out.append(text_html(doc.text[pos : bounds[i + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)


def render_document(index: int, report: FileReport, findings: list[tuple[int, Finding]]) -> str:
    doc = report.document
    by_line = pieces_by_line(doc, findings)
    heads: set[int] = set()
    last = doc.line_count
    if last > 1 and doc.line_span(last)[0] == len(doc.text) and last not in by_line:
        last -= 1  # the empty "line" after a final newline
    rows = []
    for line in range(1, last + 1):
        body = render_line(doc, line, by_line.get(line, []), heads)
        rows.append(
            f'<div class="line" id="d{index}-L{line}"><span class="ln" data-n="{line}"></span>'
            f'<span class="tx">{body}</span></div>'
        )
    return "\n".join(rows)


# -- data for the script ---------------------------------------------------------------------------
def _shorten(s: str) -> str:
    if len(s) <= MAX_SHOWN:
        return s
    half = MAX_SHOWN // 2
    return f"{s[:half]} … {len(s) - 2 * half} more characters … {s[-half:]}"


def diff_view(doc: Document, f: Finding) -> list[dict[str, Any]]:
    """Each edit of the fix with a little same-line context, for the inline diff."""
    if f.fix is None:
        return []
    out = []
    text = doc.text
    for e in f.fix.edits:
        line = doc.position(e.start)[0]
        ls = doc.line_span(line)[0]
        end_line = doc.position(e.end)[0]
        ce = doc.line_span(end_line)[1]
        before = text[max(ls, e.start - CONTEXT) : e.start]
        after = text[e.end : min(ce, e.end + CONTEXT)] if e.end <= ce else ""
        out.append(
            {
                "line": line,
                "before": _visible(("…" if e.start - CONTEXT > ls else "") + before),
                "deleted": _visible(_shorten(text[e.start : e.end]).replace("\r\n", "\n").replace("\r", "\n")),
                "inserted": _visible(_shorten(e.replacement)),
                "after": _visible(after + ("…" if e.end + CONTEXT < ce else "")),
            }
        )
    return out


# -- summary ---------------------------------------------------------------------------------------
def _slug(category: str) -> str:
    return regex.sub(r"[^a-z0-9-]", "-", category.lower())


def bar_chart(title: str, rows: list[tuple[str, int, str]], kind: str) -> str:
    """A horizontal bar chart in inline SVG; rows are (label, count, css class of the bar)."""
    if not rows:
        return ""
    top = max(n for _, n, _ in rows) or 1
    label_w, bar_w, row_h = 120, 180, 22
    height = row_h * len(rows) + 4
    parts = [
        f'<svg class="chart" role="img" width="{label_w + bar_w + 48}" height="{height}" '
        f'viewBox="0 0 {label_w + bar_w + 48} {height}" aria-label="{attr(title)}"><title>{text_html(title)}'
        "</title>"
    ]
    for i, (label, n, css) in enumerate(rows):
        y = i * row_h + 2
        w = max(2, round(bar_w * n / top)) if n else 0
        parts.append(
            f'<g class="bar {kind}" data-key="{attr(label)}"><text x="{label_w - 6}" y="{y + 15}" '
            f'text-anchor="end">{text_html(label)}</text><rect class="{css}" x="{label_w}" y="{y + 3}" '
            f'width="{w}" height="{row_h - 6}" rx="2"></rect><text class="n" x="{label_w + w + 6}" '
            f'y="{y + 15}">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(run: RunReport, ids: dict[str, str]) -> str:
    found = [f for _, f in run.findings]
    by_cat = Counter(f.category for f in found)
    by_sev = Counter(f.severity.value for f in found)
    safe = sum(1 for f in found if f.fix is not None and f.fix.applicability.value == "safe")
    unsafe = sum(1 for f in found if f.fix is not None and f.fix.applicability.value == "unsafe")
    files_with = sum(1 for r in run.files if r.findings)
    cats = sorted(by_cat, key=lambda c: (-by_cat[c], _cat_rank(c)))
    cat_chart = bar_chart("Findings by category", [(c, by_cat[c], f"c-{_slug(c)}") for c in cats], "cat")
    sev_chart = bar_chart("Findings by severity", [(s, by_sev[s], f"sev-{s}") for s in SEVERITIES if by_sev[s]], "sev")
    checked = max(run.files_checked, len(run.files))
    cards = [
        ("files-linted", checked, "file linted" if checked == 1 else "files linted", f"{files_with} with findings"),
        ("total-findings", len(found), "findings", f"{len(found) - safe - unsafe} without a fix"),
        ("fix-safe", safe, "safe fixes", "applied by --fix"),
        ("fix-unsafe", unsafe, "unsafe fixes", "need --unsafe-fixes"),
    ]
    card_html = "".join(
        f'<div class="card"><b id="{key}">{n}</b><span>{label}</span><small>{note}</small></div>'
        for key, n, label, note in cards
    )

    def worst(r: FileReport) -> tuple[int, int, int, str]:
        sev = Counter(f.severity for f in r.findings)
        return (-len(r.findings), -sev[Severity.ERROR], -sev[Severity.WARNING], r.path)

    rows = []
    for r in sorted(run.files, key=worst):
        sev = Counter(f.severity.value for f in r.findings)
        fixable = sum(1 for f in r.findings if f.fix is not None)
        name = (
            f'<a href="#{ids[r.path]}">{text_html(r.path)}</a>' if r.findings and r.path in ids else text_html(r.path)
        )
        if r.failures:
            name += f' <span class="rule-failed">{_plural(len(r.failures), "rule")} failed</span>'
        cells = "".join(f"<td>{sev[s] or ''}</td>" for s in SEVERITIES)
        rows.append(
            f'<tr class="{"" if r.findings or r.failures else "clean"}"><td class="path">{name}</td>'
            f"<td>{len(r.findings) or ('' if r.failures else 'clean')}</td>{cells}<td>{fixable or ''}</td></tr>"
        )
    table = (
        '<div class="files-wrap"><table class="files"><thead><tr><th>file</th><th>findings</th>'
        "<th>errors</th><th>warnings</th>"
        f"<th>info</th><th>fixable</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        if rows
        else "<p>No files were linted.</p>"
    )
    charts = f'<div class="charts">{cat_chart}{sev_chart}</div>' if found else ""
    return f'<section class="summary"><div class="cards">{card_html}</div>{charts}{table}</section>'


def failures_html(run: RunReport) -> str:
    """A warning above everything else: which rules failed on which files, so the page is incomplete."""
    if not run.failures:
        return ""
    items = "".join(f"<li>{text_html(failure_line(r.path, f))}</li>" for r, f in run.failures)
    return (
        '<section class="failures" role="alert"><h2>Incomplete report</h2>'
        f"<p>{text_html(incomplete(run))} Their findings are missing from this page.</p><ul>{items}</ul></section>"
    )


def _cat_rank(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def filters(found: list[Finding]) -> str:
    by_cat = Counter(f.category for f in found)
    by_sev = Counter(f.severity.value for f in found)
    cats = "".join(
        f'<label class="chip"><input type="checkbox" class="f-cat" value="{attr(c)}" checked>'
        f'<span class="sw c-{_slug(c)}"></span>{text_html(c)} <small>{by_cat[c]}</small></label>'
        for c in sorted(by_cat, key=_cat_rank)
    )
    sevs = "".join(
        f'<label class="chip"><input type="checkbox" class="f-sev" value="{s}" checked>'
        f'<span class="ul s-{s}">{s}</span> <small>{by_sev[s]}</small></label>'
        for s in SEVERITIES
        if by_sev[s]
    )
    return (
        '<nav class="toolbar" aria-label="Filters">'
        f'<div class="group" role="group" aria-label="Category">{cats}</div>'
        f'<div class="group" role="group" aria-label="Severity">{sevs}'
        '<label class="chip"><input type="checkbox" id="f-fixable"> fixable only</label></div>'
        '<div class="group nav"><span id="count" aria-live="polite"></span>'
        '<button type="button" id="prev" title="Previous finding (k or ↑)">◀ k</button>'
        '<button type="button" id="next" title="Next finding (j or ↓)">j ▶</button></div>'
        "</nav>"
    )


def palette_css() -> str:
    rules = [f".c-{_slug(c)}{{--hl:{color}}}" for c, color in PALETTE.items()]
    rules += [f".s-{s}{{--ul:{style}}}" for s, style in UNDERLINE.items()]
    return "\n".join(rules) + "\n"


class HtmlFormatter(Formatter):
    name = "html"

    def format(self, run: RunReport) -> str:
        findings: list[dict[str, Any]] = []
        views: list[dict[str, Any]] = []
        docs_html: list[str] = []
        ids: dict[str, str] = {}
        files = []
        for index, report in enumerate(run.files):
            numbered = []
            for f in report.findings:
                numbered.append((len(findings), f))
                findings.append(finding_dict(report, f))
                views.append({"doc": index, "diff": diff_view(report.document, f)})
            files.append({"path": report.path, "findings": len(report.findings)})
            if not report.findings:
                continue
            ids[report.path] = f"d{index}"
            n = len(report.findings)
            docs_html.append(
                f'<details class="doc" id="d{index}" open><summary><span class="path">{text_html(report.path)}'
                f'</span> <span class="doc-count" data-doc="{index}">{_plural(n, "finding")}</span></summary>'
                f'<div class="text" lang="en">{render_document(index, report, numbered)}</div></details>'
            )
        metas = describe((f for _, f in run.findings), run.extras, (f for _, f in run.failures))
        rules = {
            code: {
                "name": m.name,
                "category": m.category,
                "severity": m.severity,
                "summary": m.summary,
                "explanation": m.explanation(header=False),
                "known": m.known,
            }
            for code, m in metas.items()
        }
        failures = [
            {"path": r.path, "code": f.code, "rule": f.rule, "message": failure_message(f)} for r, f in run.failures
        ]
        data = {
            "version": __version__,
            "files": files,
            "findings": findings,
            "views": views,
            "rules": rules,
            "failures": failures,
        }
        found = [f for _, f in run.findings]
        css = palette_css() + asset("report.css")
        js = asset("report.js")
        csp = (
            f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
            "base-uri 'none'; form-action 'none'"
        )
        title = f"{_plural(len(found), 'finding')} in {_plural(len(ids), 'file')}"
        body = "".join(docs_html) or '<p class="none">No findings. Nothing to highlight.</p>'
        return "".join(self._page(title, csp, css, js, run, ids, found, body, data))

    def _page(
        self,
        title: str,
        csp: str,
        css: str,
        js: str,
        run: RunReport,
        ids: dict[str, str],
        found: list[Finding],
        body: str,
        data: dict[str, Any],
    ) -> Iterator[str]:
        yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        yield f'<meta http-equiv="Content-Security-Policy" content="{attr(csp)}">\n'
        yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        yield f'<meta name="generator" content="mtlint {attr(__version__)}">\n<link rel="icon" href="data:,">\n'
        yield f"<title>mtlint report: {text_html(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        yield f'<header><h1>mtlint report</h1><p class="sub">{text_html(title)} · mtlint {__version__}</p></header>\n'
        yield failures_html(run) + summary(run, ids) + "\n"
        if found:
            yield filters(found) + "\n"
        yield '<div class="layout"><main id="docs">' + body + "</main>\n"
        yield (
            '<aside id="panel" aria-live="polite"><div id="detail"><p class="hint">Select a highlighted '
            "passage (click it, Tab to it, or press <kbd>j</kbd>/<kbd>k</kbd>) to see what was found, why, "
            "and the fix.</p></div></aside></div>\n"
        )
        yield f'<script type="application/json" id="mtlint-data">{script_json(data)}</script>\n'
        yield f"<script>{js}</script>\n</body>\n</html>\n"
