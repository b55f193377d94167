"""MT408 dangling-word (prototype): a word that needs a complement, cut off by a sentence or clause mark."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Finding, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.sentences import is_abbreviation

# Lower-case words English never leaves without what they introduce: articles, possessive determiners
# and the degree adverb `very` (`some of its.`, `a very, should`).
_DETERMINER = LazyPattern(r"(?<![\p{L}\p{M}\p{N}'’\-])(the|an|its|their|our|your|very)[ \t]*([,.;!?])(?![.\p{L}\p{N}])")
# Prepositions of several words that open a sentence or clause and are cut off there (`Prior to, the
# committee`). Only at a clause start: at the end of a relative clause English strands them (`the
# firm we act on behalf of, ...`).
_PREPOSITION = LazyPattern(
    r"(?:^|(?<=[.;!?]\s+|,\s+|\A))"
    r"((?:prior|according|due|thanks|owing|pursuant|in addition|with regard|with respect|in response|"
    r"in relation|contrary|subsequent|as opposed) to"
    r"|(?:because|instead|regardless|in spite|on behalf|in front|irrespective|in view|by means) of"
    r"|such as|as well as)"
    r"[ \t]*([,.;!?])(?![.\p{L}\p{N}])",
    regex.I,
)
# After a copula, a stance adverb cannot end the clause either (`The answer is definitely.`).
_COPULA_ADVERB = LazyPattern(
    r"(?<![\p{L}\p{M}\p{N}'’\-])(?:is|are|was|were|be|been)[ \t]+(definitely|absolutely|certainly|extremely|"
    r"highly|very)[ \t]*([.;:])(?![.\p{L}\p{N}])",
    regex.I,
)
# A linking word that cannot stand as a sentence, between two sentences (`quarter. Also. The
# government`): the clause it joined was cut off.
_LONE_LINK = LazyPattern(
    r"(?<=(?<![.…])[.!?][ \t]{1,3})(also|however|moreover|furthermore|therefore|meanwhile|nevertheless|nonetheless|thus"
    r"|hence|besides|and|but|or|nor|because|although|whereas|while|which|whose|where|if|since|until)"
    r"[ \t]*(\.)(?=[ \t]+\p{Lu})",
    regex.I,
)
# A one-word sentence in lower case between two sentences (`important. matter. The talks`). After an
# ellipsis a word goes on with what the dots left out (`if... elif... else.`), and stays out.
_LONE_LOWER = LazyPattern(r"(?<=(?<![.…])[.!?][ \t]{1,3})(\p{Ll}{3,})[ \t]*(\.)(?=[ \t]+\p{Lu}|[ \t]*$)")
_LONE_HINT = re.compile(r"[.!?][ \t]{1,3}[a-z]{2,}[ \t]*\.(?:[ \t]|$)")  # what both can match, case-folded
# A comma followed by a coordinator shares the complement (`such as, but not limited to, ...`,
# `by, or on behalf of, the Licensor`), and `very, very` repeats the word.
_SHARED = LazyPattern(r"[ \t]*(?:or|and|but|nor|very)\b", regex.I)
# Every match of the three patterns above ends with one of these words, not inside another word (after a
# space, or no letter, digit, mark, apostrophe or hyphen), and a mark: a cheap test of the case-folded
# text (Document.folded) picks the blocks where they can match.
_ANY_END = re.compile(
    r"(?<![a-z0-9])"
    r"(?:the|an|its|their|our|your|very|to|of|as|definitely|absolutely|certainly|extremely|highly)[ \t]*[,.;:!?]"
)
_QUOTE_BEFORE = LazyPattern(r"[\"“‘'`«]\s*$")
_QUOTE_AFTER = LazyPattern(r"^[\"”’'`»]")


class DanglingWord(Rule[NoOptions]):
    """A word that cannot end a phrase, followed by a sentence or clause mark (`Prior to, the ...`).

    Machine translation cuts a sentence where the source language put a clause boundary, leaving an
    article, a possessive, `very` or a preposition of several words without the noun or clause it
    introduces: `Prior to, the committee had met`, `some of its.`, `The answer is definitely. Yes.`

    Bad:  `Prior to, the committee rejected every proposal.`
    Good: `Before that, the committee rejected every proposal.`

    Heuristics: lower-case `the`, `an`, `its`, `their`, `our`, `your`, `very` right before `, . ; ! ?`; a
    preposition of several words (`according to`, `due to`, `because of`, `instead of`, `such as` ...) that
    opens a sentence or clause and is cut off there; a stance adverb after a copula before a full stop (`is
    definitely.`); a linking word standing as a sentence of its own between two sentences (`quarter. Also. The
    government`, `However.`, `Because.`), and a one-word sentence in lower case between two sentences
    (`important. matter. The talks`): the clause around it was cut in two. Left alone: one-word answers and
    comments that stand as sentences (`Perhaps.`, `Indeed.`), a word after an ellipsis (`if... elif... else.`)
    or an abbreviation (`e.g. home.`); a colon (it introduces the complement: `such as:`), a comma before a
    coordinator (`such as, but not limited to`, `by, or on behalf of, the`), `very, very`, a preposition
    stranded at the end of a relative clause (`the firm we act on behalf of, ...`), a word quoted as a word
    (`the word "the".`), names (`Nghe An.`), abbreviations, ellipses, headings and short lines, and Markdown
    code.

    No fix: the missing words are not in the text.
    """

    code = "MT408"
    name = "dangling-word"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = False

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._cut_words(doc)
        yield from self._lone_words(doc)

    def _lone_words(self, doc: Document) -> Iterator[Finding]:
        """A one-word sentence that cannot stand alone, between two sentences (one finding per kind and
        paragraph is enough to send the reader there)."""
        prose = doc.prose
        done: set[tuple[int, int]] = set()
        for block, kind, m in _matches(doc, _LONE_HINT, (_LONE_LINK, _LONE_LOWER)):
            if (block.index, kind) in done:
                continue
            before = m.start(1) - 1
            while prose[before] in " \t":
                before -= 1
            if doc.is_masked(m.start(), m.end()) or is_abbreviation(prose, before):
                continue  # `e.g. home. The`: the mark before the word is an abbreviation's
            if is_abbreviation(prose, m.start(2)):
                continue
            done.add((block.index, kind))
            word = m.group(1)
            yield self.finding(
                m.start(1),
                m.end(2),
                f"'{word}' stands as a sentence of its own: the clause around it was cut off",
                word=word.casefold(),
            )

    def _cut_words(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for block, _, m in _matches(doc, _ANY_END, (_DETERMINER, _PREPOSITION, _COPULA_ADVERB)):
            if _quoted(prose, m, block.start) or doc.is_masked(m.start(), m.end()):
                continue
            if m.group(2) == "," and _SHARED.match(prose, m.end(2)):
                continue
            if m.group(2) == "." and is_abbreviation(prose, m.start(2)):
                continue
            words = m.group(1)
            yield self.finding(
                m.start(1),
                m.end(2),
                f"'{words}' is cut off by '{m.group(2)}': words are missing",
                word=words.casefold(),
            )


def _matches(
    doc: Document, hint: re.Pattern[str], patterns: tuple[LazyPattern, ...]
) -> Iterator[tuple[Block, int, regex.Match[str]]]:
    """The matches of `patterns` (with the index of the pattern) in the paragraphs and list items whose
    case-folded text passes the cheap `hint`."""
    prose = doc.prose
    running = (b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM))
    for block in doc.blocks_where(hint.search, running):
        for kind, pattern in enumerate(patterns):
            for m in pattern.finditer(prose, block.start, block.end):
                yield block, kind, m


def _quoted(prose: str, m: regex.Match[str], start: int) -> bool:
    """Whether the word is quoted as a word (`the article "the".`)."""
    return bool(
        _QUOTE_BEFORE.search(prose, max(start, m.start(1) - 3), m.start(1)) or _QUOTE_AFTER.match(prose, m.end(1))
    )
