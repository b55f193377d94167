"""When a repeated paragraph is a copy left by the page, and when the repetition is meant.

duplicate-paragraph finds paragraphs that repeat earlier ones; this policy decides which of them are
debris. Repetition is meant, or belongs to another rule, when
- the line is a caption, a credit or furniture (the other layout rules report it, once);
- the line occurs three or more times in the document: a template (a credit under every picture, a
  speaker's label in a transcript, the same sentence in every entry of a reference);
- the line is short and label-like (a headline, a byline, a section title) and its copy does not stand
  directly under it (captions and furniture aside) and the two do not both stand above the article: a
  stutter of the layout, or a title printed twice above the article, is a copy; a title printed again
  elsewhere is not;
- the near copy differs from the original by a negation: a contrast ("will" / "will not");
- in Markdown or technical documentation (plain text with code throughout, `text.lines.is_technical`),
  one copy is a heading, or both are list items or table rows, or they stand under different headings,
  or they differ in the code and links the prose blanks out: entries of a reference repeat their wording
  by design.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Collection
from functools import cached_property

from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout.role_features import document_layout
from mtlint.rules.layout.shared import SENTENCE_END, tokens
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import is_list, is_technical, line_key, line_shapes

TEMPLATE_COPIES = 3  # a line found this many times in a document is a template
LABEL_MAX_WORDS = 12  # a line without sentence punctuation up to this long reads as a label
CODE_SIMILARITY = 0.9  # two paragraphs with code are copies only if their source is this similar
_NEGATION = frozenset("not no never none nor cannot without".split())
_ATX = LazyPattern(r"^ {0,3}#{1,6}(?:\s|$)")


class CopyPolicy:
    """Decides, for one document, whether a later block repeating an earlier one is a copy to report."""

    def __init__(self, doc: Document, debris: Collection[int]) -> None:
        self.doc = doc
        self.debris = debris
        self._tokens: dict[int, tuple[str, ...]] = {}
        self._negation_counts: dict[int, int] = {}

    @cached_property
    def _keys(self) -> list[str]:
        return [line_key(b.text) for b in self.doc.blocks]

    @cached_property
    def _counts(self) -> Counter[str]:
        return Counter(self._keys)

    # Counts before each block and each line, so that whether two copies stand under different headings
    # is one subtraction, not a scan of what lies between them (many copies far apart made it quadratic).
    @cached_property
    def _headings(self) -> list[int]:
        """How many heading blocks come before each block index (and before the end)."""
        kinds = (b.kind is BlockKind.HEADING for b in self.doc.blocks)
        return list(itertools.accumulate(kinds, initial=0))

    @cached_property
    def _atx_lines(self) -> list[int]:
        """How many ATX heading lines come before each 1-based line number (index 0 unused)."""
        doc = self.doc
        marks = (bool(_ATX.match(doc.line_text(n))) for n in range(1, doc.line_count + 1))
        return [0, *itertools.accumulate(marks, initial=0)]

    def tokens(self, block: Block) -> tuple[str, ...]:
        """The block's word tokens (`shared.tokens`), cut once however often the block is compared."""
        toks = self._tokens.get(block.index)
        if toks is None:
            if block.text.isascii():  # the words the line's shape cut, lowered: in ASCII that is folding them
                toks = tuple(map(str.lower, line_shapes(self.doc)[block.index].tokens))
            else:
                toks = tokens(block.text)
            self._tokens[block.index] = toks
        return toks

    def _negations(self, block: Block) -> int:
        """How many negations the block has (an original may be compared with many near copies)."""
        count = self._negation_counts.get(block.index)
        if count is None:
            count = self._negation_counts[block.index] = _negations(self.tokens(block))
        return count

    def copy(
        self, block: Block, original: Block, near: bool = False, prefix: bool = False, quotation: bool = False
    ) -> bool:
        """Whether `block`, which repeats `original` (nearly, as its first words, or as a quotation that
        `original` holds), is a copy. A quotation is never a label, however short."""
        if block.index in self.debris or self._counts[self._keys[block.index]] >= TEMPLATE_COPIES:
            return False
        label = not (prefix or quotation) and _label_like(block.text, self.tokens(block))
        if label and any(i not in self.debris for i in range(original.index + 1, block.index)):
            # (only captions and furniture, which the other rules report, may stand between) ... or both
            # copies stand above the article: a page prints its title twice, an author never does.
            if block.index >= document_layout(self.doc).header_end:
                return False
        if near and self._negations(block) != self._negations(original):
            return False
        if self._entries_of_two_lists(block, original):
            return False
        if self.doc.format != "markdown" and not is_technical(self.doc):
            return True
        return self._reference_copy(block, original)

    @cached_property
    def _list_breaks(self) -> list[int]:
        """How many blocks that end a list come before each block index (and before the end): blocks that
        are not list items, indented no deeper than the shallowest item (an item's own further paragraph,
        indented under its text, goes on with the list)."""
        doc, blocks = self.doc, self.doc.blocks
        items = [doc.indent(b.first_line) for b in blocks if b.kind is BlockKind.LIST_ITEM]
        margin = min(items, default=0)
        breaks = (b.kind is not BlockKind.LIST_ITEM and doc.indent(b.first_line) <= margin for b in blocks)
        return list(itertools.accumulate(breaks, initial=0))

    def _entries_of_two_lists(self, block: Block, original: Block) -> bool:
        """Whether the two blocks are items of two lists (a line that is no item, at the items' margin,
        stands between them) in a text wrapped by hand or made of lists (`text.lines.is_list`): one entry
        in two lists, as a changelog lists a fix under each release it went into. A page extracted a
        paragraph to a line has no lists to tell apart: a bullet printed twice there stays a copy."""
        if block.kind is not BlockKind.LIST_ITEM or original.kind is not BlockKind.LIST_ITEM:
            return False
        if not (self.doc.hard_wrapped or is_list(self.doc)):
            return False
        first, second = sorted((original, block), key=lambda b: b.index)
        return self._list_breaks[second.index] > self._list_breaks[first.index + 1]

    def _reference_copy(self, block: Block, original: Block) -> bool:
        """In Markdown and technical documentation: whether the copy is not an entry of a reference."""
        doc = self.doc
        if BlockKind.HEADING in (block.kind, original.kind):
            return False  # the author's own structure: a heading names what a label or badge says again
        if block.kind is original.kind and block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL):
            return False
        first, second = sorted((original, block), key=lambda b: b.index)
        if self._headings[second.index] > self._headings[first.index + 1]:  # a heading block between them
            return False
        # A heading made of code alone may have no prose block of its own: read the source lines.
        lines = self._atx_lines
        if second.first_line > first.last_line + 1 and lines[second.first_line] > lines[first.last_line + 1]:
            return False
        if doc.is_masked(block.outer_start, block.outer_end) or doc.is_masked(original.outer_start, original.outer_end):
            mine = tokens(doc.text[block.outer_start : block.outer_end])
            theirs = tokens(doc.text[original.outer_start : original.outer_end])
            from rapidfuzz.distance import Indel  # lazy: only for copies that hold code

            if mine != theirs and Indel.normalized_similarity(mine, theirs) < CODE_SIMILARITY:
                return False
        return True


def _label_like(text: str, toks: tuple[str, ...]) -> bool:
    return len(toks) <= LABEL_MAX_WORDS and not SENTENCE_END.search(text)


def _negations(toks: tuple[str, ...]) -> int:
    # No negation word ends in n't, and no token holds a space: count each kind with built-ins.
    return sum(map(_NEGATION.__contains__, toks)) + f"{' '.join(toks)} ".count("n't ")
