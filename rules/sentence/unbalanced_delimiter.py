"""MT405 unbalanced-delimiter: a quote or bracket opened and never closed, or closed and never opened."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Finding, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Block, Document
from mtlint.text.lines import is_technical, stanza_lines
from mtlint.text.regexes import compiled

_QUOTE = compiled(r"[“”„\"«»]")
_LAST_QUOTE = compiled(r"(?r)[“”„\"«»]")  # _QUOTE, searched from the end
# Every delimiter, with the standard library's engine (faster than `regex` at a character class).
_ANY_DELIMITER = re.compile(r"""[()\[\]{}“”„«»"]""")
# Every delimiter belongs to one family, named by the mark that closes it. Double quotes of any shape
# (straight, curly, low-9) form one family: MT output mixes them freely within a quotation.
_FAMILY = {
    "(": ")",
    ")": ")",
    "[": "]",
    "]": "]",
    "{": "}",
    "}": "}",
    "«": "»",
    "»": "»",
    "“": '"',
    "”": '"',
    "„": '"',
    '"': '"',
}
# Spans where brackets and quotes are not punctuation: web addresses and emoticons. A URL keeps a balanced
# (...) of its own but not the parenthesis that encloses it. An emoticon has its eyes first and one mouth
# (`:)`, `;-)`, `:o)`, `8-)`; `(... :-))` still closes its parenthesis), glued to a word only before a
# space or the end (`nuts:)`, but not after an emoji shortcode: `(:wink:)`), or its eyes last before a
# space (`(:`, `(;`; `({});` and `anyone?):` close their parenthesis). A quoted colon, `(':')`, is none,
# and neither is a version constraint, `bar (= 1.0)`.
_SKIP = LazyPattern(
    r"(?:https?://|www\.)(?:[^\s()<>]|\([^\s()<>]*\))+(?<![.,;:!?'\"])"
    r"|(?<![\p{L}\p{N}])(?:[:;=][-^o]?|8[-^])[()\[\]]"
    r"|(?<=\p{L})(?<!:[\p{L}\p{N}_+-]+)[:;][-^o]?[()\]](?=[\s\"'”’.,!?]|$)"
    r"|(?<![\p{L}\p{N}])[(\[][-^o]?[:;](?=\s|$)",
    regex.I,
)
_WWW = re.compile(r"www\.", re.I)
_SENTENCE_BREAK = compiled(r"[.!?][\"'”’]*\s+\p{Lu}")  # a sentence ends and the next one begins
# A list label ("a)", "2)", "iv)") closes nothing by design.
_LABEL = LazyPattern(r"(?:^|(?<=\s))(?:\p{L}|\d{1,2}|[ivx]{1,4})\)$", regex.I)


@dataclass(frozen=True)
class _Open:
    """An opening delimiter not yet closed."""

    offset: int
    char: str
    family: str  # the closer that ends it: ")", "]", "}", "»" or '"' for double quotes


