"""MT406 spacing: doubled spaces, spaces before punctuation, missing spaces after it, trailing spaces."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice, pairwise

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.document import BlockKind, Document
from mtlint.text.lines import is_technical
from mtlint.text.regexes import compiled
from mtlint.text.words import WORD

_TRAILING = re.compile(r"[ \t\u00a0]+(?=[\r\n]|\Z)")
# Two or more spaces between words (or after a comma) inside a sentence.
_DOUBLE = LazyPattern(r"(?<=[\p{L}\p{N},])( {2,})(?=[\p{L}\p{N}])")
# Spaces before , ; : ! ? or a full stop that is not an ellipsis ("...", ". . .") or a decimal (".5").
_BEFORE = LazyPattern(r"(?<=[\p{L}\p{N}.!?”\"’)\]])([ \t]+)([,;:!?]|\.(?![.\d]))(?=\s|$|[\"”’])", regex.M)
# A sentence end glued to the next sentence: "end.Next" (two lower-case letters before, a word after).
_GLUED = LazyPattern(r"(?<=\p{Ll}\p{Ll})([.!?])(?=\p{Lu}\p{Ll})")
_TOKEN = LazyPattern(r"\S+")
# What a block must hold for the patterns above to match there (cheap tests run first): a space or tab
# right before a mark, and a sentence mark right before a capital.
_SPACE_BEFORE_MARK = re.compile(r"[ \t][,;:!?.]")
_MARK_BEFORE_CAPITAL = compiled(r"[.!?]\p{Lu}")
_RUNNING = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
_LABEL_WORDS = 3  # a term before its description: `fix`, `QoS 0`, `Merge pull request`


class Spacing(Rule[NoOptions]):
    """Spaces where English has none, none where it has one, and spaces at line ends.

    Machine translation from languages with other spacing conventions (French `mot :`, Arabic and Chinese
    punctuation) and the assembly of translated segments leave spacing slips that readers notice and
    search engines and diff tools trip over.

    Bad:  `said the minister , adding that talks ended.Next week`
    Good: `said the minister, adding that talks ended. Next week`

    Finds: two or more spaces between words inside a sentence (in paragraphs and list items; two spaces after a
    full stop are a typing convention and left alone); spaces before `, ; : ! ?` or a full stop (not an ellipsis
    ` ...` or ` . . .`, or a decimal ` .5`); a sentence end glued to the next word (`end.Next`; not
    abbreviations such as `U.S.` or `e.g.`, a name spelled with a dot that recurs (`One.Tel`), numbers such as
    `3.5`, web or e-mail addresses, file names, code such as `typing.NamedTuple` or `threading.Thread(`); spaces
    or tabs at the end of a line.

    Left alone in plain text wrapped by hand (e-mail, licences: most lines 50 to 100 characters): doubled
    spaces, which align its columns (`Boston, MA  02110`), and spaces at line ends, which mark the soft line
    breaks of e-mail sent as format=flowed. Left alone in any text: the spaces before the colons
    of a field list whose labels are padded to line the colons up (`Language    : English`).

    Left alone in Markdown: doubled spaces and spaces at line ends, which rendering collapses (and two
    spaces at a line end are Markdown's hard line break), so a reader never sees them; and a space before
    the colon after a short label that opens a block (`fix : bug fix`, `CLI :`), a house style of
    documentation.

    A mark after a sentence that already ended (`arena.” .`, `prices. , pointing`) is left to
    stray-punctuation (MT407), which knows which of the two marks to keep.

    Fix (safe): collapse, delete or insert the space.
    """

    code = "MT406"
    name = "spacing"
    category = "whitespace"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        rendered = doc.format == "markdown"  # whitespace runs collapse when the page is rendered
        # In text wrapped by hand, runs of spaces align columns and follow full stops by typing convention.
        aligned = rendered or doc.hard_wrapped
        if not aligned:
            # (In text wrapped by hand a space at a line's end is e-mail's soft line break, format=flowed.)
            yield from self._trailing(doc)
        # The blocks the cheap tests pass, from one scan of the text each (a match of two characters lies in
        # a block when both do; the matches of each test cannot overlap).
        spaced, capitals = _blocks_holding(doc, _SPACE_BEFORE_MARK), _blocks_holding(doc, _MARK_BEFORE_CAPITAL)
        for block in doc.blocks:
            if block.kind in _RUNNING and not aligned and text.find("  ", block.start, block.end) >= 0:
                for m in _DOUBLE.finditer(text, block.start, block.end):
                    if not doc.is_masked(m.start(), m.end()):
                        yield self.finding(
                            m.start(1),
                            m.end(1),
                            "several spaces between words",
                            fix=Fix.safe(Edit(m.start(1), m.end(1), " ")),
                        )
            for m in _BEFORE.finditer(text, block.start, block.end) if block.index in spaced else ():
                if rendered and m.group(2) == ":" and _label(doc, block.start, m.start(1)):
                    continue  # `fix : bug fix`, `CLI :`: a term and its description, a house style of docs
                if m.group(2) == ":" and _aligned_field(doc, m.start(2)):
                    continue  # `Language    : English`: a field list whose colons are lined up
                if m.group(2) == "." and _in_spaced_ellipsis(doc, m.start(2)):
                    continue  # `foresight . . . the guide`: words left out of a quotation
                found = None if doc.is_masked(m.start(), m.end()) else self._space_before(text, m)
                if found is not None:
                    yield found
            for m in _GLUED.finditer(text, block.start, block.end) if block.index in capitals else ():
                if _dotted_name(doc, text, m.start(1), block.start, block.end):
                    continue  # `httpx.StatusCodes`, `Knex.Promise`: documentation names code by module.Member
                if _repeated_token(doc, text, m.start(1), block.start, block.end):
                    continue  # `One.Tel` twice: a name spelled with a dot, not a sentence end glued on
                if _glued_sentence(text, m.start(1), block.start, block.end) and not doc.is_masked(m.start(), m.end()):
                    yield self.finding(
                        m.start(1),
                        m.end(1) + 1,
                        f"no space after '{m.group(1)}'",
                        fix=Fix.safe(Edit(m.end(1), m.end(1), " ")),
                    )

    def _trailing(self, doc: Document) -> Iterator[Finding]:
        # One scan of the whole text: a run of blanks right before a line break or the end of the text is
        # what a search of each line for blanks at its end finds (lines end at LF, CRLF or CR).
        for m in _TRAILING.finditer(doc.text):
            if doc.is_masked(m.start(), m.end()):
                continue
            yield self.finding(m.start(), m.end(), "trailing whitespace", fix=Fix.safe(Edit(m.start(), m.end(), "")))

    def _space_before(self, text: str, m: regex.Match[str]) -> Finding | None:
        before = text[m.start(1) - 1]
        if before in ".!?" or (before in '”"’' and m.start(1) >= 2 and text[m.start(1) - 2] in ".!?"):
            return None  # a mark after a sentence that already ended: stray-punctuation (MT407) reports it
        mark = m.group(2)
        return self.finding(
            m.start(1), m.end(2), f"space before '{mark}'", fix=Fix.safe(Edit(m.start(1), m.end(1), "")), mark=mark
        )


def _blocks_holding(doc: Document, pair: re.Pattern[str] | regex.Pattern[str]) -> set[int]:
    """The indexes of the blocks that hold a match of `pair` (two characters), found in one scan."""
    blocks, starts = doc.blocks, doc.block_starts
    if any(a.end > b.start for a, b in pairwise(blocks)):  # blocks out of order: test each
        return {b.index for b in blocks if pair.search(doc.text, b.start, b.end)}
    out = set()
    for m in pair.finditer(doc.text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= blocks[i].end:
            out.add(i)
    return out


def _label(doc: Document, start: int, colon: int) -> bool:
    """Whether the text before a colon, from the block's start, is a short label (three words at most)."""
    return sum(1 for _ in islice(WORD.finditer(doc.prose, start, colon), _LABEL_WORDS + 1)) <= _LABEL_WORDS


_SPACED_ELLIPSIS = LazyPattern(r"\.(?:[ \t]\.){2,}")


def _in_spaced_ellipsis(doc: Document, dot: int) -> bool:
    """Whether the full stop at `dot` is one of three or more spaced dots (`. . .`): the runs are found
    in one scan per document and looked up by position."""
    starts, ends = doc.derived(_ellipsis_runs)
    k = bisect.bisect_right(starts, dot) - 1
    return k >= 0 and dot < ends[k]


def _ellipsis_runs(doc: Document) -> tuple[list[int], list[int]]:
    runs = [m.span() for m in _SPACED_ELLIPSIS.finditer(doc.prose)]
    return [a for a, _ in runs], [b for _, b in runs]


# A label at the start of a line and its colon, padded to line the colons up (two spaces or more, or a tab),
# or not; the value may start on the next line.
_PADDED_LABEL = compiled(r"[ \t]*\p{L}[\p{L}\p{N} ./-]{0,30}?(?:[ \t]{2,40}|[ \t]*\t[ \t]*):(?=[ \t\r]|$)", regex.M)
_FIELD_LABEL = compiled(r"[ \t]*\p{L}[\p{L}\p{N} ./-]{0,30}?[ \t]{1,40}:(?=[ \t\r]|$)", regex.M)


def _aligned_field(doc: Document, colon: int) -> bool:
    """Whether the space before the colon at `colon` pads a short label that opens its line to line its
    colon up with the fields around it: the line is padded itself (`Language    : English`, or a tab), or
    its colon stands in the same column as that of a padded field a few lines above or below (`Description
    : ...` under `Name        : ...`)."""
    text = doc.prose
    line, column = doc.position(colon)
    start = colon - column + 1
    if _label_colon(_PADDED_LABEL, text, start, colon):
        return True
    if not _label_colon(_FIELD_LABEL, text, start, colon):
        return False
    return any(
        (m := _PADDED_LABEL.match(text, n)) is not None and m.end() - n == column for n in _nearby_lines(doc, line)
    )


FIELD_REACH = 3  # lines above and below (within the paragraph) where a field may line its colon up


def _nearby_lines(doc: Document, line: int) -> list[int]:
    """The starts of up to FIELD_REACH lines above and below `line`, stopping at a blank line (a field's
    value may wrap onto the next line)."""
    out: list[int] = []
    for step in (-1, 1):
        n = line + step
        while abs(n - line) <= FIELD_REACH and 1 <= n <= doc.line_count and doc.line_text(n).strip():
            out.append(doc.line_span(n)[0])
            n += step
    return out


def _label_colon(pattern: regex.Pattern[str], text: str, start: int, colon: int) -> bool:
    """Whether `pattern` (a label and its colon) matches the line at `start` up to the colon at `colon`."""
    m = pattern.match(text, start, colon + 1)
    return m is not None and m.end() == colon + 1


def _glued_sentence(text: str, dot: int, start: int, end: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence rather than sitting inside an address or a name."""
    left = text.rfind(" ", start, dot) + 1 or start
    token = _TOKEN.match(text, max(left, start), end)
    word = token.group() if token else ""
    if any(s in word for s in ("/", "@", "://", "www", "_", "\\")):
        return False
    before = text[max(left, start) : dot]
    return "." not in before and not any(c.isdigit() for c in word) and before.isalpha()


# A word, a full stop and a capitalised word with no space: `One.Tel`, `ended.The`.
_DOTTED_TOKEN = LazyPattern(r"(?<![\p{L}\p{M}.])\p{L}+\.\p{Lu}\p{L}*(?![\p{L}\p{M}])")


def _repeated_token(doc: Document, text: str, dot: int, start: int, end: int) -> bool:
    """Whether the word, the full stop and the word after it (`One.Tel`) recur as a whole in the text,
    the word after is no word that opens a sentence (`The`, `He`): a missing space does not repeat
    itself with the same words, a name spelled with a dot does."""
    token = _DOTTED_TOKEN.match(text, _token_start(text, dot, start), end)
    if token is None or lex.is_closed_class(token.group().split(".", 1)[1].casefold()):
        return False
    return doc.derived(_dotted_tokens)[token.group()] >= 2


def _token_start(text: str, dot: int, start: int) -> int:
    left = dot
    while left > start and text[left - 1].isalpha():
        left -= 1
    return left


def _dotted_tokens(doc: Document) -> Counter[str]:
    """How often each `word.Word` token occurs in the text (one scan per document)."""
    return Counter(m.group() for m in _DOTTED_TOKEN.finditer(doc.prose))


_MEMBER = LazyPattern(r"\p{Lu}\p{Ll}+(?:\p{Lu}|[(<#._\[])")
_MEMBER_WORD = LazyPattern(r"\p{L}+")


def _dotted_name(doc: Document, text: str, dot: int, start: int, end: int) -> bool:
    """Whether `left.Right` at `dot` names code (module.Member): the member is CamelCase or is called or
    indexed (`Client#`, `Options<`, `Visitor(`), or the left part is written as code elsewhere (in
    Markdown) or is a lower-case name in technical documentation (plain text with code in many lines). A
    sentence glued to the next never starts with such a word."""
    if _MEMBER.match(text, dot + 1, end) is not None:
        return True
    left = text.rfind(" ", start, dot) + 1 or start
    word = text[max(left, start) : dot].strip("([{\"'“‘`*_")
    if doc.format != "markdown":
        # In technical documentation a lower-case name before the dot is a module (`subprocess.Popen`),
        # unless what follows opens a sentence (`the new path.The old file`).
        member = _MEMBER_WORD.match(text, dot + 1, end)
        opener = member is not None and lex.is_closed_class(member.group().casefold())
        return bool(word) and word.islower() and not opener and is_technical(doc)
    return word.casefold() in doc.code_words
