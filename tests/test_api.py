"""The library API: lint_text, fix_text and lint_paths, as a program embedding mtlint uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import mtlint
from mtlint.rules.sentence.repeated_word import RepeatedWord
from tests.helpers import mtlint as run_cli

TEXT = "Talks went well.\n\narchival\n\nThey will meet again in the the spring.\n"


def test_lint_text_returns_sorted_findings() -> None:
    found = mtlint.lint_text(TEXT)
    assert [(f.code, TEXT[f.start : f.end]) for f in found] == [("MT101", "archival"), ("MT404", "the")]


def test_fix_text_applies_the_safe_fixes() -> None:
    assert mtlint.fix_text(TEXT) == "Talks went well.\n\nThey will meet again in the spring.\n"


def test_a_failing_rule_warns_and_the_other_findings_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(self: RepeatedWord, doc: mtlint.Document) -> Iterator[mtlint.Finding]:
        raise KeyError("„")

    monkeypatch.setattr(RepeatedWord, "check", boom)
    with pytest.warns(mtlint.RuleFailedWarning, match=r"<string>: rule repeated-word \(MT404\) failed: KeyError"):
        found = mtlint.lint_text(TEXT)
    assert [f.code for f in found] == ["MT101"]


def test_lint_paths_reads_folders_like_check(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nThe the plan is ready.\n", encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")  # not a prose file: not read
    results = mtlint.lint_paths([str(tmp_path)], select=["MT404"])
    assert [(Path(r.document.path).name, [f.code for f in r.findings]) for r in results] == [
        ("a.txt", ["MT404"]),
        ("notes.md", ["MT404"]),
    ]
    with pytest.raises(FileNotFoundError, match=r"missing\.txt: no such file"):
        mtlint.lint_paths([str(tmp_path / "missing.txt")])


COPY = (
    "The mayor spoke to reporters on Monday and said: “hay que reconstruir la ciudad cuanto antes”, before he left.\n"
    "The council will meet again next week to vote on the budget for the repairs and for the new flood wall.\n"
    "The mayor spoke to reporters on Monday and said: “hay que reconstruir la ciudad cuanto antes”, before he left.\n"
)


def test_a_line_to_be_deleted_has_its_problems_reported_once() -> None:
    found = mtlint.lint_text(COPY)
    # The Spanish clause is reported where it first stands; its copy only as a copy, which the fix deletes.
    assert [(f.code, COPY.count("\n", 0, f.start) + 1) for f in found] == [("MT403", 1), ("MT103", 3)]


def test_a_warm_run_drops_the_same_findings(tmp_path: Path) -> None:
    # A warm run reads the per-file findings from the cache and runs the cross-file rules (MT103) again:
    # the two halves are merged with the same policy.
    (tmp_path / "story.txt").write_text(COPY, encoding="utf-8")
    runs = []
    for _ in range(2):
        res = run_cli("check", "--format", "json", "--cache-dir", str(tmp_path / "cache"), "story.txt", cwd=tmp_path)
        runs.append([(f["code"], f["line"]) for f in json.loads(res.out)])
    assert (tmp_path / "cache").is_dir()
    assert runs[0] == runs[1] == [("MT403", 1), ("MT103", 3)]
