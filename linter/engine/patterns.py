"""Pack patterns compiled on first use, and skipped where their required literals are absent.

Compiling every pattern of the built-in packs costs a one-file run more than linting the file does, and
most patterns cannot match a given text at all. A `PackPattern` holds the pattern's source; it compiles
it only when asked to search a text that holds one of the pattern's required literals (see literals.py),
and, for a match anchored at the start of the search, that starts with one of its prefixes; it answers
"no match" at once otherwise. A `Prefilter` scans a text once for the literals of many
entries (an Aho-Corasick automaton) and says which of them can match there. A `LazyPattern` is a rule's
own pattern, compiled when first used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import Any

import regex

from mtlint.engine.literals import Condition, Literals, pattern_literals
from mtlint.model import RuleError
from mtlint.text.document import fold_case
from mtlint.text.regexes import compiled

PATTERN_TIMEOUT = 1.0  # seconds a single pattern may run on one scope before it is abandoned


class PatternTimeout(RuleError):
    """A pack pattern ran longer than PATTERN_TIMEOUT."""


@lru_cache(maxsize=64)
def folded(text: str) -> tuple[str, bool]:
    """`text` case-folded as literals are (fold_case), and whether its offsets still line up with
    `text`'s: case folding never shortens a character, so equal lengths mean every one kept its place."""
    out = fold_case(text)
    return out, len(out) == len(text)


def _holds(conditions: tuple[Condition, ...], text: str, pos: int, endpos: int | None) -> bool:
    """Whether `text[pos:endpos]` meets every condition (holds one literal of each)."""
    full, aligned = folded(text)
    if pos == 0 and (endpos is None or endpos >= len(text)):
        hay = full
    elif aligned:
        hay = full[pos:endpos]
    else:
        hay = fold_case(text[pos:endpos])
    # Plain loops: this runs for every entry on every line a layout rule reads.
    for condition in conditions:
        for literal in condition:
            if literal in hay:
                break
        else:
            return False
    return True


class LazyPattern:
    """A `regex` pattern compiled on first use, for a rule's module-level pattern that most texts never
    reach (one run behind a cheaper test, or for rare scripts or markup).

    Importing the rules compiled every such pattern, which cost a one-file run several milliseconds
    for patterns it never ran. The methods are those of `regex.Pattern`; anything else is read from the
    compiled pattern.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        return compiled(self.pattern, self.flags)

    def match(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self.compiled.match(*args, **kw)

    def fullmatch(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self.compiled.fullmatch(*args, **kw)

    def search(self, *args: Any, **kw: Any) -> regex.Match[str] | None:
        return self.compiled.search(*args, **kw)

    def finditer(self, *args: Any, **kw: Any) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(*args, **kw)

    def findall(self, *args: Any, **kw: Any) -> list[Any]:
        return self.compiled.findall(*args, **kw)

    def split(self, *args: Any, **kw: Any) -> list[Any]:
        return self.compiled.split(*args, **kw)

    def sub(self, *args: Any, **kw: Any) -> str:
        return self.compiled.sub(*args, **kw)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)


class PackPattern:
    """A `regex` pattern compiled on first use; searches skip texts that lack its required literals.

    It answers the parts of `regex.Pattern` that rules use (`match`, `fullmatch`, `search`, `finditer`,
    `findall`, `pattern`, `flags`); anything else is read from the compiled pattern.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __repr__(self) -> str:
        return f"PackPattern({self.pattern!r}, {self.flags!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PackPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __getstate__(self) -> tuple[str, int]:
        return self.pattern, self.flags  # workers compile what they use

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        return compiled(self.pattern, self.flags)

    @cached_property
    def literals_found(self) -> Literals:
        """What every match holds and starts with (see literals.py)."""
        return pattern_literals(self.pattern)

    def know_literals(self, found: Literals) -> None:
        """Take `found` as what pattern_literals gives for this pattern (read from a table made
        beforehand, which spares reading the pattern in every run)."""
        self.__dict__["literals_found"] = found  # where cached_property keeps its value

    @property
    def conditions(self) -> tuple[Condition, ...] | None:
        """Sets of case-folded strings; every match holds one string of each (None: nothing known)."""
        return self.literals_found.conditions

    @property
    def literals(self) -> Condition | None:
        """The most selective condition: one of these strings is in every match."""
        return self.conditions[0] if self.conditions else None

    def may_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False when no match can lie in `text[pos:endpos]` (a required literal is missing)."""
        conditions = self.conditions
        return conditions is None or _holds(conditions, text, pos, endpos)

    def may_start(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False when no match can start at `pos` (the text there begins with none of the prefixes)."""
        prefixes = self.literals_found.prefixes
        if prefixes is None:
            return True
        full, aligned = folded(text)
        if not aligned:
            return True  # the folded text's offsets are not the text's: nothing to compare
        return full.startswith(prefixes, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        if not self.may_start(text, pos, endpos) or not self.may_match(text, pos, endpos):
            return None
        return self.compiled.match(text, pos, endpos, **kw)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        if not self.may_start(text, pos, endpos) or not self.may_match(text, pos, endpos):
            return None
        return self.compiled.fullmatch(text, pos, endpos, **kw)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> regex.Match[str] | None:
        if not self.may_match(text, pos, endpos):
            return None
        return self.compiled.search(text, pos, endpos, **kw)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> Iterator[regex.Match[str]]:
        if not self.may_match(text, pos, endpos):
            return iter(())
        return self.compiled.finditer(text, pos, endpos, **kw)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None, **kw: Any) -> list[Any]:
        if not self.may_match(text, pos, endpos):
            return []
        return self.compiled.findall(text, pos, endpos, **kw)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)


