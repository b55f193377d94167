"""The stored table of compiled patterns (linter/text/regexes.py) is current, and what it rebuilds is the
pattern `regex.compile` gives."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

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
    table = regexes.load_table()
    if version != regex.__version__:
        # Made under another `regex` version: never used, so every pattern is compiled as usual.
        assert table == {}
    assert len(stored) > 300
    for source, flags in stored:
        rebuilt, fresh = regexes.compiled(source, flags), regex.compile(source, flags)
        assert (rebuilt is not fresh) == bool(table)  # rebuilt from the table, or compiled (and cached) as usual
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
