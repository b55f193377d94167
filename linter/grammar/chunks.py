"""The prose a grammar checker sees: one chunk per paragraph or list item, with an offset map.

Markdown masking leaves runs of spaces where code, URLs and markup were; a checker would call
them spacing errors. Each chunk therefore collapses whitespace runs to one space and keeps, for
every character it sends, the offset of that character in `Document.text`.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from linter.document import BlockKind, Document

_SPACE_RUN = regex.compile(r"\s+")
# Headings and standalone lines are titles, datelines and captions, not sentences to check.
_CHECKED = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


@dataclass(frozen=True)
class Chunk:
    """Text to check, and the document offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` to a span of the document (an empty span maps to an insertion point)."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if start == end:
            point = self.offsets[start - 1] + 1 if start else self.offsets[0]
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1


def prose_chunks(doc: Document) -> list[Chunk]:
    """One chunk per paragraph or list item that has words, whitespace runs collapsed."""
    chunks = []
    for block in doc.blocks:
        if block.kind not in _CHECKED:
            continue
        chunk = _collapse(doc.prose, block.start, block.end)
        if chunk is not None:
            chunks.append(chunk)
    return chunks


def _collapse(prose: str, start: int, end: int) -> Chunk | None:
    text: list[str] = []
    offsets: list[int] = []
    pos = start
    for m in _SPACE_RUN.finditer(prose, start, end):
        text.append(prose[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        if offsets:  # no leading space
            text.append(" ")
            offsets.append(m.start())
        pos = m.end()
    text.append(prose[pos:end])
    offsets.extend(range(pos, end))
    joined = "".join(text).rstrip()
    if not regex.search(r"\p{L}", joined):
        return None
    return Chunk(joined, tuple(offsets[: len(joined)]))
