"""Required literals of a pack pattern: strings one of which every match must contain.

A pack entry is compiled (and run) only on text that holds one of its required literals, so a run pays
for the few entries that can match rather than for all of them. The analysis reads the pattern's
source (the `regex` module's VERSION0 syntax) and is conservative: whatever it does not understand
gives no literal (None), and such an entry is always run. Literals are case-folded and ASCII only, so
`literal in text.casefold()` is a sound test whatever the entry's case flags: under the `regex`
module's case-insensitive matching, an ASCII letter matches only characters whose case-folded form is
that letter (K and the Kelvin sign, s and the long s), so the match's text, case-folded, holds it.

The same reading gives a pattern's prefixes: strings one of which every match starts with. A match
anchored where a search starts (`match`, as the layout rules read each line's beginning) can then be
ruled out by a look at the text there, without compiling the pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SET = 24  # exact sets larger than this are dropped (a requirement is kept instead)
MAX_CONDITIONS = 4  # a text is checked against at most this many conditions of one pattern
MAX_PREFIXES = 64  # a pattern with more possible beginnings than this gets no prefixes
_ANY_ESCAPES = frozenset("dDwWsShHvVXRNpPC")  # \d, \w, \p{..}, ...: one (or more) unknown characters
_EMPTY_ESCAPES = frozenset("bBAZzGKmM")  # zero-width: word edges, text edges
_PLAIN_RUN = re.compile(r"[^\\()\[\]{}|.*+?^$]+")  # characters that stand for themselves
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b"}


class _Unsupported(Exception):
    """Syntax the analysis does not read; the pattern gets no literal."""


Condition = frozenset[str]  # one of these strings occurs in every match


@dataclass(frozen=True)
class _Info:
    """What a piece of pattern can match: every string (`exact`, when few), and conditions that all hold
    for every match (`required`: each a set of strings one of which the match contains)."""

    exact: frozenset[str] | None
    required: tuple[Condition, ...] = ()
    prefix: frozenset[str] | None = None  # when `exact` is None: every match starts with one of these


def _starts(info: _Info) -> frozenset[str] | None:
    """Strings one of which every match of `info` starts with (None: unknown)."""
    return info.exact if info.exact is not None else info.prefix


@dataclass(frozen=True)
class Literals:
    """What every match of a pattern holds and starts with, case-folded (see literal_conditions and
    literal_prefixes)."""

    conditions: tuple[Condition, ...] | None
    prefixes: tuple[str, ...] | None  # sorted (a tuple, as str.startswith takes)


_ANY = _Info(None)
_EMPTY = _Info(frozenset({""}))


def pattern_literals(pattern: str) -> Literals:
    """The conditions and the prefixes of `pattern` (one reading of it for both)."""
    try:
        parser = _Parser(pattern)
        info = parser.alternation()
        if parser.pos != len(pattern):
            raise _Unsupported("unbalanced parenthesis")
    except (_Unsupported, IndexError):
        return Literals(None, None)
    found = sorted(_conditions(info), key=_score, reverse=True)
    # Conditions of common words or single letters hold in almost every text: keep only the best of them.
    found = found[:1] + [c for c in found[1:MAX_CONDITIONS] if _score(c)[0] > 2]
    prefixes = _starts(info)
    return Literals(tuple(found) or None, tuple(sorted(prefixes)) if prefixes and "" not in prefixes else None)


def literal_conditions(pattern: str) -> tuple[Condition, ...] | None:
    """Conditions every match of `pattern` meets, the most selective first; None when none is known.

    Each condition is a set of case-folded strings one of which the match contains; a text can hold a
    match only if it meets them all.
    """
    return pattern_literals(pattern).conditions


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Case-folded strings one of which every match of `pattern` starts with; None when unknown (or
    when a match may start with anything)."""
    return pattern_literals(pattern).prefixes


def required_literals(pattern: str) -> frozenset[str] | None:
    """The most selective condition of `pattern` (see literal_conditions)."""
    found = literal_conditions(pattern)
    return found[0] if found else None


def _useful(c: Condition | None) -> bool:
    return bool(c) and "" not in c  # type: ignore[operator]


def _conditions(info: _Info) -> list[Condition]:
    out = [c for c in info.required if _useful(c)]
    if info.exact is not None and _useful(info.exact):
        out.append(info.exact)
    return list(dict.fromkeys(out))


