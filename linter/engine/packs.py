"""Rule packs: word, phrase and pattern rules written as TOML data.

A pack either defines a rule of its own (`code`, `name`, `category`, ...) or, with `extends = "<rule
name>"`, adds entries to the vocabulary of an existing rule that reads packs (such as stray-caption).

    code = "HS001"
    name = "house-style"
    category = "literal-idiom"
    severity = "warning"          # error | warning | info
    scope = "line"                # line | paragraph | text
    message = "Avoid '{match}'."  # default message; {match} and {replacement} are filled in

    [[entry]]
    phrase = "in the wind"        # or: pattern = '\\bin the wind\\b'  (a `regex` pattern, re-compatible
                                  # syntax (VERSION0), case-insensitive unless case-sensitive = true)
    replacement = "in vain"       # optional: offered as a fix
    message = "..."               # optional: overrides the pack's message
    note = "why this entry exists"
"""

from __future__ import annotations

import bisect
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, ClassVar

import regex
from regex import Match  # the dataclass field `regex` below hides the module inside the class

from mtlint import package_data
from mtlint.engine import toml
from mtlint.engine.literals import Literals
from mtlint.engine.patterns import PATTERN_TIMEOUT, PackPattern, PatternTimeout, Prefilter
from mtlint.model import CATEGORIES, Applicability, Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Document
from mtlint.text.regexes import compiled

# Anchors and lookahead behave differently at a scope's end than inside a longer text.
_ENDPOS_SENSITIVE = compiled(r"\$|\\[Zz]|\(\?[=!]")
SCOPES = ("line", "paragraph", "text")
_PACK_KEYS = {"code", "name", "category", "severity", "scope", "message", "description", "extends", "fix", "entry"}
_ENTRY_KEYS = {"phrase", "pattern", "replacement", "message", "note", "whole", "case-sensitive", "tags"}


