"""Sentence segmentation over prose, by character offsets.

A splitter that errs towards *not* splitting: a full stop after a known abbreviation, an initial, or
between digits does not end a sentence, so rules that look at sentence starts see real starts only.
Lower-case starts after a full stop are still split, because finding them is a rule's job.
"""

from __future__ import annotations

from mtlint.text.regexes import compiled
from mtlint.text.words import ABBREVIATIONS

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = compiled(r"""([.!?…]+)(["'”’»)\]]*)(\s+)""")
_WORD_BEFORE = compiled(r"([\p{L}.]+)$")
# How far back to look for the word before a full stop. An anchored search from the start of the text
# would try every position before it (quadratic in paragraph length); no abbreviation is this long.
_LOOKBACK = 40


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - _LOOKBACK), dot)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if word in ABBREVIATIONS:
        return True
    # Single initials ("S. Paul Kapur") and dotted acronyms ("U.S.", "p.m.").
    letters = word.replace(".", "")
    return len(letters) == 1 or ("." in word and all(len(p) <= 2 for p in word.split(".") if p))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in `text[start:end]`, trimmed of whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        punct = m.group(1)
        if punct == "." and is_abbreviation(text, m.start(1)):
            continue
        nxt = m.end()
        if nxt < end and text[nxt].isdigit() and punct == ".":
            # "No. 5", "Nov. 27": a number after a full stop continues the sentence.
            before = _WORD_BEFORE.search(text, max(0, m.start(1) - _LOOKBACK), m.start(1))
            if before and before.group(1)[:1].isupper() and len(before.group(1)) <= 4:
                continue
        spans.append((cursor, m.start(3)))
        cursor = m.end()
    if cursor < end:
        spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
