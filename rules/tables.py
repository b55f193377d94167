"""Sorted word tables read where they lie: a key is found by bisecting the decoded text itself.

The name and word tables (rules/data/*.tsv.gz) are sorted by their first column. Splitting a table
into lines, or building a dict of it, costs a one-file run more than the few hundred lookups it makes;
bisecting the text costs nothing up front and a few microseconds a lookup.

A large table is written in chunks (write_table): a gzip member of a few thousand lines each, after a
first member that holds the header and, as `#` lines, the first key and compressed size of each chunk.
Decompressing the whole name table cost a one-file run about 12 ms for a few dozen lookups; a lookup
now decompresses only the chunk its key sorts into. The file is still one gzip stream of the whole
table to any other reader (gzip reads the members one after another, and the index lines are comments).
"""

from __future__ import annotations

import bisect
import gzip
import json
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from mtlint import package_data
from mtlint.engine import toml

PARSED = "data/parsed.json"  # the TOML files of rules/data, parsed (see read_toml)
CHUNK_LINE = "# chunk\t"  # an index line of a chunked table: first key<TAB>compressed size
GZIP = 31  # zlib's wbits for a gzip member
SPLIT_AFTER = 64  # lookups in a table's text before it is split into lines (see SortedLines.row)


class SortedLines:
    """The lines of a table sorted by their first (tab-separated) column; `#` lines at the top are
    comments."""

    def __init__(self, text: str) -> None:
        start = 0
        while text.startswith("#", start):
            start = text.index("\n", start) + 1
        self.header = text[:start]
        self.text = text[start:]
        self._lines: list[str] | None = None
        self._asked = 0

    def row(self, key: str) -> list[str] | None:
        """The columns of the line whose first column is `key`, or None."""
        target = key + "\t"
        lines = self._lines
        if lines is None:
            self._asked += 1
            if self._asked > SPLIT_AFTER:
                # Many lookups: bisecting a list of the lines (in C) beats bisecting the text in Python.
                lines = self._lines = self.text.split("\n")
                if lines and not lines[-1]:
                    lines.pop()  # the text's last newline: no line, and not in sorted order
        if lines is not None:
            i = bisect.bisect_left(lines, target)
            return lines[i].split("\t") if i < len(lines) and lines[i].startswith(target) else None
        text = self.text
        lo, hi = 0, len(text)
        while lo < hi:  # lo: start of the first line that may be >= target
            mid = (lo + hi) // 2
            start = text.rfind("\n", 0, mid) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end] < target:
                lo = end + 1
            else:
                hi = start
        if not text.startswith(target, lo):
            return None
        end = text.find("\n", lo)
        return text[lo : len(text) if end < 0 else end].split("\t")

    def __contains__(self, key: str) -> bool:
        return self.row(key) is not None


class ChunkedLines(SortedLines):
    """A table written by write_table: each chunk is decompressed when a key first sorts into it (its
    `text` is the first member's, header and index, without a line of the table)."""

    def __init__(self, header: str, firsts: Sequence[str], members: Sequence[bytes]) -> None:
        super().__init__(header)
        self._bounds = [first + "\t" for first in firsts]  # compared as SortedLines compares lines
        self._members = members
        self._chunks: dict[int, SortedLines] = {}

    def row(self, key: str) -> list[str] | None:
        """The columns of the line whose first column is `key`, or None."""
        i = bisect.bisect_right(self._bounds, key + "\t") - 1
        if i < 0:
            return None
        chunk = self._chunks.get(i)
        if chunk is None:
            chunk = self._chunks[i] = SortedLines(zlib.decompress(self._members[i], GZIP).decode("utf-8"))
        return chunk.row(key)


@lru_cache(maxsize=8)
def table(resource: str) -> SortedLines:
    """A gzipped table shipped in mtlint.rules (`data/...tsv.gz`), chunked (see write_table) or not."""
    return read_table(package_data.read_bytes("mtlint.rules", resource))


def read_table(raw: bytes) -> SortedLines:
    """The table in the bytes of a gzip file, chunked (see write_table) or not."""
    inflate = zlib.decompressobj(GZIP)
    head = inflate.decompress(raw).decode("utf-8")  # the first member only
    rest = inflate.unused_data
    # The chunk index is among the `#` lines at the top: reading only those spares splitting a whole
    # unchunked table into lines (half a millisecond for the English word list).
    index, pos = [], 0
    while head.startswith("#", pos):
        end = head.find("\n", pos)
        end = len(head) if end < 0 else end
        if head.startswith(CHUNK_LINE, pos):
            index.append(head[pos + len(CHUNK_LINE) : end].split("\t"))
        pos = end + 1
    if not index:
        return SortedLines(head + (gzip.decompress(rest).decode("utf-8") if rest else ""))
    members, at = [], 0
    for _, size in index:
        members.append(rest[at : at + int(size)])
        at += int(size)
    return ChunkedLines(head, [first for first, _ in index], members)


def write_table(header: Sequence[str], lines: Sequence[str], chunk_lines: int = 1000) -> bytes:
    """The bytes of a chunked table: `header` (`#` lines), then `lines` (sorted by their first column) in
    gzip members of `chunk_lines` lines. The same input always gives the same bytes."""
    chunks = [lines[i : i + chunk_lines] for i in range(0, len(lines), chunk_lines)]
    members = [gzip.compress(("\n".join(c) + "\n").encode("utf-8"), compresslevel=9, mtime=0) for c in chunks]
    index = [f"{CHUNK_LINE}{c[0].split(chr(9), 1)[0]}\t{len(m)}" for c, m in zip(chunks, members)]
    head = gzip.compress(("\n".join([*header, *index]) + "\n").encode("utf-8"), compresslevel=9, mtime=0)
    return head + b"".join(members)


def read_toml(resource: str) -> dict[str, Any]:
    """A TOML file shipped in mtlint.rules (`data/....toml`), parsed; the caller must not change it.

    tomllib is pure Python and took a one-file run about 2 ms for the rules' word lists, so they are
    stored parsed in data/parsed.json (by scripts/build_parsed.py) with the CRC-32 of their text: a file
    whose text still has that CRC is read from there, one edited since from its TOML.
    """
    text = package_data.read_text("mtlint.rules", resource)
    stored = _parsed_toml().get(resource)
    if stored is not None and stored["crc32"] == zlib.crc32(text.encode("utf-8")):
        data: dict[str, Any] = stored["data"]
        return data
    return toml.parser().loads(text)


@lru_cache(maxsize=1)
def _parsed_toml() -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(package_data.read_text("mtlint.rules", PARSED))
    return parsed["files"]
