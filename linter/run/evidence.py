"""Evidence across the files of one run: how many files carry each (normalised) line.

Computed once per run as a reduction over all documents, before any rule runs, so that a rule
reading it sees the same numbers whether files are linted in one process, several, or on a cluster.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mtlint.text.document import Document
from mtlint.text.regexes import compiled

_SPACE = compiled(r"\s+")


_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")  # str.split() takes them for spaces; the regex \s does not


def normalise_line(text: str) -> str:
    """Case- and whitespace-insensitive form of a line."""
    if any(c in text for c in _SEPARATORS):
        return _SPACE.sub(" ", text).strip().casefold()
    return " ".join(text.split()).casefold()  # the same, without a pattern (it runs for every line)


def document_lines(prose: str) -> frozenset[str]:
    """The distinct normalised non-blank lines of one document (its contribution to the counts)."""
    if any(c in prose for c in _SEPARATORS):
        return frozenset(n for n in (normalise_line(line) for line in prose.splitlines()) if n)
    # normalise_line without its per-line test for separators (none in the document): the parent
    # process reads every document's lines before the workers start, so this is the serial part of a run.
    return frozenset(n for n in (" ".join(line.split()).casefold() for line in prose.splitlines()) if n)


@dataclass(frozen=True)
class CorpusStats:
    """Number of files of the run in which each normalised line occurs."""

    files: int = 0
    line_files: dict[str, int] = field(default_factory=dict, compare=False)

    @classmethod
    def from_line_sets(cls, sets: Iterable[frozenset[str]]) -> CorpusStats:
        """The counts of the documents' line sets; copies of one document (the same lines) count once:
        a licence or a page saved in several places shares its lines with itself, not a site's furniture
        with other pages."""
        counts: Counter[str] = Counter()
        n = 0
        seen: set[int] = set()  # hashes, not the sets: a run of many files keeps no second copy of them
        for s in sets:
            n += 1
            key = hash(s)
            if key not in seen:
                seen.add(key)
                counts.update(s)
        # Lines seen in one file only carry no cross-file evidence; dropping them keeps this small.
        return cls(n, {k: v for k, v in counts.items() if v > 1})

    @classmethod
    def of_documents(cls, documents: Iterable[Document]) -> CorpusStats:
        """The evidence of a set of documents (their prose lines)."""
        return cls.from_line_sets(document_lines(d.prose) for d in documents)

    def count(self, line: str) -> int:
        """In how many files of the run the line occurs (1 if only in the asking file)."""
        return self.line_files.get(normalise_line(line), 1)


@dataclass(frozen=True)
class Evidence:
    """The cross-file facts the rules of one document asked for, and the answers they got.

    Rules are pure functions of the document and of these answers, so while every answer stays the
    same their findings do too, and a warm cache reuses them without running the rules again.
    """

    counts: tuple[tuple[str, int], ...]  # (normalised line, in how many files)
    files: int | None = None  # the number of files of the run, if a rule read it

    def holds(self, stats: CorpusStats) -> bool:
        if self.files is not None and stats.files != self.files:
            return False
        # Lines are kept normalised (see _Recorder), so this is CorpusStats.count without normalising again.
        table = stats.line_files
        return all(table.get(line, 1) == n for line, n in self.counts)
