"""The command line as a user meets it: output, exit codes, fixes, stdin, and every kind of bad input."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import mtlint


def test_text_output_is_ruff_like(project) -> None:
    path = project("a.txt", "Title\n\nThe aid was in the wind, sadly.\n")
    res = mtlint("check", "a.txt", cwd=project.root)
    assert res.code == 1
    assert res.out == (
        "a.txt:3:13: HS001 [house-style] Avoid 'in the wind'. Suggestion: 'in vain'.\n"
        "3 | The aid was in the wind, sadly.\n"
        "  |             ^^^^^^^^^^^ fix available (safe)\n"
        "1 finding in 1 file (1 fixable with --fix).\n"
    )
    assert path.read_text(encoding="utf-8").endswith("sadly.\n")  # nothing written without --fix


def test_clean_file_exits_0_and_says_so(project) -> None:
    project("a.md", "All good here.\n")
    res = mtlint("check", "a.md", cwd=project.root)
    assert (res.code, res.out) == (0, "No findings in 1 file.\n")
    res = mtlint("check", "--quiet", "a.md", cwd=project.root)
    assert (res.code, res.out) == (0, "")


def test_fix_rewrites_only_changed_files_and_keeps_mode(project) -> None:
    a = project("a.txt", "One in the wind.\r\nTwo.\r\n")
    b = project("b.txt", "Nothing here.\n")
    os.chmod(a, 0o640)
    before_b = os.stat(b).st_mtime_ns
    res = mtlint("check", "--fix", ".", cwd=project.root)
    assert res.code == 0, res.out + res.err
    assert a.read_bytes() == b"One in vain.\r\nTwo.\r\n"  # CRLF kept
    assert stat.S_IMODE(os.stat(a).st_mode) == 0o640
    assert os.stat(b).st_mtime_ns == before_b
    assert "Fixed 1 finding." in res.out
    assert not [p for p in project.root.iterdir() if p.name.endswith(".mtlint-tmp")]


def test_diff_prints_and_writes_nothing(project) -> None:
    a = project("a.txt", "One in the wind.\nTwo.\n")
    res = mtlint("check", "--diff", "a.txt", cwd=project.root)
    assert res.code == 1
    assert res.out == ("--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-One in the wind.\n+One in vain.\n Two.\n")
    assert a.read_text(encoding="utf-8") == "One in the wind.\nTwo.\n"
    project("b.txt", "Clean.\n")
    assert mtlint("check", "--diff", "b.txt", cwd=project.root).code == 0


def test_stdin_lints_and_fixes(project) -> None:
    res = mtlint("check", "-", "--stdin-filename", "doc.md", input="in the wind\n", cwd=project.root)
    assert res.code == 1 and res.out.startswith("doc.md:1:1: HS001")
    res = mtlint("check", "-", "--fix", input="in the wind\n", cwd=project.root)
    assert res.out == "in vain\n"


def test_rules_and_explain(project) -> None:
    res = mtlint("rules", "--format", "markdown")
    assert res.code == 0 and res.out.startswith("| code | name | category | severity | fixable | summary |")
    res = mtlint("explain", "nope")
    assert res.code == 2 and res.err.strip() == "mtlint: error: unknown rule 'nope' (see `mtlint rules`)"


def test_version() -> None:
    res = mtlint("--version")
    assert res.code == 0 and res.out.startswith("mtlint, version ")


def test_statistics(project) -> None:
    project("a.txt", "in the wind, in the wind\n")
    res = mtlint("check", "--statistics", "--quiet", "a.txt", cwd=project.root)
    assert "    2  HS001  house-style                  [*]\n" in res.out


def test_output_file(project) -> None:
    project("a.txt", "in the wind\n")
    res = mtlint("check", "--format", "jsonl", "--output", "out.jsonl", "a.txt", cwd=project.root)
    assert res.code == 1 and res.out == ""
    assert (project.root / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


# -- bad input: one clear line on stderr, the right exit code, no traceback, nothing changed -----------
def _one_line_error(res, code: int, text: str) -> None:
    assert res.code == code, (res.out, res.err)
    lines = [line for line in res.err.splitlines() if line.strip()]
    assert len(lines) == 1, res.err
    assert text in lines[0], res.err
    assert "Traceback" not in res.err


def test_missing_path(project) -> None:
    _one_line_error(mtlint("check", "nope.md", cwd=project.root), 2, "mtlint: error: nope.md: no such file or folder")


def test_folder_with_no_lintable_files(project) -> None:
    project("empty/data.csv", "a,b\n")
    _one_line_error(
        mtlint("check", "empty", cwd=project.root),
        2,
        "mtlint: error: no files to lint in empty (looked for *.md, *.markdown, *.txt)",
    )


def test_unreadable_file(project, monkeypatch) -> None:
    from click.testing import CliRunner

    import mtlint.io.source as source
    from mtlint.commands.cli import main

    path = project("a.txt", "text\n")
    real_open = open

    def fake_open(p, *a, **k):  # root can read anything, so simulate a permission problem
        if str(p).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *a, **k)

    monkeypatch.setattr(source, "open", fake_open, raising=False)
    monkeypatch.chdir(project.root)
    res = CliRunner().invoke(main, ["check", "a.txt"])
    assert res.exit_code == 2
    assert res.stderr.strip() == "mtlint: error: a.txt: cannot read: Permission denied"
    assert path.read_text(encoding="utf-8") == "text\n"


def test_binary_file_is_skipped_with_a_warning(project) -> None:
    project("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    project("ok.txt", "fine\n")
    res = mtlint("check", ".", cwd=project.root)
    assert res.code == 0
    assert res.err.strip() == "mtlint: warning: img.txt: binary file (contains NUL bytes), skipped"


def test_undecodable_bytes(project) -> None:
    path = project("latin.txt", "caf\xe9 in the wind\n".encode("latin-1"))
    res = mtlint("check", "--fix", "latin.txt", cwd=project.root)
    _one_line_error(res, 2, "latin.txt: cannot decode as utf-8 (byte 0xe9 at offset 3); pass --encoding to read it")
    assert path.read_bytes() == "caf\xe9 in the wind\n".encode("latin-1")
    res = mtlint("check", "--encoding", "latin-1", "--fix", "latin.txt", cwd=project.root)
    assert res.code == 0 and path.read_bytes() == "caf\xe9 in vain\n".encode("latin-1")


@pytest.mark.parametrize("content", ["", "   \n\t\n\n", "\r\n\r\n"])
def test_empty_and_whitespace_files(project, content) -> None:
    project("blank.txt", content)
    res = mtlint("check", "blank.txt", cwd=project.root)
    assert (res.code, res.err) == (0, "")


def test_huge_file_is_skipped_with_a_warning(project) -> None:
    path = project("huge.txt", b"")
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    res = mtlint("check", "huge.txt", cwd=project.root)
    assert res.code == 0
    assert res.err.strip() == "mtlint: warning: huge.txt: skipped, 52.4 MB is over the 20 MiB limit"


def test_crlf_and_mixed_newlines_keep_their_bytes(project) -> None:
    raw = b"A line.\r\nin the wind\rthird\nlast in the wind"
    path = project("mixed.txt", raw)
    res = mtlint("check", "--format", "json", "mixed.txt", cwd=project.root)
    assert '"line": 2' in res.out and '"line": 4' in res.out
    mtlint("check", "--fix", "mixed.txt", cwd=project.root)
    assert path.read_bytes() == b"A line.\r\nin vain\rthird\nlast in vain"


def test_bom_is_kept_by_fix(project) -> None:
    path = project("bom.md", b"\xef\xbb\xbfin the wind\n")
    mtlint("check", "--fix", "bom.md", cwd=project.root)
    assert path.read_bytes() == b"\xef\xbb\xbfin vain\n"
    raw16 = "\ufeffin the wind\r\n".encode("utf-16-le")
    p16 = project("u16.txt", raw16)
    mtlint("check", "--fix", "u16.txt", cwd=project.root)
    assert p16.read_bytes() == "\ufeffin vain\r\n".encode("utf-16-le")


def test_unknown_format_is_a_usage_error(project) -> None:
    res = mtlint("check", "--format", "yaml", ".", cwd=project.root)
    assert res.code == 2 and "Invalid value for '--format'" in res.err and "Traceback" not in res.err


def test_github_format_is_automatic_under_actions(project) -> None:
    project("a.txt", "in the wind\n")
    res = mtlint("check", "a.txt", cwd=project.root, env={"GITHUB_ACTIONS": "true"})
    assert res.out.startswith("::warning file=a.txt,line=1,col=1,endLine=1,endColumn=12,title=HS001 house-style::")


def test_paths_are_reported_as_given(project) -> None:
    project("sub/a.txt", "in the wind\n")
    res = mtlint("check", "--format", "json", "sub", cwd=project.root)
    assert '"path": "sub/a.txt"' in res.out
    res = mtlint("check", "--format", "json", str(Path(project.root) / "sub"))
    assert f'"path": "{project.root / "sub" / "a.txt"}"' in res.out
