"""Stretches of Vietnamese, told by their letters alone.

Vietnamese is written in Latin script, so untranslated-script's first path (other scripts) does not see it,
and its syllables are too short and too many to score word by word as the Latin path scores Spanish or
Turkish. Its letters give it away: a vowel with a tone mark stacked on another diacritic or a dot below
(`ấ`, `ệ`, `ộ`, `ự`: Unicode's Latin Extended Additional block) and the horned `ơ` and `ư` belong to no other
major language. Names keep those letters in English (`Nguyễn Phú Trọng`, `Hà Nội`) and are capitalised,
so only a stretch with several such words in lower case is text left untranslated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtlint.text.regexes import compiled

# A word; a letter only Vietnamese uses (tone marks over a circumflex, breve or horn, dots below, hooks
# above: U+1EA0 to U+1EF9, and the horned o and u); and a syllable of the Vietnamese alphabet with some
# diacritic (`công`, `tác`, `đã`: letters it shares with French or Portuguese).
_WORD = compiled(r"[\p{L}\p{M}]+")
_MARKED = compiled(r"[\u1EA0-\u1EF9\u01A0\u01A1\u01AF\u01B0]")
_SYLLABLE = compiled(
    r"(?i)[a-z\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0103\u0111\u0129\u0169"
    r"\u01A1\u01B0\u1EA0-\u1EF9]{1,7}"
)
MAX_GAP_WORDS = 2  # syllables without diacritics ("tai", "khai") that may stand between two with them
GAP_MAX_LETTERS = 5  # ... each this short at most (a Vietnamese syllable, not an English word of a sentence)
MIN_ACCENTED = 4  # syllables with diacritics in a stretch
MIN_LOWER = 3  # ... of which this many in lower case (a name capitalises every syllable)
MIN_MARKED = 1  # ... and this many with a letter only Vietnamese uses


@dataclass(frozen=True)
class Stretch:
    """Offsets of a stretch of Vietnamese text, from its first marked word to its last."""

    start: int
    end: int


def stretches(text: str, start: int, end: int) -> Iterator[Stretch]:
    """The stretches of Vietnamese between `start` and `end` of `text`: syllables with diacritics joined by
    spaces (or commas), with at most MAX_GAP_WORDS short syllables without any between two of them; at
    least MIN_ACCENTED, MIN_LOWER of them in lower case and MIN_MARKED with a letter only Vietnamese uses."""
    if _MARKED.search(text, start, end) is None:
        return  # (almost every block: one scan for the letters)
    run: list[regex.Match[str]] = []  # the stretch's syllables with diacritics
    gap = 0
    previous: regex.Match[str] | None = None
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        joined = previous is not None and _joined(text, previous, m)
        previous = m
        syllable = _SYLLABLE.fullmatch(word) is not None
        if syllable and not word.isascii():
            if run and not joined:
                yield from _stretch(run)
                run = []
            run.append(m)
            gap = 0
        elif run and joined and syllable and gap < MAX_GAP_WORDS and len(word) <= GAP_MAX_LETTERS:
            gap += 1
        elif run:
            yield from _stretch(run)
            run, gap = [], 0
    if run:
        yield from _stretch(run)


def _stretch(run: list[regex.Match[str]]) -> Iterator[Stretch]:
    words = [m.group() for m in run]
    if (
        len(words) >= MIN_ACCENTED
        and sum(w[0].islower() for w in words) >= MIN_LOWER
        and sum(_MARKED.search(w) is not None for w in words) >= MIN_MARKED
    ):
        yield Stretch(run[0].start(), run[-1].end())


def _joined(text: str, before: regex.Match[str], word: regex.Match[str]) -> bool:
    """Whether only spaces (or a comma) separate two words: a sentence mark or a line break ends a stretch."""
    gap = text[before.end() : word.start()]
    return gap.strip(" ,") == "" and "\n" not in gap
