"""The prose a grammar checker sees: one chunk per paragraph or list item, with an offset map.

Markdown masking leaves runs of spaces where code, URLs and markup were; a checker would call
them spacing errors. Each chunk therefore collapses whitespace runs to one space and keeps, for
every character it sends, the offset of that character in `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.text.document import BlockKind, Document

_SPACE_RUN = LazyPattern(r"\s+")
# Headings and standalone lines are titles, datelines and captions, not sentences to check.
_CHECKED = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
# Masked text that took words out of the sentence (code, URLs, HTML), unlike markup around kept words
# (emphasis markers, the `](target)` of a link whose text stays).
_LINK_TARGET = LazyPattern(r"\]\([^)]*\)|\]\[[^\]]*\]")
_REMOVED = LazyPattern(r"[`<]|https?:|www\.")


@dataclass(frozen=True)
class Chunk:
    """Text to check, the document offset of each of its characters, and where content was left out."""

    text: str
    offsets: tuple[int, ...]
    # Positions in `text` of the spaces standing for code, URLs or HTML (-1: before the first character).
    holes: frozenset[int] = frozenset()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to a span of the document (an empty span maps to an insertion point)."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if start == end:
            point = self.offsets[start - 1] + 1 if start else self.offsets[0]
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1

    def near_hole(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` touches a place where content was left out ("with `x` and")."""
        return any(start - 1 <= h <= end for h in self.holes)


def prose_chunks(doc: Document) -> list[Chunk]:
    """One chunk per paragraph or list item that has words, whitespace runs collapsed."""
    chunks = []
    for block in doc.blocks:
        if block.kind not in _CHECKED:
            continue
        chunk = _collapse(doc, block.start, block.end)
        if chunk is not None:
            chunks.append(chunk)
    return chunks


def _collapse(doc: Document, start: int, end: int) -> Chunk | None:
    prose = doc.prose
    text: list[str] = []
    offsets: list[int] = []
    holes: set[int] = set()
    pos = start
    for m in _SPACE_RUN.finditer(prose, start, end):
        text.append(prose[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        if _REMOVED.search(_LINK_TARGET.sub("", doc.text[m.start() : m.end()])):
            holes.add(len(offsets) if offsets else -1)
        if offsets:  # no leading space
            text.append(" ")
            offsets.append(m.start())
        pos = m.end()
    text.append(prose[pos:end])
    offsets.extend(range(pos, end))
    joined = "".join(text).rstrip()
    if not regex.search(r"\p{L}", joined):
        return None
    return Chunk(joined, tuple(offsets[: len(joined)]), frozenset(holes))
