"""Words and abbreviations: the one definition every module and rule shares."""

from __future__ import annotations

import re
from typing import TypeAlias

import regex

from mtlint.text.regexes import compiled

# A word: letters, marks and digits, with inner apostrophes and hyphens ("Khan's", "well-known").
WORD = compiled(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
# WORD in ASCII text, where its letters, marks and digits are [A-Za-z0-9] and its joiners ' and -: the
# standard library's engine counts them more than twice as fast.
_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


# A word found by `word_matches`: the two engines' matches read the same (start, end, span, group).
WordMatch: TypeAlias = "re.Match[str] | regex.Match[str]"


def count_words(text: str) -> int:
    """len(WORD.findall(text))."""
    return len((_ASCII_WORD if text.isascii() else WORD).findall(text))


def word_matches(text: str, start: int, end: int) -> list[WordMatch]:
    """list(WORD.finditer(text, start, end)) (the same spans; the faster engine on ASCII text)."""
    return list((_ASCII_WORD if text[start:end].isascii() else WORD).finditer(text, start, end))


# Abbreviations whose full stop rarely ends a sentence in news prose (compared case-insensitively).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpt sgt adm gov sen rep rev fr hon pres supt insp
    no nos vol vols pp p fig figs al etc vs v cf ca approx est dept univ corp inc ltd co bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m e.g i.e u.s u.k u.n u.s.a e.u d.c n.y l.a
    """.split()
)
# The abbreviated titles written before a name ("Gen. Haykal", "Dr. Khan"): a name runs on over their dot.
HONORIFICS = frozenset("mr mrs ms dr gen lt col maj capt adm sgt prof sen rep gov rev st jr sr".split())
# Lower-case abbreviations the sentence splitter does not know but a sentence start must skip
# ("approx. two", "incl. tax", "2 oz. gin"): a word after them is not the first of a sentence.
LOWERCASE_ABBREVIATIONS = frozenset(
    "approx incl esp resp viz ca cf ed eds min max sec ave ext misc tel op ibid ie eg oz lb lbs tsp tbsp qt gal".split()
)