# The most frequent short words of English: a literal that is one of them says little about a text.
COMMON_WORDS = frozenset(
    """
    the of and to in is it you that he was for on are with as his they be at one have this from or had by
    not but what some we can out were all there when up use your how said an each she which do their if
    will way about many then them would so these her him has more could no may most my over than who its
    been now any new after our under very just before also here such us off
    """.split()
)


def _score(found: Condition) -> tuple[int, int]:
    """How selective a condition is: the longer its shortest string (a common word counts as one
    letter), the better; then the fewer strings."""
    return (min(1 if x in COMMON_WORDS else len(x) for x in found), -len(found))


def _best(options: list[Condition]) -> Condition | None:
    useful = [c for c in options if _useful(c)]
    return max(useful, key=_score) if useful else None


def _concat(parts: list[_Info]) -> _Info:
    exact: frozenset[str] | None = frozenset({""})
    required: list[Condition] = []
    run: frozenset[str] = frozenset({""})
    prefix = _leading(parts)
    for part in parts:
        required.extend(part.required)
        if part.exact is None:
            required.append(run)
            run = frozenset({""})
            exact = None
            continue
        longer = _product(run, part.exact)
        if longer is None:  # too many combinations: keep the run so far, start a new one here
            required.append(run)
            longer = part.exact
        run = longer
        if exact is not None:
            exact = _product(exact, part.exact)
    required.append(run)
    return _Info(exact, tuple(dict.fromkeys(c for c in required if _useful(c))), prefix)


def _leading(parts: list[_Info]) -> frozenset[str]:
    """How a sequence's matches start: the exact parts up to the first other one, and that one's prefix."""
    start = frozenset({""})
    for part in parts:
        own = _starts(part)
        longer = None if own is None else _product(start, own)
        if longer is None:  # unknown, or too many combinations: what is known so far still holds
            break
        start = longer
        if part.exact is None:  # the part goes on past its prefix
            break
    return start


def _product(left: frozenset[str] | None, right: frozenset[str]) -> frozenset[str] | None:
    if left is None or len(left) * len(right) > MAX_SET:
        return None
    return frozenset(a + b for a in left for b in right)


def _union(branches: list[_Info]) -> _Info:
    """Alternatives: exact strings if few; one condition, each branch's best condition put together."""
    exact: frozenset[str] | None = frozenset()
    either: set[str] | None = set()
    prefix: set[str] | None = set()
    for b in branches:
        own_start = _starts(b)
        prefix = None if own_start is None or prefix is None else prefix | own_start
        if exact is not None and b.exact is not None and len(exact | b.exact) <= MAX_SET:
            exact = exact | b.exact
        else:
            exact = None
        own = _best(_conditions(b))
        either = None if own is None or either is None else either | own
    if prefix is not None and len(prefix) > MAX_PREFIXES:
        prefix = None
    return _Info(exact, (frozenset(either),) if either else (), None if prefix is None else frozenset(prefix))


def _repeat(info: _Info, low: int, high: int | None) -> _Info:
    if low == 0:
        if high == 1 and info.exact is not None and len(info.exact) < MAX_SET:
            return _Info(info.exact | {""})  # `s?`: either nothing or the part
        return _EMPTY if high == 0 else _ANY
    if low == high == 1:
        return info
    return _Info(None, tuple(_conditions(info)), _starts(info))  # the first repetition starts the match


