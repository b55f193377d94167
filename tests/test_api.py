"""The library API: lint_text, fix_text and lint_paths, as a program embedding mtlint uses them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import mtlint
from mtlint.rules.sentence.repeated_word import RepeatedWord

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
