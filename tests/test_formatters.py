"""Output formats: json, jsonl, github, sarif, junit and html, on rules defined here (user packs and a
small plug-in-style rule), so that these tests do not depend on any built-in rule's heuristics."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from mtlint.commands.cli import main
from mtlint.engine import registry
from mtlint.engine.registry import Registry
from mtlint.engine.runner import run_rules
from mtlint.formatters import FORMATTERS, FileReport, RunReport, finding_dict, get_formatter
from mtlint.formatters.json import dumps_indented
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.text.document import Document

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
JSON_KEYS = [
    "path",
    "code",
    "rule",
    "category",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
]

IDIOM_PACK = """\
code = "TS001"
name = "test-idiom"
category = "literal-idiom"
severity = "warning"
fix = "safe"
message = "Avoid '{match}': 100% literal, say '{replacement}'"

[[entry]]
phrase = "in the wind"
replacement = "in vain"

[[entry]]
phrase = "the wind"
message = "Nested: '{match}'"
"""

CAPTION_PACK = """\
code = "TS002"
name = "test-caption"
category = "caption"
severity = "error"
fix = "safe"
message = "Stray caption '{match}'."

[[entry]]
pattern = '\\b(?:archival|picture)\\b'
whole = true
replacement = ""
"""

GRAMMAR_PACK = """\
code = "TS003"
name = "test-grammar"
category = "grammar"
severity = "info"
scope = "paragraph"
message = "Odd phrase '{match}'."

[[entry]]
phrase = "assistance in"

