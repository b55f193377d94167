"""Grammar checking backends behind one small interface (used by the grammar rule).

A backend takes prose chunks and returns, for each chunk, the issues found in it, located in the
chunk's own text. `open_backend` builds the configured backend or raises ValueError with one line
saying what is missing or unreachable.
"""

from __future__ import annotations

from mtlint.rules.grammar.chunks import Chunk
from mtlint.rules.grammar.issues import Backend, GrammarError, Issue
from mtlint.rules.grammar.settings import GrammarSettings


def open_backend(settings: GrammarSettings) -> Backend:
    """Build the backend the settings name; ValueError (one line) when it cannot work."""
    # Each backend imports its client library when opened: a run without MT501 pays for neither.
    if settings.options.backend == "harper":
        from mtlint.rules.grammar.harper import HarperBackend  # lazy, as above

        return HarperBackend.open(settings)
    from mtlint.rules.grammar.languagetool import LanguageToolBackend  # lazy, as above

    return LanguageToolBackend.open(settings)


__all__ = ["Backend", "Chunk", "GrammarError", "GrammarSettings", "Issue", "open_backend"]