class UnbalancedDelimiter(Rule[NoOptions]):
    """A quote, parenthesis or bracket opened and never closed in its paragraph, or closed and never opened.

    Machine translation drops or duplicates quotation marks when it reorders clauses, and an unclosed
    quote makes the reader unsure where reported speech ends.

    Bad:  `the two sides praised the “frank talks. which covered trade`
    Good: `the two sides praised the “frank talks”, which covered trade`

    Heuristics: per paragraph, curly (“ ”) and straight (") double quotes, guillemets, parentheses,
    square and curly brackets are matched like nested pairs. A straight quote opens after a space or at
    the start and closes before a space or punctuation. Left alone: single quotes and ’ (apostrophes look
    the same), quotes after a digit (inches), emoticons, list labels such as `a)` and `2)`, a guillemet
    between spaces used as a separator (`Home » World » Region`), web addresses, square and curly
    brackets in Markdown (link and template syntax: `[text](url)`, `{{name}}`), every bracket in technical
    documentation (plain text with code in many lines: `the range [a, b)`, `'{'`), and a quotation that
    continues into the next paragraph in the news convention (the paragraph leaves its quote open and
    the next one opens again, or the next paragraph closes it). The lines of a stanza of verse
    (`text.lines.stanza_lines`) are one paragraph: a quotation or a bracket may open on one and close on
    another.

    No fix: only the writer knows where the quote or bracket should end.
    """

    code = "MT405"
    name = "unbalanced-delimiter"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = False

    def check(self, doc: Document) -> Iterator[Finding]:
        carried: list[_Open] = []  # quotations the previous paragraph left open
        prose = doc.prose
        verse = stanza_lines(doc)  # a stanza is one paragraph: a quotation or a bracket runs over its lines
        for block in doc.blocks:
            runs_on = block.index in verse and block.index + 1 in verse
            if _ANY_DELIMITER.search(prose, block.start, block.end) is None:
                if not runs_on:
                    if block.index in verse:  # the stanza's last line: what its lines left open stays open
                        yield from (self._unclosed(item) for item in carried)
                    carried = []  # no mark to scan: nothing opens, closes or carries on (most blocks)
                continue
            stack, strays = self._scan(doc, block, carried)
            carried = []
            last_quote = _last_quote_mark(doc, block)
            last_block = block.index + 1 == len(doc.blocks)
            reopenings: _Reopenings | None = None  # built for the first open quote that needs it
            for item in stack:
                if runs_on:
                    carried.append(item)  # the next line of the stanza may close it
                    continue
                if item.offset < block.start:
                    if block.index in verse:  # the stanza's last line: what it left open stays open
                        yield self._unclosed(item)
                    continue  # carried from the paragraph before: a quotation may run over several
                if item.family == '"' and last_block and block.index > 0 and item.offset == last_quote:
                    continue  # the text stops inside its last quotation: a page cut off by extraction
                if item.family == '"':
                    if reopenings is None:
                        reopenings = _Reopenings(prose, block.start, block.end)
                    if reopenings.after(item.offset):
                        continue  # `“… fiscal side. “Before that …”`: two quoted paragraphs run together
                if item.family == '"' and item.offset == last_quote and block.index + 1 < len(doc.blocks):
                    # A quotation running to the end of the paragraph and on into the next one (news
                    # convention); the next paragraph may reopen it or close it.
                    carried.append(item)
                else:
                    yield self._unclosed(item)
            for offset, char in strays:
                if char in '”"' and block.index > 0 and _quote_from_start(doc.prose, block.start, offset):
                    continue  # `… on the planet,” Samantha Power said`: the opening was lost with the paragraph before
                yield self.finding(
                    offset, offset + 1, f"'{char}' closes nothing opened before it in this paragraph", delimiter=char
                )

    @staticmethod
    def _scan(doc: Document, block: Block, carried: list[_Open]) -> tuple[list[_Open], list[tuple[int, str]]]:
        """Match the block's delimiters; return what stays open and the closers that close nothing."""
        prose, start, end = doc.prose, block.start, block.end
        skip: list[tuple[int, int]] = []
        mouths: list[tuple[int, str]] = []  # an emoticon's closing bracket, which may also close a bracket
        if _may_skip(prose[start:end]):  # most paragraphs have no address and no emoticon
            for m in _SKIP.finditer(prose, start, end):
                skip.append((m.start(), m.end()))
                if m.group()[-1] in ")]" and not _WWW.search(m.group()) and "://" not in m.group():
                    mouths.append((m.end() - 1, m.group()[-1]))
        stack: list[_Open] = []
        strays: list[tuple[int, str]] = []
        # Markdown's link and template syntax, and the ranges, calls and quoted characters of technical
        # documentation (`[a, b)`, `'{'`), use brackets unpaired.
        technical = is_technical(doc)
        brackets = "()[]{}" if technical else "[]{}" if doc.format == "markdown" else ""
        marks = []
        # Straight quotes so far in the block and the last one's offset, for _inches: counting them
        # again at every quote made a paragraph with many of them quadratic.
        quotes, last_quote = 0, -1
        for mark in _ANY_DELIMITER.finditer(prose, start, end):
            i, ch = mark.start(), mark.group()
            ignored = (skip and any(s <= i < e for s, e in skip)) or ch in brackets
            if ch == '"':
                ignored = ignored or _inches(prose, start, i, last_quote, quotes)
                quotes, last_quote = quotes + 1, i
            if ignored:
                continue
            marks.append((i, ch))
        if sum(ch == '"' for _, ch in marks) % 2 == 0:
            # An even number of straight quotes pairs up; which mark opens is guesswork, so trust the count.
            marks = [(i, ch) for i, ch in marks if ch != '"']
        for i, ch in marks:
            role = _role(prose, i, ch, bool(carried) or any(o.family == '"' for o in stack))
            if role is None:
                continue
            if carried:
                # News convention: a quotation running on into this paragraph opens again at its start.
                if not (role == "open" and _FAMILY[ch] in '"»' and i == block.start):
                    stack.extend(carried)
                carried = []
            if role == "open":
                stack.append(_Open(i, ch, _FAMILY[ch]))
                continue
            family = _FAMILY[ch]
            for j in range(len(stack) - 1, -1, -1):
                if stack[j].family == family:
                    del stack[j:]  # a crossing pair opened inside is dropped: one finding per real slip
                    break
            else:
                if not (ch == ")" and _LABEL.search(prose, max(block.start, i - 5), i + 1)):
                    strays.append((i, ch))
        # `(here are a couple of others:)`, `(I hope so :-)`: an emoticon's mouth closes a bracket that
        # nothing else closes, opened in its own sentence (one opened sentences before is left open).
        for i, ch in mouths:
            for j in range(len(stack) - 1, -1, -1):
                if stack[j].family == ch and stack[j].offset < i:
                    if _SENTENCE_BREAK.search(prose, stack[j].offset, i) is None:
                        del stack[j]
                    break
        return stack, strays

    def _unclosed(self, item: _Open) -> Finding:
        return self.finding(
            item.offset,
            item.offset + 1,
            f"'{item.char}' is opened and never closed in this paragraph",
            delimiter=item.char,
        )


