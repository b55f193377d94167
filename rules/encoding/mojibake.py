"""MT401 mojibake: text decoded with the wrong encoding (`CafÃ©`, `donâ€™t`, `Ø§Ù„`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Edit, Finding, Fix
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

if TYPE_CHECKING:
    import re

# What ftfy's badness measure can find at all: every sequence it counts holds two adjacent non-ASCII
# characters, save a few that hold one of these (a C1 control, Œ or œ before a non-letter, Â or Ã
# before a space). A line with neither is passed over before ftfy is imported: most lines of English
# have no such pair, and importing ftfy costs a one-file run more than most rules' whole work.
_MAYBE_BAD = compiled(r"[\x80-\x9fŒœÂÃ]|[^\x00-\x7f]{2}")
# A finding covers whole words: extend a changed span over adjacent non-space characters.
_WORD_CHAR = LazyPattern(r"[^\s\"'“”‘’«»()\[\]{}<>.,;:!?]")
_REPLACEMENT = "\ufffd"
# Whitespace-separated words that contain non-ASCII characters, in runs; a lead byte of a two-byte UTF-8
# sequence (Â..ß) takes the spaces and word after it: one space may be a mangled no-break space
# (`Ã  la` = `à la`).
_TOKEN = r"\S*[^\x00-\x7f]\S*(?:(?<=[\u00c2-\u00df])[ \u00a0]{1,2}\S+)?"
_RUN = LazyPattern(rf"{_TOKEN}(?:[ \t\u00a0]+{_TOKEN})*")
# An HTML character reference left in plain text by a pipeline that escaped the page twice (`&quot;`,
# `&#39;`), sometimes pulled apart by a translation engine that read it as words (`& # 39;`).
_ENTITY = compiled(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[ \t]?(?:\d{1,7}|[xX][0-9A-Fa-f]{1,6}));|& #[ \t]?\d{1,7}[ \t]?;")


class Mojibake(Rule[NoOptions]):
    """Text decoded with the wrong encoding (mojibake): `CafÃ©`, `donâ€™t`, `Ø§Ù„Ø³Ù„Ø§Ù…`.

    When UTF-8 bytes are read as Windows-1252 or Latin-1 somewhere in a publishing pipeline, every accented
    letter, curly quote or non-Latin letter turns into two or three junk characters. Readers cannot undo
    it; names and quotations become unreadable.

    Bad:  `Erdoğan met KÄ±lÄ±Ã§daroÄŸlu in Ankara.`
    Good: `Erdoğan met Kılıçdaroğlu in Ankara.`

    Heuristics: each line that holds non-ASCII text is measured with ftfy's badness measure (sequences of
    characters that almost never occur together in real text); a line that looks bad is re-decoded with
    ftfy's encoding fixer, and each changed span is reported. Correct accented text (`Domínguez`, `Córdoba`,
    `Kılıçdaroğlu`) is not mojibake and is left alone. A bad span ftfy cannot decode is reported without a
    fix.

    Also found, in plain text: an HTML character reference left by a page escaped twice (`&quot;`,
    `&#39;`, `&amp;`), or pulled apart into words by translation (`& # 39;`). Left alone: Markdown, where
    such a reference is the writer's own syntax, and text like `AT&T` or `R&D`, which names no entity.

    Fix (safe): the re-decoded text, when ftfy actually re-decoded the line, the result no longer looks
    bad and no character was lost (no U+FFFD appeared); for a character reference, the character it names
    (none when it names a control character or none at all).
    """

    code = "MT401"
    name = "mojibake"
    category = "mojibake"
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose
        # Mojibake is made of characters outside ASCII: most texts, and most blocks of the others, hold none.
        blocks = () if text.isascii() else doc.blocks
        for block in blocks:
            if _MAYBE_BAD.search(text, block.start, block.end) is None:
                continue
            for line in range(block.first_line, block.last_line + 1):
                start, end, _ = doc.line_span(line)
                start, end = max(start, block.start), min(end, block.end)
                segment = text[start:end]
                if start < end and _MAYBE_BAD.search(segment) and _is_bad(segment):
                    yield from self._check_line(text, start, segment)
        if doc.format != "markdown" and "&" in text:
            yield from self._entities(doc)

    def _entities(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose
        for block in doc.blocks:
            for m in _ENTITY.finditer(text, block.start, block.end):
                import html  # lazy: few texts hold a character reference

                raw = m.group()
                compact = regex.sub(r"[ \t]", "", raw)
                char = html.unescape(compact)
                if char == compact:
                    continue  # no entity of that name: `&Co;` is text
                fix = Fix.safe(Edit(m.start(), m.end(), char)) if char.isprintable() else None
                shown = f"'{char}'" if char.isprintable() else f"U+{ord(char[0]):04X}"
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"HTML character reference '{raw}' left in the text: it stands for {shown}.",
                    fix=fix,
                    fixed=char,
                )

    def _check_line(self, text: str, offset: int, line: str) -> Iterator[Finding]:
        # Decode each run of non-ASCII words on its own: correct text elsewhere on the line (a well-spelt
        # `Erdoğan`) must not stop ftfy from re-decoding the broken run.
        import ftfy  # lazy: see _MAYBE_BAD

        for run in _RUN.finditer(line):
            chunk = run.group(0)
            fixed = ftfy.fix_encoding_and_explain(chunk)
            if fixed.explanation and fixed.text != chunk:
                confident = not _is_bad(fixed.text) and fixed.text.count(_REPLACEMENT) <= chunk.count(_REPLACEMENT)
                for a0, a1, b0, b1 in _changes(chunk, fixed.text):
                    old, new = chunk[a0:a1], fixed.text[b0:b1]
                    s, e = offset + run.start() + a0, offset + run.start() + a1
                    fix = Fix.safe(Edit(s, e, new)) if confident else None
                    yield self.finding(
                        s,
                        e,
                        f"Mojibake '{old.strip()}': this reads '{new.strip()}' when decoded correctly.",
                        fix=fix,
                        fixed=new,
                    )
            elif _is_bad(chunk):
                for m in _badness_re().finditer(chunk):
                    a0, a1 = _widen(chunk, m.start(), m.end())
                    s = offset + run.start()
                    yield self.finding(
                        s + a0, s + a1, f"'{chunk[a0:a1]}' looks like mojibake (text decoded with the wrong encoding)."
                    )
                    break


def _is_bad(text: str) -> bool:
    """ftfy's test for mojibake (imported on first use: see _MAYBE_BAD)."""
    from ftfy.badness import is_bad

    return is_bad(text)


def _badness_re() -> re.Pattern[str]:
    """ftfy's pattern of mojibake sequences (a stdlib `re` pattern)."""
    from ftfy.badness import BADNESS_RE

    return BADNESS_RE


def _changes(old: str, new: str) -> Iterator[tuple[int, int, int, int]]:
    """Changed spans between `old` and `new`, widened to whole words on both sides."""
    import difflib  # lazy: only a line ftfy re-decodes is compared

    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        w0, w1 = _widen(old, a0, a1)
        d0, d1 = a0 - w0, w1 - a1
        if spans and w0 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(spans[-1][1], w1), b1 + d1
        else:
            spans.append([w0, w1, b0 - d0, b1 + d1])
    for a0, a1, b0, b1 in spans:
        if b0 == b1 and a1 < len(old):  # a pure deletion (`Â«` -> `«`): show the character it belonged to
            a1, b1 = a1 + 1, b1 + 1
        yield a0, a1, b0, b1


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end
