"""MT402 invisible-character: zero-width, bidi-control and other invisible characters in prose."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"
FFFD = "\ufffd"
# Explicit embeddings, overrides and isolates: they reorder what a reader sees (the "Trojan Source" trick).
BIDI_FORMATTING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Directional marks: invisible, but legitimate next to right-to-left text.
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
OTHER = frozenset("\u00ad\u2060\u2061\u2062\u2063\u2064\ufeff\u180e")
CANDIDATES = compiled(
    "[" + regex.escape("".join(sorted(BIDI_FORMATTING | BIDI_MARKS | OTHER | {ZWSP, ZWNJ, ZWJ, FFFD}))) + "]+"
)
# Scripts whose spelling uses ZWNJ/ZWJ (Persian, Urdu, the Indic scripts, Sinhala, Mongolian...).
_JOINING_SCRIPT = LazyPattern(
    r"[\p{Arabic}\p{Syriac}\p{Thaana}\p{Nko}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Oriya}"
    r"\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Mongolian}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
)
# Scripts written without spaces, where ZWSP marks a word boundary.
_UNSPACED_SCRIPT = LazyPattern(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Han}\p{Hiragana}\p{Katakana}]")
_EMOJI = LazyPattern(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\N{VARIATION SELECTOR-16}]")
_RTL = LazyPattern(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")


class InvisibleCharacter(Rule[NoOptions]):
    """Invisible characters left in the text: zero-width spaces and joiners, bidi controls, soft hyphens.

    Copy-paste from web pages and machine-translation pipelines leaves characters that no reader sees but
    every tool does: a zero-width space splits a word for search and spell-checking, a soft hyphen does the
    same, a byte-order mark in mid-text is a seam where two files were joined, and bidirectional controls
    (embeddings, overrides, isolates) can reorder or hide text on screen, which is also a security concern.
    U+FFFD (the replacement character) marks a character that was lost in a failed conversion.

    Bad:  `Wash<U+200B>ington` (a zero-width space inside a word), `price<U+202E>001$` (a right-to-left
    override).
    Good: `Washington`.

    Not reported: ZWNJ and ZWJ between letters of scripts whose spelling needs them (Persian `می‌خواهم`,
    Hindi, Bengali, Sinhala, ...), ZWJ inside emoji sequences (`👩‍💻`), zero-width spaces between letters of
    scripts written without spaces (Thai, Khmer, Japanese, ...), and left-to-right/right-to-left marks next to
    right-to-left text. Markdown code is not checked.

    Fix (safe): delete the character. U+FFFD is reported only: the lost character must be restored from
    the source.
    """

    code = "MT402"
    name = "invisible-character"
    category = "mojibake"
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose
        for m in CANDIDATES.finditer(text):
            group: list[int] = []
            for i in range(m.start(), m.end()):
                if self._legitimate(text, i, m.start(), m.end()):
                    yield from self._report(text, group)
                    group = []
                    continue
                if group and (text[i] == FFFD) != (text[group[-1]] == FFFD):
                    yield from self._report(text, group)
                    group = []
                group.append(i)
            yield from self._report(text, group)

    def _legitimate(self, text: str, i: int, run_start: int, run_end: int) -> bool:
        """Whether the character at `i` is used as its script or an emoji sequence requires."""
        ch = text[i]
        before = _neighbour(text, run_start, -1)
        after = _neighbour(text, run_end - 1, 1)
        if ch in (ZWNJ, ZWJ):
            if ch == ZWJ and _EMOJI.match(before) and _EMOJI.match(after):
                return True
            return bool(_JOINING_SCRIPT.match(before)) and bool(
                _JOINING_SCRIPT.match(after) or unicodedata.category(after).startswith("M")
            )
        if ch == ZWSP:
            return bool(_UNSPACED_SCRIPT.match(before)) and bool(_UNSPACED_SCRIPT.match(after))
        if ch in BIDI_MARKS:
            return bool(_RTL.match(_letter(text, i, -1)) or _RTL.match(_letter(text, i, 1)))
        return False

    def _report(self, text: str, group: list[int]) -> Iterator[Finding]:
        if not group:
            return
        start, end = group[0], group[-1] + 1
        names = []
        for i in group:
            label = _label(text[i])
            if label not in names:
                names.append(label)
        described = ", ".join(names)
        if text[start] == FFFD:
            yield self.finding(
                start,
                end,
                f"Replacement character ({described}): a character was lost in conversion; restore it from the source.",
                char=described,
            )
            return
        if any(text[i] in BIDI_FORMATTING for i in group):
            message = f"Invisible bidi control ({described}): it can reorder or hide text; remove it."
        else:
            message = f"Invisible character ({described}); remove it."
        # The group is contiguous unless a legitimate joiner sat inside the run; delete each character.
        edits = [Edit(i, i + 1, "") for i in group]
        yield self.finding(start, end, message, fix=Fix.safe(*edits), char=described)


def _neighbour(text: str, i: int, step: int) -> str:
    """The visible character next to position `i` in direction `step` (skipping candidates), or ''."""
    j = i + step
    while 0 <= j < len(text) and CANDIDATES.match(text[j]):
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _letter(text: str, i: int, step: int) -> str:
    """The nearest letter from `i` in direction `step`, looking past spaces, digits and punctuation."""
    j = i + step
    while 0 <= j < len(text) and not text[j].isalpha() and text[j] != "\n" and abs(j - i) < 40:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _label(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