class PackError(ValueError):
    """A pack file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class PackEntry:
    """One phrase or pattern of a pack (compiled on first use: see PackPattern)."""

    source: str  # the phrase or pattern as written
    regex: PackPattern = field(compare=False)
    replacement: str | None = None
    message: str | None = None
    note: str = ""
    whole: bool = False
    tags: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # Tuples of entries key the prefilters, and the layout rules ask for them per line: the source
        # alone (a cached string hash) is hash enough, as equal entries have equal sources.
        return hash(self.source)

    def finditer(self, text: str, start: int, end: int) -> Iterator[Match[str]]:
        """Matches in `text[start:end]`, giving up after PATTERN_TIMEOUT seconds."""
        try:
            yield from self.regex.finditer(text, start, end, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.source!r} timed out after {PATTERN_TIMEOUT:g}s") from None


@dataclass(frozen=True)
class Pack:
    """A parsed pack file."""

    path: str
    entries: tuple[PackEntry, ...]
    code: str | None = None
    name: str | None = None
    category: str | None = None
    severity: Severity = Severity.WARNING
    scope: str = "line"
    message: str = "'{match}' matches the {name} pack."
    description: str = ""
    extends: str | None = None
    applicability: Applicability = Applicability.UNSAFE


def phrase_regex(phrase: str, case_sensitive: bool = False) -> PackPattern:
    """The pattern of a literal phrase: whole words, any run of whitespace between them."""
    parts = [regex.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    return PackPattern(rf"(?<![\p{{L}}\p{{N}}]){body}(?![\p{{L}}\p{{N}}])", flags)


def parse_pack(data: dict[str, Any], path: str, compile_patterns: bool = True) -> Pack:
    """Validate a pack's TOML data; raise PackError naming `path` and the problem.

    `compile_patterns=False` leaves each pattern to be compiled on first use: for the built-in packs,
    whose patterns the test suite compiles and checks instead.
    """
    unknown = set(data) - _PACK_KEYS
    if unknown:
        raise PackError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    extends = data.get("extends")
    if extends is None:
        for key in ("code", "name", "category"):
            if not isinstance(data.get(key), str):
                raise PackError(f"{path}: a pack needs '{key}' (or 'extends' to add to an existing rule)")
        if data["category"] not in CATEGORIES:
            raise PackError(f"{path}: unknown category {data['category']!r}")
        if not regex.fullmatch(r"[A-Z]{1,5}\d{2,4}", data["code"]):
            raise PackError(f"{path}: code {data['code']!r} must look like XY123")
        if not regex.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", data["name"]):
            raise PackError(f"{path}: name {data['name']!r} must be kebab-case")
    scope = data.get("scope", "line")
    if scope not in SCOPES:
        raise PackError(f"{path}: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    try:
        severity = Severity.parse(data.get("severity", "warning"))
        applicability = Applicability(data.get("fix", "unsafe"))
    except ValueError as exc:
        raise PackError(f"{path}: {exc}") from None
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise PackError(f"{path}: a pack needs at least one [[entry]]")
    entries = tuple(_parse_entry(e, i + 1, path, compile_patterns) for i, e in enumerate(raw_entries))
    return Pack(
        path=path,
        entries=entries,
        code=data.get("code"),
        name=data.get("name"),
        category=data.get("category"),
        severity=severity,
        scope=scope,
        message=data.get("message", Pack.message),
        description=data.get("description", ""),
        extends=extends,
        applicability=applicability,
    )


def _parse_entry(entry: Any, number: int, path: str, compile_patterns: bool = True) -> PackEntry:
    where = f"{path}: entry {number}"
    if not isinstance(entry, dict):
        raise PackError(f"{where}: must be a table")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if ("phrase" in entry) == ("pattern" in entry):
        raise PackError(f"{where}: give exactly one of 'phrase' or 'pattern'")
    case_sensitive = bool(entry.get("case-sensitive", False))
    if "phrase" in entry:
        source = entry["phrase"]
        if not isinstance(source, str) or not source.strip():
            raise PackError(f"{where}: 'phrase' must be a non-empty string")
        compiled = phrase_regex(source, case_sensitive)
    else:
        source = entry["pattern"]
        if not isinstance(source, str) or not source:
            raise PackError(f"{where}: 'pattern' must be a non-empty string")
        compiled = PackPattern(source, regex.V0 | (0 if case_sensitive else regex.IGNORECASE))
        if compile_patterns:
            check_pattern(compiled, where)
    for key in ("replacement", "message", "note"):
        if key in entry and not isinstance(entry[key], str):
            raise PackError(f"{where}: '{key}' must be a string")
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise PackError(f"{where}: 'tags' must be a list of strings")
    return PackEntry(
        source,
        compiled,
        entry.get("replacement"),
        entry.get("message"),
        entry.get("note", ""),
        bool(entry.get("whole", False)),
        tuple(tags),
    )


def check_pattern(pattern: PackPattern, where: str) -> None:
    """Compile `pattern` now; raise PackError if it is invalid or matches the empty string."""
    try:
        compiled = pattern.compiled
    except regex.error as exc:
        raise PackError(f"{where}: invalid pattern {pattern.pattern!r}: {exc}") from None
    if compiled.search("") is not None and compiled.fullmatch("") is not None:
        raise PackError(f"{where}: pattern {pattern.pattern!r} matches the empty string")


def load_pack(path: str | Path) -> Pack:
    """Read and validate a pack file."""
    p = Path(path)
    tomllib = toml.parser()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PackError(f"{p}: cannot read pack: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PackError(f"{p}: invalid TOML: {exc}") from None
    return parse_pack(data, str(p))


BUILTIN_PARSED = "parsed.json"  # in rules/packs/: see _parsed


@cache
def load_builtin_pack(filename: str) -> Pack:
    """Load a pack shipped in rules/packs/ (its patterns are compiled when first used)."""
    text = package_data.read_text("mtlint.rules", f"packs/{filename}")
    stored = _parsed()["packs"].get(filename)
    if stored is not None and stored["crc32"] == zlib.crc32(text.encode("utf-8")):
        data = stored["data"]
    else:  # edited since parsed.json was written
        data = toml.parser().loads(text)
    pack = parse_pack(data, f"rules/packs/{filename}", compile_patterns=False)
    literals = stored_literals()
    for entry in pack.entries:
        if entry.regex.pattern in literals:
            entry.regex.know_literals(literals[entry.regex.pattern])
    return pack


@cache
def _parsed() -> dict[str, Any]:
    """rules/packs/parsed.json: the built-in packs as parsed from their TOML, each with the CRC-32 of
    its text, and the literals of their patterns (written by scripts/build_parsed.py).

    Parsing the packs' TOML and reading the literals from every pattern's source cost a one-file run
    about 15 ms; reading this costs well under one. A pack whose text no longer has the stored CRC is
    parsed from its TOML, and a pattern missing from the table is read as usual, so a stale file costs
    time, never a finding; a test holds it current.
    """
    parsed: dict[str, Any] = json.loads(package_data.read_text("mtlint.rules", f"packs/{BUILTIN_PARSED}"))
    return parsed


@cache
def stored_literals() -> dict[str, Literals]:
    """The literals of the built-in packs' patterns, by pattern (see _parsed)."""
    return {
        pattern: Literals(
            None if conditions is None else tuple(frozenset(c) for c in conditions),
            None if prefixes is None else tuple(prefixes),
        )
        for pattern, (conditions, prefixes) in _parsed()["patterns"].items()
    }


