"""Name glossaries: canonical spellings of people's names, with known wrong variants.

The format is plain UTF-8 text an editor can keep, one canonical name per line, optionally followed by
a colon and the known wrong variants separated by commas; `#` starts a comment:

    Antony Blinken
    Touqir Hussain: Tougher Hussain, Touqeer Hussain   # the columnist
    S. Paul Kapur

A malformed line or an unreadable file raises ValueError naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from mtlint.engine.patterns import LazyPattern

_NAME = LazyPattern(r"[\p{L}\p{M}][\p{L}\p{M}.'’\-‐ ]*")


def _words(name: str) -> list[str]:
    return [w for w in name.split() if not (len(w) == 2 and w.endswith("."))]  # drop initials ("S.")


@dataclass(frozen=True)
class GlossaryEntry:
    """One canonical name and its known wrong variants, with where it was defined."""

    canonical: str
    variants: tuple[str, ...]
    source: str
    line: int

    @cached_property
    def surname(self) -> str:
        """The canonical name's last word, as written ("" for a name of initials only)."""
        words = _words(self.canonical)
        return words[-1] if words else ""

    @cached_property
    def given(self) -> frozenset[str]:
        """The canonical name's words before the surname, initials excluded, case-folded."""
        return frozenset(w.casefold() for w in _words(self.canonical)[:-1])


def normalise(name: str) -> str:
    """Case-folded name with single spaces, for comparisons."""
    return " ".join(name.split()).casefold()


def parse_lines(lines: Iterable[str], source: str) -> list[GlossaryEntry]:
    """Parse glossary lines; `source` names them in errors (a path, or an option name)."""
    entries = []
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        canonical, colon, rest = line.partition(":")
        canonical = " ".join(canonical.split())
        if not canonical:
            raise ValueError(f"{source}:{number}: a line needs a canonical name before ':'")
        variants = [" ".join(v.split()) for v in rest.split(",")] if colon else []
        if colon and not any(variants):
            raise ValueError(f"{source}:{number}: ':' must be followed by variants separated by commas")
        for name in (canonical, *variants):
            if not name:
                raise ValueError(f"{source}:{number}: empty variant (two commas in a row or a trailing comma)")
            if not _NAME.fullmatch(name):
                raise ValueError(f"{source}:{number}: {name!r} is not a name (letters, spaces, '.', '-', ''')")
        if any(normalise(v) == normalise(canonical) for v in variants):
            raise ValueError(f"{source}:{number}: a variant is the canonical name itself")
        entries.append(GlossaryEntry(canonical, tuple(variants), source, number))
    return entries


def load_glossary(path: Path) -> list[GlossaryEntry]:
    """Read one glossary file (parsed once per process while the file is unchanged)."""
    try:
        st = Path(path).stat()
    except FileNotFoundError:
        raise ValueError(f"{path}: glossary file not found") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read glossary: {exc.strerror or exc}") from None
    return list(_load(str(path), st.st_mtime_ns, st.st_size))


@lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> tuple[GlossaryEntry, ...]:
    """Parse `path`; the modification time and size make an edited file a new cache key."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"{path}: glossary file not found") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: glossary is not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read glossary: {exc.strerror or exc}") from None
    return tuple(parse_lines(text.splitlines(), path))


def check_unambiguous(entries: Iterable[GlossaryEntry]) -> None:
    """Raise ValueError when one variant is listed for two different canonical names."""
    owner: dict[str, GlossaryEntry] = {}
    canonical = {normalise(e.canonical) for e in entries}
    for entry in entries:
        for variant in entry.variants:
            key = normalise(variant)
            if key in canonical:
                raise ValueError(f"{entry.source}:{entry.line}: variant {variant!r} is also a canonical name")
            other = owner.setdefault(key, entry)
            if normalise(other.canonical) != normalise(entry.canonical):
                raise ValueError(
                    f"{entry.source}:{entry.line}: variant {variant!r} is already listed for "
                    f"{other.canonical!r} ({other.source}:{other.line})"
                )


@dataclass
class GlossaryIndex:
    """Glossary entries indexed for lookup by whole name, by surname and by the sound of the surname.

    A lookup touches only the entries that share a surname or a sound key with the name looked up, so a
    glossary of 100,000 names costs a few dictionary probes per mention.
    """

    canonical: dict[str, GlossaryEntry]
    variants: dict[str, GlossaryEntry]
    by_surname: dict[str, list[GlossaryEntry]]
    by_sound: dict[str, list[GlossaryEntry]]

    @classmethod
    def build(cls, entries: Iterable[GlossaryEntry], sound_keys) -> GlossaryIndex:  # type: ignore[no-untyped-def]
        """Index `entries`; `sound_keys(word)` gives the phonetic keys of a surname."""
        entries = list(entries)
        check_unambiguous(entries)
        index = cls({}, {}, {}, {})
        for entry in entries:
            index.canonical.setdefault(normalise(entry.canonical), entry)
            for variant in entry.variants:
                index.variants[normalise(variant)] = entry
            surname = entry.surname.casefold()
            if not surname:
                continue
            index.by_surname.setdefault(surname, []).append(entry)
            for key in sound_keys(surname):
                index.by_sound.setdefault(key, []).append(entry)
        return index

    def __bool__(self) -> bool:
        return bool(self.canonical)
