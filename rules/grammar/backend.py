"""Grammar checking backends behind one small interface (used by rules/grammar.py).

A backend takes prose chunks and returns, for each chunk, the issues found in it, located in the
chunk's own text. `open_backend` builds the configured backend or raises ValueError with one line
saying what is missing or unreachable.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from mtlint.rules.grammar.chunks import Chunk
from mtlint.rules.grammar.settings import GrammarSettings


class GrammarError(RuntimeError):
    """A backend failed while checking (server error, time-out, unreadable answer); one line."""


@dataclass(frozen=True)
class Issue:
    """One problem in a chunk: `text[start:end]`, the checker's rule id and message, an optional edit."""

    start: int
    end: int
    rule_id: str
    message: str
    edit: tuple[int, int, str] | None = None  # (start, end, replacement) in the chunk's text


class Backend(Protocol):
    name: str
    identity: str  # what, besides the settings, decides the findings (versions, lint list)

    def check(self, chunks: Sequence[Chunk]) -> list[list[Issue]]:
        """Return the issues of each chunk, in chunk order."""
        ...


def open_backend(settings: GrammarSettings) -> Backend:
    """Build the backend the settings name; ValueError (one line) when it cannot work."""
    if settings.options.backend == "harper":
        from mtlint.rules.grammar.harper import HarperBackend

        return HarperBackend.open(settings)
    from mtlint.rules.grammar.languagetool import LanguageToolBackend

    return LanguageToolBackend.open(settings)


__all__ = ["Backend", "Chunk", "GrammarError", "GrammarSettings", "Issue", "open_backend"]
