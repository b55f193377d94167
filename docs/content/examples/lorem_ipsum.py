"""An mtlint plug-in: one rule, shipped in a distribution of its own (module acme_rules/lorem_ipsum.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtlint import Document, Edit, Finding, Fix, Rule, RuleOptions, Severity

_LOREM = regex.compile(r"\blorem ipsum\b", regex.IGNORECASE)  # compiled once, at import


@dataclass(frozen=True)
class LoremIpsumOptions(RuleOptions):
    replacement: str = "TODO"  # [tool.mtlint.rules.lorem-ipsum] replacement = "..."


class LoremIpsum(Rule[LoremIpsumOptions]):
    """Placeholder text left in a published article.

    Bad:  `Lorem ipsum dolor.`
    Good: the real text.

    Fix (safe): the `replacement` option, so the placeholder is easy to find again.
    """

    code = "ACME001"  # stable forever, never reused
    name = "lorem-ipsum"  # kebab-case, selectable like the code
    category = "boilerplate"
    severity = Severity.ERROR
    fixable = True
    Options = LoremIpsumOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        # Pure: read the document (doc.prose has Markdown markup blanked out), yield findings.
        for m in _LOREM.finditer(doc.prose):
            edit = Edit(m.start(), m.end(), self.options.replacement)
            yield self.finding(m.start(), m.end(), "Placeholder text.", Fix.safe(edit))
