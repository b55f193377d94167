"""The result cache: warm runs give the same findings, bad entries are rewritten, edits invalidate.

`SCL002` (tests/data/plugins/scale) puts $MTLINT_TEST_MARK into its message, so a test can tell a
finding read from the cache (old mark) from one computed again (new mark).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.scale_helpers import CONFIG, check_json, make_project

CACHE = ".mtlint_cache"


def _marks(found: list[dict]) -> set[str]:
    return {f["message"] for f in found if f["code"] == "SCL002"}


def _entries(root: Path) -> list[Path]:
    return sorted((root / CACHE).rglob("*.json"))


def test_warm_run_reads_the_cache_and_gives_identical_findings(tmp_path: Path) -> None:
    make_project(tmp_path, files=6)
    _, cold, _ = check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "one"})
    assert _marks(cold) == {"Marker one."}
    assert (tmp_path / CACHE / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert len(_entries(tmp_path)) == 6
    _, warm, _ = check_json(tmp_path, "docs", "-j", "2", env={"MTLINT_TEST_MARK": "two"})
    assert warm == cold  # per-file findings came from the cache (mark "one")
    _, fresh, _ = check_json(tmp_path, "--no-cache", "docs", env={"MTLINT_TEST_MARK": "two"})
    assert _marks(fresh) == {"Marker two."}


def test_corrupt_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    make_project(tmp_path, files=4)
    _, cold, _ = check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "one"})
    entries = _entries(tmp_path)
    entries[0].write_bytes(b"\x00\xffnot json")
    entries[1].write_text('{"v": 1, "key": "x", "findings": [[1, 2]]}', encoding="utf-8")
    entries[2].write_text("", encoding="utf-8")
    code, warm, err = check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "two"})
    assert code == 1 and err == ""
    assert sorted(m["message"] for m in warm if m["code"] == "SCL002") == [
        "Marker one.",
        "Marker two.",
        "Marker two.",
        "Marker two.",
    ]
    assert [{k: v for k, v in f.items() if k != "message"} for f in warm] == [
        {k: v for k, v in f.items() if k != "message"} for f in cold
    ]
    for e in entries[:3]:
        assert json.loads(e.read_text(encoding="utf-8"))["key"] == e.stem  # rewritten


def test_changing_the_config_or_a_pack_invalidates(tmp_path: Path) -> None:
    make_project(tmp_path, files=3)
    check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "one"})
    (tmp_path / ".mtlint.toml").write_text(CONFIG + '[severity]\nmarked-word = "error"\n', encoding="utf-8")
    _, found, _ = check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "two"})
    assert _marks(found) == {"Marker two."}
    assert {f["severity"] for f in found if f["code"] == "SCL002"} == {"error"}

    pack = tmp_path / "house.toml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace('replacement = "in vain"', 'replacement = "for nothing"'),
        encoding="utf-8",
    )
    _, found, _ = check_json(tmp_path, "docs", env={"MTLINT_TEST_MARK": "three"})
    assert _marks(found) == {"Marker three."}
    assert any("for nothing" in f["message"] for f in found)


def test_cross_file_evidence_is_recomputed_with_a_warm_cache(tmp_path: Path) -> None:
    # Three files share a footer; the cross-file rule flags it while all three carry it.
    (tmp_path / ".mtlint.toml").write_text('select = ["repeated-line"]\n', encoding="utf-8")
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name} is here.\n\nRead more at our site.\n", encoding="utf-8")
    _, cold, _ = check_json(tmp_path, ".", env={"MTLINT_TEST_MARK": "one"})
    assert [(f["path"], f["line"], f["message"]) for f in cold] == [
        (name, 3, "This line is in 3 of 3 files one.") for name in ("a.txt", "b.txt", "c.txt")
    ]
    # Nothing changed: the cross-file answers the rule got still hold, so its findings are reused.
    _, warm, _ = check_json(tmp_path, ".", env={"MTLINT_TEST_MARK": "two"})
    assert warm == cold
    (tmp_path / "c.txt").write_text("Story c is here.\n\nThe end.\n", encoding="utf-8")
    code, warm, _ = check_json(tmp_path, ".", env={"MTLINT_TEST_MARK": "three"})
    assert code == 0 and warm == []  # a and b hit the cache, yet the footer is now in 2 files only
    (tmp_path / "d.txt").write_text("Story d.\n\nRead more at our site.\n", encoding="utf-8")
    _, back, _ = check_json(tmp_path, ".", env={"MTLINT_TEST_MARK": "four"})
    assert [(f["path"], f["message"]) for f in back] == [
        (name, "This line is in 3 of 4 files four.") for name in ("a.txt", "b.txt", "d.txt")
    ]


def test_cache_dir_option_and_no_cache(tmp_path: Path) -> None:
    make_project(tmp_path, files=2)
    check_json(tmp_path, "--no-cache", "docs")
    assert not (tmp_path / CACHE).exists()
    check_json(tmp_path, "--cache-dir", "elsewhere", "docs")
    assert not (tmp_path / CACHE).exists()
    assert len(sorted((tmp_path / "elsewhere").rglob("*.json"))) == 2
    (tmp_path / ".mtlint.toml").write_text(CONFIG + 'cache-dir = "from-config"\n', encoding="utf-8")
    check_json(tmp_path, "docs")
    assert len(sorted((tmp_path / "from-config").rglob("*.json"))) == 2


def test_cache_that_is_a_file_is_a_warning(tmp_path: Path) -> None:
    make_project(tmp_path, files=2)
    (tmp_path / "blocker").write_text("not a folder", encoding="utf-8")
    code, found, err = check_json(tmp_path, "--cache-dir", "blocker/cache", "docs")
    assert code == 1 and len(found) == 6
    assert "cannot write the cache" in err and "Traceback" not in err


def test_evidence_records_what_a_rule_asked_and_checks_it_later() -> None:
    from mtlint.run.cache import Evidence
    from mtlint.run.documents import _Recorder
    from mtlint.run.evidence import CorpusStats

    stats = CorpusStats(3, {"follow us": 3})
    rec = _Recorder(stats)
    assert rec.count("Follow  us") == 3 and rec.count("Story a") == 1
    assert rec.evidence() == Evidence((("follow us", 3), ("story a", 1)), None)
    assert rec.files == 3 and rec.evidence().files == 3  # type: ignore[union-attr]
    assert rec.evidence().holds(stats)  # type: ignore[union-attr]
    assert not rec.evidence().holds(CorpusStats(3, {"follow us": 2}))  # type: ignore[union-attr]
    assert not rec.evidence().holds(CorpusStats(4, {"follow us": 3}))  # type: ignore[union-attr]
    # A rule that reads the raw table cannot have its answers checked: never reused from the cache.
    rec.line_files  # noqa: B018
    assert rec.evidence() is None
