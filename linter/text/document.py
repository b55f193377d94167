"""The document model every rule reads: text, prose mask, lines, blocks and sentences.

Offsets are character offsets into `Document.text` (the decoded file without its BOM). In Markdown,
`Document.prose` is the same text with code, front matter, HTML comments, URLs and markup blanked
to spaces, so an offset found in `prose` is also an offset in `text` and in the original file.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol, TypeVar

import regex

from mtlint.model import Edit
from mtlint.text.blocks import Block, BlockKind, Sentence
from mtlint.text.markdown import ParsedMarkdown, parse_markdown
from mtlint.text.regexes import compiled
from mtlint.text.sentences import split_sentences
from mtlint.text.values import frozen
from mtlint.text.words import WORD, count_words

T = TypeVar("T")


class CrossFileEvidence(Protocol):
    """What a run knows across its files (see mtlint.run.evidence): how many files carry a line."""

    @property
    def files(self) -> int: ...

    def count(self, line: str) -> int: ...


_NEWLINE = compiled(r"\r\n|\r|\n")
# A list item's marker: a bullet, a number, a lower-case letter or roman numeral (`a)`, `iv.`), or any of
# them in brackets (`(b)`, `(2)`), as licences, e-mails and other plain text number their items.
_BULLET = compiled(
    r"^[ \t]*(?:[•●▪◦‣∙·*+\-–—]|\d{1,3}[.)]|[a-z][.)]|[ivx]{1,5}[.)]|\((?:\d{1,3}|[a-zA-Z]|[ivx]{1,5})\))[ \t]+",
    regex.M,
)
# Matched backwards from the end ((?r)): the same answer without trying every position of a paragraph.
_SENTENCE_END = compiled(r"""(?r)[.!?…:;,]["'”’»)\]]*$""")
HEADING_MAX_WORDS = 20
TERM_MAX_WORDS = 5  # a term over its description (a definition list in plain text) is this short at most


