"""MT303 lowercase-heading: a heading or title line that starts in lower case."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import BlockKind, Document

_FIRST_WORD = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.@/_]*")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


class LowercaseHeading(Rule[NoOptions]):
    """A heading or title line that starts in lower case.

    Machine translation lowercases the first word of a section title when the source script has no case
    or the title was translated as part of a sentence. A heading that starts in lower case looks like a
    broken-off fragment of the paragraph before it.

    Bad:  `the broader context`
    Good: `The broader context`

    Heuristics: a Markdown heading, or in plain text a short line without final punctuation that opens
    the document or introduces prose (the document model's HEADING blocks), whose first word starts with
    a lower-case letter, in a document whose other headings start with a capital (without that evidence
    a lower-case short line is as likely to be page furniture). Not flagged: credit lines whose other
    words are all capitalised (`by Jane Doe`), one-word lines (captions and labels such as `picture` or `archival`
    are the caption rules' business), words written in lower case on purpose (`iPhone`, `eBay`, handles,
    web addresses, file names).

    Fix (safe): capitalise the first letter.
    """

    code = "MT303"
    name = "lowercase-heading"
    category = "casing"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
        # Evidence that this document capitalises its headings: without it, a lower-case short line
        # is as likely to be page furniture ("share this article") as a slipped title.
        if not any(b.text[:1].isupper() for b in headings):
            return
        for block in headings:
            m = _FIRST_WORD.match(doc.prose, block.start, block.end)
            if m is None or len(_WORD.findall(block.text)) < 2:
                continue
            word = m.group()
            rest = _WORD.findall(block.text)[1:]
            if all(w[0].isupper() or w[0].isdigit() for w in rest):
                continue  # "by Jane Doe", "via Reuters": a credit before names, not a title
            if not word[0].islower() or any(c.isupper() for c in word[1:]) or any(c in word for c in "@/_."):
                continue
            if doc.prose.startswith("://", m.end()) or doc.is_masked(m.start(), m.end()):
                continue
            yield self.finding(
                m.start(),
                m.end(),
                f"heading starts in lower case ('{word}')",
                fix=Fix.safe(Edit(m.start(), m.start() + 1, word[0].upper())),
                word=word,
            )
