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

from mtlint.rules.lexicon import is_closed_class
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
MIN_ACCENTED = 5  # syllables with diacritics in a stretch (a dish English borrows has fewer: "cà phê sữa đá")
MIN_LOWER = 4  # ... of which this many in lower case
MIN_LOWER_SHARE = 0.6  # ... and this share: a name capitalises its words ("Trường Đại học Sư phạm")
MIN_MARKED = 1  # ... and this many with a letter only Vietnamese uses
# A gloss beside the stretch: "(Ủy ban nhân dân ...)" after English words, or a bracket after the rest of
# its clause or quotation ("Không có gì quý hơn độc lập, tự do" (Nothing is ...)).
_GLOSS_AFTER = compiled(r"[^().!?\n]{0,40}?[\"'”’»]?\s*\(")
_QUOTES = " \t\"'“”‘’«»"


@dataclass(frozen=True)
class Stretch:
    """Offsets of a stretch of Vietnamese text, from its first marked word to its last."""

    start: int
    end: int


def has_letters(text: str, start: int, end: int) -> bool:
    """Whether the span holds a letter only Vietnamese uses."""
    return _MARKED.search(text, start, end) is not None


def stretches(text: str, start: int, end: int) -> Iterator[Stretch]:
    """The stretches of Vietnamese between `start` and `end` of `text`: syllables with diacritics joined by
    spaces, with at most MAX_GAP_WORDS short syllables without any between two of them; at least
    MIN_ACCENTED, MIN_LOWER of them (and MIN_LOWER_SHARE) in lower case, MIN_MARKED with a letter only
    Vietnamese uses, and no translation in brackets beside them (a glossed name or quotation)."""
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
                yield from _stretch(text, run, start, end)
                run = []
            run.append(m)
            gap = 0
        elif (
            run
            and joined
            and syllable
            and gap < MAX_GAP_WORDS
            and len(word) <= GAP_MAX_LETTERS
            and not is_closed_class(word.casefold())  # (English joins two: "cà phê and a bánh mì")
        ):
            gap += 1
        elif run:
            yield from _stretch(text, run, start, end)
            run, gap = [], 0
    if run:
        yield from _stretch(text, run, start, end)


def _stretch(text: str, run: list[regex.Match[str]], lo: int, hi: int) -> Iterator[Stretch]:
    words = [m.group() for m in run]
    lower = sum(w[0].islower() for w in words)
    if (
        len(words) >= MIN_ACCENTED
        and lower >= max(MIN_LOWER, MIN_LOWER_SHARE * len(words))
        and sum(_MARKED.search(w) is not None for w in words) >= MIN_MARKED
        and not _glossed(text, run[0].start(), run[-1].end(), lo, hi)
    ):
        yield Stretch(run[0].start(), run[-1].end())


def _glossed(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the stretch is the gloss of English words before it (`Committee (Ủy ban ...)`) or is glossed
    by a bracket after it (`"Không có gì quý hơn độc lập, tự do" (Nothing is more precious ...)`)."""
    return text[lo:start].rstrip(_QUOTES).endswith("(") or _GLOSS_AFTER.match(text, end, hi) is not None


def _joined(text: str, before: regex.Match[str], word: regex.Match[str]) -> bool:
    """Whether only spaces separate two words: a comma (a list: `phở bò, bánh xèo`), a sentence mark or a
    line break ends a stretch."""
    gap = text[before.end() : word.start()]
    return gap.strip(" ") == "" and "\n" not in gap
