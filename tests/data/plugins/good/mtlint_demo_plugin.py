"""A third-party mtlint plug-in, as a separate distribution would ship it."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtlint import Edit, Finding, Fix, Rule, RuleOptions, Severity

_LOREM = regex.compile(r"\blorem ipsum\b", regex.I)


class LoremIpsum(Rule):
    """Placeholder text left in a published article.

    Bad: `Lorem ipsum dolor.`  Good: the real text.
    """

    code = "DEMO001"
    name = "lorem-ipsum"
    category = "boilerplate"
    severity = Severity.ERROR
    fixable = True

    @dataclass(frozen=True)
    class Options(RuleOptions):
        replacement: str = "TODO"

    def check(self, doc) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
        for m in _LOREM.finditer(doc.prose):
            yield self.finding(m.start(), m.end(), "Placeholder text.",
                               Fix.safe(Edit(m.start(), m.end(), self.options.replacement)))
