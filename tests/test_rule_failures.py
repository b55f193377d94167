"""A rule that raises on some input: the other rules still report, and every output says the run is
incomplete (stderr, the text summary, GitHub annotations, JUnit errors, SARIF notifications, HTML), with
exit code 2. The rule is a plug-in (tests/data/plugins/crashy) whose table lacks the low-9 quote „.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mtlint.formatters.base import failure_message
from mtlint.model import RuleFailure
from mtlint.version import __version__
from tests.helpers import PLUGINS, mtlint

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ENV = {"PYTHONPATH": os.pathsep.join([str(PLUGINS / "crashy"), os.environ.get("PYTHONPATH", "")])}
ARGS = ("check", "--isolated", "--no-cache", "--select", "MT404,CRASH001")
FILES = {
    "a.txt": "The critic called it „a brave film” and moved on.\n\nIt was the the best day.\n",
    "b.txt": "He said „no” twice.\n\nWe went to to the shop.\n",
    "c.txt": "Quote: „yes”.\n\nThey they left.\n",
}
ASK = (
    f"(mtlint {__version__}, in mtlint_crashy_plugin.py:24). This is a bug in the plug-in mtlint-crashy-plugin "
    "0.1, not in the file: please report it, with the file, to the plug-in's maintainers."
)
FAILED = f"rule quote-style (CRASH001) failed: KeyError: '„' {ASK}"
STDERR = "".join(f"mtlint: error: {name}: {FAILED}\n" for name in FILES)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_text_output_keeps_the_other_findings_and_says_the_results_are_incomplete(folder: Path) -> None:
    res = mtlint(*ARGS, ".", cwd=folder, env=ENV)
    assert res.code == 2
    assert res.err == STDERR
    assert res.out == (
        "a.txt:3:12: MT404 [repeated-word] 'the' is repeated\n"
        "3 | It was the the best day.\n"
        "  |            ^^^ fix available (safe)\n"
        "b.txt:3:12: MT404 [repeated-word] 'to' is repeated\n"
        "3 | We went to to the shop.\n"
        "  |            ^^ fix available (safe)\n"
        "c.txt:3:6: MT404 [repeated-word] 'they' is repeated\n"
        "3 | They they left.\n"
        "  |      ^^^^ fix available (safe)\n"
        "3 findings in 3 files (3 fixable with --fix). "
        "The results are incomplete: rule quote-style (CRASH001) failed on 3 files.\n"
    )


def test_no_findings_is_not_reported_as_clean(folder: Path) -> None:
    res = mtlint(*ARGS, "--quiet", "a.txt", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, f"mtlint: error: a.txt: {FAILED}\n")
    assert res.out == (
        "a.txt:3:12: MT404 [repeated-word] 'the' is repeated\n"
        "1 finding in 1 file (1 fixable with --fix). "
        "The results are incomplete: rule quote-style (CRASH001) failed on 1 file.\n"
    )
    res = mtlint("check", "--isolated", "--no-cache", "--select", "CRASH001", "a.txt", cwd=folder, env=ENV)
    assert res.code == 2
    assert res.out == (
        "No findings in 1 file from the rules that finished. "
        "The results are incomplete: rule quote-style (CRASH001) failed on 1 file.\n"
    )


def test_github_annotates_each_file_with_an_error(folder: Path) -> None:
    res = mtlint(*ARGS, "--format", "github", ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    assert res.out.splitlines() == [
        "::warning file=a.txt,line=3,col=12,endLine=3,endColumn=15,title=MT404 repeated-word::"
        "MT404 [repeated-word] 'the' is repeated",
        "::warning file=b.txt,line=3,col=12,endLine=3,endColumn=14,title=MT404 repeated-word::"
        "MT404 [repeated-word] 'to' is repeated",
        "::warning file=c.txt,line=3,col=6,endLine=3,endColumn=10,title=MT404 repeated-word::"
        "MT404 [repeated-word] 'they' is repeated",
        *(f"::error file={name},title=mtlint%3A rule CRASH001 quote-style failed::{FAILED}" for name in FILES),
    ]


def test_junit_marks_each_file_as_an_error(folder: Path) -> None:
    res = mtlint(*ARGS, "--format", "junit", ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    root = ET.fromstring(res.out)
    assert root.attrib == {"name": "mtlint", "tests": "3", "failures": "0", "errors": "3", "skipped": "0"}
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == list(FILES)
    for case, (name, finding) in zip(cases, [("a.txt", "3:12"), ("b.txt", "3:12"), ("c.txt", "3:6")]):
        assert case.find("failure") is None
        error = case.find("error")
        assert error is not None
        assert error.attrib == {"message": "rule quote-style (CRASH001) failed", "type": "KeyError"}
        lines = error.text.splitlines()
        assert lines[0] == f"{name}: {FAILED}"
        assert lines[1].startswith(f"{name}:{finding}: MT404 [repeated-word] ")


def test_sarif_run_is_unsuccessful_with_one_notification_per_file(folder: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    res = mtlint(*ARGS, "--format", "sarif", ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    log = json.loads(res.out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CRASH001", "MT404"]
    assert [r["ruleId"] for r in run["results"]] == ["MT404"] * 3
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == list(FILES)
    assert notes[0] == {
        "level": "error",
        "message": {"text": FAILED},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}}}],
        "associatedRule": {"id": "CRASH001", "index": 0},
        "exception": {
            "kind": "KeyError",
            "message": "'„'",
            "stack": {"frames": [{"location": {"message": {"text": "mtlint_crashy_plugin.py:24"}}}]},
        },
        "properties": {"rule": "quote-style", "bug": True, "provider": "mtlint-crashy-plugin 0.1"},
    }


def test_sarif_of_a_clean_run_says_it_succeeded(folder: Path) -> None:
    res = mtlint("check", "--isolated", "--no-cache", "--select", "MT404", "--format", "sarif", ".", cwd=folder)
    assert res.code == 1
    assert json.loads(res.out)["runs"][0]["invocations"] == [
        {"executionSuccessful": True, "toolExecutionNotifications": []}
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_keeps_its_shape_and_failures_go_to_stderr(folder: Path, fmt: str) -> None:
    res = mtlint(*ARGS, "--format", fmt, ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    items = json.loads(res.out) if fmt == "json" else [json.loads(line) for line in res.out.splitlines()]
    assert [(d["path"], d["code"], d["line"], d["column"]) for d in items] == [
        ("a.txt", "MT404", 3, 12),
        ("b.txt", "MT404", 3, 12),
        ("c.txt", "MT404", 3, 6),
    ]


def test_html_report_opens_with_the_failures(folder: Path) -> None:
    res = mtlint(*ARGS, "--format", "html", ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    assert (
        '<section class="failures" role="alert"><h2>Incomplete report</h2><p>The results are incomplete: rule '
        "quote-style (CRASH001) failed on 3 files. Their findings are missing from this page.</p>"
    ) in res.out
    assert res.out.count("<li>a.txt: rule quote-style (CRASH001) failed: KeyError: '„' (mtlint") == 1


def test_fix_still_applies_the_other_rules_fixes(folder: Path) -> None:
    res = mtlint(*ARGS, "--fix", ".", cwd=folder, env=ENV)
    assert (res.code, res.err) == (2, STDERR)
    assert (folder / "a.txt").read_text(encoding="utf-8").endswith("It was the best day.\n")
    assert res.out == (
        "Fixed 3 findings. No findings in 3 files from the rules that finished. "
        "The results are incomplete: rule quote-style (CRASH001) failed on 3 files.\n"
    )


def test_failures_come_back_from_worker_processes(folder: Path) -> None:
    for i in range(3):
        (folder / f"d{i}.txt").write_text("„Fine” words.\n", encoding="utf-8")
    one = mtlint(*ARGS, ".", cwd=folder, env=ENV)
    pool = mtlint(*ARGS, "--jobs", "2", ".", cwd=folder, env=ENV)
    assert (pool.code, pool.out, pool.err) == (one.code, one.out, one.err)
    assert pool.err.count("mtlint: error: ") == 6


def test_corpus_reports_failures_like_check(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in FILES.items()), encoding="utf-8")
    res = mtlint("corpus", "--isolated", "--select", "MT404,CRASH001", "in.jsonl", cwd=tmp_path, env=ENV)
    assert res.code == 2
    assert [json.loads(line)["id"] for line in res.out.splitlines()] == list(FILES)
    assert res.err == "".join(f"mtlint: error: in.jsonl:{i}: {FAILED}\n" for i in (1, 2, 3)) + (
        "3 finding(s) in 3 record(s). The results are incomplete: rule quote-style (CRASH001) failed on 3 record(s).\n"
    )


def test_a_failure_of_a_builtin_rule_asks_for_a_report_to_mtlint() -> None:
    failure = RuleFailure("MT405", "unbalanced-delimiter", "KeyError", "'”'", True, "unbalanced_delimiter.py:120")
    assert failure_message(failure) == (
        f"rule unbalanced-delimiter (MT405) failed: KeyError: '”' (mtlint {__version__}, in "
        "unbalanced_delimiter.py:120). This is a bug in mtlint, not in the file: please report it, with the "
        "file, to the mtlint issue tracker."
    )


def test_a_rule_error_is_not_called_a_bug() -> None:
    failure = RuleFailure("MT501", "grammar", "GrammarError", "LanguageTool at x: no answer within 3 s", False)
    assert failure_message(failure) == (
        "rule grammar (MT501) failed: GrammarError: LanguageTool at x: no answer within 3 s"
    )


def test_a_builtin_rule_that_raises_is_attributed_to_mtlint(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtlint.engine.runner import run_rules
    from mtlint.rules.sentence.repeated_word import RepeatedWord
    from mtlint.rules.sentence.unbalanced_delimiter import UnbalancedDelimiter
    from mtlint.text.document import Document

    def broken(self, doc):  # type: ignore[no-untyped-def]
        raise KeyError("”")

    monkeypatch.setattr(UnbalancedDelimiter, "check", broken)
    result = run_rules(Document("It was the the day.\n"), [UnbalancedDelimiter(), RepeatedWord()])
    assert [f.code for f in result.findings] == ["MT404"]
    (failure,) = result.failures
    assert (failure.code, failure.rule, failure.message, failure.bug, failure.provider) == (
        "MT405",
        "unbalanced-delimiter",
        "KeyError: '”'",
        True,
        "mtlint",
    )
    assert failure.where.startswith("test_rule_failures.py:")