class Prefilter:
    """One scan of a text for the required literals of many patterns: which of them can match there."""

    def __init__(self, patterns: Iterable[PackPattern]) -> None:
        import ahocorasick  # lazy: only runs that reach a pack's text need the automaton

        self.patterns = tuple(patterns)
        self.always = frozenset(i for i, p in enumerate(self.patterns) if p.conditions is None)
        # Each pattern is found by the literals of its best condition; its other conditions are checked
        # only when one of those is present.
        self._owners: dict[str, set[int]] = {}
        self._rest: dict[int, tuple[Condition, ...]] = {}
        literals: set[str] = set()
        for i, p in enumerate(self.patterns):
            for n, condition in enumerate(p.conditions or ()):
                literals |= condition
                if n == 0:
                    for lit in condition:
                        self._owners.setdefault(lit, set()).add(i)
            if p.conditions and len(p.conditions) > 1:
                self._rest[i] = p.conditions[1:]
        self._automaton: Any = None
        if literals:
            self._automaton = ahocorasick.Automaton()
            for lit in literals:
                self._automaton.add_word(lit, lit)
            self._automaton.make_automaton()

    def _scan(self, text: str, pos: int, endpos: int | None) -> set[str]:
        """The literals present in `text[pos:endpos]` (case-folded)."""
        if self._automaton is None:
            return set()
        full, aligned = folded(text)
        if pos == 0 and (endpos is None or endpos >= len(text)):
            scan, start, end = full, 0, len(full)
        elif aligned:
            scan, start, end = full, pos, len(text) if endpos is None else min(endpos, len(text))
        else:
            scan = fold_case(text[pos:endpos])
            start, end = 0, len(scan)
        if end <= start:
            return set()
        return {lit for _, lit in self._automaton.iter(scan, start, end)}

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """Where each literal occurs in `text` (start offsets, in order); empty when the case-folded text
        does not keep `text`'s offsets."""
        full, aligned = folded(text)
        if self._automaton is None or not aligned:
            return {}
        found: dict[str, list[int]] = {}
        for end, lit in self._automaton.iter(full):
            found.setdefault(lit, []).append(end - len(lit) + 1)
        return found

    def possible(
        self, text: str, pos: int = 0, endpos: int | None = None, present: set[str] | None = None
    ) -> frozenset[int]:
        """Indexes of the patterns that may match in `text[pos:endpos]` (`present`: its literals, if known)."""
        if present is None:
            present = self._scan(text, pos, endpos)
        found = set(self.always)
        for lit in present:
            found.update(self._owners.get(lit, ()))
        rest = self._rest
        return frozenset(i for i in found if i not in rest or all(not c.isdisjoint(present) for c in rest[i]))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether any of the patterns may match in `text[pos:endpos]`."""
        return bool(self.always) or bool(self.possible(text, pos, endpos))

    match = search  # a match at `pos` needs a literal somewhere after it just the same

    def candidates(self, text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
        """`possible`, in the patterns' order."""
        return sorted(self.possible(text, pos, endpos))