class PackRule(Rule[NoOptions]):
    """Base of rules built from a pack: report every entry match within the pack's scope."""

    pack: ClassVar[Pack]

    reads_packs = True

    def __init__(
        self,
        options: NoOptions | None = None,
        severity: Severity | None = None,
        extra_entries: tuple[PackEntry, ...] = (),
    ) -> None:
        super().__init__(options, severity, extra_entries)
        self.entries = self.pack.entries + self.extra_entries

    @cached_property
    def _prefilter(self) -> EntryPrefilter:
        return prefilter(self.entries)

    def scopes(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self.pack.scope == "text":
            yield 0, len(doc.prose)
        elif self.pack.scope == "paragraph":
            for b in doc.blocks:
                yield b.start, b.end
        else:
            for b in doc.blocks:
                for line in range(b.first_line, b.last_line + 1):
                    s, e, _ = doc.line_span(line)
                    yield max(s, b.start), min(e, b.end)

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.prose
        # One scan for every entry's literals: which entries can match, and where their literals are.
        where = self._prefilter.occurrences(text)
        possible = self._prefilter.possible(text, present=set(where) if where else None)
        if not possible:
            return
        scopes = [(s, e) for s, e in self.scopes(doc) if e > s]
        starts = [s for s, _ in scopes]
        for i, entry in enumerate(self.entries):
            if i not in possible:
                continue
            # Only scopes that hold one of the entry's best literals can hold a match.
            best = entry.regex.literals
            if best is None or not where:
                candidates = list(range(len(scopes)))
            else:
                hits = {bisect.bisect_right(starts, p) - 1 for lit in best for p in where.get(lit, ())}
                candidates = sorted(j for j in hits if j >= 0)
            matches: Iterator[Match[str]]
            if _ENDPOS_SENSITIVE.search(entry.source) or len(scopes) < 4 or len(candidates) * 4 < len(scopes):
                matches = (m for j in candidates for m in entry.finditer(text, *scopes[j]))
            else:
                matches = self._whole_text(entry, text, scopes, starts)
            for m in matches:
                if m.end() == m.start():
                    continue
                if entry.whole:
                    i = bisect.bisect_right(starts, m.start()) - 1
                    s, e = scopes[i]
                    if text[s : m.start()].strip() or text[m.end() : e].strip():
                        continue
                yield self._finding(entry, m)

    @staticmethod
    def _whole_text(
        entry: PackEntry, text: str, scopes: list[tuple[int, int]], starts: list[int]
    ) -> Iterator[regex.Match[str]]:
        """Match once over the whole text and keep matches inside one scope (one call, not one per scope).

        A match that runs over a scope's edge is not what the scoped search would find, so the scopes it
        touches are searched again on their own. Entries whose meaning depends on where a scope ends
        (anchors, lookahead) never come here.
        """
        kept: list[tuple[int, regex.Match[str]]] = []
        again: set[int] = set()
        for m in entry.finditer(text, 0, len(text)):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= scopes[i][1] and m.start() < scopes[i][1]:
                kept.append((i, m))
                continue
            j = max(i, 0)
            while j < len(scopes) and scopes[j][0] < max(m.end(), m.start() + 1):
                if scopes[j][1] > m.start():
                    again.add(j)
                j += 1
        for i, m in kept:
            if i not in again:
                yield m
        for i in sorted(again):
            yield from entry.finditer(text, *scopes[i])

    def _finding(self, entry: PackEntry, m: regex.Match[str]) -> Finding:
        fix = None
        replacement = entry.replacement
        if replacement is not None:
            replacement = _match_case(m.group(0), m.expand(replacement) if "\\" in replacement else replacement)
            fix = Fix((Edit(m.start(), m.end(), replacement),), self.pack.applicability)
        template = entry.message or self.pack.message
        message = template.format(match=m.group(0), replacement=replacement or "", name=self.name)
        if replacement and "{replacement}" not in template:
            message += f" Suggestion: '{replacement}'."
        return self.finding(m.start(), m.end(), message, fix)


class EntryPrefilter(Prefilter):
    """A Prefilter over pack entries, which also names the entries that may match a text."""

    def __init__(self, entries: tuple[PackEntry, ...]) -> None:
        super().__init__(e.regex for e in entries)
        self.entries = entries

    def entries_in(self, text: str, pos: int = 0, endpos: int | None = None) -> list[PackEntry]:
        """The entries that may match in `text[pos:endpos]`, in their order (the others cannot)."""
        return [self.entries[i] for i in self.candidates(text, pos, endpos)]


@lru_cache(maxsize=32)
def prefilter(entries: tuple[PackEntry, ...]) -> EntryPrefilter:
    """One scan of a text for the required literals of every entry (see Prefilter)."""
    return EntryPrefilter(entries)


def _match_case(original: str, replacement: str) -> str:
    """Carry an initial capital over to the replacement ("In the wind" -> "In vain")."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def pack_rule_class(pack: Pack) -> type[PackRule]:
    """Make a Rule class from a pack that defines its own rule."""
    if pack.extends:
        raise PackError(f"{pack.path}: extends {pack.extends!r}; it is not a rule of its own")
    lines = [pack.description.strip() or f"Phrases listed in the {pack.name} pack ({pack.path}).", "", "Entries:"]
    for e in pack.entries:
        hint = f" -> {e.replacement}" if e.replacement else ""
        note = f"  ({e.note})" if e.note else ""
        lines.append(f"  - {e.source}{hint}{note}")
    attrs = {
        "__doc__": "\n".join(lines),
        "__module__": __name__,
        "pack": pack,
        "code": pack.code,
        "name": pack.name,
        "category": pack.category,
        "severity": pack.severity,
        "fixable": any(e.replacement is not None for e in pack.entries),
    }
    cls: type[PackRule] = type(f"Pack_{pack.code}", (PackRule,), attrs)
    cls.validate_class()
    return cls
