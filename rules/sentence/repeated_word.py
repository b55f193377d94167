"""MT404 repeated-word: the same word twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

# A word, spaces or tabs only (no line break, no punctuation), then the same word.
_REPEAT = compiled(r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{L}+)([ \t]+)(\1)(?![\p{L}\p{M}\p{N}\-])", regex.I)
# Doublings of closed-class words that grammar allows: "she had had enough", "he said that that was all",
# "what it is is", "what they do do", "she gave her her keys".
LEGITIMATE = frozenset("had that is was do does did her".split())
# The same word three or more times: no grammar allows it, whatever the word (`local local local`).
_RUN = compiled(r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{L}+)(?:[ \t]+\1){2,}(?![\p{L}\p{M}\p{N}\-])", regex.I)
# A cheap test a block must pass before the two patterns above run (most blocks repeat no word): a
# letter run, spaces or tabs, and the same letters, in the case-folded text (Document.folded). Folding
# keeps letters letters (a few gain a combining mark), so every match above shows up here too.
_PAIR = LazyPattern(r"(?<![\p{L}\p{N}])([\p{L}\p{M}]+)[ \t]+\1")
# The same test for a block whose folded text is ASCII (most are), with the standard library's engine,
# several times faster at it: there the letters are a-z (folding leaves no capitals), the numbers 0-9 and
# there are no marks, so it matches exactly where _PAIR does.
_ASCII_PAIR = re.compile(r"(?<![a-z0-9])([a-z]+)[ \t]+\1")
# Words people repeat on purpose: calls, laughter, chants, emphasis (`no no no`, `ha ha ha`, `very very`).
EMPHATIC = frozenset(
    "ah aha bang blah bla bye boo buzz cha chop choo ding dong go ha hah he hee hey hi ho hip hooray hurrah "
    "knock la lo meow na nah no oh oi ok okay om ooh pa peep please ra rah so tick tock tut very wow ya yada "
    "yeah yes yo yum zzz beep boom bla".split()
)


class RepeatedWord(Rule[NoOptions]):
    """The same word twice in a row (`the the`, `to to`).

    A doubled word is a typing or assembly slip that machine translation and post-editing both leave
    behind; spell checkers pass it because each word is correct.

    Bad:  `the aid went to to the flood victims`
    Good: `the aid went to the flood victims`

    Heuristics: the same closed-class word (article, preposition, conjunction, pronoun, auxiliary; case
    ignored) twice, separated only by spaces on one line; any word three times or more (`local local
    local`), except calls, laughter and emphasis that people repeat on purpose (`no no no`, `ha ha ha`).
    Not flagged: doublings that grammar allows (`had had`, `that that`, `is is`, `do do`, `gave her her
    keys`); content words, which English doubles on purpose (contrastive reduplication: `the new new
    thing`, `bye bye`, `so so`); capitalised doublings that are names (`Walla Walla`, `Najib Najib`);
    numbers.

    Fix (safe): delete the second word.
    """

    code = "MT404"
    name = "repeated-word"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        # Block by block (no search of the whole text first: most documents have some pair, say `that
        # that`, and the blocks would be searched again). Every match of the patterns below has a pair
        # in its block, so the blocks passed over hold none.
        for block in doc.blocks_where(_may_repeat):
            runs = []
            for m in _RUN.finditer(prose, block.start, block.end):
                word = m.group(1)
                if word.casefold() in EMPHATIC or len(word) < 2 or doc.is_masked(m.start(), m.end()):
                    continue
                runs.append((m.start(), m.end()))
                first_end = m.start() + len(word)
                yield self.finding(
                    first_end,
                    m.end(),
                    f"'{word}' is repeated {len(m.group().split())} times",
                    fix=Fix.safe(Edit(first_end, m.end(), "")),
                    word=word,
                )
            for m in _REPEAT.finditer(prose, block.start, block.end):
                if any(s <= m.start() < e for s, e in runs):
                    continue
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


def _may_repeat(folded: str) -> bool:
    """Whether case-folded text holds a letter run, spaces or tabs and the same letters (_PAIR)."""
    return (_ASCII_PAIR if folded.isascii() else _PAIR).search(folded) is not None
