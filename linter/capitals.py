"""Capitalisation evidence of one document: which capitalised words it writes as names.

A common word capitalised in mid-sentence is a slip when the document treats it as a common word and
right when the document uses it as a name or part of one ("the State Department ... the State"). The
counts here are that document-level evidence; rules decide what to make of them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from linter.document import Document

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_POSSESSIVE = regex.compile(r"['’]s?$")


def word_key(word: str) -> str:
    """The case-folded form of `word` without a possessive ending ("Taliban's" -> "taliban")."""
    return _POSSESSIVE.sub("", word).casefold()


def is_titlecase(word: str) -> bool:
    """Whether `word` is written capital-then-lower-case ("State", "Al-Ahly"), not all capitals."""
    return word[:1].isupper() and any(c.islower() for c in word[1:]) and not any(c.isupper() for c in word[1:2])


def is_capitalised(word: str) -> bool:
    """Whether `word` starts with a capital (names, acronyms, initials)."""
    return word[:1].isupper()


@dataclass(frozen=True)
class CapitalEvidence:
    """Per case-folded word: how the document writes it in mid-sentence."""

    mid_capital: Counter[str]  # capitalised, not at a sentence start
    in_name: dict[str, list[int]]  # offsets where it is capitalised in mid-sentence next to another
    # capitalised word ("State Department")
    lower: Counter[str]  # written in lower case

    def used_as_name(self, key: str, besides: int = -1) -> bool:
        """Whether the document writes `key` as a name anywhere except at offset `besides` (the occurrence
        under test): next to another capitalised word, or capitalised in mid-sentence more than once."""
        return any(o != besides for o in self.in_name.get(key, ())) or self.mid_capital[key] > 1


def capital_evidence(doc: "Document") -> CapitalEvidence:
    """Count the capitalised and lower-case uses of each word in the document's running prose."""
    from linter.document import BlockKind

    mid: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    in_name: dict[str, list[int]] = {}
    prose = doc.prose
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            continue  # headings and short lines are title-cased by convention: no evidence either way
        words = list(_WORD.finditer(prose, block.start, block.end))
        for i, m in enumerate(words):
            w = m.group()
            key = word_key(w)
            if not is_capitalised(w):
                lower[key] += 1
                continue
            if not _mid_sentence(prose, block.start, m.start()):
                continue
            mid[key] += 1
            prev = words[i - 1] if i else None
            nxt = words[i + 1] if i + 1 < len(words) else None
            if (prev is not None and _joined(prose, prev.end(), m.start()) and is_capitalised(prev.group())) or (
                nxt is not None and _joined(prose, m.end(), nxt.start()) and is_capitalised(nxt.group())
            ):
                in_name.setdefault(key, []).append(m.start())
    return CapitalEvidence(mid, in_name, lower)


def _mid_sentence(prose: str, block_start: int, offset: int) -> bool:
    """Whether the word at `offset` follows a word, a number or a comma (not a sentence or clause start)."""
    i = offset - 1
    while i >= block_start and prose[i] in " \t":
        i -= 1
    return i >= block_start and (prose[i].isalnum() or prose[i] == ",")


def _joined(prose: str, end: int, start: int) -> bool:
    """Whether two words are separated by spaces only (or a hyphen-free initial's full stop)."""
    gap = prose[end:start]
    return gap.strip(" .") == "" and "\n" not in gap and len(gap) <= 3
