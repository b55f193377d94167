"""Inline suppression comments and the baseline file."""

from __future__ import annotations

import json

from tests.helpers import mtlint

MD = """\
in the wind one

<!-- mtlint: disable=house-style -->
in the wind two

<!-- mtlint: enable -->
in the wind three

<!-- mtlint: disable-next-line=HS001 -->

in the wind four
in the wind five
"""


def _lines(out: str) -> list[int]:
    return [f["line"] for f in json.loads(out)]


def test_markdown_comments_disable_enable_and_next_line(project) -> None:
    project("a.md", MD)
    res = mtlint("check", "--format", "json", "a.md", cwd=project.root)
    assert _lines(res.out) == [1, 7, 12]


def test_plain_text_directives_on_their_own_line(project) -> None:
    project(
        "a.txt", "in the wind\nmtlint: disable-next-line=house-style\nin the wind\n# mtlint: disable\nin the wind\n"
    )
    res = mtlint("check", "--format", "json", "a.txt", cwd=project.root)
    assert _lines(res.out) == [1]


def test_directive_for_another_rule_does_not_silence(project) -> None:
    project("a.md", "<!-- mtlint: disable=MT101 -->\nin the wind\n")
    res = mtlint("check", "--format", "json", "a.md", cwd=project.root)
    assert _lines(res.out) == [2]


def test_baseline_hides_known_findings_and_survives_moved_lines(project) -> None:
    path = project("a.txt", "in the wind\nvery very good\n")
    res = mtlint("check", "--write-baseline", "base.json", "a.txt", cwd=project.root)
    assert res.code == 0 and "Wrote 2 finding(s) to base.json." in res.err
    data = json.loads((project.root / "base.json").read_text(encoding="utf-8"))
    assert data["findings"][0] == {"path": "a.txt", "code": "HS001", "text": "in the wind", "count": 1}
    # Lines move and a new finding appears: only the new one is reported.
    path.write_text("New intro.\n\nvery very good\nin the wind\nin the wind again\n", encoding="utf-8")
    res = mtlint("check", "--baseline", "base.json", "--format", "json", "a.txt", cwd=project.root)
    assert res.code == 1 and _lines(res.out) == [5]


def test_bad_baseline_is_a_one_line_error(project) -> None:
    project("a.txt", "x\n")
    (project.root / "base.json").write_text("{nope", encoding="utf-8")
    res = mtlint("check", "--baseline", "base.json", "a.txt", cwd=project.root)
    assert res.code == 2 and res.err.startswith("mtlint: error: base.json: baseline is not valid JSON")
    res = mtlint("check", "--baseline", "missing.json", "a.txt", cwd=project.root)
    assert res.code == 2 and "missing.json: cannot read baseline" in res.err