class _Parser:
    """A recursive-descent reader of the pattern syntax packs use (VERSION0 of the `regex` module)."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.pos = 0

    def peek(self) -> str:
        return self.p[self.pos] if self.pos < len(self.p) else ""

    def alternation(self) -> _Info:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else _union(branches)

    def sequence(self) -> _Info:
        parts: list[_Info] = []
        while self.pos < len(self.p) and self.peek() not in "|)":
            run = _PLAIN_RUN.match(self.p, self.pos)
            if run and run.end() - run.start() > 1:
                # Plain characters read at once; the last one is left for a quantifier that follows it.
                end = run.end() - 1 if run.end() < len(self.p) and self.p[run.end()] in "*+?{" else run.end()
                if end > self.pos:
                    parts.append(_text(self.p[self.pos : end]))
                    self.pos = end
                    continue
            atom = self.atom()
            parts.append(self.quantified(atom))
        return _concat(parts)

    def quantified(self, atom: _Info) -> _Info:
        while True:
            c = self.peek()
            if c in ("*", "+", "?"):
                self.pos += 1
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            elif c == "{":
                bounds = self._bounds()
                if bounds is None:  # a literal brace, or a fuzzy-matching constraint such as {e<=1}
                    raise _Unsupported("brace")
                low, high = bounds
            else:
                return atom
            if self.peek() in ("?", "+"):  # lazy or possessive: the same strings
                self.pos += 1
            atom = _repeat(atom, low, high)

    def _bounds(self) -> tuple[int, int | None] | None:
        end = self.p.find("}", self.pos)
        if end < 0:
            return None
        body = self.p[self.pos + 1 : end]
        low_s, sep, high_s = body.partition(",")
        if not (low_s.isdigit() or (sep and not low_s)) or (high_s and not high_s.isdigit()):
            return None  # not a quantifier: a literal brace
        if not sep:
            high_s = low_s
        self.pos = end + 1
        return int(low_s or 0), (int(high_s) if high_s else None)

    def atom(self) -> _Info:
        c = self.p[self.pos]
        self.pos += 1
        if c == "(":
            return self.group()
        if c == "[":
            self._skip_class()
            return _ANY
        if c == ".":
            return _ANY
        if c in "^$":
            return _EMPTY
        if c == "\\":
            return self.escape()
        if c in "*+?":
            raise _Unsupported("nothing to repeat")
        return _literal(c)

    def escape(self) -> _Info:
        c = self.p[self.pos]
        self.pos += 1
        if c in _EMPTY_ESCAPES:
            return _EMPTY
        if c in _ANY_ESCAPES:
            if c in "pPN" and self.peek() == "{":
                end = self.p.index("}", self.pos)
                self.pos = end + 1
            elif c in "pP":
                self.pos += 1  # \pL
            return _ANY
        if c.isdigit():  # a back-reference or an octal escape
            while self.peek().isdigit():
                self.pos += 1
            return _ANY
        if c in _CONTROL_ESCAPES:
            return _literal(_CONTROL_ESCAPES[c])
        if c in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[c]
            if c == "x" and self.peek() == "{":
                end = self.p.index("}", self.pos)
                code, self.pos = self.p[self.pos + 1 : end], end + 1
            else:
                code, self.pos = self.p[self.pos : self.pos + width], self.pos + width
            try:
                return _literal(chr(int(code, 16)))
            except ValueError:
                raise _Unsupported(f"bad escape \\{c}{code}") from None
        if c.isalpha():
            raise _Unsupported(f"unknown escape \\{c}")
        return _literal(c)

    def _skip_class(self) -> None:
        i = self.pos
        if self.p[i] == "^":
            i += 1
        if self.p[i] == "]":  # a leading ] is a member
            i += 1
        while self.p[i] != "]":
            if self.p[i] == "\\":
                i += 2
            elif self.p.startswith("[:", i):
                i = self.p.index(":]", i + 2) + 2
            elif self.p[i] == "[":
                raise _Unsupported("nested set")
            else:
                i += 1
        self.pos = i + 1

    def group(self) -> _Info:
        if self.peek() != "?":
            return self._close(self.alternation())
        self.pos += 1
        c = self.p[self.pos]
        if c == ":" or c == ">":
            self.pos += 1
            return self._close(self.alternation())
        if c in "=!" or self.p.startswith(("<=", "<!"), self.pos):
            self.pos += 1 if c in "=!" else 2
            self.alternation()
            self._close(_ANY)
            return _EMPTY  # a lookaround is zero-width: the match does not contain what it reads
        if c == "#":
            self.pos = self.p.index(")", self.pos) + 1
            return _EMPTY
        if c in "P<" and self.p.startswith(("P<", "<"), self.pos):
            self.pos = self.p.index(">", self.pos) + 1
            return self._close(self.alternation())
        flags = ""
        while self.pos < len(self.p) and self.p[self.pos] not in ":)":
            flags += self.p[self.pos]
            self.pos += 1
        if not flags or any(f not in "aiLmsufw-" for f in flags) or "x" in flags:
            raise _Unsupported(f"group (?{flags}")  # verbose, VERSION1, conditionals, branch reset, ...
        if self.p[self.pos] == ")":
            self.pos += 1
            return _EMPTY
        self.pos += 1
        return self._close(self.alternation())

    def _close(self, info: _Info) -> _Info:
        if self.peek() != ")":
            raise _Unsupported("unclosed group")
        self.pos += 1
        return info


def _text(run: str) -> _Info:
    """A run of plain characters: its ASCII stretches are literals, other characters unknown."""
    if run.isascii():
        return _Info(frozenset({run.casefold()}))
    return _concat([_literal(c) for c in run])


def _literal(c: str) -> _Info:
    if not c.isascii():
        return _ANY  # a non-ASCII letter may case-fold to several characters: say nothing about it
    return _Info(frozenset({c.casefold()}))
