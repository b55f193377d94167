"""A plug-in whose rule raises on some input, as MT405 once did: a quote shape missing from its table."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from mtlint import Finding, Rule, Severity

_QUOTE = regex.compile(r"[“”„]")
_NAMES = {"“": "left", "”": "right"}  # no entry for the low-9 quote „: a KeyError on text that has one


class QuoteStyle(Rule):
    """Curly quotes where the house style wants straight ones."""

    code = "CRASH001"
    name = "quote-style"
    category = "broken-sentence"
    severity = Severity.INFO

    def check(self, doc) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
        for m in _QUOTE.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), f"Curly {_NAMES[m.group()]} quote.")
