"""The stored table of compiled patterns (linter/text/regexes.py) is current, and what it rebuilds is the
pattern `regex.compile` gives."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from mtlint.text import regexes

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = (
    "Islamabad, 12 septiembre 2024 — Photo: AFP / Reuters. Read more: https://example.com/a_(b)",
    "The minister, who was also the party's chair, said: “We will not.” Prior to, the visit",
    "# Heading\n\n- item one\n- **item** two `code` [link](https://x.y) ~~gone~~\n\nÉtienne d'Orves était là.",
)


def test_the_table_holds_every_pattern_as_this_regex_compiles_it() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_regex_table.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def _stored() -> tuple[str, dict[tuple[str, int], tuple[object, ...]]]:
    with open(regexes.TABLE_FILE, "rb") as f:
        version, entries = marshal.load(f)
    return version, entries


def test_a_rebuilt_pattern_matches_as_the_compiled_one() -> None:
    version, stored = _stored()
    if version != regex.__version__:
        # Made under another `regex` version: never used (the user's table for this version is, if any).
        assert regexes.load_table() == {}
    table = regexes.table_in_use()
    assert len(stored) > 300
    for source, flags in stored:
        rebuilt, fresh = regexes.compiled(source, flags), regex.compile(source, flags)
        # rebuilt from the table, or compiled (and cached by `regex`) as usual
        assert (rebuilt is not fresh) == ((source, flags) in table)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
        for text in SAMPLES:
            found = [(m.span(), m.groups()) for m in rebuilt.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in fresh.finditer(text)], source


def test_a_pattern_the_table_lacks_is_compiled() -> None:
    pattern = regexes.compiled(r"(?<=\s)nowhere\s+stored\b", regex.I)
    assert pattern.search("It is NOWHERE  stored.").group() == "NOWHERE  stored"


def test_a_table_of_another_regex_version_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "table.marshal"
    entries = {("a+", 0): regexes.pickled(regex.compile("a+"))}
    path.write_bytes(marshal.dumps((regex.__version__, entries)))
    assert regexes.load_table(str(path)) == entries
    path.write_bytes(marshal.dumps(("0.0", entries)))
    assert regexes.load_table(str(path)) == {}
    path.write_bytes(b"not a table")
    assert regexes.load_table(str(path)) == {}
    assert regexes.load_table(str(tmp_path / "missing")) == {}


def _another_regex_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ship a table of another `regex` version and point the user's cache into `tmp_path`."""
    shipped = tmp_path / "shipped.marshal"
    shipped.write_bytes(marshal.dumps(("0.0", {("a+", 0): regexes.pickled(regex.compile("a+"))})))
    monkeypatch.setattr(regexes, "TABLE_FILE", str(shipped))
    monkeypatch.setattr(regexes, "_table", None)
    monkeypatch.setattr(regexes, "_compiled_here", None)
    monkeypatch.setattr(regexes.atexit, "register", lambda func: func)  # stored by hand below
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache / "mtlint" / f"regex-table-{regex.__version__}.marshal"


def test_under_another_regex_version_what_a_run_compiles_is_kept_for_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_table = _another_regex_version(tmp_path, monkeypatch)
    source = r"(?i)\bkept\s+for\s+later\b"
    first = regexes.compiled(source)
    assert first.search("It is KEPT  for later.") and not user_table.exists()
    regexes._store_compiled()  # what the process does when it exits
    version, entries = marshal.loads(user_table.read_bytes())
    assert version == regex.__version__ and set(entries) == {(source, 0)}
    # The next run rebuilds the pattern from the user's table instead of compiling it.
    monkeypatch.setattr(regexes, "_table", None)
    assert regexes.table_in_use() == entries
    again = regexes.compiled(source)
    assert again is not regex.compile(source) and again.search("kept for later").span() == (0, 14)
    # A second pattern joins the first; nothing is written when nothing new was compiled.
    regexes.compiled(r"\bsecond\b")
    regexes._store_compiled()
    assert set(marshal.loads(user_table.read_bytes())[1]) == {(source, 0), (r"\bsecond\b", 0)}
    before = user_table.stat().st_mtime_ns
    regexes.compiled(source)
    regexes._store_compiled()
    assert user_table.stat().st_mtime_ns == before


def test_a_cache_folder_that_cannot_be_written_is_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _another_regex_version(tmp_path, monkeypatch)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert regexes.compiled(r"\bnot\s+stored\b").search("not stored")
    regexes._store_compiled()  # no exception, nothing written
    assert blocker.read_text() == "a file where the cache folder would be"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder", "shipped.marshal"]
