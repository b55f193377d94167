"""MT304 glued-capital: a sentence or name glued to the word before it (`the mayorHe said`)."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.document import BlockKind, Document
from mtlint.text.regexes import compiled

# A run of letters with exactly one lower-to-upper step inside: `mayorHe`, `MazonHe`, `governmentThe`.
# The part after the step is a capitalised word of two or more letters (`SpaceX`, `macOS` never match).
_GLUED = LazyPattern(
    r"(?<![\p{L}\p{M}\p{N}_'’\-./@#])(\p{Lu}?\p{Ll}{2,})(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\p{N}_'’\-/@]|\.\p{L})"
)
_NEXT = LazyPattern(r" (\p{Ll})")
_CASE_CHANGE = compiled(r"\p{Ll}\p{Lu}")  # every _GLUED match holds one
# Words that open a clause or a noun phrase. Particles (`In`, `On`, `Up`, `Out`, `Off`) are left out:
# brands and identifiers end in them (`LinkedIn`, `AddOn`, `PopUp`, `setUp`).
# Conjunctions and adverbs (`After`, `While`, `When`) are left out too: identifiers use them (`notAfter`).
_OPENERS = frozenset("he she it they we the this these those his her its their our there and but".split())
# Name prefixes written with an inner capital (`McCain`, `DiCaprio`, `MacArthur`, `LeBron`).
_PREFIXES = frozenset("mc mac de di da la le van von del della du fitz st san".split())
_MAX_TOKEN_ZIPF = 2.0  # a glued slip is not itself a word; `YouTube`, `PlayStation`, `LinkedIn` are


class GluedCapital(Rule[NoOptions]):
    """A capitalised word glued to the word before it, with no space or full stop between.

    Machine translation and page extraction drop the full stop and space between two sentences or
    between a title and a name, leaving a capital inside a word: `the mayorHe said`, `the
    presidentJoe Biden`. Spell checkers often pass it as an unknown name.

    Bad:  `said the mayorHe added that roads would reopen`
    Good: `said the mayor. He added that roads would reopen`

    Heuristics: a word of letters with exactly one step from a lower-case to a capital letter, the
    part before the step at least two lower-case letters, the part after it a capitalised word of two
    or more letters, and the whole not a word wordfreq knows (brands such as `YouTube`, `PlayStation`,
    `LinkedIn`, `iPhone`, `eBay` are words there, or fail the shape). Flagged when the part after the
    step is a pronoun, article, determiner or `And`/`But` and a lower-case word follows, or when the
    document writes both parts as separate words elsewhere (`Mazon ... MazonHe`; plain text only, since
    Markdown documentation writes identifiers in CamelCase: `devDependencies`, and so does a text with
    five camelCase words of several humps or more, `getParameterNames`, a changelog or a manual saved as
    text). Not flagged: name prefixes (`McCain`, `DiCaprio`, `LeBron`), code identifiers (digits,
    underscores, several steps, a closed-class first part such as `forEach`, a capital at both steps such
    as `ImportError`, a call such as `readPlist()`), headings and short lines.

    Fix (unsafe: a full stop may also be missing): insert a space.
    """

    code = "MT304"
    name = "glued-capital"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        standalone: set[str] | None = None
        for block in doc.blocks:
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                continue
            if not _CASE_CHANGE.search(prose, block.start, block.end):
                continue  # no lower-case letter right before a capital: nothing glued
            for m in _GLUED.finditer(prose, block.start, block.end):
                left, right = m.group(1), m.group(2)
                key = left.casefold()
                if key in _PREFIXES or lex.is_closed_class(key) or doc.is_masked(m.start(), m.end()):
                    continue
                if lex.is_frequent_in_english((left + right).casefold(), _MAX_TOKEN_ZIPF):
                    continue
                nxt = _NEXT.match(prose, m.end(), block.end)
                if right.casefold() in _OPENERS and nxt is not None:
                    pass  # `mayorHe said`: a clause opener, then the clause
                elif doc.format == "markdown" or doc.derived(_writes_identifiers):
                    continue  # CamelCase is how documentation and changelogs write identifiers (`devDependencies`)
                elif left[0].isupper() or prose.startswith("(", m.end()):
                    continue  # `ImportError`, `TestCase`, `readPlist()`: an identifier or a call, not two words
                else:
                    if standalone is None:
                        standalone = {w.group() for w in doc.words()}
                    if left not in standalone or right not in standalone:
                        continue  # `Mazon` and `He` both stand alone elsewhere in the text
                    if (left + right) in _others(doc, m.start()):
                        continue  # written the same way elsewhere: a name or brand, not a slip
                yield self.finding(
                    m.start(2),
                    m.start(2) + 1,
                    f"'{right}' is glued to '{left}'; a space (or a full stop) is missing",
                    fix=Fix.unsafe(Edit(m.start(2), m.start(2), " ")),
                    word=left + right,
                )


# A text with this many different camelCase words of several humps (`getParameterNames`,
# `setUpClass`) writes identifiers (a changelog, a manual saved as text); a slip of translation glues two
# words only (`ministerAli`), however many a badly extracted page has, and brands and names open with a
# capital (`YouTube`, `McKinsey`).
IDENTIFIER_TEXT_MIN = 5
_IDENTIFIER = LazyPattern(r"(?<![\p{L}\p{N}_])\p{Ll}{2,}(?:\p{Lu}\p{Ll}+){2,}(?![\p{L}\p{N}_])")


def _writes_identifiers(doc: Document) -> bool:
    return len({m.group() for m in _IDENTIFIER.finditer(doc.prose)}) >= IDENTIFIER_TEXT_MIN


def _others(doc: Document, offset: int) -> set[str]:
    """Tokens of the document other than the one at `offset`, as written."""
    return {w.group() for w in doc.words() if w.start() != offset}
