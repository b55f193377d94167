"""Sorted word tables read where they lie: a key is found by bisecting the decoded text itself.

The name and word tables (rules/data/*.tsv.gz) are sorted by their first column. Splitting a table
into lines, or building a dict of it, costs a one-file run more than the few hundred lookups it makes;
bisecting the text costs nothing up front and a few microseconds a lookup.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


class SortedLines:
    """The lines of a table sorted by their first (tab-separated) column; `#` lines at the top are
    comments."""

    def __init__(self, text: str) -> None:
        start = 0
        while text.startswith("#", start):
            start = text.index("\n", start) + 1
        self.header = text[:start]
        self.text = text[start:]

    def row(self, key: str) -> list[str] | None:
        """The columns of the line whose first column is `key`, or None."""
        text, target = self.text, key + "\t"
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


@lru_cache(maxsize=8)
def table(resource: str) -> SortedLines:
    """A gzipped table shipped in mtlint.rules (`data/...tsv.gz`)."""
    raw = resources.files("mtlint.rules").joinpath(resource).read_bytes()
    return SortedLines(gzip.decompress(raw).decode("utf-8"))