@dataclass(frozen=True)
class Document:
    """A decoded text file and the structure rules read from it."""

    text: str
    path: str = "<string>"
    format: str = "text"  # "text" or "markdown"
    newline: str = "\n"
    bom: bool = False
    encoding: str = "utf-8"
    corpus: CrossFileEvidence | None = field(default=None, compare=False)

    # -- positions ---------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of each line (lines end at LF, CRLF or CR)."""
        text = self.text
        if "\r" in text:
            return [0] + [m.end() for m in _NEWLINE.finditer(text)]
        # LF only (the usual case): the lengths of the split lines, added up (no match object per line).
        return list(itertools.accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of `offset`, columns counted in code points."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_span(self, line: int) -> tuple[int, int, int]:
        """Return (start, content_end, end_with_newline) of 1-based `line`."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        content_end = end
        while content_end > start and self.text[content_end - 1] in "\r\n":
            content_end -= 1
        return start, content_end, end

    def line_text(self, line: int) -> str:
        start, content_end, _ = self.line_span(line)
        return self.text[start:content_end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def indent(self, line: int) -> int:
        """The columns of spaces before 1-based `line`'s text, a tab counting as eight."""
        text = self.line_text(line)
        body = text.lstrip(" \t")
        return len(text[: len(text) - len(body)].expandtabs(8))

    def describes_term(self, block: Block) -> bool:
        """Whether `block` is the description of a term that stands alone on the line above it, in text
        wrapped by hand: every line of the block indented deeper than the term, and the term shaped like
        one (see `_term`): `1.1. "Contributor"`, a blank line, then `     means each person ...`. The
        description goes on from the term, so its first words open no sentence. (A section's title over
        a paragraph whose first line alone is indented is none: `Economy` / `    the government said`.)"""
        if self.format == "markdown" or block.index == 0 or not self.hard_wrapped:
            return False
        term = self.blocks[block.index - 1]
        if term.first_line != term.last_line or term.kind is BlockKind.LIST_ITEM or not _term(term.text):
            return False
        depth = self.indent(term.first_line)
        return all(self.indent(line) > depth for line in range(block.first_line, block.last_line + 1))

    def opens_with_term(self, block: Block) -> bool:
        """Whether plain text sets a term over its description in `block`: a first line shaped like a
        term (see `_term`), and the next line indented deeper, as a definition list or a dictionary
        entry is typed (`virtual` over `   "mailx" is now a virtual package`, `love, n.:` over a definition
        indented by a tab). The term is a label, so the block's first words open no sentence."""
        if self.format == "markdown" or block.last_line == block.first_line:
            return False
        if not _term(self.line_text(block.first_line)):
            return False
        return self.indent(block.first_line + 1) > self.indent(block.first_line)

    # -- prose -------------------------------------------------------------------------------
    @cached_property
    def _markdown(self) -> ParsedMarkdown:
        return parse_markdown(self.text)

    @cached_property
    def prose(self) -> str:
        """The text rules should read: non-prose spans blanked, same length and offsets as `text`."""
        if self.format == "markdown":
            return self._markdown.prose
        return self.text

    @cached_property
    def masked(self) -> tuple[tuple[int, int], ...]:
        """Spans of `text` that are not prose (code, URLs, comments, markup), sorted."""
        if self.format == "markdown":
            return self._markdown.masked
        return ()

    @cached_property
    def code_words(self) -> frozenset[str]:
        """Words the document writes inside inline code spans (Markdown), case-folded: identifiers."""
        return self._markdown.code_words if self.format == "markdown" else frozenset()

    def opens_with_markup(self, offset: int, floor: int = 0) -> bool:
        """Whether inline markup (a code span, link text bracket, inline HTML, emphasis) stands right
        before the prose word at `offset`, across whitespace only and not before `floor`: the sentence
        there starts with markup, not with that word (`\u0060query\u0060 must be a string`)."""
        if self.format != "markdown":
            return False
        i = offset - 1
        while i >= floor and self.text[i].isspace():
            i -= 1
        if i < floor:
            return False
        spans = self._markdown.inline
        k = bisect.bisect_right(spans, (i, len(self.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= i < spans[k][1]

    def is_masked(self, start: int, end: int) -> bool:
        """Whether any character of `text[start:end]` lies in a masked span."""
        spans = self.masked
        i = bisect.bisect_right(spans, (start, len(self.text) + 1)) - 1
        return any(s < end and start < e for s, e in spans[max(i, 0) : i + 2])

    # -- structure ---------------------------------------------------------------------------
    @cached_property
    def hard_wrapped(self) -> bool:
        """Whether the text is plain text wrapped by hand (e-mail, licences: most lines 50 to 100
        characters, each paragraph over several lines) rather than one paragraph per line."""
        if self.format == "markdown":
            return False
        return _looks_hard_wrapped(self, self._line_spans)

    @cached_property
    def _line_spans(self) -> list[tuple[int, int, int]]:
        """`line_span` of every line, in order (plain-text blocks and the wrapping test both read them)."""
        return [self.line_span(i + 1) for i in range(self.line_count)]

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Paragraphs, headings, list items and standalone lines, in order."""
        if self.format == "markdown":
            raw = self._markdown.blocks(self)
        else:
            raw = _plain_blocks(self)
        return tuple(raw)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences of every block except headings (which are titles, not sentences)."""
        out = []
        for block in self.blocks:
            for s, e in split_sentences(self.prose, block.start, block.end):
                out.append(frozen(Sentence, start=s, end=e, text=self.prose[s:e], block=block.index))
        return tuple(out)

    @cached_property
    def folded(self) -> str:
        """`prose` case-folded (see fold_case): for a cheap first test of where a case-insensitive
        pattern can match. Same offsets as `prose` when it has the same length (folded_aligned)."""
        return fold_case(self.prose)

    @property
    def folded_aligned(self) -> bool:
        return len(self.folded) == len(self.prose)

    def folded_slice(self, start: int, end: int) -> str:
        """The case-folded text of `prose[start:end]`."""
        if self.folded_aligned:
            return self.folded[start:end]
        return fold_case(self.prose[start:end])

    def blocks_where(self, test: Callable[[str], object], blocks: Iterable[Block] | None = None) -> Iterator[Block]:
        """The blocks (of `blocks`, default all) whose case-folded text passes `test`, for instance a
        standard-library pattern's `search` that every match of a rule's real pattern also passes."""
        for b in self.blocks if blocks is None else blocks:
            if test(self.folded_slice(b.start, b.end)):
                yield b

    @cached_property
    def block_starts(self) -> list[int]:
        """`start` of each block, in order: bisect it to find the block around an offset."""
        return [b.start for b in self.blocks]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """`start` of each sentence, in order: bisect it to find the sentence around an offset."""
        return [s.start for s in self.sentences]

    def derived(self, make: Callable[[Document], T]) -> T:
        """`make(self)`, computed once per document and shared by every rule that asks.

        Evidence that several rules read (name mentions, capital use, line roles) is derived through
        here, so it is computed once however many rules ask, and the document model needs to know
        nothing of the modules that compute it.
        """
        memo: dict[Callable[[Document], object], object] = self.__dict__.setdefault("_derived", {})
        if make not in memo:
            memo[make] = make(self)
        return memo[make]  # type: ignore[return-value]

    def with_text(self, text: str) -> Document:
        """The same document with new text (structure recomputed lazily)."""
        return replace(self, text=text)

    def words(self, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
        """Iterate regex matches of the words of `prose[start:end]`."""
        return WORD.finditer(self.prose, start, len(self.prose) if end is None else end)

    def is_blank_line(self, line: int) -> bool:
        return 1 <= line <= self.line_count and not self.line_text(line).strip()

    @property
    def _ends_with_newline(self) -> bool:
        return self.text.endswith(("\n", "\r"))

    def deletion(self, block: Block) -> Edit:
        """An edit deleting `block`'s lines and one blank line beside them, so no gap doubles."""
        start, end = block.outer_start, block.outer_end
        if self.is_blank_line(block.last_line + 1) and block.last_line + 1 < self.line_count:
            end = self.line_span(block.last_line + 1)[2]
        elif self.is_blank_line(block.first_line - 1):
            start = self.line_span(block.first_line - 1)[0]
            if end == len(self.text) and not self._ends_with_newline and block.first_line - 2 >= 1:
                # Last line of a file with no final newline: keep the file's last newline-less line.
                start = self.line_span(block.first_line - 2)[1]
        elif end == len(self.text) and not self._ends_with_newline and block.first_line > 1:
            start = self.line_span(block.first_line - 1)[1]
        return Edit(start, end, "")


def fold_case(text: str) -> str:
    """`text.casefold()`, with the dotted and dotless i (İ, ı) made i first, as the `regex` module's
    case-insensitive matching equates them with i: a case-insensitive match of a pattern, folded, is the
    folded pattern. Case folding never shortens a character."""
    if "İ" in text or "ı" in text:
        text = text.replace("İ", "i").replace("ı", "i")
    return text.casefold()


def _term(line: str) -> bool:
    """Whether a line reads as the term of a definition list: a few words that end no sentence, and
    written as a term is (in lower case, `virtual`, `love, n.:`; ending in a colon, `proof by funding:`;
    quoted, `1.1. "Contributor"`; or a field and its one value, `Forwarded: foo@example.com`), not as a
    heading, a numbered section or a note (`Economy`, `2.1 Investments`, `Note: figures in millions`)."""
    text = line.strip()
    if not text or len(text.split()) > TERM_MAX_WORDS or text.endswith((".", "!", "?")):
        return False
    if text[0].islower() or text.endswith(":") or any(q in text for q in '"“”«»'):
        return True
    field, colon, value = text.partition(":")
    return bool(colon) and len(field.split()) == 1 and len(value.split()) == 1


def _plain_blocks(doc: Document) -> list[Block]:
    """Split plain text into blocks: one per line, or per run of lines when the text is hard-wrapped."""
    lines = [(i + 1, *span) for i, span in enumerate(doc._line_spans)]
    wrapped = doc.hard_wrapped
    groups: list[list[tuple[int, int, int, int]]] = []
    current: list[tuple[int, int, int, int]] = []
    for entry in lines:
        text = doc.text[entry[1] : entry[2]]
        if not text.strip():
            if current:
                groups.append(current)
                current = []
            continue
        if current and (not wrapped or _BULLET.match(text)):
            groups.append(current)
            current = []
        current.append(entry)
    if current:
        groups.append(current)

    drafts: list[_PlainDraft] = []
    for group in groups:
        first, outer_start, _, _ = group[0]
        last, _, content_end, outer_end = group[-1]
        start = outer_start
        bullet = _BULLET.match(doc.text, start, content_end)
        kind = BlockKind.LIST_ITEM if bullet else None
        if bullet:
            start = bullet.end()
        while start < content_end and doc.text[start].isspace():
            start += 1
        end = content_end
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        drafts.append(_PlainDraft(kind, start, end, outer_start, outer_end, first, last))

    blocks = []
    for i, d in enumerate(drafts):
        text = doc.prose[d.start : d.end]
        kind = d.kind
        if kind is None:
            following = drafts[i + 1] if i + 1 < len(drafts) else None
            # Only an unmarked block can be the prose a heading introduces (not a list item).
            prose_after = None
            if following is not None and following.kind is None:
                prose_after = doc.prose[following.start : following.end]
            kind = _classify_plain(text, i == 0, prose_after)
        blocks.append(
            frozen(
                Block,
                index=i,
                kind=kind,
                start=d.start,
                end=d.end,
                outer_start=d.outer_start,
                outer_end=d.outer_end,
                text=text,
                first_line=d.first,
                last_line=d.last,
                after_code=False,
            )
        )
    return blocks


@dataclass(frozen=True)
class _PlainDraft:
    """A plain-text block before its kind is known (None: decided from its shape and what follows)."""

    kind: BlockKind | None
    start: int
    end: int
    outer_start: int
    outer_end: int
    first: int
    last: int


def _classify_plain(text: str, first: bool, following: str | None) -> BlockKind:
    """Guess the kind of an unmarked plain-text block from its shape and what follows it."""
    # The end mark first: one look at the end of the text, where counting words reads it all.
    if _SENTENCE_END.search(text) or _more_words(text, HEADING_MAX_WORDS):
        return BlockKind.PARAGRAPH
    followed_by_prose = following is not None and (
        bool(_SENTENCE_END.search(following)) or _more_words(following, HEADING_MAX_WORDS)
    )
    if WORD.search(text) and (first or followed_by_prose):
        return BlockKind.HEADING
    return BlockKind.LINE


def _more_words(text: str, n: int) -> bool:
    """Whether `text` has more than `n` words (counting no further than that)."""
    if text.isascii():
        return count_words(text) > n  # the standard library's engine counts them all faster than that
    return len(list(itertools.islice(WORD.finditer(text), n + 1))) > n


_CLOSED_END = compiled(r"[.!?:;\"”’)]\s*$")
WRAP_WIDTH = 100  # characters: a wrapped line is never longer (one paragraph per line mostly is)
# A line of an e-mail quoting the message it answers: "> text", ">> text", "SL> text" (not a Python prompt).
_QUOTED = compiled(r"^[ \t]*[A-Za-z]{0,3}>(?!>>(?:\s|$))")
QUOTED_MIN_LINES = 3  # quoted lines that make a text an e-mail ...
QUOTED_MIN_SHARE = 0.1  # ... when they are this share of its lines at least


def _looks_hard_wrapped(doc: Document, lines: list[tuple[int, int, int]]) -> bool:
    """Whether consecutive lines are wrapped parts of one paragraph (e-mail style) rather than paragraphs:
    every line fits the width and most fill it, or (a README with a long command or address here and
    there) few lines pass the width and several break off mid-sentence to go on in lower case below, or
    (few lines passing the width, again) the text quotes an e-mail line by line (`> ...`), as a reply
    does. A page's paragraphs, one per line, are mostly longer than the width, whatever lines they hold."""
    texts = [doc.text[s:e] for s, e, _ in lines]
    lengths = [len(t) for t in texts if t.strip()]
    if len(lengths) < 4:
        return False
    long_lines = sum(n > WRAP_WIDTH for n in lengths)
    if long_lines <= max(1.0, 0.1 * len(lengths)):  # (a page's paragraphs, one per line, are longer)
        quoted = sum(1 for t in texts if ">" in t[:16] and _QUOTED.match(t))  # (a cheap look first)
        if quoted >= max(QUOTED_MIN_LINES, QUOTED_MIN_SHARE * len(lengths)):
            return True  # an e-mail quoting the one it answers: typed, however short its lines
    if max(lengths) <= WRAP_WIDTH and sum(50 <= n <= WRAP_WIDTH for n in lengths) >= 0.6 * len(lengths):
        return True
    if long_lines > max(1.0, 0.1 * len(lengths)):
        return False  # paragraphs, one per line
    pairs = continued = 0
    for above, below in itertools.pairwise(texts):
        if above.strip() and below.strip():
            pairs += 1
            continued += len(above) >= 40 and not _CLOSED_END.search(above) and below.lstrip()[:1].islower()
    return continued >= 2 and continued >= 0.1 * pairs


__all__ = ["Block", "BlockKind", "CrossFileEvidence", "Document", "Sentence"]
