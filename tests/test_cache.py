"""The result cache: warm runs give the same findings, bad entries are rewritten, edits invalidate,
concurrent runs share it, and `mtlint cache info` / `mtlint cache clean` report and remove it.

`SCL002` (tests/data/plugins/scale) puts $MTLINT_TEST_MARK into its message, so a test can tell a
finding read from the cache (old mark) from one computed again (new mark).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.helpers import mtlint
from tests.scale_helpers import CONFIG, SCALE_ENV, check_json, make_project

CACHE = ".mtlint_cache"


def _marks(found: list[dict]) -> set[str]:
    return {f["message"] for f in found if f["code"] == "SCL002"}


def _entries(root: Path, folder: str = CACHE) -> dict[str, str]:
    """key -> payload of every entry in the cache under `root`."""
    path = root / folder / "results.sqlite3"
    if not path.exists():
        return {}
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT key, payload FROM entries ORDER BY key"))


def _set_payloads(root: Path, payloads: dict[str, str | bytes]) -> None:
    with sqlite3.connect(root / CACHE / "results.sqlite3") as db:
        db.executemany("UPDATE entries SET payload = ? WHERE key = ?", [(v, k) for k, v in payloads.items()])


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
    keys = list(_entries(tmp_path))
    _set_payloads(
        tmp_path, {keys[0]: b"\x00\xffnot json", keys[1]: '{"v": 1, "key": "x", "findings": [[1, 2]]}', keys[2]: ""}
    )
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
    rewritten = _entries(tmp_path)
    for key in keys[:3]:
        assert json.loads(rewritten[key])["key"] == key


def test_a_damaged_cache_file_is_a_warning_and_is_replaced(tmp_path: Path) -> None:
    make_project(tmp_path, files=2)
    _, cold, _ = check_json(tmp_path, "docs")
    (tmp_path / CACHE / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    code, warm, err = check_json(tmp_path, "docs")
    assert code == 1 and warm == cold
    assert "the cache was damaged and has been emptied" in err and "Traceback" not in err
    assert len(_entries(tmp_path)) == 2  # written anew


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
    assert len(_entries(tmp_path, "elsewhere")) == 2
    (tmp_path / ".mtlint.toml").write_text(CONFIG + 'cache-dir = "from-config"\n', encoding="utf-8")
    check_json(tmp_path, "docs")
    assert len(_entries(tmp_path, "from-config")) == 2


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


def test_concurrent_runs_share_the_cache_without_damage(tmp_path: Path) -> None:
    """Runs that write the cache at the same time wait for each other's transactions."""
    import subprocess
    import sys

    make_project(tmp_path, files=8)
    cmd = [sys.executable, "-m", "mtlint.commands.cli", "check", "--format", "json", "--exit-zero", "docs"]
    env = {**__import__("os").environ, **SCALE_ENV}
    procs = [
        subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    assert all(err == b"" for _, err in results)
    assert len({out for out, _ in results}) == 1
    assert len(_entries(tmp_path)) == 8


def test_old_and_oversized_entries_are_pruned(tmp_path: Path, monkeypatch) -> None:
    from mtlint.run import cache as cache_module

    c = cache_module.Cache(tmp_path / "c")
    entry = cache_module.Entry(())
    c.put_many([("old", entry), ("kept", entry)])
    db = sqlite3.connect(tmp_path / "c" / "results.sqlite3")
    with db:
        db.execute("UPDATE entries SET used = used - ? WHERE key = 'old'", (cache_module.MAX_AGE_DAYS + 1,))
    db.close()
    c.put_many([("new", entry)])
    assert set(_entries(tmp_path, "c")) == {"kept", "new"}
    monkeypatch.setattr(cache_module, "MAX_BYTES", 1)
    c.put_many([("newest", entry)])
    assert len(_entries(tmp_path, "c")) <= 1


def test_cache_info_and_clean(tmp_path: Path) -> None:
    make_project(tmp_path, files=3)
    res = mtlint("cache", "info", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 0 and res.out.strip() == f"No cache at {Path(CACHE) / 'results.sqlite3'}."
    check_json(tmp_path, "docs")
    res = mtlint("cache", "info", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 0 and res.out.startswith(f"{Path(CACHE) / 'results.sqlite3'}: 3 entries, ")
    res = mtlint("cache", "clean", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 0 and res.out.strip().startswith(
        f"Removed the cache at {Path(CACHE) / 'results.sqlite3'} (3 entries"
    )
    assert _entries(tmp_path) == {}
    res = mtlint("cache", "clean", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 0 and res.out.strip() == f"No cache at {Path(CACHE) / 'results.sqlite3'}."
    res = mtlint("cache", "info", "--cache-dir", "elsewhere", cwd=tmp_path, env=SCALE_ENV)
    assert res.code == 0 and "elsewhere" in res.out