[[entry]]
pattern = 'bad\\x0bword'
"""

SIMPLE = "Opening line\narchival\nIt was all in vain, said the man.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A temp folder whose config runs only the three test packs."""
    for name, text in (("idiom.toml", IDIOM_PACK), ("caption.toml", CAPTION_PACK), ("grammar.toml", GRAMMAR_PACK)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text(
        'packs = ["idiom.toml", "caption.toml", "grammar.toml"]\nselect = ["TS"]\n', encoding="utf-8"
    )
    return tmp_path


def check(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str, env: dict | None = None):
    """Run `mtlint check` in-process in `project`, with no installed rules besides the packs."""
    monkeypatch.chdir(project)
    monkeypatch.setitem(registry._CACHE, registry.GROUP, Registry(()))
    result = CliRunner().invoke(
        main, ["check", "--no-cache", *args], env={"GITHUB_ACTIONS": None, **(env or {})}, catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return result


def write(project: Path, name: str, text: str) -> None:
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_bytes(text.encode("utf-8"))


def test_every_format_is_registered_and_loads() -> None:
    assert set(FORMATTERS) >= {"text", "json", "jsonl", "github", "sarif", "junit", "html"}
    for name in FORMATTERS:
        assert get_formatter(name).name == name


# -- json and jsonl --------------------------------------------------------------------------------
def test_json_has_exactly_the_documented_keys_and_positions(project, monkeypatch) -> None:
    write(project, "a.txt", "Opening line\narchival\nIt was all in the sun, said the man.\n")
    write(project, "b.txt", "Clean text.\n")
    out = json.loads(check(project, monkeypatch, "--format", "json", ".").stdout)
    assert out == [
        {
            "path": "a.txt",
            "code": "TS002",
            "rule": "test-caption",
            "category": "caption",
            "severity": "error",
            "message": "Stray caption 'archival'.",
            "line": 2,
            "column": 1,
            "end_line": 2,
            "end_column": 9,
            "fix": {
                "applicability": "safe",
                "edits": [{"line": 2, "column": 1, "end_line": 2, "end_column": 9, "replacement": ""}],
            },
        }
    ]
    assert list(out[0]) == JSON_KEYS


@pytest.mark.parametrize(
    "value",
    [
        [],
        {},
        [[], {}, [[]], {"a": {}}],
        [{"path": "d/é.txt", "line": 2, "fix": None, "ok": True, "no": False, "m": '“q” \\ " \n \u2028 \x00 \ud800'}],
        {"fix": {"applicability": "safe", "edits": [{"line": 1, "replacement": ""}]}, "data": (1, (2, [3]))},
        "text",
        -7,
        None,
        {"share": 0.5, "nan": float("nan")},  # floats: left to json
        {1: "a", None: "b"},  # keys that are not strings: left to json
    ],
)
def test_json_is_written_as_json_dumps_writes_it(value) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_json_fix_edits_and_end_column_exclusive(project, monkeypatch) -> None:
    write(project, "a.txt", "Ça ira, all in the wind.\n")
    out = json.loads(check(project, monkeypatch, "--format", "json", "a.txt").stdout)
    first = out[0]
    assert (first["code"], first["line"], first["column"], first["end_line"], first["end_column"]) == (
        "TS001",
        1,
        13,
        1,
        24,
    )
    assert first["fix"] == {
        "applicability": "safe",
        "edits": [{"line": 1, "column": 13, "end_line": 1, "end_column": 24, "replacement": "in vain"}],
    }
    assert "Ça ira, all in the wind."[first["column"] - 1 : first["end_column"] - 1] == "in the wind"
    assert all(list(d) == JSON_KEYS for d in out)


def test_jsonl_is_one_json_object_per_line_with_the_same_objects(project, monkeypatch) -> None:
    write(project, "a.txt", "archival\nAll in the wind.\n")
    as_json = json.loads(check(project, monkeypatch, "--format", "json", ".").stdout)
    lines = check(project, monkeypatch, "--format", "jsonl", ".").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    assert len(lines) == 3


@pytest.mark.parametrize("fmt,empty", [("json", "[]\n"), ("jsonl", ""), ("github", "")])
def test_zero_findings(project, monkeypatch, fmt, empty) -> None:
    write(project, "a.txt", "Nothing to see here.\n")
    result = check(project, monkeypatch, "--format", fmt, ".")
    assert result.exit_code == 0
    assert result.stdout == empty


# -- github ----------------------------------------------------------------------------------------
def test_github_workflow_commands_escape_data_and_properties(project, monkeypatch) -> None:
    write(project, "we,ird:name%.txt", "Gone, in the wind.\n")
    out = check(project, monkeypatch, "--format", "github", ".").stdout.splitlines()
    assert out[0] == (
        "::warning file=we%2Cird%3Aname%25.txt,line=1,col=7,endLine=1,endColumn=18,title=TS001 test-idiom"
        "::TS001 [test-idiom] Avoid 'in the wind': 100%25 literal, say 'in vain'"
    )
    assert out[1].startswith("::warning file=we%2Cird%3Aname%25.txt,line=1,col=10,")


def test_github_levels(project, monkeypatch) -> None:
    write(project, "a.txt", "archival\nSome assistance in kind.\n")
    out = check(project, monkeypatch, "--format", "github", ".").stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::error", "::notice"]


def test_github_format_chosen_automatically_under_actions(project, monkeypatch) -> None:
    write(project, "a.txt", "All in the wind.\n")
    auto = check(project, monkeypatch, ".", env={"GITHUB_ACTIONS": "true"}).stdout
    assert auto == check(project, monkeypatch, "--format", "github", ".").stdout
    assert auto.startswith("::warning file=a.txt,line=1,col=5,")
    explicit = check(project, monkeypatch, "--format", "json", ".", env={"GITHUB_ACTIONS": "true"}).stdout
    assert json.loads(explicit)[0]["code"] == "TS001"
    plain = check(project, monkeypatch, ".").stdout
    assert plain.startswith("a.txt:1:5: TS001 [test-idiom]")


# -- sarif -----------------------------------------------------------------------------------------
def validate_sarif(text: str) -> dict:
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(text)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    return log


def test_sarif_is_schema_valid_with_rules_results_and_fixes(project, monkeypatch) -> None:
    write(project, "a.txt", "archival\nÉtat: all in the wind.\n")
    write(project, "sub dir/b.txt", "Clean.\n")
    log = validate_sarif(check(project, monkeypatch, "--format", "sarif", ".").stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TS001", "TS002"]
    caption = rules[1]
    assert caption["name"] == "test-caption"
    assert caption["defaultConfiguration"] == {"level": "error"}
    assert caption["shortDescription"]["text"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("TS002", "error"),
        ("TS001", "warning"),
        ("TS001", "warning"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    idiom = results[1]
    loc = idiom["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 22}
    assert idiom["message"]["text"] == "Avoid 'in the wind': 100% literal, say 'in vain'"
    change = idiom["fixes"][0]["artifactChanges"][0]
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 22},
            "insertedContent": {"text": "in vain"},
        }
    ]
    assert "fixes" not in results[2]  # "the wind" has no replacement


def test_sarif_uri_is_relative_and_percent_encoded(project, monkeypatch) -> None:
    write(project, "sub dir/a#1.txt", "archival\n")
    log = validate_sarif(check(project, monkeypatch, "--format", "sarif", ".").stdout)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub%20dir/a%231.txt"


def test_sarif_zero_findings_is_valid(project, monkeypatch) -> None:
    write(project, "a.txt", "Nothing here.\n")
    log = validate_sarif(check(project, monkeypatch, "--format", "sarif", ".").stdout)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


# -- a plug-in-style rule, run without the CLI -----------------------------------------------------
class Probe(Rule):
    """Flag the probes a formatter test plants.

    Documentation with <b>markup</b> & "quotes" that must stay text.
    """

    code = "TP001"
    name = "test-probe"
    category = "duplicate"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for m in regex.finditer(r"XX", doc.text):
            yield self.finding(m.start(), m.end(), 'probe <X> & "q"', Fix.unsafe(Edit(m.start(), m.end(), "Y<Y>")))
        for m in regex.finditer(r"@@", doc.text):
            yield self.finding(m.end(), m.end(), "point")  # zero-length
        for m in regex.finditer(r"\[\[.*?\]\]", doc.text, regex.S):
            yield self.finding(m.start(), m.end(), "multi-line")
        for m in regex.finditer(r"\n\n\n", doc.text):
            yield self.finding(m.start() + 1, m.start() + 2, "blank line only")


PROBE_TEXT = 'A XX b @@ c.\n[[one\n\ntwo]] <script>alert(1)</script>\nend\n\n\nlast &amp; "q" XX\n'


def probe_run(text: str = PROBE_TEXT, registry_: Registry | None = None) -> RunReport:
    doc = Document(text, "doc<1>.txt", "text")
    result = run_rules(doc, [Probe()])
    extras = {"registry": registry_} if registry_ is not None else {}
    return RunReport((FileReport(doc.path, doc, result.findings),), files_checked=1, extras=extras)


def test_sarif_rule_metadata_from_the_rule_class() -> None:
    run = probe_run(registry_=Registry((Probe,)))
    log = validate_sarif(get_formatter("sarif")().format(run))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["shortDescription"]["text"] == "Flag the probes a formatter test plants."
    assert rule["fullDescription"]["text"] == Probe.documentation()
    assert rule["help"]["text"].startswith("TP001 test-probe (duplicate, warning, fixable)\n")
    results = log["runs"][0]["results"]
    empty = next(r for r in results if r["message"]["text"] == "point")
    region = empty["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == region["endColumn"] == 10


def test_sarif_unknown_rule_falls_back_to_what_findings_say() -> None:
    log = validate_sarif(get_formatter("sarif")().format(probe_run()))
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert (rule["id"], rule["name"], rule["defaultConfiguration"]["level"]) == ("TP001", "test-probe", "warning")


# -- junit -----------------------------------------------------------------------------------------
def test_junit_one_testcase_per_file_and_valid_xml(project, monkeypatch) -> None:
    write(project, 'we<ird> & "q".txt', "archival\nA bad\x0bword <b> & more, in the wind.\n")
    write(project, "clean.txt", "Nothing here.\n")
    root = ET.fromstring(check(project, monkeypatch, "--format", "junit", ".").stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"clean.txt", 'we<ird> & "q".txt'}
    assert cases["clean.txt"].find("failure") is None
    failure = cases['we<ird> & "q".txt'].find("failure")
    assert failure is not None
    assert failure.get("message") == "4 findings"
    lines = failure.text.splitlines()
    assert lines[0] == "we<ird> & \"q\".txt:1:1: TS002 [test-caption] Stray caption 'archival'. (fix available: safe)"
    assert lines[1] == "we<ird> & \"q\".txt:2:3: TS003 [test-grammar] Odd phrase 'bad\\x0bword'."


def test_junit_zero_findings(project, monkeypatch) -> None:
    write(project, "a.txt", "Nothing here.\n")
    root = ET.fromstring(check(project, monkeypatch, "--format", "junit", ".").stdout)
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert [c.get("name") for c in root.iter("testcase")] == ["a.txt"]
    assert not list(root.iter("failure"))


# -- html ------------------------------------------------------------------------------------------
class Elements(HTMLParser):
    """Collect elements (tag, attrs) and the text of every line of the rendered documents."""

    VOID = frozenset({"meta", "link", "input", "br", "img"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.lines: dict[str, str] = {}
        self.line: str | None = None
        self.line_depth = 0
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: list[str] | None = None

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "div" and "line" in a.get("class", "").split():
            self.line = a["id"]
            self.line_depth = len(self.stack)
            self.lines[self.line] = ""
        if tag in ("script", "style"):
            self._raw = []

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if self.line is not None and len(self.stack) < self.line_depth:
            self.line = None
        if tag in ("script", "style") and self._raw is not None:
            (self.scripts if tag == "script" else self.styles).append("".join(self._raw))
            self._raw = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._raw is not None:
            self._raw.append(data)
        elif self.line is not None:
            self.lines[self.line] += data

    def with_class(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if cls in a.get("class", "").split()]


def parse_html(page: str) -> Elements:
    p = Elements()
    p.feed(page)
    p.close()
    assert p.stack == [], p.stack
    return p


def embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="mtlint-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_html_escapes_every_document_text() -> None:
    page = get_formatter("html")().format(probe_run())
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page  # a literal "&amp;" in the document stays visible as text
    p = parse_html(page)
    assert [t for t, _ in p.elements].count("script") == 2  # the data block and the report's own script
    assert "<script" not in p.scripts[0]  # embedded data cannot close its element
    assert "<b>markup</b>" not in page and "probe <X>" not in page


def test_html_csp_admits_only_the_reports_own_script_and_style() -> None:
    page = get_formatter("html")().format(probe_run())
    p = parse_html(page)
    csp = next(a["content"] for t, a in p.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")

    def sha(s: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    assert f"script-src {sha(p.scripts[1])}" in csp
    assert f"style-src {sha(p.styles[0])}" in csp
    assert "default-src 'none'" in csp
    assert "http" not in page.split("<body>")[0].replace("http-equiv", "")  # nothing fetched from a network


def test_html_lines_keep_the_document_text_exactly() -> None:
    page = get_formatter("html")().format(probe_run())
    p = parse_html(page)
    doc_lines = PROBE_TEXT.split("\n")[:-1]
    assert [p.lines[f"d0-L{i + 1}"] for i in range(len(doc_lines))] == doc_lines
    assert f"d0-L{len(doc_lines) + 1}" not in p.lines  # no phantom line after the final newline


def test_html_every_finding_is_an_element_with_code_and_position() -> None:
    run = probe_run()
    page = get_formatter("html")().format(run)
    expected = [finding_dict(r, f) for r in run.files for f in r.findings]
    assert embedded(page)["findings"] == expected
    heads = parse_html(page).with_class("head")
    assert len(heads) == len(expected) == 5
    for i, (a, d) in enumerate(zip(sorted(heads, key=lambda a: int(a["data-f"])), expected)):
        assert a["id"] == f"f{i}"
        assert (a["data-code"], a["data-category"], a["data-severity"]) == (d["code"], d["category"], d["severity"])
        assert (int(a["data-line"]), int(a["data-column"])) == (d["line"], d["column"])
        assert a["data-fix"] == (d["fix"]["applicability"] if d["fix"] else "")
    points = parse_html(page).with_class("pt")
    assert {int(a["data-f"]) for a in points} == {
        i for i, d in enumerate(expected) if d["message"] in ("point", "blank line only")
    }


def test_html_multi_line_and_crossing_spans_are_split_not_lost() -> None:
    text = "Some assistance in the wind today.\n"
    doc = Document(text, "x.txt", "text")

    class Cross(Probe):
        def check(self, doc):  # type: ignore[no-untyped-def]
            yield self.finding(5, 18, "assistance in")  # crosses the next one
            yield self.finding(16, 27, "in the wind")
            yield self.finding(19, 27, "the wind")  # nested in the previous one

    found = run_rules(doc, [Cross()]).findings
    page = get_formatter("html")().format(RunReport((FileReport("x.txt", doc, found),), files_checked=1))
    p = parse_html(page)
    assert p.lines["d0-L1"] == text.rstrip("\n")
    pieces = Counter(a["data-f"] for a in p.with_class("hl"))
    assert len(p.with_class("head")) == 3
    assert sum(pieces.values()) == 4  # "in the wind" is split where "assistance in" ends
    page = get_formatter("html")().format(probe_run())
    multi = next(str(i) for i, d in enumerate(embedded(page)["findings"]) if d["message"] == "multi-line")
    assert sum(1 for a in parse_html(page).with_class("hl") if a["data-f"] == multi) == 2  # lines 2 and 4, not 3


def test_html_counts_equal_the_json_output(project, monkeypatch) -> None:
    write(project, "a.txt", "archival\nPakistani assistance in the wind, again in the wind.\n")
    write(project, "b.md", "# Title\n\npicture\n\nText <script>alert('x')</script> in the wind.\n")
    write(project, "c.txt", "Clean.\n")
    as_json = json.loads(check(project, monkeypatch, "--format", "json", ".").stdout)
    out = project / "report.html"
    result = check(project, monkeypatch, "--format", "html", "--output", str(out), ".")
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert embedded(page)["findings"] == as_json
    p = parse_html(page)
    heads = p.with_class("head")
    assert Counter(a["data-category"] for a in heads) == Counter(d["category"] for d in as_json)
    assert Counter(a["data-code"] for a in heads) == Counter(d["code"] for d in as_json)
    cards = {a["id"]: None for _, a in p.elements if a.get("id", "").startswith(("total-", "fix-"))}
    assert set(cards) == {"total-findings", "fix-safe", "fix-unsafe"}
    assert re.search(r'<b id="total-findings">(\d+)</b>', page).group(1) == str(len(as_json))
    safe = sum(1 for d in as_json if d["fix"] and d["fix"]["applicability"] == "safe")
    assert re.search(r'<b id="fix-safe">(\d+)</b>', page).group(1) == str(safe)
    assert re.search(r'<b id="files-linted">(\d+)</b>', page).group(1) == "3"
    # the file list is sorted worst first and lists clean files too
    rows = re.findall(r'<td class="path">(?:<a href="#d\d+">)?([^<]+)', page)
    by_file = Counter(d["path"] for d in as_json)
    assert rows == sorted(["a.txt", "b.md", "c.txt"], key=lambda f: -by_file[f])
    # category bar chart: one bar per category with its count
    bars = dict(re.findall(r'<g class="bar cat" data-key="([^"]+)">.*?<text class="n"[^>]*>(\d+)</text>', page))
    assert {k: int(v) for k, v in bars.items()} == Counter(d["category"] for d in as_json)


def test_html_zero_findings(project, monkeypatch) -> None:
    write(project, "a.txt", "Nothing here.\n")
    out = project / "r.html"
    check(project, monkeypatch, "--format", "html", "-o", str(out), ".")
    page = out.read_text(encoding="utf-8")
    p = parse_html(page)
    assert embedded(page)["findings"] == []
    assert not p.with_class("hl")
    assert "No findings" in page
    assert re.search(r'<b id="files-linted">1</b>', page)


def test_html_explanation_is_the_rule_documentation() -> None:
    page = get_formatter("html")().format(probe_run(registry_=Registry((Probe,))))
    rules = embedded(page)["rules"]
    assert rules["TP001"]["explanation"] == Probe.documentation()
    assert rules["TP001"]["known"] is True


def test_html_escapes_file_names(project, monkeypatch) -> None:
    name = "<img src=x onerror=alert(1)> & co.txt"
    write(project, name, "archival\n")
    out = project / "r.html"
    check(project, monkeypatch, "--format", "html", "-o", str(out), ".")
    page = out.read_text(encoding="utf-8")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co.txt" in page
    assert embedded(page)["findings"][0]["path"] == name
    parse_html(page)
