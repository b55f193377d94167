"""MT302 lowercase-sentence-start: a sentence that begins in lower case."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.rules.casing.evidence import written_lower_always
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import is_documentation, stanza_lines
from mtlint.text.regexes import compiled
from mtlint.text.words import LOWERCASE_ABBREVIATIONS

_FIRST_WORD = compiled(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.@/_]*")
_WORD = compiled(r"[\p{L}\p{M}\p{N}]+")
# A wire-story dateline: place and date, the agency in parentheses, a dash ("Dubai, May 3 (AFP) - ").
_DATELINE = compiled(r"[^()\n]{0,60}\((?:\p{Lu}[\p{L}.]*)(?:[ /][\p{Lu}][\p{L}.]*){0,3}\)\s*[-–—]\s+")
_VOWEL = compiled(r"[aeiouyAEIOUY]")
_NEXT_WORD = compiled(r"\s+([\p{L}])")
# Lower-case particles of names ("de Klerk", "van Gogh", "al Sisi"), written so even at a sentence start.
_NAME_PARTICLES = frozenset("de del della der den di da dos das du van von ter ten le la al el bin ibn ben".split())
_MIN_WORDS = 4  # a paragraph shorter than this is a fragment (a credit, a label), not a sentence


def _after_example(doc: Document, blocks: Sequence[Block], index: int) -> bool:
    """Whether the block before `index` is indented deeper than it: an example, a command or a quotation set
    off by indentation, after which the sentence it interrupted goes on in lower case. (A page extracted
    one paragraph per line has no indentation to tell.)"""
    return index > 0 and doc.indent(blocks[index - 1].first_line) > doc.indent(blocks[index].first_line)


def _ended(prose: str, blocks: Sequence[Block], index: int) -> bool:
    """Whether the block before `index` ends a sentence (a full stop, a question or an exclamation mark)."""
    return index > 0 and prose[blocks[index - 1].start : blocks[index - 1].end].rstrip().endswith((".", "!", "?"))


class LowercaseSentenceStart(Rule[NoOptions]):
    """A sentence that begins in lower case.

    A full stop that machine translation put inside a sentence (or a name: `United States` split as
    `state cooperation. united with Pakistan`) leaves the rest starting in lower case, and so does a
    source-language word order that put a verb or article first. Readers stumble on it.

    Bad:  `not go too far in the path of state cooperation. united with Pakistan.`
    Good: `not go too far in the path of state cooperation with the United States.`

    Heuristics: the first word of a sentence (or of a paragraph of running prose, or of a wire story
    after its dateline `Dubai, May 3 (Reuters) - `) starts with a lower-case letter. Not flagged: after
    an abbreviation (`e.g.`, `U.S.`, `p.m.`, `Nov. 27`, or a short capitalised word before the full stop
    such as `Calif.`), after an ellipsis, words written in lower case on purpose (`iPhone`, `eBay`,
    handles, web addresses), name particles before a name (`de Klerk`, `van Gogh`), lower-case
    abbreviations (`approx.`, `hrs.`, `oz.`), sentences that open with a quote or bracket, paragraphs of fewer
    than four words and one-word sentences, a paragraph repeated inside another block (a caption cut off
    by page extraction), a line that goes on with the sentence the line above left open (it ends with
    `:`, `,`, `;` or a word such as `as`, `that`, `the`), or after an example indented deeper than it (the
    sentence the example interrupted goes on), the term of a definition list in plain text and the
    description under it (a line of a few words over its description, indented deeper: `virtual` /
    `   "mailx" is now ...`, `love, n.:`, `1.1. "Contributor"` / `     means each person ...`),
    a function named by its call (`join() is`),
    headings (see lowercase-heading) and short standalone lines; and technical documentation (Markdown
    with code, or plain text with code in many of its lines), whose sentences open with the names of
    functions, options and parameters (`name is a string`) and whose changelogs write entries in lower
    case by house style; a line of verse that opens in lower case (it goes on with the line above).

    Fix (unsafe, since the full stop before may be the real error): capitalise the first letter.
    """

    code = "MT302"
    name = "lowercase-sentence-start"
    category = "casing"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        if is_documentation(doc):
            return  # `dbm.dumb now supports ...`, `name is a string`: a manual's sentences open with code
        prose = doc.prose
        blocks = doc.blocks
        verse = stanza_lines(doc)
        previous_block = -1
        for sentence in doc.sentences:
            block = blocks[sentence.block]
            first_in_block = sentence.block != previous_block
            previous_block = sentence.block
            if first_in_block and sentence.block in verse and not _ended(prose, blocks, sentence.block):
                continue  # a line of a poem that goes on with the sentence of the line above
            if first_in_block and doc.format != "markdown" and _after_example(doc, blocks, sentence.block):
                continue  # "... in your postrm:" / an indented example / "and in your postinst": one sentence
            if first_in_block and (doc.opens_with_term(block) or doc.describes_term(block)):
                continue  # `virtual` over its indented description: a definition list's term, not a sentence
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                continue
            opens_story = first_in_block and block.kind is BlockKind.PARAGRAPH
            dateline = _DATELINE.match(prose, sentence.start, sentence.end) if opens_story else None
            if dateline is not None:
                # "CAIRO, May 3 (Reuters) - strong winds ...": the story starts after the dateline.
                m = _FIRST_WORD.match(prose, dateline.end(), sentence.end)
                if m is not None and _plain_lowercase(m.group()):
                    yield self._finding(m)
                continue
            m = _FIRST_WORD.match(prose, sentence.start, sentence.end)
            if m is None or not _plain_lowercase(m.group()):
                continue
            min_words = _MIN_WORDS if first_in_block else 2
            if len(_WORD.findall(sentence.text)) < min_words or doc.is_masked(m.start(), m.end()):
                continue
            if _not_a_start(doc, block, sentence.start, m.group(), first_in_block):
                continue
            if prose.startswith("(", m.end()):
                continue  # `join() is a string method`: a function named by its call keeps its own case
            if prose.startswith("://", m.end()) or (
                prose.startswith(".", m.end()) and prose[m.end() + 1 : m.end() + 2].isalnum()
            ):
                continue  # `http://...`, `example.org is down`, `setup.py reads`: an address or a file name
            if first_in_block and _continues_previous(doc, block):
                continue
            if not first_in_block and not _after_sentence_end(prose, block.start, sentence.start):
                continue
            if first_in_block and _repeated_fragment(doc, block):
                continue
            word = m.group()
            if word in _NAME_PARTICLES and _next_is_capitalised(prose, m.end(), sentence.end):
                continue
            yield self._finding(m)

    def _finding(self, m: regex.Match[str]) -> Finding:
        word = m.group()
        return self.finding(
            m.start(),
            m.end(),
            f"sentence starts in lower case ('{word}')",
            fix=Fix.unsafe(Edit(m.start(), m.start() + 1, word[0].upper())),
            word=word,
        )


def _not_a_start(doc: Document, block: Block, start: int, word: str, first_in_block: bool) -> bool:
    """Whether the structure says the word at `start` does not open a sentence (see the Document model):
    a list item's first words complete the sentence that introduced the list; a code span, link or
    other inline markup opens the sentence before the word; a paragraph after a code block goes on with
    the sentence the code interrupted; a word the document also writes as code is an identifier."""
    if first_in_block and (block.kind is BlockKind.LIST_ITEM or block.after_code):
        return True
    if doc.opens_with_markup(start, block.outer_start) or word.casefold() in doc.code_words:
        return True
    return written_lower_always(doc, word)


_LAST_WORD = compiled(r"([\p{L}]+)\W*$")


def _continues_previous(doc: Document, block: Block) -> bool:
    """Whether the block above leaves its sentence open, so this line goes on with it: it ends with a
    colon, comma or semicolon (an introduction, an item of a list) or with a word no sentence ends on
    (`may be as simple as`, `easy to see that`), as text saved from a page with its code or list markup
    stripped does."""
    if block.index == 0:
        return False
    above = doc.blocks[block.index - 1].text.rstrip()
    if above.endswith((":", ",", ";")):
        return True
    m = _LAST_WORD.search(above[-40:])
    return m is not None and m.group(0) == m.group(1) and lex.is_closed_class(m.group(1).casefold())


def _plain_lowercase(word: str) -> bool:
    """A lower-case word, not a brand (`iPhone`), handle, address or file name."""
    if not word[0].islower() or any(c in word for c in "@/_."):
        return False
    return not any(c.isupper() for c in word[1:])


_LOOK_BACK = 80


def _after_sentence_end(prose: str, block_start: int, start: int) -> bool:
    """Whether the text before `start` ends a sentence: a full stop, ? or ! that is not an abbreviation."""
    # Only the last few words decide; slicing from the block start would be quadratic in paragraph length.
    before = prose[max(block_start, start - _LOOK_BACK) : start].rstrip()
    stripped = before.rstrip("\"'”’»")
    if len(stripped) < 2 or stripped[-1] not in ".!?":
        return False  # also ")": "(though not recommended!) for the" goes on after a parenthesis
    mark_follows = stripped[-2] if stripped[-2] not in "”’\"')]" else stripped[-3:-2]
    if not (mark_follows.isalnum() or mark_follows in (".", "!", "?")):
        return False  # a quoted or spaced mark ('With "." as argument', 'from . import'), not a sentence end
    if stripped.endswith(("..", "…")):
        return False  # an ellipsis trails off; lower case may continue the sentence
    if stripped[-1] in "!?" and before[-1:] in "\"”’»'":
        return False  # `the button “Go Live!” failed`: a quoted exclamation or question inside a sentence
    if stripped[-1] == ".":
        tokens = stripped[:-1].split()
        letters = tokens[-1].strip("(\"'“‘") if tokens else ""
        if "." in letters or (letters[:1].isupper() and letters.isalpha() and len(letters) <= 5):
            return False  # "U.S. troops", "Calif. officials": an abbreviation, not a sentence end
        if letters.isalpha() and (letters.lower() in LOWERCASE_ABBREVIATIONS or not _VOWEL.search(letters)):
            return False  # "approx. two", "5 hrs. later": no English word lacks a vowel
    return True


_NEAR_BLOCKS = 3


def _repeated_fragment(doc: Document, block: Block) -> bool:
    """Whether the paragraph also appears inside another block: a caption or teaser cut off mid-sentence
    by the page extraction (the duplicate rules' business), not a sentence of the article."""
    needle = block.text.strip()
    if len(needle) < 20:
        return False
    # The full caption stands next to its cut-off copy; looking only nearby keeps the rule linear.
    near = doc.blocks[max(0, block.index - _NEAR_BLOCKS) : block.index + _NEAR_BLOCKS + 1]
    return any(b.index != block.index and needle in b.text for b in near)


def _next_is_capitalised(prose: str, start: int, end: int) -> bool:
    m = _NEXT_WORD.match(prose, start, end)
    return m is not None and m.group(1).isupper()
