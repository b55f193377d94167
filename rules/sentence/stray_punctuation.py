"""MT407 stray-punctuation: a sentence mark left where a sentence was cut or re-joined (`prices. , pointing`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.document import Document
from mtlint.text.sentences import is_abbreviation

_SPACE = "[ \\t\\u00a0]"
_CLOSE = '[”"’»]'
# Two marks of . , ; : side by side or across spaces, after a word or a closing quote or bracket, and
# before a space, a quote or the end (so `.5`, `.NET`, `a.,b`, `,...` and `U.S.,` in a list never match).
_PAIR = LazyPattern(
    rf"(?<=[\p{{L}}\p{{N}}”\"’)\]])(?:{_SPACE}(?=[,;:]))?([.,;:])({_SPACE}*)([.,;:])(?=[\s“”\"’)\]]|$)"
)  # a space may stand before a comma, semicolon or colon (`as follows :.`), never before a full stop

# Two marks close together, as each of _PAIR, _ENDED and _QUOTE_COMMA needs (a cheap first test).
_MARKS_TOGETHER = re.compile(r"[.,;:][ \t\u00a0]*[.,;:]|[.!?][!?]*[”\"’»]*[ \t\u00a0]*\.|[.!?][”\"’»]+[ \t\u00a0]+,")
_ENDED = LazyPattern(rf"(?<=[\p{{L}}\p{{N}}”\"’)\]])(\.|[!?]+)({_CLOSE}*)({_SPACE}*)(\.)(?=[\s”\"’)\]]|$)")
# A comma that starts a sentence after a closing quote: `win.” , he said`, `why?” , she asked`.
_QUOTE_COMMA = LazyPattern(rf"(?<=[\p{{L}}\p{{N}}])([.!?])({_CLOSE}+)({_SPACE}+)(,)(?={_SPACE})")
_LEADING = LazyPattern(rf"[“\"‘']?([,;])({_SPACE}*)(?=[\p{{L}}“\"‘])")
_OPENING = LazyPattern(rf"(?:{_SPACE}|[“\"‘'(\[])*")
_WORD = LazyPattern(r"\p{L}+")
_ENTITY = LazyPattern(r"&#?\w+$")
_TOKEN_START = LazyPattern(r"\S+$")
_WORD_BEFORE = LazyPattern(r"[\p{L}.]+$")
_VOWEL = LazyPattern("[aeiouy]")
# Short forms whose full stop is theirs, on top of the sentence splitter's list: lower-case ones (`incl.,`)
# and capitalised ones that are also plain words in lower case (`Ill.,` `Tel.:` `Wash.,`).
_LOWER_SHORT = frozenset(
    "incl excl govt intl natl misc ibid resp cont orig abbr assn assoc trans viz esp ed eds para paras sec secs "
    "sect chap pt pts op cit seq ff tbl art arts".split()
)
_CAPITAL_SHORT = frozenset(
    "tel fax ref nr ave blvd rd hwy calif fla ill mich mass wash penn tenn ariz okla colo conn wis minn ala ark "
    "kan ky md mo neb nev ore pa va vt wyo ga".split()
)
# Capitalised words at least this long are words, not short forms (`Calif.`, `Admin.` are shorter).
_PLAIN_CAPITALISED = 6
_NAMES = {
    ".": "a full stop",
    ",": "a comma",
    ";": "a semicolon",
    ":": "a colon",
    "!": "an exclamation mark",
    "?": "a question mark",
}


class StrayPunctuation(Rule[NoOptions]):
    """A sentence mark left over where machine translation cut a sentence or joined two.

    Translation systems that work segment by segment end each piece with a full stop and then join the
    pieces again, so a full stop sits before the comma that continues the sentence, a second full stop
    follows a quotation that already ended, or a comma opens a sentence. Readers stumble on it, and a
    spell or grammar checker passes it.

    Bad:  `despite a rise in world prices. , pointing out that demand fell`
    Good: `despite a rise in world prices, pointing out that demand fell`

    Bad:  `“Settlers now hold the conflict arena.” .`
    Good: `“Settlers now hold the conflict arena.”`

    Finds: a full stop next to a comma, semicolon or colon (`. ,`  `.;`  `, .`); a comma doubled
    (`, ,`); a full stop after a sentence that already ended with a full stop, `!` or `?` (`. .`,
    `arena.” .`, and without a space `said.”.`); a comma that starts a sentence after a quotation
    (`win.” , he said`) or a paragraph (`, the minister added`).
    Left alone: ellipses (`...`, `…`, `. . .`, a comma before one); the full stop of an abbreviation or initial (`etc.,`
    `U.S.,` `Inc.,` `Ill.,` `e.g.,` `No.:`), and without a space anything but an ordinary lower-case word
    of four or more letters or a capitalised word of six or more letters or a day or month (`prices.,`
    and `Monday.,` are flagged, `Ave.,` is not); decimals (`.5`); `.NET`; web and
    e-mail addresses; `?!` and `!!`; a full stop after a quoted question (`“why?”.`) or abbreviation
    (`the U.S.”.`), which logical punctuation allows; `said.”` on its own; marks across a line break.

    Fix: delete the stray mark with the space before it. Safe when the next word tells which mark is
    stray: a lower-case word means the sentence goes on (`prices. , pointing` -> `prices, pointing`), the
    end of the paragraph or a capitalised function word (`The`, `He`) means it ended (`ended, . The` ->
    `ended. The`); a second full stop (`arena.” .` -> `arena.”`), a doubled comma, a comma opening a
    paragraph or following `?”` are simply deleted. Unsafe (only with `--unsafe-fixes`) for a colon
    before a capital (`said. : The` may be `said: The`), before a name, a number or a quotation, and for
    `win.” , he said` (rewritten to `win,” he said`). MT406 spacing reports some of the same spots as a
    space before punctuation; the two rules' fixes agree, so `--fix` with both gives the texts above.
    """

    code = "MT407"
    name = "stray-punctuation"
    category = "broken-sentence"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for block in doc.blocks:
            found: list[Finding] = []
            lead = _LEADING.match(prose, block.start, block.end)
            if lead and doc.opens_with_markup(lead.start(1), block.outer_start):
                lead = None  # `` `name`, the value `` in Markdown: the comma follows a code span
            if lead:
                mark = lead.group(1)
                found.append(
                    self.finding(
                        lead.start(1),
                        lead.end(1),
                        f"the paragraph starts with {_NAMES[mark]}",
                        fix=Fix.safe(Edit(lead.start(1), lead.end(2), "")),
                        mark=mark,
                    )
                )
            if _MARKS_TOGETHER.search(prose, block.start, block.end):  # most blocks have no two marks in a row
                found.extend(self._pairs(prose, block.start, block.end))
                found.extend(self._ended(prose, block.start, block.end))
                found.extend(self._quote_comma(prose, block.start, block.end))
            for f in found:
                edits = f.fix.edits if f.fix else ()
                lo, hi = min([f.start, *(e.start for e in edits)]), max([f.end, *(e.end for e in edits)])
                if not doc.is_masked(lo, hi) and not _in_address(prose, lo, block.start):
                    yield f

    def _pairs(self, text: str, start: int, end: int) -> Iterator[Finding]:
        for m in _PAIR.finditer(text, start, end):
            a, b = m.group(1), m.group(3)
            if a == "," and b == ",":
                yield self.finding(
                    m.start(3), m.end(3), "a comma doubled", fix=Fix.safe(Edit(m.start(2), m.end(3), "")), mark=","
                )
                continue
            if (a == ".") == (b == "."):
                continue  # `. .` is a sentence end (see _ended); `;,` and the like are left alone
            if b == "." and regex.match(rf"{_SPACE}*\.", text[m.end(3) : m.end(3) + 4]):
                continue  # a mark before a spaced ellipsis (`equal, . . . endowed`): a quotation cut short
            if a == ";" and _ENTITY.search(text, max(start, m.start(1) - 12), m.start(1)):
                continue  # an HTML entity left in the text (`&amp;.`)
            if a == "." and _abbreviation(text, m.start(1), spaced=bool(m.group(2))):
                continue
            other = b if a == "." else a
            message = f"{_NAMES[a]} followed by {_NAMES[b]}"
            after = _next_word(text, m.end(3), end)
            if after == "lower":  # the sentence goes on: the full stop is stray
                edit = Edit(m.start(1), m.start(3), "") if a == "." else Edit(m.end(1), m.end(3), "")
                stray, sure = (m.start(1), m.end(1)) if a == "." else (m.start(3), m.end(3)), True
            else:  # the sentence ended (or may have): the other mark is stray
                edit = Edit(m.start(1), m.start(3), "") if b == "." else Edit(m.end(1), m.end(3), "")
                stray = (m.start(3), m.end(3)) if b != "." else (m.start(1), m.end(1))
                sure = after in ("end", "function") and other != ":"
            if sure:
                yield self.finding(*stray, message, fix=Fix.safe(edit), mark=other)
            else:
                yield self.finding(m.start(1), m.end(3), message, fix=Fix.unsafe(edit), mark=other)

    def _ended(self, text: str, start: int, end: int) -> Iterator[Finding]:
        for m in _ENDED.finditer(text, start, end):
            first, quote, space = m.group(1), m.group(2), m.group(3)
            if not quote and not space:
                continue  # `..`: a two-dot ellipsis or a typo, not a cut sentence
            if not space and (first != "." or _abbreviation(text, m.start(1), spaced=False)):
                continue  # `why?”.` and `the U.S.”.` follow logical (British) punctuation
            if first == "." and not quote and regex.match(rf"{_SPACE}*\.", text[m.end(4) : m.end(4) + 4]):
                continue  # a spaced ellipsis `. . .`
            yield self.finding(
                m.start(4),
                m.end(4),
                f"a full stop after a sentence that ended with {_NAMES[first[-1]]}",
                fix=Fix.safe(Edit(m.start(3), m.end(4), "")),
                mark=".",
            )

    def _quote_comma(self, text: str, start: int, end: int) -> Iterator[Finding]:
        for m in _QUOTE_COMMA.finditer(text, start, end):
            first = m.group(1)
            message = f"a comma after a quotation that ended with {_NAMES[first]}"
            drop = Edit(m.start(3), m.end(4), "")
            if first != ".":
                yield self.finding(m.start(4), m.end(4), message, fix=Fix.safe(drop), mark=",")
            elif _next_word(text, m.end(4), end) == "lower":  # `win.” , he said` -> `win,” he said`
                fix = Fix.unsafe(Edit(m.start(1), m.end(1), ","), drop)
                yield self.finding(m.start(4), m.end(4), message, fix=fix, mark=",")
            else:
                yield self.finding(m.start(4), m.end(4), message, fix=Fix.unsafe(drop), mark=",")


def _abbreviation(text: str, dot: int, spaced: bool) -> bool:
    """Whether the full stop at `dot` belongs to a short form; without a space, anything but a plain word."""
    if is_abbreviation(text, dot):
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    word = m.group().rstrip(".") if m else ""
    if not word:
        return not spaced  # after a number or a quotation: `in 2023. , the`
    key = word.lower()
    if key in _LOWER_SHORT or not _VOWEL.search(key):  # `hrs.,` `tbsp.,`
        return True
    if key in _CAPITAL_SHORT and word[0].isupper():
        return True
    if not spaced and word.istitle() and (len(word) >= _PLAIN_CAPITALISED or lex.is_calendar(key)):
        return False  # `on Monday., and`, `in Jerusalem., the`: a word too long for a short form
    return not spaced and (not word.islower() or len(word) < 4)


def _next_word(text: str, pos: int, end: int) -> str:
    """What follows `pos`: "end", "lower", "function" (a capitalised closed-class word), "upper" or "other"."""
    opening = _OPENING.match(text, pos, end)  # always matches (possibly nothing)
    pos = opening.end() if opening else pos
    if pos >= end:
        return "end"
    m = _WORD.match(text, pos, end)
    if not m:
        return "other"
    word = m.group()
    if word[0].islower():
        return "lower"
    return "function" if word[0].isupper() and lex.is_closed_class(word.lower()) else "upper"


def _in_address(text: str, pos: int, start: int) -> bool:
    """Whether the mark at `pos` ends a web or e-mail address (`see example.com/a., then`)."""
    m = _TOKEN_START.search(text, max(start, pos - 200), pos + 1)
    token = m.group() if m else ""
    return any(s in token for s in ("://", "www.", "@", "/"))
