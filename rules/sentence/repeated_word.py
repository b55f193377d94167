"""MT404 repeated-word: the same word twice in a row."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.document import Document

# A word, spaces or tabs only (no line break, no punctuation), then the same word.
_REPEAT = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{L}+)([ \t]+)(\1)(?![\p{L}\p{M}\p{N}\-])", regex.I)
# Doublings of closed-class words that grammar allows: "she had had enough", "he said that that was all",
# "what it is is", "what they do do", "she gave her her keys".
LEGITIMATE = frozenset("had that is was do does did her".split())


class RepeatedWord(Rule[NoOptions]):
    """The same word twice in a row (`the the`, `to to`).

    A doubled word is a typing or assembly slip that machine translation and post-editing both leave
    behind; spell checkers pass it because each word is correct.

    Bad:  `the aid went to to the flood victims`
    Good: `the aid went to the flood victims`

    Heuristics: the same closed-class word (article, preposition, conjunction, pronoun, auxiliary; case
    ignored) twice, separated only by spaces on one line. Not flagged: doublings that grammar allows
    (`had had`, `that that`, `is is`, `do do`, `gave her her keys`); content words, which English doubles on purpose
    (contrastive reduplication: `the new new thing`, `bye bye`, `so so`); capitalised doublings that are
    names (`Walla Walla`, `Najib Najib`); numbers.

    Fix (safe): delete the second word.
    """

    code = "MT404"
    name = "repeated-word"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for block in doc.blocks:
            for m in _REPEAT.finditer(prose, block.start, block.end):
                first, second = m.group(1), m.group(3)
                key = first.casefold()
                if key in LEGITIMATE or not lex.is_closed_class(key) or second[0].isupper():
                    continue
                if doc.is_masked(m.start(), m.end()):
                    continue
                yield self.finding(
                    m.start(3),
                    m.end(3),
                    f"'{second}' is repeated",
                    fix=Fix.safe(Edit(m.end(1), m.end(3), "")),
                    word=second,
                )
