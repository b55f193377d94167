"""Shared reading of page layout for the layout-debris rules (MT101-MT103): words, body, spans.

Captions (captions.py), site furniture (furniture.py) and duplicated paragraphs are judged from the
same facts: where the article's body starts, which lines are captions or credits, which are page
furniture. Each rule reports one category; these modules make sure they agree (a repeated caption is a
caption, not a duplicate; a credit glued to a teaser is a caption, not boilerplate). All functions are
pure and cached per document.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from mtlint.engine.packs import PATTERN_TIMEOUT, EntryPrefilter, PackEntry, PatternTimeout
from mtlint.engine.packs import prefilter as pack_prefilter
from mtlint.engine.patterns import LazyPattern
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.regexes import compiled
from mtlint.text.words import WORD

# The standard library's engine is several times faster for plain word scans of long documents.
FAST_WORD = re.compile(r"[^\W_](?:[\w'’\-]|[\u0300-\u036f])*")
SENTENCE_END = compiled(r"""[.!?…][\"'”’»)\]]*\s*$""")
SENTENCE_BREAK = LazyPattern(r"""[.!?…][\"'”’»)\]]*\s+(?=[\p{Lu}\p{N}"“‘'(])""")
BODY_MIN_WORDS = 15


def words(text: str) -> list[str]:
    return WORD.findall(text)


def tokens(text: str) -> tuple[str, ...]:
    """Case-, apostrophe- and punctuation-insensitive word tokens of `text`."""
    return tuple(FAST_WORD.findall(text.casefold().replace("’", "'")))


def token_ends(text: str) -> list[int]:
    """End offsets in `text` of the tokens `tokens(text)` returns, in order."""
    return [m.end() for m in FAST_WORD.finditer(text)]


def is_body(block: Block) -> bool:
    """A paragraph or list item long enough to be article prose rather than a label."""
    n = block.word_count
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or n < BODY_MIN_WORDS:
        return False
    return n >= 25 or bool(SENTENCE_END.search(block.text))


def sentence_count(text: str) -> int:
    return len(SENTENCE_BREAK.findall(text.strip())) + 1


def search(entry: PackEntry, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
    try:
        return list(entry.regex.finditer(text, pos, len(text) if endpos is None else endpos, timeout=PATTERN_TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(f"pattern {entry.source!r} timed out after {PATTERN_TIMEOUT:g}s") from None


def prefilter(entries: tuple[PackEntry, ...]) -> EntryPrefilter:
    """One scan for the required literals of all entries, to skip blocks none can match."""
    return pack_prefilter(entries)


@dataclass(frozen=True)
class Hit:
    """A caption or furniture span in one block; `whole` means the block is nothing else, `exact` that the
    whole line is what a pack lists (caption words alone, a whole-line widget label), so no reading of
    the line's role can make its deletion doubtful; `placed` that the line's place in a page's layout
    found it (a menu, the footer zone, a label over the article), not its words."""

    block: int
    start: int
    end: int
    whole: bool
    safe: bool
    reason: str
    exact: bool = False
    placed: bool = False  # found by the line's place on a page (a menu, a footer), not by its words
    glued_to: str = ""  # for a span (not `whole`): what the span is glued to ("the headline")


def neighbours(doc: Document, i: int) -> tuple[Block | None, Block | None]:
    blocks = doc.blocks
    return (blocks[i - 1] if i > 0 else None, blocks[i + 1] if i + 1 < len(blocks) else None)


def is_heading(doc: Document, b: Block) -> bool:
    return b.kind is BlockKind.HEADING


def first_body(doc: Document, skip: Collection[int] = ()) -> int:
    """Index of the first block of article prose (len(blocks) if there is none)."""
    for b in doc.blocks:
        if b.index not in skip and is_body(b):
            return b.index
    return len(doc.blocks)


def last_body(doc: Document, skip: Collection[int] = ()) -> int:
    """Index of the last block of article prose (-1 if there is none)."""
    for b in reversed(doc.blocks):
        if b.index not in skip and is_body(b):
            return b.index
    return -1