def _may_skip(text: str) -> bool:
    """Whether `text` may hold a match of _SKIP: each has a colon, a semicolon, an equals sign, `8-`, `8^`
    or www."""
    return (
        ":" in text
        or ";" in text
        or "=" in text
        or "8-" in text
        or "8^" in text
        or ("ww" in text.lower() and _WWW.search(text) is not None)
    )


def _spaced(prose: str, i: int) -> bool:
    """Whether the character at `i` stands between spaces (or a line's edge), quoting nothing."""
    before = prose[i - 1] if i > 0 else " "
    after = prose[i + 1] if i + 1 < len(prose) else " "
    return before.isspace() and after.isspace()


def _role(prose: str, i: int, ch: str, quote_open: bool) -> str | None:
    """'open', 'close' or None (not a delimiter here) for the character at `i`."""
    if ch in "«»" and _spaced(prose, i):
        return None  # a separator between spaces, as in a breadcrumb ("Home » World » Region")
    if ch in "([{«„":
        return "open"
    if ch in ")]}»":
        return "close"
    before = prose[i - 1] if i > 0 else " "
    after = prose[i + 1] if i + 1 < len(prose) else " "
    if ch == "“":
        return (
            "close"
            if (not before.isspace() and before not in "([{—–-") and (after.isspace() or after in ".,;:!?")
            else "open"
        )
    if ch == "”":
        return (
            "open" if before.isspace() and not after.isspace() and after not in ".,;:!?" and not quote_open else "close"
        )
    # Straight quote: decided by what stands on each side, then by whether a quotation is open.
    opens = (before.isspace() or before in "([{—–-") and not after.isspace() and after not in ".,;:!?)]}"
    closes = not before.isspace() and before not in "([{" and (after.isspace() or after in ".,;:!?)]}")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if not before.isspace() and not after.isspace():
        return "close" if quote_open else "open"  # glued on both sides: of"Four
    return "close" if quote_open else None  # spaced on both sides: ambiguous


_REOPEN = LazyPattern(r"""[.!?…]["”]?\s+[“"]\p{Lu}""")


# A closing quote: a curly one, or a straight one glued to the word before it and followed by a space or
# punctuation.
_CLOSER = LazyPattern(r"""[”]|\S"(?=[\s.,;:!?])""")


class _Reopenings:
    """The reopened quotations of one paragraph: a quotation opened at some offset, then a sentence end
    and a new opening quote before any closing one. That is the news convention for a quotation of
    several paragraphs (each opens, only the last closes), here with the paragraph break lost.

    The reopenings and closers are found once per paragraph, so that each open quote is a look-up:
    searching the rest of the paragraph for every one made a paragraph of many open quotes quadratic.
    """

    def __init__(self, prose: str, start: int, end: int) -> None:
        self._reopens = [m.start() for m in _REOPEN.finditer(prose, start, end)]
        # Every closer by where it starts, with the last offset it reads (a straight quote reads the
        # character after it); overlapping ones too, as a search starting between them would find them.
        closers = sorted(
            (m.start(), m.end() - 1 if m.group() == "”" else m.end())
            for m in _CLOSER.finditer(prose, start, end, overlapped=True)
        )
        self._starts = [s for s, _ in closers]
        # The least last offset of the closers from each one on.
        self._reach = [s for _, s in closers]
        for k in range(len(closers) - 2, -1, -1):
            self._reach[k] = min(self._reach[k], self._reach[k + 1])

    def after(self, offset: int) -> bool:
        """Whether the quotation opened at `offset` is reopened: a reopening follows it with no closer
        wholly between the quote and the reopening's sentence mark."""
        k = bisect.bisect_left(self._reopens, offset + 1)
        if k == len(self._reopens):
            return False
        mark = self._reopens[k]
        c = bisect.bisect_left(self._starts, offset + 1)
        return c == len(self._starts) or self._reach[c] > mark


def _quote_from_start(prose: str, start: int, offset: int) -> bool:
    """Whether the closing quote at `offset` ends a quotation that runs from the paragraph's start: no
    quote mark before it in the paragraph, and a sentence mark right before it."""
    return offset > start and prose[offset - 1] in ",.!?" and not _QUOTE.search(prose, start, offset)


def _last_quote_mark(doc: Document, block: Block) -> int:
    """Offset of the block's last double quotation mark, or -1."""
    m = _LAST_QUOTE.search(doc.prose, block.start, block.end)
    return -1 if m is None else m.start()


def _inches(prose: str, start: int, i: int, last_quote: int, quotes: int) -> bool:
    """Whether the straight quote at `i` is an inch sign (`a 55" screen`), not the end of `"55"`.

    `last_quote`: the offset of the block's straight quote before it (below `start` if none); `quotes`:
    how many straight quotes stand in the block before it.
    """
    if not (i > start and prose[i - 1].isdigit()):
        return False
    # Another straight quote in the same token (`"55"`) makes it a closing quote.
    if last_quote >= start and prose.find(" ", last_quote + 1, i) < 0 and prose.find("\n", last_quote + 1, i) < 0:
        return False
    # `the title "New 7.1"`: after an odd number of straight quotes, a quote after a digit closes one.
    return quotes % 2 == 0
