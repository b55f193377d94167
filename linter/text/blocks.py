"""The values a document is cut into: blocks (paragraphs, headings, list items, lines) and sentences."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property

from mtlint.text.words import WORD, count_words


class BlockKind(str, enum.Enum):
    """What a block is, as far as layout tells."""

    HEADING = "heading"
    LIST_ITEM = "list-item"
    PARAGRAPH = "paragraph"
    LINE = "line"  # a short standalone line that is neither a heading nor a paragraph
    TABLE_CELL = "table-cell"  # a row of a Markdown table (its cells are prose; none is a sentence)


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item or standalone line.

    `start`/`end` span the prose content (markers such as bullets and `#` excluded, whitespace trimmed);
    `outer_start`/`outer_end` span the whole source lines including indentation and the final newline.
    """

    index: int
    kind: BlockKind
    start: int
    end: int
    outer_start: int
    outer_end: int
    text: str
    first_line: int
    last_line: int
    # Markdown: a code block (or HTML block) stands right before this block, so its first words may
    # go on with the sentence the code interrupted ("Call\n\n```js\nf()\n```\n\nwhich returns ...").
    after_code: bool = False

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)

    @cached_property
    def word_count(self) -> int:
        """len(words), counted once: the layout rules ask it of every block several times."""
        return count_words(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence inside one block."""

    start: int
    end: int
    text: str
    block: int
