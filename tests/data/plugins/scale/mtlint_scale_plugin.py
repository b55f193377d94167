"""Test rules for the parallel, cache and corpus tests: one cross-file rule, one per-file rule."""
from __future__ import annotations

import os
from dataclasses import dataclass

from mtlint.rule import Rule, RuleOptions


class RepeatedLine(Rule):
    """Lines that occur in at least `min-files` files of the run (reads cross-file evidence).

    The message carries $MTLINT_TEST_MARK, so tests can tell findings reused from the cache.
    """

    code = "SCL001"
    name = "repeated-line"
    category = "boilerplate"
    uses_corpus = True

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_files: int = 3

    def check(self, doc):  # type: ignore[no-untyped-def]
        if doc.corpus is None:
            return
        for line in range(1, doc.line_count + 1):
            s, e, _ = doc.line_span(line)
            text = doc.prose[s:e]
            n = doc.corpus.count(text)
            if text.strip() and n >= self.options.min_files:
                mark = os.environ.get("MTLINT_TEST_MARK", "")
                yield self.finding(s, e, f"This line is in {n} of {doc.corpus.files} files{' ' + mark if mark else ''}.")


class MarkedWord(Rule):
    """The word 'marker'; the message carries $MTLINT_TEST_MARK so tests can tell a cache hit."""

    code = "SCL002"
    name = "marked-word"
    category = "grammar"

    def check(self, doc):  # type: ignore[no-untyped-def]
        start = 0
        while (i := doc.prose.find("marker", start)) >= 0:
            yield self.finding(i, i + 6, f"Marker {os.environ.get('MTLINT_TEST_MARK', '')}.".replace(" .", "."))
            start = i + 6


RULES = (RepeatedLine, MarkedWord)
