"""One runner over every rule's case file (fixtures/cases/<rule-name>.toml).

Case file format:

    rule = "stray-caption"            # the rule under test (name or code)
    options = { max-words = 4 }       # optional rule options for every case below
    format = "text"                   # optional: "text" (default) or "markdown"

    [[valid]]                         # texts that must produce no finding of this rule
    text = "The picture is clear."
    note = "a caption word inside a sentence"

    [[invalid]]                       # texts that must produce exactly these findings
    text = "Intro.\\n\\npicture\\n\\nMore prose."
    findings = [{ line = 3, column = 1 }]   # optional: end_line, end_column, message (substring)
    fixed = "Intro.\\n\\nMore prose."         # optional: text after --fix (safe fixes)
    unsafe_fixed = "..."                      # optional: text after --fix --unsafe-fixes
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mtlint.engine.config import Config
from mtlint.engine.registry import discover
from mtlint.engine.ruleset import build_rules, fix
from mtlint.engine.runner import run_rules
from mtlint.rules import BUILTIN
from mtlint.text.document import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"


def _load():
    out = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in ("valid", "invalid"):
            for i, case in enumerate(data.get(kind, [])):
                out.append(pytest.param(path.stem, data, kind, case, id=f"{path.stem}:{kind}:{i + 1}"))
    return out


def _rules(data: dict, case: dict):
    opts = {**data.get("options", {}), **case.get("options", {})}
    config = Config(select=(data["rule"],), rules=((data["rule"], tuple(opts.items())),) if opts else ())
    return build_rules(config).rules


def _doc(data: dict, case: dict) -> Document:
    fmt = case.get("format", data.get("format", "text"))
    return Document(case["text"], "case.md" if fmt == "markdown" else "case.txt", fmt)


@pytest.mark.parametrize("stem,data,kind,case", _load())
def test_case(stem: str, data: dict, kind: str, case: dict) -> None:
    rules = _rules(data, case)
    rule = discover().lookup(data["rule"])
    assert rule is not None, f"{stem}: unknown rule {data['rule']!r}"
    doc = _doc(data, case)
    findings = [f for f in run_rules(doc, rules).findings if f.code == rule.code]
    got = []
    for f in findings:
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        got.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col, "message": f.message})
    if kind == "valid":
        assert got == [], f"{stem}: expected no finding for {case['text']!r} ({case.get('note', '')})"
        return
    if "findings" in case:
        expected = case["findings"]
        assert len(got) == len(expected), f"{stem}: expected {expected}, got {got}"
        for g, e in zip(got, expected):
            for key, value in e.items():
                if key == "message":
                    assert value in g["message"], f"{stem}: message {g['message']!r} lacks {value!r}"
                else:
                    assert g[key] == value, f"{stem}: {key} {g[key]} != {value} in {g}"
    else:
        assert got, f"{stem}: expected a finding for {case['text']!r}"
    if "fixed" in case:
        assert fix(doc, rules, unsafe=False).text == case["fixed"]
    if "unsafe_fixed" in case:
        assert fix(doc, rules, unsafe=True).text == case["unsafe_fixed"]


def test_every_builtin_rule_has_cases() -> None:
    """A rule without valid and invalid cases is untested; packaging one is a defect."""
    covered: dict[str, set[str]] = {}
    for path in CASES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rule = discover().lookup(data["rule"])
        assert rule is not None, f"{path.name}: unknown rule {data['rule']!r}"
        kinds = {k for k in ("valid", "invalid") if data.get(k)}
        covered.setdefault(rule.code, set()).update(kinds)
    assert len(BUILTIN) >= 18
    for rule in BUILTIN:
        assert covered.get(rule.code) == {"valid", "invalid"}, f"{rule.code} {rule.name} lacks case files"


def test_every_builtin_rule_says_what_it_catches_and_leaves_alone() -> None:
    """`mtlint explain` is the rule's documentation: a bad example, a good one, and what stays silent."""
    for rule in BUILTIN:
        doc = rule.documentation()
        assert "Bad:" in doc and "Good:" in doc, f"{rule.code} shows no bad and good example"
        silent = ("Left alone", "left alone", "Not flagged", "Not reported", "Silent:", "stay silent", "Staying silent")
        assert any(k in doc for k in silent), f"{rule.code} does not say what it leaves alone"
