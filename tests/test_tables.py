"""Sorted tables read where they lie (rules/tables.py): a chunked table answers as the whole one does."""

from __future__ import annotations

import gzip
import random

from mtlint.rules.tables import ChunkedLines, SortedLines, read_table, table, write_table
from tests.helpers import ROOT


def _plain(raw: bytes) -> SortedLines:
    return SortedLines(gzip.decompress(raw).decode("utf-8"))


def test_the_name_table_is_chunked_and_answers_as_the_whole_table() -> None:
    raw = (ROOT / "rules" / "data" / "names.tsv.gz").read_bytes()
    whole, chunked = _plain(raw), table("data/names.tsv.gz")
    assert isinstance(chunked, ChunkedLines)
    keys = [line.split("\t", 1)[0] for line in whole.text.splitlines()]
    firsts = [bound[:-1] for bound in chunked._bounds]
    probes = set(random.Random(3).sample(keys, 2000)) | set(firsts) | {keys[0], keys[-1]}
    probes |= {k[:-1] for k in firsts} | {k + "a" for k in firsts} | {k + "\t" for k in firsts[:20]}
    probes |= {"", "A", "a", "Zzzzzz", "\uffff", "Muhammad", "Smith", "O'Neill", "Abdel-Aziz", "Émile"}
    for key in sorted(probes):
        assert chunked.row(key) == whole.row(key), key


def test_a_written_table_reads_back_whole_or_chunked() -> None:
    lines = sorted(f"{w}\t{i}" for i, w in enumerate(["b", "a", "ab", "a-b", "a'c", "c", "ç", "d", "e"]))
    raw = write_table(["# header"], lines, chunk_lines=2)
    assert raw == write_table(["# header"], lines, chunk_lines=2)  # the same bytes each time
    text = gzip.decompress(raw).decode("utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == lines
    assert text.startswith("# header\n")
    whole, chunked = _plain(raw), read_table(raw)
    assert isinstance(chunked, ChunkedLines) and len(chunked._bounds) == 5
    for key in ["", "a", "a'c", "a-b", "ab", "b", "bb", "c", "ç", "d", "e", "f", "a\t"]:
        assert whole.row(key) == chunked.row(key), key
    plain = gzip.compress(b"# header\n" + "\n".join(lines).encode() + b"\n")
    assert isinstance(read_table(plain), SortedLines) and read_table(plain).row("ç") == ["ç", "6"]


def test_the_parsed_toml_files_are_current(monkeypatch) -> None:
    """The rules read their TOML word lists from rules/data/parsed.json; after editing one, rerun
    scripts/build_parsed.py. A file edited since is read from its TOML."""
    import sys
    import zlib

    from mtlint.rules import tables

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    files = sorted((ROOT / "rules" / "data").glob("*.toml"))
    stored = tables._parsed_toml()
    assert set(stored) == {f"data/{f.name}" for f in files}
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert stored[f"data/{f.name}"]["crc32"] == zlib.crc32(text.encode("utf-8")), f.name
        assert tables.read_toml(f"data/{f.name}") == tomllib.loads(text), f.name
    monkeypatch.setattr(tables, "_parsed_toml", lambda: {"data/casing.toml": {"crc32": 0, "data": {}}})
    assert tables.read_toml("data/casing.toml") == tomllib.loads((ROOT / "rules/data/casing.toml").read_text("utf-8"))
