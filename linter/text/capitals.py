"""Capitalisation evidence of one document: which capitalised words it writes as names.

A common word capitalised in mid-sentence is a slip when the document treats it as a common word and
right when the document uses it as a name or part of one ("the State Department ... the State"). This
module counts that document-level evidence, per word and on demand (a rule asks about a handful of
words per document, so scanning for those is cheaper than tabulating every word); rules decide what to
make of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from mtlint.text.blocks import Block, BlockKind
from mtlint.text.document import Document
from mtlint.text.regexes import compiled
from mtlint.text.words import WORD

_POSSESSIVE = compiled(r"['’]s?$")


def word_key(word: str) -> str:
    """The case-folded form of `word` without a possessive ending ("Taliban's" -> "taliban")."""
    if "'" in word or "’" in word:
        word = _POSSESSIVE.sub("", word)
    return word.casefold()


def is_titlecase(word: str) -> bool:
    """Whether `word` is written capital-then-lower-case ("State", "Al-Ahly"), not all capitals."""
    return word[:1].isupper() and any(c.islower() for c in word[1:]) and not any(c.isupper() for c in word[1:2])


def is_capitalised(word: str) -> bool:
    """Whether `word` starts with a capital (names, acronyms, initials)."""
    return word[:1].isupper()


@dataclass(frozen=True)
class WordUse:
    """How a document writes one word (case-folded) in its running prose."""

    mid_capital: int = 0  # capitalised, not at a sentence or clause start
    in_name: tuple[int, ...] = ()  # offsets where it is capitalised next to another capitalised word
    # ("the State Department", "Frank Miller said"); at a sentence start, only before one
    lower: int = 0  # written in lower case
    alone: int = 0  # capitalised in mid-sentence on its own: no capitalised word beside it, not after `of` or
    # `for` ("the President", "Congress gave"; not "the Education Ministry" or "Ministry of Education")


@dataclass
class CapitalEvidence:
    """Per-word capitalisation evidence of a document, computed when first asked for."""

    doc: Document
    _cache: dict[str, WordUse] = field(default_factory=dict, repr=False)

    def use(self, key: str) -> WordUse:
        """How the document writes the case-folded word `key`."""
        if key not in self._cache:
            self._cache[key] = _count(self.doc, key)
        return self._cache[key]

    def used_as_name(self, key: str, besides: int = -1) -> bool:
        """Whether the document writes `key` as a name anywhere except at offset `besides` (the occurrence
        under test): next to another capitalised word, or capitalised in mid-sentence more than once."""
        use = self.use(key)
        return any(o != besides for o in use.in_name) or use.mid_capital > 1


def capital_evidence(doc: Document) -> CapitalEvidence:
    """The document's capitalisation evidence (one object per document, shared by every rule)."""
    return doc.derived(CapitalEvidence)


def _running_blocks(doc: Document) -> list[Block]:
    # Headings and short lines are title-cased by convention: no evidence either way.
    return [b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]


@lru_cache(maxsize=2048)
def _occurrences(key: str) -> regex.Pattern[str]:
    """The word `key` in any case, possibly with a possessive ending, as a whole word."""
    return regex.compile(
        r"(?<![\p{L}\p{M}\p{N}'’\-])" + regex.escape(key) + r"(?:['’]s?)?(?![\p{L}\p{M}\p{N}'’\-])",
        regex.I | regex.V1,
    )


def _count(doc: Document, key: str) -> WordUse:
    prose = doc.prose
    pattern = _occurrences(key)
    mid, lower, alone, in_name = 0, 0, 0, []
    for block in _running_blocks(doc):
        for m in pattern.finditer(prose, block.start, block.end):
            w = m.group()
            if not w[0].isupper():
                lower += 1
                continue
            nxt = _neighbour(prose, m.end(), block.end, 1)
            if not _mid_sentence(prose, block.start, m.start()):
                if nxt and is_capitalised(nxt):
                    in_name.append(m.start())  # "Frank Miller said ..." opening a sentence
                continue
            mid += 1
            prev = _neighbour(prose, block.start, m.start(), -1)
            if (prev and is_capitalised(prev)) or (nxt and is_capitalised(nxt)):
                in_name.append(m.start())
            if not (nxt and is_capitalised(nxt)) and not (prev and _joined(prev)):
                alone += 1
    return WordUse(mid, tuple(in_name), lower, alone)


# "Ministry of Education": the word after them ends a longer name; after a capitalised word other than a
# sentence's article the word is part of a name too ("Vice President").
_JOINERS = frozenset(("of", "for"))
_ARTICLES = frozenset(("the", "a", "an"))


def _joined(prev: str) -> bool:
    key = prev.casefold()
    return key in _JOINERS or (is_capitalised(prev) and key not in _ARTICLES)


def _neighbour(prose: str, start: int, end: int, direction: int) -> str | None:
    """The word right before `end` (direction -1) or right after `start` (1), if only spaces (or an
    initial's full stop) stand between."""
    if direction < 0:
        gap_end = end
        i = end
        while i > start and prose[i - 1] in " .":
            i -= 1
        if gap_end - i > 3 or i == start:
            return None
        m = regex.search(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*$", prose[max(start, i - 60) : i])
        return m.group() if m else None
    i = start
    while i < end and prose[i] == " ":
        i += 1
    if i - start > 3 or i == start:
        return None
    m = WORD.match(prose, i, end)
    return m.group() if m else None


def _mid_sentence(prose: str, block_start: int, offset: int) -> bool:
    """Whether the word at `offset` follows a word, a number or a comma (not a sentence or clause start)."""
    i = offset - 1
    while i >= block_start and prose[i] in " \t":
        i -= 1
    return i >= block_start and (prose[i].isalnum() or prose[i] == ",")
