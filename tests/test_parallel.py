"""`--jobs`: a process pool gives exactly the output of one process, sorted by path then position."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mtlint.engine.config import Config
from mtlint.engine.registry import Registry
from mtlint.engine.ruleset import build_rules
from mtlint.io.source import read_document
from mtlint.run.documents import lint_documents
from mtlint.run.evidence import CorpusStats, document_lines, normalise_line
from mtlint.run.executor import LocalExecutor, resolve_jobs
from mtlint.text.document import Document
from tests.scale_helpers import check_json, make_project


def test_jobs_two_gives_the_output_of_jobs_one(tmp_path: Path) -> None:
    make_project(tmp_path, files=24)
    code1, one, _ = check_json(tmp_path, "--no-cache", "-j", "1", "docs")
    code2, two, _ = check_json(tmp_path, "--no-cache", "-j", "2", "docs")
    code0, every, _ = check_json(tmp_path, "--no-cache", "-j", "0", "docs")
    assert code1 == code2 == code0 == 1
    assert one == two == every
    # per file: footer and marker line (each in 3+ files: cross-file rule), "in the wind" and
    # "very very" (pack), "marker" (per-file rule)
    assert sorted({f["code"] for f in one}) == ["HS001", "SCL001", "SCL002"]
    assert len(one) == 24 * 5


def test_output_is_sorted_by_path_then_position_whatever_the_argument_order(tmp_path: Path) -> None:
    paths = make_project(tmp_path, files=8)
    rel = [str(p.relative_to(tmp_path)) for p in reversed(paths)]
    _, found, _ = check_json(tmp_path, "--no-cache", "-j", "2", *rel)
    keys = [(f["path"], f["line"], f["column"]) for f in found]
    assert keys == sorted(keys)
    assert found[0]["path"] == "docs/article-00.txt" and found[-1]["path"] == "docs/article-07.txt"
    assert [(f["line"], f["column"], f["code"]) for f in found if f["path"] == "docs/article-03.txt"] == [
        (3, 44, "HS001"),
        (4, 1, "SCL001"),
        (4, 3, "SCL002"),
        (4, 31, "HS001"),
        (6, 1, "SCL001"),
    ]


def test_pool_in_process_api_matches_serial(tmp_path: Path) -> None:
    paths = make_project(tmp_path, files=10)
    config = Config(packs=(tmp_path / "house.toml",), root=tmp_path)
    ruleset = build_rules(config, registry=Registry(()))
    assert [r.code for r in ruleset.rules] == ["HS001"]
    docs = [read_document(str(p)) for p in paths]
    stats = CorpusStats.of_documents(docs)
    docs = [replace(d, corpus=stats) for d in docs]
    serial = lint_documents(docs, ruleset, LocalExecutor(1))
    pooled = lint_documents(list(reversed(docs)), ruleset, LocalExecutor(2))
    assert [(r.document.path, r.findings) for r in serial] == [(r.document.path, r.findings) for r in pooled]
    assert sum(len(r.findings) for r in serial) == 20


def test_copies_of_one_document_count_once_as_evidence_across_files() -> None:
    page = Document("Harbour news\nFollow us for more\nThe ferry ran late again.\n", "a.txt")
    copy = Document(page.text, "copy-of-a.txt")
    other = Document("Market news\nFollow us for more\nPrices rose.\n", "b.txt")
    stats = CorpusStats.of_documents([page, copy, other])
    assert stats.files == 3
    assert stats.count("Harbour news") == 1  # only in the page and its copy: no cross-file evidence
    assert stats.count("follow  us for MORE") == 2  # in two different pages


def test_zero_jobs_means_every_core() -> None:
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(3) == 3


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from mtlint.commands.console import progress_bar

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bar = progress_bar(100, "files")
    assert bar is not None
    bar.close()
    assert progress_bar(10, "files") is None  # a short run needs no bar
    monkeypatch.setenv("CI", "true")
    assert progress_bar(100, "files") is None
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert progress_bar(100, "files") is None


def test_no_progress_output_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    make_project(tmp_path, files=60)
    _, found, err = check_json(tmp_path, "--no-cache", "-j", "2", "docs")
    assert len(found) == 60 * 5 and err == ""


def test_document_lines_are_the_normalised_lines_with_or_without_separators() -> None:
    # A document without the separators str.split() reads as spaces takes a shorter path: same lines.
    for text in ("  Read  MORE \n\nRead more\n Ünïcode\tline\u00a0 \n", "a\x1fb\n A  B\nc\x1f \n"):
        expected = frozenset(n for n in map(normalise_line, text.splitlines()) if n)
        assert document_lines(text) == expected
    assert document_lines("  Read  MORE \nRead more\n") == {"read more"}
    assert document_lines("a\x1fb\n") == {"a\x1fb"}
