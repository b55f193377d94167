"""What every grammar backend speaks: the issues it returns, the error it raises, its protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from mtlint.model import RuleError
from mtlint.rules.grammar.chunks import Chunk


class GrammarError(RuleError):
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
