"""The caption vocabulary: caption words, credit markers and agencies (the stray-caption pack and what users
add to it), and the questions the caption and credit readings ask of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from mtlint.engine.packs import EntryPrefilter, PackEntry, phrase_regex
from mtlint.rules.layout.shared import FAST_WORD, WORD, prefilter, search
from mtlint.text.regexes import compiled

# Words that may sit between caption words on a credit line: "Photo by AFP via Getty Images".
_FILLER = compiled(r"(?i)(?<![\p{L}\p{N}])(?:a|an|by|via|from|the|of|and|for|on|file|copyright)(?![\p{L}\p{N}])")
_SEPARATORS = compiled(r"[\s\p{P}\p{S}\p{N}]+")


@dataclass(frozen=True)
class Vocabulary:
    """Caption words, credit markers and agencies (the stray-caption pack plus user extensions)."""

    entries: tuple[PackEntry, ...]

    def tagged(self, tag: str) -> tuple[PackEntry, ...]:
        found = self._tagged.get(tag)
        if found is None:
            found = self._tagged[tag] = tuple(e for e in self.entries if tag in e.tags)
        return found

    @cached_property
    def _tagged(self) -> dict[str, tuple[PackEntry, ...]]:
        return {}  # tag -> entries: asked for on every line with a caption word or a bracket

    @cached_property
    def _keys(self) -> frozenset[str] | None:
        return _first_words(self.entries)

    def mentions(self, text: str, words: Sequence[str] = ()) -> bool:
        """Cheap test: whether any entry could match in `text` (most paragraphs have none). `words`, if
        given, are FAST_WORD's words of `text` (the line's shape has them)."""
        keys = self._keys
        if keys is None:
            return True
        if words and text.isascii():  # case folding is lowering there, and keeps the words' bounds
            return not keys.isdisjoint(map(str.lower, words))
        return not keys.isdisjoint(FAST_WORD.findall(text.casefold()))

    @cached_property
    def _quick(self) -> EntryPrefilter:
        return prefilter(self.entries)

    def only_vocabulary(self, text: str) -> bool:
        """Whether `text` is made of caption words alone (with fillers, separators and numbers)."""
        # Every match is read in the text as it stands, so the entries its literals allow are all there are.
        spans = [(m.start(), m.end()) for entry in self._quick.entries_in(text) for m in search(entry, text)]
        if not spans:
            return False
        # The longest matches first, so that a phrase is not cut by a word inside it ("picture alliance"
        # is an agency, "picture" a caption word).
        spans.sort(key=lambda sp: (sp[0] - sp[1], sp[0]))
        taken = [False] * len(text)
        pieces = list(text)
        for start, end in spans:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            pieces[start:end] = [" "] * (end - start)
        rest = _FILLER.sub(" ", "".join(pieces))
        return not _SEPARATORS.sub("", rest)

    def only_topics(self, text: str) -> bool:
        """Whether every caption word of `text` could also title a section (`Social media`)."""
        return not any(search(e, text) for e in self._quick.entries_in(text) if "topic" not in e.tags)

    def agency_ends(self, text: str) -> list[int]:
        agencies = self.tagged_filter("agency").entries_in(text)
        return sorted(m.end() for e in agencies for m in search(e, text))

    def tagged_filter(self, tag: str) -> EntryPrefilter:
        """The literal prefilter of the entries with `tag`, kept: finding the cached automaton by the tuple
        of entries would hash every entry again on every line."""
        found = self._filters.get(tag)
        if found is None:
            found = self._filters[tag] = prefilter(self.tagged(tag))
        return found

    @cached_property
    def _filters(self) -> dict[str, EntryPrefilter]:
        return {}


@lru_cache(maxsize=16)
def _first_words(entries: tuple[PackEntry, ...]) -> frozenset[str] | None:
    """First words of phrase entries (casefolded); None when some entry is a free pattern."""
    keys = set()
    for e in entries:
        if e.regex.pattern != phrase_regex(e.source, not e.regex.flags & regex.IGNORECASE).pattern:
            return None
        keys.add(WORD.findall(e.source.casefold())[0] if WORD.findall(e.source) else "")
    return frozenset(keys)


def is_agency(vocab: Vocabulary, text: str) -> bool:
    """Whether `text` is nothing but agencies of the vocabulary (`AFP`, `Reuters / AP`)."""
    ends = vocab.agency_ends(text)
    return bool(ends) and max(ends) == len(text.rstrip())
