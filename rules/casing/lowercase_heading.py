"""MT303 lowercase-heading: a heading or title line that starts in lower case."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules.casing.evidence import written_lower_always
from mtlint.text.document import BlockKind, Document
from mtlint.text.lines import STOPWORDS, stanza_lines
from mtlint.text.regexes import compiled

_FIRST_WORD = compiled(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-.@/_]*")
_WORD = compiled(r"[\p{L}\p{M}\p{N}]+")
# What follows a word that is code, not prose: an (escaped) underscore, a call, an attribute, an assignment.
_IDENTIFIER_TAIL = compiled(r"\\?_|\(|\.\w|::|[ \t]*=(?!=)|[ \t]+\w+[ \t]*=[^=]")
_CREDIT_WORDS = frozenset({"by", "via"})
# Words after `by` in a byline whatever their case (`by staff reporter`; not `by the numbers`).
_CREDIT_MAX_NAME_WORDS = 3
# A command or code rather than a title: an option, a file name with its extension (not an abbreviation
# such as "U.S." or "e.g."), a path of two slashes or from the root, an assignment, a call, an identifier
# with an underscore, a line that opens a block (`class Something:`).
_COMMAND = compiled(
    r"(?:^|\s)--?[A-Za-z]|[\w\-]{2,}\.[a-z][a-z0-9]{0,3}\b|(?:^|\s)~?/\S|\w/[\w.\-]+/|\S=\S|\s=\s|\w\(|\w_\w|\w:\s*$"
)
_CAPITALISED_SHARE = 0.75  # headings that must start with a capital for a lower-case one to stand out


class LowercaseHeading(Rule[NoOptions]):
    """A heading or title line that starts in lower case.

    Machine translation lowercases the first word of a section title when the source script has no case
    or the title was translated as part of a sentence. A heading that starts in lower case looks like a
    broken-off fragment of the paragraph before it.

    Bad:  `the broader context`
    Good: `The broader context`

    Heuristics: a Markdown heading, or in plain text a short line without final punctuation that opens the document or
    introduces prose (the document model's HEADING blocks), whose first word starts with a lower-case letter, in a
    document whose other headings start with a capital (without that evidence a lower-case short line is as likely to be
    page furniture). Not flagged: credit lines whose other words are all capitalised (`by Jane Doe`) or that name a user
    (`by admin`, `by staff reporter`), one-word lines (captions and labels such as `picture` or `archival` are the
    caption rules' business), words written in lower case on purpose (`iPhone`, `eBay`, handles, web addresses, file
    names), commands on a line of their own (`tar xzf tools.tar.gz`), and lines of verse (in plain text, lines of a
    stanza: a poem's short lines).

    Fix (safe): capitalise the first letter.
    """

    code = "MT303"
    name = "lowercase-heading"
    category = "casing"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        verse = stanza_lines(doc)  # a line of a poem that opens in lower case goes on with the line above
        headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING and b.index not in verse]
        # Evidence that this document capitalises its headings: without it, a lower-case short line
        # is as likely to be page furniture ("share this article") as a slipped title.
        initials = [b.text[:1] for b in headings if b.text[:1].isalpha()]
        capitalised = sum(c.isupper() for c in initials)
        if not capitalised or (len(initials) >= 4 and capitalised < _CAPITALISED_SHARE * len(initials)):
            return  # `# things that go well with tape`: a document that writes its headings in lower case
        for block in headings:
            m = _FIRST_WORD.match(doc.prose, block.start, block.end)
            if m is None or len(_WORD.findall(block.text)) < 2:
                continue
            word = m.group()
            rest = _WORD.findall(block.text)[1:]
            if all(w[0].isupper() or w[0].isdigit() for w in rest):
                continue  # "by Jane Doe", "via Reuters": a credit before names, not a title
            if word in _CREDIT_WORDS and len(rest) <= _CREDIT_MAX_NAME_WORDS and not STOPWORDS.intersection(rest):
                continue  # "by admin", "by staff reporter": a byline with a user name, not a title
            if not word[0].islower() or any(c.isupper() for c in word[1:]) or any(c in word for c in "@/_."):
                continue
            if doc.prose.startswith("://", m.end()) or doc.is_masked(m.start(), m.end()):
                continue
            if doc.opens_with_markup(m.start(), block.outer_start) or word.casefold() in doc.code_words:
                continue  # `## \u0060Blob\u0060 objects`, `#### prefer-online`: code opens the heading
            if _IDENTIFIER_TAIL.match(doc.text, m.end()) or _IDENTIFIER_TAIL.match(doc.text, m.end() + 1):
                continue  # `#### insert\\_one`, `## var x = f()`: code written as a heading
            if _COMMAND.search(block.text):
                continue  # `tar xfvz tools.tar.gz`, `make -j4 install`: a command on a line of its own
            if written_lower_always(doc, word):
                continue  # `## libuv constants`: a name the text always writes in lower case
            yield self.finding(
                m.start(),
                m.end(),
                f"heading starts in lower case ('{word}')",
                fix=Fix.safe(Edit(m.start(), m.start() + 1, word[0].upper())),
                word=word,
            )
